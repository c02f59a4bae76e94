"""No NIK or phone number reaches a log line, whichever logger writes it."""

import io
import logging

import pytest

from mpp.log_filters import RedactPersonalData, redact

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


def test_gunicorn_access_lines_of_make_run_and_production_are_masked(capsys):
    import runpy

    from django.conf import settings
    from gunicorn.config import Config
    from gunicorn.glogging import Logger

    runpy.run_path(str(settings.BASE_DIR / "deploy" / "gunicorn.conf.py"))
    config = Config()
    config.set("accesslog", "-")
    logger = Logger(config)
    logger.access_log.info('"GET /x?nik=%s&hp=%s HTTP/1.1" 200', "6408014505900002", "081234567890")

    line = capsys.readouterr().out
    assert "6408014505900002" not in line and "081234567890" not in line
    assert "6408********0002" in line
