"""Make the display board's announcement clips (run by `make` set-up and before collectstatic)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from counters.queue.announcement_audio import AudioToolMissing, build_clips, default_folder


class Command(BaseCommand):
    help = "Buat klip suara panggilan antrian (espeak-ng, suara Indonesia) untuk layar antrian."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", type=Path, default=None, help="folder tujuan (bawaan static/announcement)"
        )

    def handle(self, *args, output: Path | None, **options):
        folder = output or default_folder()
        try:
            clips = build_clips(folder)
        except AudioToolMissing as error:
            raise CommandError(str(error)) from error
        size = sum(path.stat().st_size for path in clips.values())
        self.stdout.write(f"{len(clips)} klip, {size / 1024:.0f} KiB, di {folder}")
