"""The webhook WhatsApp calls with delivery reports and citizens' replies."""

import json

from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseForbidden
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from notifications import whatsapp


@csrf_exempt
@require_http_methods(["GET", "POST"])
def whatsapp_webhook(request):
    if request.method == "GET":
        challenge = whatsapp.verification_answer(
            mode=request.GET.get("hub.mode", ""),
            token=request.GET.get("hub.verify_token", ""),
            challenge=request.GET.get("hub.challenge", ""),
        )
        if challenge is None:
            return HttpResponseForbidden("verifikasi gagal", content_type="text/plain")
        return HttpResponse(challenge, content_type="text/plain")
    signature = request.headers.get("X-Hub-Signature-256", "")
    if not whatsapp.signature_valid(body=request.body, header=signature):
        return HttpResponseForbidden("tanda tangan tidak sah", content_type="text/plain")
    try:
        payload = json.loads(request.body)
    except ValueError:
        return HttpResponseBadRequest("JSON tidak sah", content_type="text/plain")
    whatsapp.report_apply(payload)
    return HttpResponse("ok", content_type="text/plain")
