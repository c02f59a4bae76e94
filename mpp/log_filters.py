"""Keeps citizens' NIKs and phone numbers out of every log line (UU 27/2022)."""

import logging
import re

# Sixteen digits on their own: a NIK. A mobile number: +62/62/0 then 8 and 8–11 digits,
# possibly split by spaces or dashes as people type them.
NIK = re.compile(r"(?<!\d)(\d{4})\d{8}(\d{4})(?!\d)")
PHONE = re.compile(r"(?<![\d+])((?:\+|%2B)?62|0)8[\d\- ]{7,14}\d(?!\d)")


def redact(text: str) -> str:
    text = NIK.sub(r"\1********\2", text)
    return PHONE.sub(lambda match: f"{match.group(1)}8********", text)


class RedactPersonalData(logging.Filter):
    """Rewrites the message (and the traceback, whose database errors may quote a row)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redact(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True
