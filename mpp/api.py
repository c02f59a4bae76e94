"""API v1: the routers of every app, and one error format for all of them."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from counters.api import router as counters_router
from counters.api_booking import router as booking_router
from counters.api_survey import router as survey_router
from services.api import router as services_router
from services.errors import DomainError
from umkm.api import router as umkm_router

ERROR_SCHEMA = {
    "title": "Error",
    "type": "object",
    "properties": {
        "detail": {"type": "string", "description": "Pesan untuk manusia (bahasa Indonesia)"},
        "code": {"type": "string", "description": "Kode untuk program, mis. slot_full"},
        "errors": {"type": "array", "items": {}, "description": "Rincian data tidak valid"},
    },
    "required": ["detail", "code"],
}


class PortalApi(NinjaAPI):
    """Documents on every operation the one error format that all of them answer with."""

    def get_openapi_schema(self, **kwargs):
        schema = super().get_openapi_schema(**kwargs)
        schema.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
        error = {
            "description": "Permintaan ditolak; `detail` mengatakan alasannya",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        }
        for operations in schema["paths"].values():
            for operation in operations.values():
                operation["responses"].setdefault("4XX", error)
        return schema


api = PortalApi(
    title="API MPP Kutai Timur",
    version="1",
    description="Layanan, antrian, reservasi dan UMKM Mal Pelayanan Publik Kabupaten Kutai Timur.",
    urls_namespace="api-1",
    docs_url="/docs",
    openapi_url="/openapi.json",
)
api.add_router("", services_router)
api.add_router("/umkm", umkm_router)
api.add_router("", survey_router)
api.add_router("", counters_router)
api.add_router("", booking_router)

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
