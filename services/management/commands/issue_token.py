"""Issue (or revoke) an API bearer token for a staff user or a kiosk."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from services.models import ApiToken, Location, hash_token
from services.services import api_tokens_revoke


class Command(BaseCommand):
    help = "Buat token API untuk pengguna (--user) atau kios (--kiosk LOKASI); --revoke mencabut."

    def add_arguments(self, parser):
        target = parser.add_mutually_exclusive_group(required=True)
        target.add_argument("--user", help="nama pengguna staf")
        target.add_argument("--kiosk", help="slug lokasi kios")
        parser.add_argument("--name", default="", help="keterangan token")
        parser.add_argument(
            "--revoke", action="store_true", help="cabut semua token aktif milik sasaran ini"
        )

    def handle(self, *args, user, kiosk, name, revoke, **options):
        owner = self._owner(user=user, kiosk=kiosk)
        if revoke:
            count = api_tokens_revoke(ApiToken.objects.filter(**owner))
            self.stdout.write(f"{count} token dicabut.")
            return
        raw = ApiToken.generate()
        ApiToken.objects.create(
            **owner,
            name=name or (f"kios {kiosk}" if kiosk else f"pengguna {user}"),
            key_hash=hash_token(raw),
            prefix=raw[:8],
        )
        # Printed once: only the hash is stored.
        self.stdout.write(raw)

    def _owner(self, *, user, kiosk) -> dict:
        if user:
            found = get_user_model().objects.filter(username=user, is_active=True).first()
            if found is None:
                raise CommandError(f"Pengguna aktif '{user}' tidak ditemukan.")
            return {"user": found}
        location = Location.objects.filter(slug=kiosk).first()
        if location is None:
            raise CommandError(f"Lokasi '{kiosk}' tidak ditemukan.")
        return {"kiosk_location": location}
