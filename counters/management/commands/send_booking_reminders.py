"""Email tomorrow's booked visitors a reminder; safe to run twice or on several nodes."""

from django.core.management.base import BaseCommand

from counters.booking.services import booking_send_reminders


class Command(BaseCommand):
    help = "Kirim email pengingat untuk reservasi besok (aman dijalankan berulang)."

    def handle(self, *args, **options):
        sent = booking_send_reminders()
        self.stdout.write(f"Pengingat terkirim: {sent}")
