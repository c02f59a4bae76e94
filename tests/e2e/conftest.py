"""Browser harness: Playwright drives Debian's Chromium against Django's live server."""

import os
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django_scopes import scopes_disabled

from counters.models import BoardSetting
from services.models import Membership, Service
from tests.factories import MembershipFactory, UserFactory

SCREENSHOTS = Path(__file__).parent / "screenshots"
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 1, "has_touch": True}
COUNTER_PC = {"viewport": {"width": 1366, "height": 768}}
TV = {"viewport": {"width": 1920, "height": 1080}}

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make
# to set up data are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def new_page(browser, live_server):
    """new_page(**context_options) -> a page whose relative URLs go to the live server."""
    contexts = []

    def make(**options):
        context = browser.new_context(base_url=live_server.url, locale="id-ID", **options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def phone_page(new_page):
    return new_page(**PHONE)


def screenshot(page, name: str) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)


def assert_accessible(page) -> None:
    """axe-core: no serious or critical violations on the page as it is now."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    bad = [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + ", ".join(str(node["target"]) for node in v["nodes"][:3])
        for v in results.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]
    assert not bad, f"{page.url}:\n" + "\n".join(bad)


def login(page, username: str, password: str, url: str = "/akun/masuk/") -> None:
    page.goto(url)
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    page.locator("#id_password").press("Enter")
    page.wait_for_load_state()


@pytest.fixture(autouse=True)
def fresh_cache(settings):
    """Each journey starts with an empty cache, as with its empty database: booking limits
    count in the cache, which is otherwise a file shared by every run."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "e2e"}
    }
    cache.clear()


@pytest.fixture
def kiosk_network(settings):
    """The browser runs on the mall's kiosk network (the live server sees 127.0.0.1)."""
    settings.KIOSK_ALLOWED_NETWORKS = ["127.0.0.0/8", "::1/128"]


@pytest.fixture
def expo(db):
    """The demo catalog at Gedung Expo Sangatta with Disdukcapil open around the clock: its
    queue hours, counters and booking schedules as `seed_demo --always-open` makes them, plus
    one operator (no demo accounts or past queue, which the journeys don't need)."""
    from counters.booking import demo as demo_booking
    from counters.queue import demo as counters_demo
    from services import demo as services_demo

    with scopes_disabled():
        locations = services_demo.seed_locations()
        agencies = services_demo.seed_agencies(locations)
        services_demo.seed_catalog(agencies, locations)
        location, dukcapil = locations["expo-sangatta"], agencies["dukcapil"]
        counters_demo.seed_schedules(dukcapil, location, always_open=True)
        services = list(Service.objects.filter(agency=dukcapil, locations=location))
        counters = counters_demo.seed_counters(dukcapil, location, services, 1)
        demo_booking.seed(always_open=True)
        BoardSetting.objects.update_or_create(
            location=location, defaults={"running_text": counters_demo.RUNNING_TEXT}
        )
        operator = UserFactory(username="petugas-dukcapil", first_name="Rina")
        MembershipFactory(agency=dukcapil, user=operator, role=Membership.Role.OPERATOR)
        akta = Service.objects.get(agency=dukcapil, slug="akta-kelahiran")
    return SimpleNamespace(
        location=location, agency=dukcapil, service=akta, counter=counters[0], operator=operator
    )


def book_first_slot(expo, *, name="Siti Aminah", nik="6408014506900003"):
    """A booking in the first open slot of Akta Kelahiran (the one a citizen would pick)."""
    from counters.booking import selectors
    from counters.booking.services import booking_create

    with scopes_disabled():
        schedule = selectors.find_schedule(
            agency_slug=expo.agency.slug,
            service_slug=expo.service.slug,
            location_slug=expo.location.slug,
        )
        day = next(d.date for d in selectors.booking_days(schedule) if d.is_open)
        slot = next(s for s in selectors.day_slots(schedule, day) if s.remaining)
        return booking_create(
            schedule=schedule, starts_at=slot.starts_at, name=name, nik=nik, phone="081234567890"
        )


def tab_to(page, locator, limit: int = 80) -> None:
    """Press Tab until `locator` has the focus, as a keyboard user would."""
    handle = locator.element_handle()
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("el => el === document.activeElement", handle):
            return
    raise AssertionError(f"Tab never reached {locator}")
