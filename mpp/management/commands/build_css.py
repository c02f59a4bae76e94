"""`manage.py build_css`: write static/css/bootstrap.trimmed.css from the Bootstrap package,
cut to the classes the templates, forms and scripts use (make's set-up runs it)."""

from django.core.management.base import BaseCommand

from mpp import trimmed_css


class Command(BaseCommand):
    help = "Tulis static/css/bootstrap.trimmed.css dari Bootstrap dan kelas yang dipakai template."

    def handle(self, *args, **options):
        path = trimmed_css.output_path()
        css = trimmed_css.build()
        # Unchanged: left alone, so that nothing downstream sees a new file for nothing.
        if not path.exists() or path.read_text() != css:
            path.write_text(css)
        self.stdout.write(f"{path} ({path.stat().st_size} bytes)")
