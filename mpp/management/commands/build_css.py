"""`manage.py build_css`: rewrite static/css/bootstrap.trimmed.css after templates change."""

from django.core.management.base import BaseCommand

from mpp import trimmed_css


class Command(BaseCommand):
    help = "Tulis ulang static/css/bootstrap.trimmed.css dari kelas yang dipakai template."

    def handle(self, *args, **options):
        path = trimmed_css.output_path()
        path.write_text(trimmed_css.build())
        self.stdout.write(f"{path} ({path.stat().st_size} bytes)")
