"""A visitor's written suggestion reaches the agency's inbox and the mall's; staff who read
the agency's reports answer a consented contact once and mark it handled with a note."""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from counters.models import ELEMENT_FIELDS, Suggestion, SuggestionEvent, SurveyResponse
from counters.survey.services import survey_submit
from counters.survey.suggestions.services import suggestion_handle, suggestion_reply
from notifications.models import Consent, Message
from tests.counters.survey.conftest import ANSWER, serve_to_done
from tests.jobs import run_jobs

pytestmark = pytest.mark.django_db

PHONE = "+6281234567890"


def form_data(**overrides):
    data = dict.fromkeys(ELEMENT_FIELDS, "3")
    data |= {"age": "41", "sex": "L", "education": "d4_s1", "occupation": "pns"}
    data |= {"suggestion": "Mohon tambah kursi di ruang tunggu."}
    return data | overrides


def rated(ticket, text="Parkir penuh pagi hari.", **contact) -> Suggestion:
    response = survey_submit(ticket=ticket, answers=[3] * 9, suggestion=text, **ANSWER, **contact)
    with scopes_disabled():
        return Suggestion.objects.get(response=response)


def with_contact(ticket, text="Parkir penuh pagi hari.") -> Suggestion:
    return rated(ticket, text, contact_phone=PHONE, message_channels=["whatsapp"])


def inbox(agency) -> str:
    return reverse("counters:suggestion_inbox", args=[agency.slug])


def step(suggestion, name) -> str:
    return reverse("counters:suggestion_step", args=[suggestion.agency.slug, suggestion.pk, name])


@pytest.fixture
def another_done(service_a, location, counter_a, operator_a, done_ticket):
    return serve_to_done(
        service=service_a, location=location, counter=counter_a, operator=operator_a
    )


@pytest.fixture
def done_b(service_b, location, counter_b, operator_b):
    return serve_to_done(
        service=service_b, location=location, counter=counter_b, operator=operator_b
    )


# --- The survey form ---------------------------------------------------------------------


def test_a_suggestion_with_a_consented_phone_arrives_open_with_its_contact(
    client, done_ticket, phone_channels
):
    url = reverse("counters:survey", args=[done_ticket.code])
    response = client.post(url, form_data(contact_phone="0812 3456 7890", contact_consent="on"))
    assert response.status_code == 302
    with scopes_disabled():
        suggestion = Suggestion.objects.select_related("response").get()
    assert suggestion.status == Suggestion.Status.OPEN
    assert suggestion.phone == PHONE
    assert suggestion.response.suggestion == "Mohon tambah kursi di ruang tunggu."
    assert set(Consent.objects.values_list("channel", "purpose")) == {
        ("whatsapp", "suggestion"),
        ("sms", "suggestion"),
    }


@pytest.mark.parametrize(
    ("extra", "message", "status"),
    [
        ({"contact_phone": "0812 3456 7890"}, "hanya disimpan dengan persetujuan", 422),
        (
            {"contact_email": "warga@example.org", "contact_consent": "on", "suggestion": ""},
            "tulis saran Anda juga",
            422,
        ),
        ({"contact_phone": "12345", "contact_consent": "on"}, "nomor seluler Indonesia", 200),
    ],
)
def test_a_contact_without_consent_or_without_a_suggestion_saves_nothing(
    client, done_ticket, extra, message, status
):
    response = client.post(reverse("counters:survey", args=[done_ticket.code]), form_data(**extra))
    assert response.status_code == status
    assert message in response.content.decode()
    with scopes_disabled():
        assert not SurveyResponse.objects.exists()
    assert not Consent.objects.exists()


def test_an_answer_without_a_suggestion_leaves_the_inbox_empty(client, done_ticket):
    client.post(reverse("counters:survey", args=[done_ticket.code]), form_data(suggestion=""))
    with scopes_disabled():
        assert SurveyResponse.objects.count() == 1
        assert not Suggestion.objects.exists()


# --- The agency's inbox ------------------------------------------------------------------


def test_the_agency_admin_reads_its_own_suggestions_newest_first_with_the_contact_masked(
    client, admin_a, agency_a, done_ticket, another_done, done_b, phone_channels
):
    with_contact(done_ticket, "Saran pertama")
    rated(another_done, "Saran kedua")
    rated(done_b, "Saran instansi B")
    client.force_login(admin_a)
    page = client.get(inbox(agency_a)).content.decode()
    assert page.index("Saran kedua") < page.index("Saran pertama")
    assert "Saran instansi B" not in page
    assert PHONE not in page and "+62812****7890" in page


