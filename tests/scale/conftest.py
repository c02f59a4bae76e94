"""Fixtures of the app-node tests."""

from tests.scale.nodes import redis_url  # noqa: F401 — fixture
