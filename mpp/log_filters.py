"""Keeps citizens' NIKs and phone numbers out of every log line (UU 27/2022)."""

import codecs
import logging
import re

from common.validators import NIK_SEPARATORS, PHONE_SEPARATORS

# A NIK or a phone number is found however the citizen could have typed it: with every
# separator that normalize_nik and normalize_phone accept, and as a URL carries it
# (percent escapes, "+" for a space), since access logs print URLs undecoded.
# One character class of both (each is one class): an alternation of two overlapping
# classes would make the regular expressions below backtrack exponentially.
SEPARATOR = f"[{NIK_SEPARATORS.pattern[1:-1]}{PHONE_SEPARATORS.pattern[1:-1]}]"
DIGIT_RUN = re.compile(rf"\d(?:{SEPARATOR}*\d)*")
GROUP = re.compile(r"\d+")
PHONE = re.compile(
    rf"(?<!\d)(?:\+{SEPARATOR}*6{SEPARATOR}*2|6{SEPARATOR}*2|0){SEPARATOR}*8"
    rf"(?P<rest>(?:{SEPARATOR}*\d){{8,11}})(?!\d)"
)
ESCAPES = re.compile(r"(?:%[0-9A-Fa-f]{2})+")
NIK_DIGITS = 16
MASK = "********"


def _as_read(text: str) -> tuple[str, list[int] | range]:
    """The text as a server reads a URL (escapes decoded, "+" a space), and where each of
    its characters starts in `text` (one more entry: the end)."""
    if "%" not in text and "+" not in text:
        return text, range(len(text) + 1)
    chars, starts, position = [], [], 0

    def plain(until: int) -> None:
        chars.append(text[position:until].replace("+", " "))
        starts.extend(range(position, until))

    for escaped in ESCAPES.finditer(text):
        plain(escaped.start())
        decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        begin = escaped.start()
        for offset in range(escaped.start(), escaped.end(), 3):
            byte = bytes.fromhex(text[offset + 1 : offset + 3])
            decoded = decoder.decode(byte, final=offset + 3 == escaped.end())
            chars.append(decoded)
            starts.extend([begin] * len(decoded))
            if decoded:
                begin = offset + 3
        position = escaped.end()
    plain(len(text))
    starts.append(len(text))
    return "".join(chars), starts


def _nik_spans(read: str) -> list[tuple[int, int]]:
    """Any separated groups of digits that add up to 16 digits, of which the middle eight
    (birth date and district) are hidden."""
    spans = []
    for run in DIGIT_RUN.finditer(read):
        if run.end() - run.start() < NIK_DIGITS:
            continue
        digits, group_starts = [], []  # every digit's position; where each group begins in it
        for group in GROUP.finditer(read, run.start(), run.end()):
            group_starts.append(len(digits))
            digits.extend(range(*group.span()))
        boundaries = {*group_starts, len(digits)}
        spans += [
            (digits[first + 4], digits[first + 11] + 1)
            for first in group_starts
            if first + NIK_DIGITS in boundaries
        ]
    return spans


def _phone_spans(read: str) -> list[tuple[int, int]]:
    """Everything after the 8 that starts a mobile number is hidden."""
    return [match.span("rest") for match in PHONE.finditer(read)]


def redact(text: str) -> str:
    read, starts = _as_read(text)
    spans = sorted((starts[a], starts[b]) for a, b in _nik_spans(read) + _phone_spans(read))
    if not spans:
        return text
    parts, position = [], 0
    for start, end in spans:
        if start < position:  # overlaps the mask before: widen that one
            position = max(position, end)
            continue
        parts += [text[position:start], MASK]
        position = end
    return "".join(parts) + text[position:]


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
