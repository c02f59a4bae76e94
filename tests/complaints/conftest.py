"""Fixtures of the complaint tests: the mall's complaint officer, the default categories
and complaints filed the way the citizen's form files them."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group

from complaints import services as complaints
from complaints.models import ComplaintCategory
from tests.factories import UserFactory

CONFIDENTIAL = {"name": "Rina Wulandari", "phone": "0812 3456 7890", "email": "rina@contoh.id"}


@pytest.fixture
def officer(db):
    user = UserFactory(username="petugas-pengaduan-1", email="petugas@mpp.test")
    user.groups.add(Group.objects.get_or_create(name=settings.COMPLAINT_OFFICER_GROUP)[0])
    return user


@pytest.fixture
def slow(db):
    return ComplaintCategory.objects.get(slug="pelayanan-lambat")


@pytest.fixture
def pungli(db):
    return ComplaintCategory.objects.get(slug="biaya-pungli")


def file_complaint(category, *, confidential: bool = True, **extra):
    data = {
        "category": category,
        "subject": "Antrian KTP-el tidak dipanggil",
        "description": "Saya menunggu tiga jam, loket 2 kosong.",
        "identity": "confidential" if confidential else "anonymous",
        **(CONFIDENTIAL if confidential else {}),
    }
    complaint, _secret = complaints.complaint_submit(**{**data, **extra})
    return complaint


def forwarded(category, agency, officer, **extra):
    """Filed, verified and forwarded to `agency` by the officer."""
    complaint = file_complaint(category, agency=agency, **extra)
    complaint = complaints.complaint_verify(complaint=complaint, officer=officer)
    return complaints.complaint_forward(
        complaint=complaint, officer=officer, agency=agency, reason="Wewenang instansi ini"
    )
