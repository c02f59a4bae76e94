"""Versions of each location's queue in the shared cache. The board's feed is served from
the cache under them, boards and ticket pages are revalidated under them (ETag), and every
change replaces them after its commit, so no app node shows an older queue:

- the location's version changes with every ticket event or counter change there (a board
  shows them all);
- a line's version (one service at the location) changes with the events of its tickets and
  with every change that may touch every line: counters opened, paused or closed (each
  line's pace), the agency's queue settings (each line's order). A ticket's page shows its
  own line only: a call elsewhere in the hall does not make every phone fetch it again;
- a line's calls version changes as its version does, but for a ticket issued: a new
  waiting ticket calls no one, so what the line's calls decide (its Interleave) stands."""

from django.core.cache import cache

from common.caching import replace_version, shared_version, shared_versions
from common.side_effects import after_commit


def _key(location_id: int) -> str:
    return f"queue:version:{location_id}"


def _lines_key(location_id: int) -> str:
    return f"queue:lines:{location_id}"


def _line_key(location_id: int, service_id: int) -> str:
    return f"queue:line:{location_id}:{service_id}"


def _calls_key(location_id: int, service_id: int) -> str:
    return f"queue:calls:{location_id}:{service_id}"


def queue_version(location_id: int) -> str:
    return shared_version(_key(location_id))


def line_version(location_id: int, service_id: int) -> str:
    """What a ticket of this line shows changes with this, in one round trip."""
    return "-".join(shared_versions(_lines_key(location_id), _line_key(location_id, service_id)))


def calls_version(location_id: int, service_id: int) -> str:
    """What a line's calls decide changes with this, in one round trip."""
    return "-".join(shared_versions(_lines_key(location_id), _calls_key(location_id, service_id)))


def queue_changed(location_id: int, *, service_id: int | None = None, issued: bool = False) -> None:
    """Call with any write the location's queue shows: `service_id` when it changes that
    line only (a ticket's event; `issued` when that event is a ticket issued), none when it
    may change every line."""
    if service_id is None:
        lines = [_lines_key(location_id)]
    else:
        lines = [_line_key(location_id, service_id)]
        if not issued:
            lines.append(_calls_key(location_id, service_id))
    replace_version(_key(location_id), *lines)


def _line_of_code_key(code: str) -> str:
    return f"ticket-line:{code}"


def line_of_code_cached(code: str, load) -> tuple[int, int] | None:
    """(location id, service id) of a code's live ticket: `load()` once, then the cache.
    Fixed for the ticket's life but for a transfer, which forgets it."""
    key = _line_of_code_key(code)
    line = cache.get(key)
    if line is None:
        line = load()
        if line is not None:
            cache.set(key, line, 24 * 3600)
    return line


def code_moved(code: str) -> None:
    """A transfer gives the code a ticket in another line: forgotten now and after the
    commit (a read in between may have cached the old line again)."""
    cache.delete(_line_of_code_key(code))
    after_commit(lambda: cache.delete(_line_of_code_key(code)))
