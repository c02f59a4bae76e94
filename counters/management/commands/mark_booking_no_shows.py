"""Mark booked visits whose check-in window has closed as no-shows (run every few minutes)."""

from django.core.management.base import BaseCommand

from counters.booking.services import booking_mark_no_shows


class Command(BaseCommand):
    help = "Tandai reservasi yang tidak check-in sampai batas waktunya sebagai tidak datang."

    def handle(self, *args, **options):
        marked = booking_mark_no_shows()
        self.stdout.write(f"Ditandai tidak datang: {marked}")
