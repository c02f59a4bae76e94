"""Sections that apps above counters add to the report pages (counters imports none of
them: mpp.apps registers them). A section is a callable given the request and the period
(and the agency, on an agency's page) that returns None or a dict with the `template` that
shows it; the page includes each with `section` set to that dict."""

from collections.abc import Callable

MALL_SECTIONS: list[Callable[..., dict | None]] = []
AGENCY_SECTIONS: list[Callable[..., dict | None]] = []


def sections_of(registry: list[Callable[..., dict | None]], **arguments) -> list[dict]:
    return [section for make in registry if (section := make(**arguments)) is not None]
