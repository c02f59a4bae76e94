"""make backup / make restore: a dump restores exactly what was there."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from services.models import Agency
from tests.factories import AgencyFactory


@pytest.mark.django_db(transaction=True)
def test_backup_then_restore_round_trips_the_data(tmp_path):
    AgencyFactory(slug="dukcapil", name="Dinas Kependudukan dan Pencatatan Sipil")
    dump = tmp_path / "mpp.dump"
    call_command("backup_db", "--output", str(dump), stdout=StringIO())
    assert dump.stat().st_size > 0

    Agency.objects.filter(slug="dukcapil").update(name="diubah setelah cadangan")
    AgencyFactory(slug="baru-setelah-cadangan")

    call_command("restore_db", str(dump), "--yes", stdout=StringIO())
    assert list(Agency.objects.values_list("slug", "name")) == [
        ("dukcapil", "Dinas Kependudukan dan Pencatatan Sipil")
    ]


@pytest.mark.django_db
def test_restore_refuses_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="tidak ada"):
        call_command("restore_db", str(tmp_path / "tidak-ada.dump"), "--yes")


@pytest.mark.django_db(transaction=True)
def test_restore_of_a_broken_file_changes_nothing(tmp_path):
    AgencyFactory(slug="samsat")
    broken = tmp_path / "rusak.dump"
    broken.write_bytes(b"PGDMP not really a dump")
    with pytest.raises(CommandError):
        call_command("restore_db", str(broken), "--yes", stdout=StringIO())
    assert Agency.objects.filter(slug="samsat").exists()
