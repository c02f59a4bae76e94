"""Erase citizens' personal data from bookings older than the retention period."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand

from common import clock
from counters.booking.services import bookings_anonymise


class Command(BaseCommand):
    help = "Hapus nama, NIK, ponsel dan email reservasi yang lebih lama dari masa simpan."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.PERSONAL_DATA_RETENTION_DAYS,
            help="masa simpan dalam hari (bawaan PERSONAL_DATA_RETENTION_DAYS)",
        )

    def handle(self, *args, days: int, **options):
        before = clock.today() - timedelta(days=max(days, 1))
        count = bookings_anonymise(before=before)
        self.stdout.write(f"{count} reservasi sebelum {before:%d-%m-%Y} dianonimkan.")