def test_the_filter_shows_open_by_default_and_handled_when_asked(
    client, admin_a, agency_a, done_ticket, another_done
):
    handled = rated(done_ticket, "Sudah beres")
    rated(another_done, "Masih terbuka")
    with scope(agency=agency_a):
        suggestion_handle(suggestion=handled, actor=admin_a, note="Kursi ditambah 10.")
    client.force_login(admin_a)
    open_page = client.get(inbox(agency_a)).content.decode()
    assert "Masih terbuka" in open_page and "Sudah beres" not in open_page
    done_page = client.get(inbox(agency_a), {"status": "handled"}).content.decode()
    assert "Sudah beres" in done_page and "Kursi ditambah 10." in done_page
    assert "Masih terbuka" not in done_page
    everything = client.get(inbox(agency_a), {"status": "semua"}).content.decode()
    assert "Sudah beres" in everything and "Masih terbuka" in everything
    odd = client.get(inbox(agency_a), {"status": "x" * 50, "halaman": "9" * 30})
    assert odd.status_code == 200


def test_operators_and_other_agencies_do_not_read_the_inbox(
    client, agency_a, agency_b, operator_a, admin_b, done_ticket
):
    suggestion = rated(done_ticket)
    client.force_login(operator_a)
    assert client.get(inbox(agency_a)).status_code == 403
    client.force_login(admin_b)
    assert client.get(inbox(agency_a)).status_code == 404
    # B's admin naming A's suggestion under B's own address: not there.
    other = reverse("counters:suggestion_step", args=[agency_b.slug, suggestion.pk, "tangani"])
    assert client.post(other, {"catatan": "x"}).status_code == 404
    with scopes_disabled():
        assert Suggestion.objects.get().status == Suggestion.Status.OPEN


def test_marking_handled_needs_a_note_then_records_who_and_erases_the_contact(
    client, admin_a, done_ticket, phone_channels
):
    suggestion = with_contact(done_ticket)
    client.force_login(admin_a)
    refused = client.post(step(suggestion, "tangani"), {"catatan": "   "}, follow=True)
    assert refused.status_code == 200
    assert 'class="alert alert-danger"' in refused.content.decode()
    with scopes_disabled():
        assert Suggestion.objects.get().status == Suggestion.Status.OPEN
    client.post(step(suggestion, "tangani"), {"catatan": "Kursi tunggu ditambah 10 buah."})
    with scopes_disabled():
        handled = Suggestion.objects.get()
        (event,) = SuggestionEvent.objects.all()
    assert handled.status == Suggestion.Status.HANDLED
    assert (handled.handled_by, handled.note) == (admin_a, "Kursi tunggu ditambah 10 buah.")
    assert (handled.phone, handled.email) == ("", "")
    assert (event.action, event.actor, event.at) == ("handled", admin_a, handled.handled_at)
    again = client.post(step(suggestion, "tangani"), {"catatan": "Lagi"}, follow=True)
    assert "sudah ditandai ditangani" in again.content.decode()
    with scopes_disabled():
        assert SuggestionEvent.objects.count() == 1


# --- The reply ---------------------------------------------------------------------------


def test_the_reply_reaches_the_citizen_on_whatsapp_once_and_shows_on_the_survey_page(
    client, admin_a, done_ticket, gateways, settings
):
    whatsapp, _sms = gateways
    settings.PUBLIC_BASE_URL = "https://mpp.kutaitimurkab.go.id"
    citizen = Client()
    citizen.post(
        reverse("counters:survey", args=[done_ticket.code]),
        form_data(contact_phone="0812-3456-7890", contact_consent="on"),
    )
    with scopes_disabled():
        suggestion = Suggestion.objects.select_related("agency").get()
    client.force_login(admin_a)
    answered = client.post(
        step(suggestion, "balas"),
        {"teks": "Terima kasih,\nkursi\u00a0sudah ditambah."},
        follow=True,
    )
    assert "Balasan terkirim" in answered.content.decode()
    run_jobs()
    (sent,) = whatsapp.accepted
    assert sent["to"] == PHONE.lstrip("+")
    assert sent["template"]["name"] == "mpp_saran_dibalas"
    values = [p["text"] for p in sent["template"]["components"][0]["parameters"]]
    link = f"https://mpp.kutaitimurkab.go.id/antrian/tiket/{done_ticket.code}/survei/"
    assert values == [suggestion.agency.short_name, "Terima kasih, kursi sudah ditambah.", link]
    again = client.post(step(suggestion, "balas"), {"teks": "Sekali lagi"}, follow=True)
    assert "sudah dibalas" in again.content.decode()
    run_jobs()
    assert len(whatsapp.accepted) == 1
    page = citizen.get(link.removeprefix(settings.PUBLIC_BASE_URL)).content.decode()
    assert "Terima kasih, kursi sudah ditambah." in page


