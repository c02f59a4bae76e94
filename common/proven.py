"""What a visitor proved in this browser (a case's NIK digits, a complaint's secret): kept
in the session, the latest few, so that a reload or a language switch does not ask again."""

# Enough for a family's files; the oldest is forgotten first.
REMEMBERED = 20


def remember_proven(request, kind: str, key) -> None:
    kept = [known for known in request.session.get(kind, []) if known != key]
    request.session[kind] = [key, *kept][:REMEMBERED]


def was_proven(request, kind: str, key) -> bool:
    return key in request.session.get(kind, [])
