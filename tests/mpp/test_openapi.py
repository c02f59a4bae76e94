"""The published OpenAPI document tells integrators what each operation answers: its real
refusals in the one error format, the closed value sets, an example of every body."""

import jsonschema_rs
import pytest

from counters.models import Priority, SurveyResponse

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(client):
    return client.get("/api/v1/openapi.json").json()


def operations(schema):
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            yield f"{method.upper()} {path}", operation


def resolve(schema, node):
    while "$ref" in node:
        node = schema["components"]["schemas"][node["$ref"].rsplit("/", 1)[1]]
    return node


def statuses(schema, name):
    return {int(status) for status in dict(operations(schema))[name]["responses"]}


def test_every_operation_describes_itself_and_lists_real_statuses(schema):
    for name, operation in operations(schema):
        assert operation.get("description"), f"{name} has no description"
        for status, response in operation["responses"].items():
            assert status != "4XX", f"{name} still answers a generic 4XX"
            if int(status) >= 400:
                error = response["content"]["application/json"]["schema"]
                assert error == {"$ref": "#/components/schemas/Error"}, name
                assert response["description"], name
        assert {400, 503} <= statuses(schema, name), name


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("GET /api/v1/agencies", {200, 400, 503}),
        ("GET /api/v1/tickets/{code}", {200, 400, 404, 503}),
        ("POST /api/v1/tickets", {201, 400, 401, 403, 404, 409, 422, 503}),
        ("POST /api/v1/tickets/{code}/{action}", {200, 400, 401, 403, 404, 409, 422, 503}),
        ("POST /api/v1/bookings", {201, 400, 404, 409, 422, 429, 503}),
        ("POST /api/v1/bookings/{code}/cancel", {200, 400, 404, 409, 422, 429, 503}),
        ("POST /api/v1/tickets/{code}/survey", {201, 400, 404, 409, 422, 429, 503}),
        ("GET /api/v1/agencies/{agency}/ikm", {200, 400, 404, 422, 503}),
    ],
)
def test_operations_list_the_statuses_they_can_answer(schema, name, expected):
    assert statuses(schema, name) == expected


def test_the_error_format_is_published_once(schema):
    error = schema["components"]["schemas"]["Error"]
    assert set(error["required"]) == {"detail", "code"}


def enum_of(schema, node):
    node = resolve(schema, node)
    alternatives = [resolve(schema, a) for a in node.get("anyOf", [node])]
    return next(set(a["enum"]) for a in alternatives if "enum" in a)


def test_closed_value_sets_are_enums(schema):
    survey = resolve(schema, {"$ref": "#/components/schemas/SurveyIn"})["properties"]
    assert enum_of(schema, survey["sex"]) == set(SurveyResponse.Sex.values)
    assert enum_of(schema, survey["education"]) == set(SurveyResponse.Education.values)
    assert enum_of(schema, survey["occupation"]) == set(SurveyResponse.Occupation.values)
    ticket_in = resolve(schema, {"$ref": "#/components/schemas/TicketIn"})["properties"]
    assert enum_of(schema, ticket_in["priority"]) == set(Priority.values)
    paths = dict(operations(schema))
    actions = {
        name: next(p["schema"]["enum"] for p in op["parameters"] if p["name"] == "action")
        for name, op in paths.items()
        if "{action}" in name
    }
    assert set(actions["POST /api/v1/tickets/{code}/{action}"]) == {
        "recall",
        "start",
        "finish",
        "no-show",
        "send-back",
        "cancel",
        "transfer",
        "call",
    }
    assert set(actions["POST /api/v1/counters/{counter_id}/{action}"]) == {
        "open",
        "close",
        "resume",
    }


def test_every_request_body_has_an_example_that_its_schema_accepts(schema):
    for name, operation in operations(schema):
        if "requestBody" not in operation:
            continue
        body = operation["requestBody"]["content"]["application/json"]["schema"]
        body = next(a for a in body.get("anyOf", [body]) if a.get("type") != "null")
        body = resolve(schema, body)
        assert body.get("examples"), f"{name} has no example body"
        validator = jsonschema_rs.validator_for({**body, "components": schema["components"]})
        for example in body["examples"]:
            validator.validate(example)
