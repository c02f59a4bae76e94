"""The lookup's limits: per tracking code (five wrong NIK digits a day lock the code until
the next day, for codes that exist and codes that do not), per client address, on the page
and the API alike."""

import json

import pytest
from django.core.cache import cache
from django_scopes import scopes_disabled

from cases import limits
from cases.errors import CaseLookupLimited, CaseNotFound
from cases.selectors import case_lookup
from tests.cases.conftest import open_case, wita

pytestmark = pytest.mark.django_db
LOCKED = "Terlalu banyak percobaan untuk kode ini"
HOME = {"REMOTE_ADDR": "198.51.100.30"}


def make_case(service, **extra):
    with scopes_disabled():
        return open_case(service, nik_last4="7305", **extra)


def api_lookup(client, code, digits, **extra):
    return client.post(
        "/api/v1/cases/lookup",
        json.dumps({"code": code, "nik_last4": digits}),
        content_type="application/json",
        **extra,
    )


def wrong_attempts(code: str) -> None:
    for _ in range(limits.WRONG_DIGITS_PER_DAY):
        with pytest.raises(CaseNotFound):
            case_lookup(code=code, nik_last4="0000")


def test_five_wrong_digits_lock_the_code_for_the_day_even_for_the_right_digits(service, at):
    at(wita(2026, 3, 2, 9))
    case, other = make_case(service), make_case(service)
    wrong_attempts(case.code)
    with pytest.raises(CaseLookupLimited):
        case_lookup(code=case.code, nik_last4="7305")
    assert case_lookup(code=other.code, nik_last4="7305") == other
    at(wita(2026, 3, 3, 0, 5))  # a new WITA day
    assert case_lookup(code=case.code, nik_last4="7305") == case


def test_an_unknown_code_is_locked_like_a_real_one_so_the_limit_tells_nothing(service):
    wrong_attempts("ZZZZZZZZZZ")
    with pytest.raises(CaseLookupLimited):
        case_lookup(code="ZZZZZZZZZZ", nik_last4="7305")


def test_the_code_is_counted_as_the_lookup_reads_it(service):
    case = make_case(service)
    for typed in (case.code.lower(), f"{case.code[:5]}-{case.code[5:]}", f" {case.code} "):
        with pytest.raises(CaseNotFound):
            case_lookup(code=typed, nik_last4="0000")
    for _ in range(limits.WRONG_DIGITS_PER_DAY - 3):
        with pytest.raises(CaseNotFound):
            case_lookup(code=case.code, nik_last4="0000")
    with pytest.raises(CaseLookupLimited):
        case_lookup(code=case.code.lower(), nik_last4="7305")


def test_the_cache_holds_no_code_in_clear(service):
    case = make_case(service)
    wrong_attempts(case.code)
    assert not [key for key in cache._cache if case.code in key]


def test_a_locked_code_is_429_on_the_page_and_the_api(client, service):
    case = make_case(service)
    wrong_attempts(case.code)
    for response in (
        client.post(f"/lacak/{case.code}/", {"nik_last4": "7305"}),
        client.post("/lacak/", {"code": case.code, "nik_last4": "7305"}),
    ):
        assert response.status_code == 429
        assert LOCKED in response.content.decode()
    assert "case_access" not in client.session
    answer = api_lookup(client, case.code, "7305")
    assert answer.status_code == 429
    assert answer.json()["code"] == "throttled"
    assert LOCKED in answer.json()["detail"]


def test_wrong_digits_on_the_page_and_the_api_count_against_one_limit(client, service):
    case = make_case(service)
    for attempt in range(limits.WRONG_DIGITS_PER_DAY):
        if attempt % 2:
            assert api_lookup(client, case.code, "0000").status_code == 404
        else:
            assert client.post(f"/lacak/{case.code}/", {"nik_last4": "0000"}).status_code == 404
    assert api_lookup(client, case.code, "7305").status_code == 429


@pytest.mark.parametrize(
    ("rule", "send"),
    [
        ("cases:lookup", lambda client, code: client.post("/lacak/", {"code": code}, **HOME)),
        ("cases:track", lambda client, code: client.post(f"/lacak/{code}/", {}, **HOME)),
        ("api-1:case_lookup_endpoint", lambda client, code: api_lookup(client, code, "1", **HOME)),
    ],
)
def test_one_address_trying_many_lookups_gets_429_in_indonesian(client, settings, rule, send):
    settings.PUBLIC_WRITE_LIMITS = {rule: (2, 600)}
    statuses = [send(client, f"KODE{n}").status_code for n in range(3)]
    assert statuses[:2] == [422, 422]
    assert statuses[2] == 429
    refused = send(client, "KODE9")
    body = refused.content.decode()
    assert "Terlalu banyak permintaan" in body


def test_the_lookups_are_limited_per_address_in_the_settings(settings):
    assert {"cases:lookup", "cases:track", "api-1:case_lookup_endpoint", "cases:messages"} <= set(
        settings.PUBLIC_WRITE_LIMITS
    )
