"""Fill the database with realistic Kutai Timur demo data; safe to run again."""

from importlib import import_module

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django_scopes import scopes_disabled

from services.demo import DEMO_PASSWORD

# Each app's demo module has seed(*, always_open) and runs after the ones it builds on.
DEMO_MODULES = [
    "services.demo",
    "counters.queue.demo",
    "counters.survey.demo",
    "cases.demo",
    "umkm.demo",
    "complaints.demo",
    "oversight.demo",
]


class Command(BaseCommand):
    help = "Isi data contoh Kutai Timur (idempoten)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--always-open",
            action="store_true",
            help="Buka instansi contoh di expo-sangatta setiap hari, 24 jam (untuk mencoba).",
        )
        parser.add_argument(
            "--force", action="store_true", help="Buat akun contoh walaupun DEBUG mati."
        )
        parser.add_argument(
            "--scale",
            choices=["demo", "large"],
            default="demo",
            help="large: tambah data sebesar kabupaten untuk `make bench` (1 juta tiket).",
        )

    def handle(self, *args, always_open: bool, force: bool, scale: str, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG mati: seed_demo menolak membuat akun contoh. Pakai --force bila yakin."
            )
        with transaction.atomic(), scopes_disabled():
            for name in DEMO_MODULES:
                try:
                    module = import_module(name)
                except ModuleNotFoundError as error:
                    if error.name != name:
                        raise
                    continue
                module.seed(always_open=always_open)
        if scale == "large":
            from mpp.large_dataset import build_large_dataset

            with transaction.atomic(), scopes_disabled():
                self.stdout.write(f"Data besar: {build_large_dataset()}")
        self.stdout.write(self.style.SUCCESS("Data contoh siap."))
        self.stdout.write(
            f"Akun contoh (kata sandi {DEMO_PASSWORD}): admin (pengelola MPP), "
            "<instansi>-admin (admin instansi), <instansi>-loket (petugas loket), "
            "mis. dukcapil-admin, dukcapil-loket; pengaduan (petugas pengaduan MPP)."
        )
