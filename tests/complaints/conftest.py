"""Fixtures of the complaint tests: the mall's complaint officer, the default categories,
complaints filed the way the services file them, a temporary MEDIA_ROOT, and a visitor's way
through the intake form (its question in words answered as a person would)."""

import re

import pytest
from django.conf import settings
from django.contrib.auth.models import Group

from complaints import services as complaints
from complaints.challenge import WORDS
from complaints.models import ComplaintCategory
from tests.factories import ServiceFactory, UserFactory

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


QUESTION = re.compile(r"Berapa (\w+) ditambah (\w+)\?")
TOKEN = re.compile(r'name="challenge_token" value="([^"]+)"')


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def ktp(agency_a, location):
    return ServiceFactory(agency=agency_a, slug="ktp-el", name="KTP-el", locations=[location])


def answered(html: str) -> dict:
    """The challenge of the page, answered: its token and the sum of its two words."""
    numbers = {str(word): value for value, word in WORDS.items()}
    first, second = QUESTION.search(html).groups()
    return {
        "challenge_token": TOKEN.search(html).group(1),
        "challenge_answer": str(numbers[first] + numbers[second]),
    }


def form_data(category, **fields) -> dict:
    return {
        "category": category.pk,
        "subject": "Antrean KTP-el tidak dipanggil",
        "description": "Saya menunggu tiga jam, loket 2 kosong.",
        "identity": "anonymous",
        **fields,
    }


def post_complaint(client, category, path="/pengaduan/", **fields):
    """GET the form, then POST it answered, as a browser without JavaScript does."""
    page = client.get(path).content.decode()
    return client.post(path, {**form_data(category, **fields), **answered(page)})
