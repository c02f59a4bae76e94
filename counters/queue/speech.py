"""What the display board says for a call, in Indonesian words, and the audio clips that say it."""

import string

UNITS = [
    "nol",
    "satu",
    "dua",
    "tiga",
    "empat",
    "lima",
    "enam",
    "tujuh",
    "delapan",
    "sembilan",
    "sepuluh",
    "sebelas",
]

CHIME = "chime"
CALL_OPENING = "nomor antrian"
CALL_DIRECTION = "silakan menuju loket"
# How each letter of a ticket prefix is read aloud in Indonesian ("be", not "bi").
LETTER_NAMES = dict(
    zip(
        string.ascii_uppercase,
        [
            "a",
            "be",
            "ce",
            "de",
            "e",
            "ef",
            "ge",
            "ha",
            "i",
            "je",
            "ka",
            "el",
            "em",
            "en",
            "o",
            "pe",
            "ki",
            "er",
            "es",
            "te",
            "u",
            "fe",
            "we",
            "eks",
            "ye",
            "zet",
        ],
        strict=True,
    )
)


def _number_parts(value: int) -> list[str]:
    if value < 12:
        return [UNITS[value]]
    if value < 20:
        return [UNITS[value - 10], "belas"]
    if value < 100:
        tens, rest = divmod(value, 10)
        return [UNITS[tens], "puluh"] + ([UNITS[rest]] if rest else [])
    if value < 1000:
        hundreds, rest = divmod(value, 100)
        head = ["seratus"] if hundreds == 1 else [UNITS[hundreds], "ratus"]
        return head + (_number_parts(rest) if rest else [])
    return [UNITS[int(digit)] for digit in str(value)]


def _call_parts(*, prefix: str, number: int, counter_number: int) -> list[list[str]]:
    """The call in its spoken phrases: the ticket digit by digit as printed, the counter as a
    number. Both the text and the clip sequence are read from here."""
    return [
        [CALL_OPENING],
        [*prefix] + [UNITS[int(digit)] for digit in f"{number:03d}"],
        [CALL_DIRECTION],
        _number_parts(counter_number),
    ]


def call_announcement(*, prefix: str, number: int, counter_number: int) -> str:
    """ "Nomor antrian A nol nol satu, silakan menuju loket tiga"."""
    opening, ticket, direction, counter = (
        " ".join(words)
        for words in _call_parts(prefix=prefix, number=number, counter_number=counter_number)
    )
    return f"{opening.capitalize()} {ticket}, {direction} {counter}"


def clip_name(word: str) -> str:
    """The file name (without extension) of the clip that says one word or phrase."""
    if word in LETTER_NAMES:
        return f"huruf-{word.lower()}"
    return word.replace(" ", "-")


def call_clips(*, prefix: str, number: int, counter_number: int) -> list[str]:
    """The clips a board plays, in order, for one call: the chime, then the words."""
    parts = _call_parts(prefix=prefix, number=number, counter_number=counter_number)
    return [CHIME] + [clip_name(word) for words in parts for word in words]


def clip_texts() -> dict[str, str]:
    """Every clip a call can need (but the chime), with the text the speech engine reads."""
    words = [CALL_OPENING, CALL_DIRECTION, *UNITS, "belas", "puluh", "seratus", "ratus"]
    texts = {clip_name(word): word for word in words}
    texts.update({clip_name(letter): name for letter, name in LETTER_NAMES.items()})
    return texts
