"""Django's Redis cache with one client object per connection pool, instead of one per
call: redis-py builds a client's whole table of response callbacks on each construction,
which cost more than the cache round trip itself on the hottest requests. An increment is
one round trip too (Django's asks whether the key exists first, then adds)."""

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


class ReusingRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}
        self._increments = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            # Clients are thread-safe: each command takes a connection from the pool.
            client = self._clients.setdefault(pool, self._client(connection_pool=pool))
        return client

    def incr(self, key, delta):
        client = self.get_client(key, write=True)
        increment = self._increments.get(client)
        if increment is None:
            increment = self._increments.setdefault(
                client, client.register_script(INCREMENT_EXISTING)
            )
        value = increment(keys=[key], args=[delta])
        if value is None:
            raise ValueError(f"Key '{key}' not found.")
        return value


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
