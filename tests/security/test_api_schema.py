"""Schemathesis against /api/v1/openapi.json: whatever is sent, no 5xx, and every answer
matches the published schema (status, content type, body)."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from services.models import ApiToken, hash_token

# No 5xx, and every answer as the schema publishes it: status, content type, headers, body.
# (Whether a refusal was right is for the domain and permission tests: schemathesis would
# expect a schema-valid but structurally wrong NIK to be accepted, and a repeated query
# parameter to be refused, where the web's usual leniency takes its last value.)
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
# Loaded through the application itself, as a client would read it.
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture
def keep_test_connection():
    """The WSGI handler closes the database connection after each request (as in
    production); in a test that connection holds the test's transaction."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def api_world(world, keep_test_connection):
    """The permission matrix's world (agency A's service, open counter, ticket, booking,
    UMKM product), called with operator A's token so that staff endpoints are reached."""
    token = ApiToken.generate()
    ApiToken.objects.create(
        name="uji", key_hash=hash_token(token), user=world["users"]["operator_a"]
    )
    return {**world, "token": token}


@schema.parametrize()
def test_api_answers_within_its_schema(case, api_world):
    response = case.call(headers={"Authorization": f"Bearer {api_world['token']}"})
    case.validate_response(response, checks=CHECKS)
