"""A version of each location's queue in the shared cache: boards and ticket pages are
served from the cache under it, and every ticket event or counter change at the location
replaces it after its commit, so no app node shows an older queue."""

from uuid import uuid4

from django.core.cache import cache
from django.db import transaction

from common.side_effects import after_commit


def _key(location_id: int) -> str:
    return f"queue:version:{location_id}"


def queue_version(location_id: int) -> str:
    version = cache.get(_key(location_id))
    if version is None:
        cache.add(_key(location_id), uuid4().hex, None)
        version = cache.get(_key(location_id))
    return version


def queue_changed(location_id: int) -> None:
    # Now, and again after the commit: a read between the two could otherwise keep the old
    # queue cached under the version set now. (Outside a transaction the change is already
    # committed: once is enough.)
    def bump():
        cache.set(_key(location_id), uuid4().hex, None)

    bump()
    if transaction.get_connection().in_atomic_block:
        after_commit(bump)
