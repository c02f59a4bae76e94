"""Uploads at the same moment can't push a product past its photo limit."""

import threading
import time

import pytest
from django.db import connection, transaction

from common.errors import DomainError
from tests.factories import ProductFactory
from tests.images import image_bytes, upload
from umkm import services
from umkm.models import ProductPhoto


@pytest.mark.django_db(transaction=True)
def test_two_uploads_for_the_last_photo_slot_leave_exactly_the_limit():
    product = ProductFactory()
    for _ in range(services.MAX_PHOTOS_PER_PRODUCT - 1):
        services.product_photo_add(product=product, upload=upload(image_bytes()))
    first_added = threading.Event()
    second_started = threading.Event()
    outcomes = {}

    def first():
        try:
            with transaction.atomic():
                services.product_photo_add(product=product, upload=upload(image_bytes()))
                first_added.set()
                second_started.wait(timeout=30)
                # Not committed yet: give the second upload time to reach its count.
                time.sleep(0.5)
            outcomes["first"] = "added"
        finally:
            first_added.set()
            connection.close()

    def second():
        try:
            first_added.wait(timeout=30)
            second_started.set()
            services.product_photo_add(product=product, upload=upload(image_bytes()))
            outcomes["second"] = "added"
        except DomainError:
            outcomes["second"] = "refused"
        finally:
            connection.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert outcomes == {"first": "added", "second": "refused"}
    assert ProductPhoto.objects.filter(product=product).count() == services.MAX_PHOTOS_PER_PRODUCT
