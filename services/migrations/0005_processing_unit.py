"""A service's processing time as a unit and an amount beside its text, so that case due
dates can be measured against it; existing services get them read from their text."""

from django.db import migrations, models

from services.processing_time import parse_processing_time


def fill_from_text(apps, schema_editor):
    Service = apps.get_model("services", "Service")
    services = list(Service.objects.only("pk", "processing_time"))
    for service in services:
        service.processing_unit, service.processing_amount = parse_processing_time(
            service.processing_time
        )
    Service.objects.bulk_update(
        services, ["processing_unit", "processing_amount"], batch_size=500
    )


class Migration(migrations.Migration):
    dependencies = [
        ("services", "0004_search_word_forms"),
    ]

    operations = [
        migrations.AddField(
            model_name="service",
            name="processing_amount",
            field=models.PositiveSmallIntegerField(
                blank=True,
                help_text=(
                    "Mis. 5 untuk 5 hari kerja. Kosongkan bila selesai pada hari yang sama "
                    "atau tidak ditentukan."
                ),
                null=True,
                verbose_name="jumlah satuan jangka waktu",
            ),
        ),
        migrations.AddField(
            model_name="service",
            name="processing_unit",
            field=models.CharField(
                blank=True,
                choices=[
                    ("", "tidak ditentukan"),
                    ("same_day", "Selesai pada hari yang sama"),
                    ("hours", "jam"),
                    ("days", "hari kalender"),
                    ("working_days", "hari kerja"),
                ],
                default="",
                help_text=(
                    "Dipakai untuk menghitung batas waktu penyelesaian berkas warga. Pilih "
                    "“tidak ditentukan” bila jangka waktunya tidak dapat diukur."
                ),
                max_length=16,
                verbose_name="satuan jangka waktu",
            ),
        ),
        migrations.RunPython(fill_from_text, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="service",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(
                        ("processing_amount__gte", 1),
                        ("processing_amount__isnull", False),
                        ("processing_unit__in", ("hours", "days", "working_days")),
                    ),
                    models.Q(
                        ("processing_amount__isnull", True),
                        ("processing_unit__in", ["", "same_day"]),
                    ),
                    _connector="OR",
                ),
                name="service_processing_amount_with_unit",
            ),
        ),
    ]
