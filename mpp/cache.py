"""Django's Redis cache with one client object per connection pool, instead of one per
call: redis-py builds a client's whole table of response callbacks on each construction,
which cost more than the cache round trip itself on the hottest requests. An increment is
one round trip too (Django's asks whether the key exists first), and so are counts of
several keys at once (count_many)."""

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient

# INCRBY only on a key that exists, as Django's incr promises (a missing key is an error,
# never a new key without expiry), in one atomic step: nil when it is missing.
INCREMENT_EXISTING = """
if redis.call('EXISTS', KEYS[1]) == 1 then
    return redis.call('INCRBY', KEYS[1], ARGV[1])
end
return false
"""
# One more for each key; a key made by this count expires ARGV[1] seconds later.
COUNT = """
local counts = {}
for i, key in ipairs(KEYS) do
    counts[i] = redis.call('INCR', key)
    if counts[i] == 1 then
        redis.call('EXPIRE', key, ARGV[1])
    end
end
return counts
"""


class ReusingRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}
        self._scripts = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            # Clients are thread-safe: each command takes a connection from the pool.
            client = self._clients.setdefault(pool, self._client(connection_pool=pool))
        return client

    def _script(self, client, source: str):
        script = self._scripts.get((client, source))
        if script is None:
            script = self._scripts.setdefault((client, source), client.register_script(source))
        return script

    def incr(self, key, delta):
        client = self.get_client(key, write=True)
        value = self._script(client, INCREMENT_EXISTING)(keys=[key], args=[delta])
        if value is None:
            raise ValueError(f"Key '{key}' not found.")
        return value

    def count_many(self, keys, timeout: int) -> list[int]:
        client = self.get_client(None, write=True)
        return self._script(client, COUNT)(keys=keys, args=[timeout])


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient

    def count_many(self, keys, timeout=DEFAULT_TIMEOUT, version=None) -> list[int]:
        """Add one to the count at each key (a key's first count makes it, expiring after
        `timeout` seconds), all in one round trip; the new counts."""
        timeout = self.get_backend_timeout(timeout)
        if not timeout:
            raise ValueError("A count needs a timeout: it would never expire.")
        made = [self.make_and_validate_key(key, version=version) for key in keys]
        return self._cache.count_many(made, int(timeout))
