"""API v1: the routers of every app, and one error format for all of them."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from cases.api import router as cases_router
from cases.staff_api import router as case_staff_router
from common.errors import DomainError
from complaints import staff_api  # noqa: F401 — its operations join the complaints router
from complaints.api import router as complaints_router
from counters.booking.api import router as booking_router
from counters.queue.api import router as counters_router
from counters.survey.api import router as survey_router
from services.api import router as services_router
from services.api_errors import Error
from umkm.api import router as umkm_router

# What each refusal means, for every operation that can answer it.
REFUSALS = {
    400: "Permintaan rusak: karakter NUL, JSON yang tidak terbaca atau jenis isi yang salah",
    401: "Perlu token (`Authorization: Bearer …`) atau sesi petugas yang masih berlaku",
    403: "Token atau akun ini tidak berhak atas tindakan ini",
    404: "Tidak ditemukan (objek instansi lain juga 404)",
    409: "Ditolak oleh aturan layanan (kuota penuh, sesi penuh, status tidak sesuai, …); "
    "`code` menyebut aturannya",
    422: "Data tidak valid; `errors` merinci isian yang salah",
    429: "Terlalu banyak permintaan dari alamat atau NIK ini; coba lagi nanti",
    503: "Basis data sementara tidak terjangkau; coba lagi sebentar",
}


def _may_be_invalid(parameter: dict) -> bool:
    """A query parameter that must be given, or anything but a free string (a number, a
    date, a choice, a bounded length)."""
    if parameter["in"] != "path" and parameter.get("required"):
        return True
    schema = parameter["schema"]
    for alternative in schema.get("anyOf", [schema]):
        if alternative.get("type") == "null":
            continue
        if alternative.get("type") != "string" or alternative.keys() - {
            "type",
            "title",
            "default",
            "description",
        }:
            return True
    return False


def _statuses_of(operation: dict) -> set[int]:
    """What every operation of its kind can answer, besides what its route declares: a
    malformed request (400) and an unreachable database (503) anywhere, invalid input (422)
    where there is input, no credentials (401) where a role is needed, an unknown object
    (404) where the path names one."""
    statuses = {400, 503}
    parameters = operation.get("parameters", [])
    if "requestBody" in operation or any(map(_may_be_invalid, parameters)):
        statuses.add(422)
    if operation.get("security"):
        statuses.add(401)
    if any(parameter["in"] == "path" for parameter in parameters):
        statuses.add(404)
    return statuses


class PortalApi(NinjaAPI):
    """Documents on every operation the refusals it can answer, in the one error format."""

    def get_openapi_schema(self, **kwargs):
        schema = super().get_openapi_schema(**kwargs)
        schema.setdefault("components", {}).setdefault("schemas", {})["Error"] = (
            Error.model_json_schema(ref_template="#/components/schemas/{model}")
        )
        content = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
        for operations in schema["paths"].values():
            for operation in operations.values():
                responses = operation["responses"]
                declared = {int(status) for status in responses if int(status) in REFUSALS}
                for status in declared | _statuses_of(operation):
                    responses.pop(str(status), None)
                    responses[status] = {"description": REFUSALS[status], "content": content}
                operation["responses"] = dict(sorted(responses.items(), key=lambda r: int(r[0])))
        return schema


api = PortalApi(
    title="API MPP Kutai Timur",
    version="1",
    description="Layanan, antrian, reservasi, pengaduan dan UMKM Mal Pelayanan Publik Kabupaten "
    "Kutai Timur.",
    urls_namespace="api-1",
    docs_url="/docs",
    openapi_url="/openapi.json",
)
api.add_router("", services_router)
api.add_router("/umkm", umkm_router)
api.add_router("", survey_router)
api.add_router("", counters_router)
api.add_router("", booking_router)
api.add_router("", cases_router)
api.add_router("", case_staff_router)
api.add_router("", complaints_router)

STATUS_CODES = {
    400: "bad_request",
    401: "not_authenticated",
    403: "permission_denied",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    422: "invalid",
    429: "throttled",
}


def error(request, detail: str, status: int, code: str | None = None, **extra):
    body = {"detail": detail, "code": code or STATUS_CODES.get(status, "error"), **extra}
    return api.create_response(request, body, status=status)


@api.exception_handler(ValidationError)
def on_validation_error(request, exc):
    return error(request, "Data tidak valid.", 422, errors=exc.errors)


@api.exception_handler(AuthenticationError)
def on_authentication_error(request, exc):
    return error(request, "Autentikasi diperlukan.", 401)


@api.exception_handler(HttpError)
def on_http_error(request, exc):
    return error(request, str(exc.message), exc.status_code)


@api.exception_handler(Http404)
def on_not_found(request, exc):
    return error(request, "Tidak ditemukan.", 404)


@api.exception_handler(PermissionDenied)
def on_permission_denied(request, exc):
    return error(request, str(exc) or "Tidak diizinkan.", 403)


@api.exception_handler(DomainError)
def on_domain_error(request, exc):
    return error(request, exc.message, exc.status, exc.code)
