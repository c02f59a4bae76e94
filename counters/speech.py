"""What the display board says for a call, in Indonesian words."""

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


def number_words(value: int) -> str:
    """Indonesian words for 0–999 ("tiga", "dua belas", "seratus dua puluh satu")."""
    if value < 12:
        return UNITS[value]
    if value < 20:
        return f"{UNITS[value - 10]} belas"
    if value < 100:
        tens, rest = divmod(value, 10)
        return f"{UNITS[tens]} puluh" + (f" {UNITS[rest]}" if rest else "")
    if value < 1000:
        hundreds, rest = divmod(value, 100)
        head = "seratus" if hundreds == 1 else f"{UNITS[hundreds]} ratus"
        return head + (f" {number_words(rest)}" if rest else "")
    return " ".join(UNITS[int(digit)] for digit in str(value))


def call_announcement(*, prefix: str, number: int, counter_number: int) -> str:
    """ "Nomor antrian A nol nol satu, silakan menuju loket tiga": the ticket digit by digit
    as printed, the counter as a number."""
    digits = " ".join(UNITS[int(digit)] for digit in f"{number:03d}")
    letters = " ".join(prefix)
    return f"Nomor antrian {letters} {digits}, silakan menuju loket {number_words(counter_number)}"
