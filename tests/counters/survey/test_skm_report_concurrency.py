"""A publication and a change of the follow-up plan, at the same time on PostgreSQL: the
plan never changes after the report is published."""

import threading
import time

import pytest
from django.db import connection, transaction
from django_scopes import scopes_disabled

from counters.survey.report_models import SkmFollowUp, SkmReport
from counters.survey.report_services import (
    SkmReportRefused,
    skm_follow_up_add,
    skm_report_publish,
)
from tests.counters.survey.skm_data import Q3, answer_period

pytestmark = pytest.mark.django_db(transaction=True)
# Long enough for the plan's write to arrive while the publication still holds its lock.
PUBLICATION_HELD = 0.6


def test_an_action_added_during_publication_waits_and_is_refused(
    service_a, location, agency_a, admin_a
):
    answer_period(service=service_a, location=location)
    with scopes_disabled():
        SkmReport.objects.create(agency=agency_a, year=Q3.year, period=Q3.code)
    locked = threading.Event()

    def publish_slowly():
        try:
            # Published inside a longer transaction: its row lock is held until the end.
            with transaction.atomic():
                skm_report_publish(agency=agency_a, period=Q3, actor=admin_a)
                locked.set()
                time.sleep(PUBLICATION_HELD)
        finally:
            connection.close()

    publisher = threading.Thread(target=publish_slowly)
    publisher.start()
    assert locked.wait(timeout=10)
    try:
        with pytest.raises(SkmReportRefused):
            skm_follow_up_add(
                agency=agency_a,
                period=Q3,
                element="u8_complaints",
                action="Aksi yang terlambat",
                owner="Seksi",
                target_date=Q3.end,
                actor=admin_a,
            )
    finally:
        publisher.join()
    with scopes_disabled():
        assert not SkmFollowUp.objects.exists()
