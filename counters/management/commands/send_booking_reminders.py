"""Remind tomorrow's booked visitors (e-mail and messages, sent by the worker); safe to run
twice or on several nodes."""

from django.core.management.base import BaseCommand

from counters.booking.services import booking_send_reminders


class Command(BaseCommand):
    help = "Antrekan pengingat reservasi besok (email dan pesan; aman dijalankan berulang)."

    def handle(self, *args, **options):
        sent = booking_send_reminders()
        self.stdout.write(f"Pengingat diantrekan: {sent}")
