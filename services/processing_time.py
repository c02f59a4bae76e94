"""Reading a service's published processing time, written in Indonesian, as the unit and
amount that a case's due date is measured against."""

import re

from services.models import ProcessingUnit

# "hari kerja" is tried before "hari", so that "5 hari kerja" is never read as 5 days. At most
# four digits: the amount is a small integer in the database.
AMOUNT = re.compile(
    r"(paling\s+cepat\s+)?\b([1-9]\d{0,3})\s*(hari\s+kerja|hari|jam|menit)\b", re.IGNORECASE
)
SAME_DAY = re.compile(r"saat\s+itu\s+juga|hari\s+yang\s+sama", re.IGNORECASE)

UNITS = {
    "hari kerja": ProcessingUnit.WORKING_DAYS,
    "hari": ProcessingUnit.DAYS,
    "jam": ProcessingUnit.HOURS,
}

# Roughly how many hours one of each unit lasts: only to tell which of the promises that one
# text makes is the longest ("STNK di hari yang sama; BPKB paling lama 14 hari kerja").
HOURS_PER_UNIT = {
    ProcessingUnit.SAME_DAY: 0,
    ProcessingUnit.HOURS: 1,
    ProcessingUnit.DAYS: 24,
    ProcessingUnit.WORKING_DAYS: 24 * 7 / 5,
}


def parse_processing_time(text: str) -> tuple[str, int | None]:
    """The unit and amount of the longest promise the text makes; ("", None) when it makes
    none that can be measured ("Sesuai penilaian kelayakan usaha oleh bank")."""
    promises = [(ProcessingUnit.SAME_DAY, None)] if SAME_DAY.search(text) else []
    for earliest, amount, unit in AMOUNT.findall(text):
        # "paling cepat 14 hari" is the soonest something may happen, not a promise.
        if earliest:
            continue
        unit = " ".join(unit.lower().split())
        if unit == "menit":
            promises.append((ProcessingUnit.SAME_DAY, None))
        else:
            promises.append((UNITS[unit], int(amount)))
    if not promises:
        return ProcessingUnit.UNSPECIFIED, None
    return max(promises, key=lambda promise: HOURS_PER_UNIT[promise[0]] * (promise[1] or 0))
