"""The categories a new installation starts with; the mall admin edits them afterwards."""

from django.db import migrations

CATEGORIES = [
    # slug, name, resolution target in working days, mall officers only
    ("pelayanan-lambat", "Pelayanan lambat atau berbelit", 14, False),
    ("persyaratan-informasi", "Persyaratan atau informasi tidak jelas", 7, False),
    ("biaya-pungli", "Biaya tidak sesuai atau pungutan liar", 14, True),
    ("perilaku-petugas", "Perilaku atau pelanggaran petugas", 14, True),
    ("sarana-prasarana", "Sarana dan prasarana", 14, False),
    ("lainnya", "Lainnya", 30, False),
]


def create(apps, schema_editor):
    category = apps.get_model("complaints", "ComplaintCategory")
    for order, (slug, name, days, officers_only) in enumerate(CATEGORIES):
        category.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "resolution_days": days,
                "officers_only": officers_only,
                "order": order,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("complaints", "0001_initial")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
