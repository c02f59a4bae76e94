"""Side effects after commit: a failure is logged, the committed write stands, no request
sees it; every on_commit of the project goes through the one helper."""

import logging
import re
from pathlib import Path

import pytest
from django.db import transaction

from common.mail import email_message, one_line
from common.side_effects import after_commit
from tests.factories import UserFactory

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db(transaction=True)
def test_a_failing_side_effect_is_logged_and_the_committed_write_stands(caplog):
    def broken():
        raise ValueError("server surat mati")

    with caplog.at_level(logging.ERROR, logger="mpp.side_effects"), transaction.atomic():
        user = UserFactory(username="tetap-ada")
        after_commit(broken)
    assert type(user).objects.filter(username="tetap-ada").exists()
    assert "server surat mati" in caplog.text


@pytest.mark.django_db(transaction=True)
def test_a_side_effect_runs_only_after_the_commit():
    ran = []
    with transaction.atomic():
        after_commit(lambda: ran.append(True))
        assert ran == []
    assert ran == [True]


def test_no_code_of_the_project_calls_on_commit_but_the_helper():
    helper = ROOT / "common" / "side_effects.py"
    offenders = [
        str(path.relative_to(ROOT))
        for app in ("common", "counters", "mpp", "services", "umkm")
        for path in (ROOT / app).rglob("*.py")
        if path != helper and re.search(r"\bon_commit\(", path.read_text())
    ]
    assert offenders == []


@pytest.mark.parametrize(
    "text", ["Toko\nBaru", "Toko\r\nBaru", "Toko\u2028Baru", "Toko\x85Baru", " Toko \t Baru "]
)
def test_an_email_subject_is_always_one_line(text):
    assert one_line(text) == "Toko Baru"
    message = email_message(subject=text, body="isi", to=["a@example.com"])
    assert message.message()["Subject"] == "Toko Baru"
