import complaints.models
import django.db.models.deletion
from django.db import migrations, models


# What each starting category covers, in the citizen's words, for the intake form; the
# mall admin edits them afterwards (a description already written is kept).
DESCRIPTIONS = {
    "pelayanan-lambat": "Antrean atau proses yang melewati waktu yang dijanjikan, atau "
    "prosedur yang berbelit.",
    "persyaratan-informasi": "Persyaratan, prosedur atau biaya yang tidak diumumkan, berbeda "
    "dari yang tertulis, atau membingungkan.",
    "biaya-pungli": "Diminta membayar di luar tarif resmi atau dimintai imbalan. Ditangani "
    "langsung oleh petugas pengaduan MPP, tidak oleh instansi.",
    "perilaku-petugas": "Petugas yang tidak sopan, membeda-bedakan, atau melanggar aturan. "
    "Ditangani langsung oleh petugas pengaduan MPP, tidak oleh instansi.",
    "sarana-prasarana": "Ruang tunggu, toilet, akses disabilitas, parkir, mesin antrean atau "
    "jaringan yang bermasalah.",
    "lainnya": "Hal lain tentang pelayanan di MPP.",
}


def describe(apps, schema_editor):
    category = apps.get_model("complaints", "ComplaintCategory")
    for slug, description in DESCRIPTIONS.items():
        category.objects.filter(slug=slug, description="").update(description=description)


class Migration(migrations.Migration):

    dependencies = [
        ('complaints', '0003_identity_access'),
    ]

    operations = [
        migrations.CreateModel(
            name='ComplaintPhoto',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('image', models.ImageField(upload_to=complaints.models.photo_path, verbose_name='foto')),
                ('width', models.PositiveIntegerField(editable=False, verbose_name='lebar')),
                ('height', models.PositiveIntegerField(editable=False, verbose_name='tinggi')),
                ('complaint', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='photos', to='complaints.complaint', verbose_name='pengaduan')),
            ],
            options={
                'verbose_name': 'foto pengaduan',
                'verbose_name_plural': 'foto pengaduan',
                'ordering': ['id'],
            },
        ),
        migrations.RunPython(describe, migrations.RunPython.noop),
    ]
