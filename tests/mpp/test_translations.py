"""English is the second language: every string has a translation, and the compiled
catalogue that Django reads says what the .po file says."""

from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"
ENTRIES = [entry for entry in polib.pofile(str(CATALOGUE)) if not entry.obsolete]


def test_every_string_is_translated_and_none_is_fuzzy():
    assert [e.msgid for e in ENTRIES if not e.translated()] == []


def test_the_compiled_catalogue_matches_the_po_file():
    """Fails when django.po was edited without `manage.py compilemessages`."""
    stale = []
    with translation.override("en"):
        for entry in ENTRIES:
            if entry.msgid_plural:
                said = [translation.ngettext(entry.msgid, entry.msgid_plural, n) for n in (1, 2)]
                meant = [entry.msgstr_plural[0], entry.msgstr_plural[1]]
            elif entry.msgctxt:
                said, meant = translation.pgettext(entry.msgctxt, entry.msgid), entry.msgstr
            else:
                said, meant = translation.gettext(entry.msgid), entry.msgstr
            if said != meant:
                stale.append(entry.msgid)
    assert stale == []


@pytest.mark.django_db
def test_the_english_switch_shows_pages_in_english(client, agency_a):
    client.get("/bahasa/en/")
    body = client.get("/layanan/").content.decode()
    assert 'lang="en"' in body
    with translation.override("en"):
        assert translation.gettext("Langsung ke konten") in body
    assert "Langsung ke konten" not in body


@pytest.mark.django_db
def test_an_english_browser_still_gets_indonesian_until_it_chooses(client, agency_a):
    body = client.get("/layanan/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert 'lang="id"' in body and "Langsung ke konten" in body
