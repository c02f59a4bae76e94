"""Codes a citizen reads aloud or types from paper (bookings, cases, complaints and their
secrets): letters and digits that cannot be misread, drawn by the system's secure random."""

import secrets

# No 0/O and 1/I: a code read aloud or typed from a phone screen can't be misread.
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"


def unambiguous_code(length: int) -> str:
    """`length` characters of CODE_ALPHABET: 5 bits each."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(length))
