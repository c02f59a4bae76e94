"""A version of each location's queue in the shared cache: boards and ticket pages are
served from the cache under it, and every ticket event or counter change at the location
replaces it after its commit, so no app node shows an older queue."""

from common.caching import replace_version, shared_version


def _key(location_id: int) -> str:
    return f"queue:version:{location_id}"


def queue_version(location_id: int) -> str:
    return shared_version(_key(location_id))


def queue_changed(location_id: int) -> None:
    replace_version(_key(location_id))
