"""Complaint fixtures: a temporary MEDIA_ROOT, a service to complain about, and a visitor's
way through the intake form (its question in words answered as a person would)."""

import re

import pytest

from complaints.challenge import WORDS
from complaints.models import ComplaintCategory
from tests.factories import ServiceFactory

QUESTION = re.compile(r"Berapa (\w+) ditambah (\w+)\?")
TOKEN = re.compile(r'name="challenge_token" value="([^"]+)"')


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def slow(db):
    return ComplaintCategory.objects.get(slug="pelayanan-lambat")


@pytest.fixture
def pungli(db):
    return ComplaintCategory.objects.get(slug="biaya-pungli")


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


def file_complaint(client, category, path="/pengaduan/", **fields):
    """GET the form, then POST it answered, as a browser without JavaScript does."""
    page = client.get(path).content.decode()
    return client.post(path, {**form_data(category, **fields), **answered(page)})
