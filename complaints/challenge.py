"""The question a visitor who is not signed in answers before a complaint is taken: a sum in
words, asked in the page itself (no JavaScript, no outside service). The answer travels
signed with a timestamp and is good once."""

import secrets
from dataclasses import dataclass

from django.core import signing
from django.core.cache import cache
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

SALT = "complaints.challenge"
MAX_AGE_SECONDS = 2 * 3600
WORDS = {
    1: gettext_lazy("satu"),
    2: gettext_lazy("dua"),
    3: gettext_lazy("tiga"),
    4: gettext_lazy("empat"),
    5: gettext_lazy("lima"),
    6: gettext_lazy("enam"),
    7: gettext_lazy("tujuh"),
    8: gettext_lazy("delapan"),
    9: gettext_lazy("sembilan"),
}


@dataclass(frozen=True)
class Challenge:
    question: str
    token: str


def _digest(nonce: str, answer: int) -> str:
    # Keyed with the site's secret: the token's readable payload does not give the answer
    # away to a program that tries the few possible sums.
    return salted_hmac(SALT, f"{nonce}:{answer}").hexdigest()


def challenge_new() -> Challenge:
    first, second = secrets.randbelow(9) + 1, secrets.randbelow(9) + 1
    nonce = secrets.token_urlsafe(12)
    token = signing.dumps({"n": nonce, "d": _digest(nonce, first + second)}, salt=SALT)
    question = _("Berapa %(first)s ditambah %(second)s?") % {
        "first": WORDS[first],
        "second": WORDS[second],
    }
    return Challenge(question=question, token=token)


def challenge_passed(*, token: str, answer: str) -> bool:
    """Whether `answer` solves the challenge of `token`; each token is tried once only,
    right or wrong, so the few possible sums cannot be tried one after another."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=MAX_AGE_SECONDS)
        nonce, digest = str(payload["n"]), str(payload["d"])
    except (signing.BadSignature, KeyError, TypeError):
        return False
    if not cache.add(f"complaint-challenge:{nonce}", 1, timeout=MAX_AGE_SECONDS):
        return False
    answer = answer.strip()
    if not answer.isdigit() or len(answer) > 3:
        return False
    return constant_time_compare(_digest(nonce, int(answer)), digest)
