"""Write a pg_dump (custom format) of the database to a file."""

from pathlib import Path
from subprocess import CalledProcessError

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from mpp.backup import database_backup


class Command(BaseCommand):
    help = "Cadangkan basis data ke satu berkas (pg_dump format custom)."

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, help="berkas tujuan")

    def handle(self, *args, output: Path | None, **options):
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        output = output or Path("backups") / f"mpp-{stamp}.dump"
        try:
            database_backup(output=output)
        except CalledProcessError as error:
            raise CommandError(error.stderr.decode(errors="replace")) from error
        self.stdout.write(str(output))
