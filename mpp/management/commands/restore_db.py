"""Replace the database's contents with a dump made by backup_db."""

from pathlib import Path
from subprocess import CalledProcessError

from django.core.management.base import BaseCommand, CommandError

from mpp.backup import database_restore


class Command(BaseCommand):
    help = "Pulihkan basis data dari berkas cadangan (semua atau tidak sama sekali)."

    def add_arguments(self, parser):
        parser.add_argument("source", type=Path, help="berkas cadangan dari backup_db")
        parser.add_argument("--yes", action="store_true", help="jangan minta konfirmasi")

    def handle(self, *args, source: Path, yes: bool, **options):
        if not source.is_file():
            raise CommandError(f"Berkas {source} tidak ada.")
        if not yes and input("Seluruh isi basis data akan diganti. Lanjut? [y/N] ") != "y":
            raise CommandError("Dibatalkan.")
        try:
            database_restore(source=source)
        except CalledProcessError as error:
            raise CommandError(error.stderr.decode(errors="replace")) from error
        self.stdout.write(f"Dipulihkan dari {source}.")