def test_no_reply_without_a_contact_or_after_consent_is_withdrawn(
    client, admin_a, agency_a, done_ticket, another_done, phone_channels
):
    silent = rated(done_ticket)
    withdrawn = with_contact(another_done)
    Consent.objects.update(withdrawn_at="2026-01-01T00:00:00Z")
    client.force_login(admin_a)
    # The row without a contact offers no reply; the other cannot know of the withdrawal.
    page = client.get(inbox(agency_a)).content.decode()
    assert page.count("<summary>Balas pengirim</summary>") == 1
    first = client.post(step(silent, "balas"), {"teks": "Halo"}, follow=True)
    assert "tidak meninggalkan kontak" in first.content.decode()
    second = client.post(step(withdrawn, "balas"), {"teks": "Halo"}, follow=True)
    assert "tidak mengizinkan pesan" in second.content.decode()
    with scopes_disabled():
        assert not Suggestion.objects.filter(replied_at__isnull=False).exists()
        assert not SuggestionEvent.objects.exists()
    assert not Message.objects.exists()


# --- The mall's inbox --------------------------------------------------------------------


def test_the_mall_reads_every_agency_and_acts_from_its_own_inbox(
    client, mall_admin, admin_a, agency_b, done_ticket, done_b
):
    rated(done_ticket, "Saran untuk A")
    from_b = rated(done_b, "Saran untuk B")
    url = reverse("counters:mall_suggestions")
    client.force_login(admin_a)
    assert client.get(url).status_code == 403
    client.force_login(mall_admin)
    page = client.get(url).content.decode()
    assert "Saran untuk A" in page and "Saran untuk B" in page
    only_b = client.get(url, {"instansi": agency_b.pk}).content.decode()
    assert "Saran untuk B" in only_b and "Saran untuk A" not in only_b
    done = client.post(step(from_b, "tangani"), {"catatan": "Diteruskan", "kembali": "mpp"})
    assert done["Location"] == url
    with scopes_disabled():
        assert Suggestion.objects.get(pk=from_b.pk).handled_by == mall_admin


# --- The agency's report -----------------------------------------------------------------


def test_the_report_counts_open_suggestions_for_its_readers_only(
    client, agency_a, admin_a, operator_a, done_ticket, another_done
):
    rated(done_ticket)
    rated(another_done)
    report = reverse("counters:agency_report", args=[agency_a.slug])
    client.force_login(admin_a)
    assert "2 saran masyarakat belum ditangani" in client.get(report).content.decode()
    client.force_login(operator_a)
    assert "saran masyarakat" not in client.get(report).content.decode()


# --- Two staff at once -------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_two_staff_replying_at_once_send_one_reply(admin_a, agency_a, done_ticket, phone_channels):
    suggestion = with_contact(done_ticket)
    barrier, outcomes = threading.Barrier(2), []

    def reply(text):
        try:
            barrier.wait(10)
            with scope(agency=agency_a):
                suggestion_reply(suggestion=suggestion, actor=admin_a, text=text)
            outcomes.append("sent")
        except Exception as error:  # noqa: BLE001 — the refusal is the outcome
            outcomes.append(getattr(error, "code", repr(error)))
        finally:
            connection.close()

    threads = [threading.Thread(target=reply, args=(t,)) for t in ("Satu", "Dua")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["already_replied", "sent"]
    with scopes_disabled():
        assert SuggestionEvent.objects.filter(action="replied").count() == 1
    assert Message.objects.filter(template="suggestion_reply").count() == 1
