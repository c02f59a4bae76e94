"""Fixtures shared by every suite: two agencies with staff, for isolation tests."""

import os

import pytest
from django.core.cache import cache
from django.utils import translation
from django_scopes import scopes_disabled
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from common.caching import forget_local_values
from counters.queue.selectors.reference import forget_local
from services.caching import forget_catalog_version
from services.models import Membership
from tests.factories import AgencyFactory, LocationFactory, MembershipFactory, UserFactory
from tests.gateways import (  # noqa: F401 — fixtures
    gateways,
    phone_channels,
    sms_gateway,
    whatsapp_api,
)
from tests.machine import require
from tests.pgbouncer import database_route, pgbouncer_address  # noqa: F401 — fixtures

# Property tests: the same examples on every run (CI must not turn red by luck), no example
# database in the tree, no deadline on a busy machine. HYPOTHESIS_PROFILE=thorough searches
# wider with fresh random examples.
hypothesis_settings.register_profile(
    "mpp",
    derandomize=True,
    database=None,
    deadline=None,
    max_examples=60,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
hypothesis_settings.register_profile(
    "thorough", parent=hypothesis_settings.get_profile("mpp"), derandomize=False, max_examples=600
)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "mpp"))


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Tests create hundreds of accounts; PBKDF2's work factor is there for attackers only."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def indonesian_first():
    """A request in English leaves English active in the thread; each test starts anew."""
    translation.activate("id")
    yield
    translation.activate("id")


@pytest.fixture(autouse=True)
def isolated_cache(settings):
    """Each test starts with an empty cache of its own (pages, limits, board state)."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "t"}
    }
    cache.clear()
    forget_catalog_version()
    forget_local()
    forget_local_values()
    yield
    cache.clear()
    forget_catalog_version()
    forget_local()
    forget_local_values()


@pytest.fixture
def location(db):
    return LocationFactory(slug="expo-uji", name="Gedung Expo Uji")


@pytest.fixture
def agency_a(db, location):
    return AgencyFactory(slug="instansi-a", short_name="A", locations=[location])


@pytest.fixture
def agency_b(db, location):
    return AgencyFactory(slug="instansi-b", short_name="B", locations=[location])


def _member(agency, role, username):
    user = UserFactory(username=username)
    MembershipFactory(agency=agency, user=user, role=role)
    return user


@pytest.fixture
def admin_a(agency_a):
    return _member(agency_a, Membership.Role.ADMIN, "admin-a")


@pytest.fixture
def operator_a(agency_a):
    return _member(agency_a, Membership.Role.OPERATOR, "operator-a")


@pytest.fixture
def admin_b(agency_b):
    return _member(agency_b, Membership.Role.ADMIN, "admin-b")


@pytest.fixture
def operator_b(agency_b):
    return _member(agency_b, Membership.Role.OPERATOR, "operator-b")


@pytest.fixture
def mall_admin(db):
    return UserFactory(username="pengelola", is_staff=True, is_superuser=True)


@pytest.fixture
def no_scope():
    """Test code reading tenant tables directly (views choose their own scope)."""
    with scopes_disabled():
        yield


@pytest.fixture(scope="session")
def audio_tools():
    """espeak-ng and opus-tools, which make the display board's clips: skipped locally
    without them, a failure under CI (whose .ci/run installs them)."""
    require("espeak-ng", package="espeak-ng", needed_for="the board's clips")
    for tool in ("opusenc", "opusdec"):
        require(tool, package="opus-tools", needed_for="the board's clips")


# Browser tests (e2e/ and deploy/) share one Playwright session: its sync API runs an event
# loop in the test thread, and a second session beside it cannot start.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def chromium_path():
    return require("chromium", package="chromium", needed_for="the browser tests")


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
