"""The Redis cache (mpp.cache) against a real Redis: an increment in one step that never
makes a key, and counts of several keys in one round trip that expire."""

import pytest

from mpp.cache import RedisCache
from tests.scale.nodes import redis_url  # noqa: F401 — fixture


@pytest.fixture
def redis_cache(redis_url):  # noqa: F811 — the fixture imported above
    cache = RedisCache(redis_url, {"KEY_PREFIX": "test"})
    cache.clear()
    yield cache
    cache.clear()


def test_incr_adds_to_an_existing_key_and_refuses_a_missing_one_without_making_it(redis_cache):
    with pytest.raises(ValueError, match="not found"):
        redis_cache.incr("missing")
    assert redis_cache.get("missing") is None
    redis_cache.add("seen", 4, timeout=60)
    assert redis_cache.incr("seen") == 5 and redis_cache.incr("seen", 3) == 8
    assert redis_cache.get("seen") == 8


def test_count_many_counts_each_key_once_and_a_new_key_expires(redis_cache):
    redis_cache.set("old", 7, timeout=600)
    assert redis_cache.count_many(["new", "old"], timeout=60) == [1, 8]
    assert redis_cache.count_many(["new"], timeout=60) == [2]
    assert redis_cache.get_many(["new", "old"]) == {"new": 2, "old": 8}
    client = redis_cache._cache.get_client(write=True)
    assert 0 < client.ttl(redis_cache.make_key("new")) <= 60
    assert 60 < client.ttl(redis_cache.make_key("old")) <= 600  # an existing key keeps its own


def test_a_count_without_expiry_is_refused(redis_cache):
    with pytest.raises(ValueError, match="timeout"):
        redis_cache.count_many(["forever"], timeout=None)
