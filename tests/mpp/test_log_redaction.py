"""No NIK or phone number reaches a log line, whichever logger writes it."""

import io
import logging
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote, unquote_plus

import pytest
from django.db import connection
from hypothesis import given
from hypothesis import strategies as st

from common.validators import NIK_SEPARATORS, PHONE_SEPARATORS, normalize_nik, normalize_phone
from mpp.log_filters import RedactPersonalData, redact
from tests.machine import call, database_url, free_port
from tests.scale.nodes import ROOT
from tests.security.test_properties import valid_niks

NIK = "6408011505900001"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            f"GET /api/v1/bookings/K7Q2?nik={NIK} 404",
            "GET /api/v1/bookings/K7Q2?nik=6408********0001 404",
        ),
        (
            f"Key (nik, service_id)=({NIK}, 3) exists",
            "Key (nik, service_id)=(6408********0001, 3) exists",
        ),
        ("ponsel +6281234567890", "ponsel +628********"),
        ("ponsel 0812-3456-7890.", "ponsel 08********."),
        ("phone=%2B6281234567890", "phone=%2B628********"),
        (
            "A-001 dipanggil 2026-12-02 08:00, tiket 42",
            "A-001 dipanggil 2026-12-02 08:00, tiket 42",
        ),
        ("17 digits 12345678901234567", "17 digits 12345678901234567"),
    ],
)
def test_redact_masks_niks_and_mobile_numbers_only(line, expected):
    assert redact(line) == expected


def redacting_handlers(logger: logging.Logger) -> list[logging.Handler]:
    return [h for h in logger.handlers if any(isinstance(f, RedactPersonalData) for f in h.filters)]


@pytest.fixture
def log_output():
    """What the configured handlers write, read back from the stream they write to."""
    loggers = [logging.getLogger(name) for name in ("", "django", "django.server")]
    assert all(redacting_handlers(logger) for logger in loggers)
    handlers = {handler for logger in loggers for handler in redacting_handlers(logger)}
    stream = io.StringIO()
    previous = {handler: handler.setStream(stream) for handler in handlers}
    yield stream
    for handler, original in previous.items():
        handler.setStream(original)


@pytest.mark.parametrize("name", ["counters", "django.request", "django.server", "gunicorn.x"])
def test_every_configured_logger_writes_masked_lines(log_output, name):
    logging.getLogger(name).warning("booking of %s, phone %s", NIK, "+6281234567890")
    written = log_output.getvalue()
    assert "6408********0001" in written
    assert NIK not in written and "81234567890" not in written


def test_a_traceback_quoting_a_row_is_masked(log_output):
    try:
        raise ValueError(f"duplicate key (nik)=({NIK})")
    except ValueError:
        logging.getLogger("counters").exception("booking failed")
    written = log_output.getvalue()
    assert "ValueError" in written and NIK not in written


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("nik=6408.0145.0590.0002 404", "nik=6408.********.0002 404"),
        ("nik=6408-0145-0590-0002&x=1", "nik=6408-********-0002&x=1"),
        ("nik=6408%200145%200590%200002 HTTP", "nik=6408%20********%200002 HTTP"),
        ("nik=6408+0145+0590+0002 HTTP", "nik=6408+********+0002 HTTP"),
        ("ponsel=%2B62%20(812)%203456-7890&", "ponsel=%2B62%20(8********&"),
        ("ponsel=0812+3456+7890 HTTP", "ponsel=08******** HTTP"),
    ],
)
def test_the_spellings_seen_in_the_logs_are_masked(line, expected):
    assert redact(line) == expected


def separators_of(pattern) -> list[str]:
    return [c for c in map(chr, range(sys.maxunicode + 1)) if pattern.fullmatch(c)]


def spelled(draw, chars: str, separators: list[str]) -> str:
    """`chars` with any accepted separators between them, each character written plainly
    or as a URL carries it (percent escapes in either case, "+" for a space)."""

    def written(char: str) -> str:
        escaped = quote(char, safe="") if char != "+" else "%2B"
        if escaped == char:
            escaped = f"%{ord(char):02X}"
        forms = [char, escaped, escaped.lower()] + (["+"] if char == " " else [])
        return draw(st.sampled_from(forms))

    out = []
    for index, char in enumerate(chars):
        if index:
            between = draw(st.lists(st.sampled_from(separators), max_size=2))
            out += [written(separator) for separator in between]
        out.append(written(char))
    return "".join(out)


CONTEXTS = [
    '127.0.0.1 - - [02/Dec/2026:19:03:22 +0800] "GET /api/v1/x?nik={}&kode=K7Q2 HTTP/1.1" 404 58',
    "Key (nik, service_id)=({}, 3) already exists.",
    '{{"nik": "{}", "name": "Siti"}}',
]
NIK_SEPARATOR_CHARS = separators_of(NIK_SEPARATORS)
PHONE_SEPARATOR_CHARS = separators_of(PHONE_SEPARATORS)


def as_read(line: str, separators) -> str:
    """What one could read back: the URL decoded and the separators dropped."""
    return separators.sub("", unquote_plus(line))


@st.composite
def niks_as_typed(draw):
    nik, _born, _female = draw(valid_niks())
    return nik, spelled(draw, nik, NIK_SEPARATOR_CHARS)


@given(niks_as_typed(), st.sampled_from(CONTEXTS))
def test_every_spelling_of_a_nik_that_the_form_accepts_is_masked(typed, context):
    nik, spelling = typed
    assert normalize_nik(unquote_plus(spelling)) == nik
    kept = as_read(redact(context.format(spelling)), NIK_SEPARATORS)
    assert nik not in kept and nik[4:12] not in kept


@st.composite
def phones_as_typed(draw):
    national = draw(st.from_regex(r"8[0-9]{8,11}", fullmatch=True))
    lead = draw(st.sampled_from(["0", "62", "+62"]))
    return national, spelled(draw, lead, PHONE_SEPARATOR_CHARS) + spelled(
        draw, national, PHONE_SEPARATOR_CHARS
    )


@given(phones_as_typed(), st.sampled_from(CONTEXTS))
def test_every_spelling_of_a_phone_that_the_form_accepts_is_masked(typed, context):
    national, spelling = typed
    assert normalize_phone(unquote_plus(spelling)) == "+62" + national
    kept = as_read(redact(context.format(spelling)), PHONE_SEPARATORS)
    assert national[1:] not in kept


def test_gunicorns_access_and_error_loggers_carry_the_filter():
    for name in ("gunicorn.access", "gunicorn.error"):
        assert any(isinstance(f, RedactPersonalData) for f in logging.getLogger(name).filters)


@pytest.mark.django_db
def test_gunicorns_access_log_is_masked(tmp_path):
    """gunicorn as in production, its access log on stdout: the request lines and the
    referrers of NIKs and phones in the usual spellings are written masked."""
    db = connection.settings_dict
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DEBUG": "0",
        "SECRET_KEY": "log-test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFG",
        "DATABASE_URL": database_url(db),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
    }
    url = f"http://127.0.0.1:{free_port()}"
    log = tmp_path / "gunicorn.log"
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    command = [gunicorn, "mpp.wsgi", "--bind", url[7:], "--workers", "1", "--access-logfile", "-"]
    with log.open("w") as output:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=output)
    try:
        deadline = time.monotonic() + 60
        while call(f"{url}/healthz")[0] == 0:
            assert time.monotonic() < deadline, "gunicorn did not start"
            time.sleep(0.3)
        spellings = [
            "6408.0115.0590.0001",
            "6408-0115-0590-0001",
            "6408%200115%200590%200001",
            "6408+0115+0590+0001",
            "%2B62%20812-3456-7890",
            "0812+3456+7890",
        ]
        for spelling in spellings:
            call(f"{url}/api/v1/bookings/K7Q2X3RT/lookup?nik={spelling}&kode=1", method="POST")
    finally:
        server.terminate()
        server.wait(20)
    lines = [line for line in log.read_text().splitlines() if "/lookup?" in line]
    assert len(lines) == len(spellings)
    for line in lines:
        kept = as_read(line, PHONE_SEPARATORS)
        assert "01150590" not in kept and "23456789" not in kept, line
