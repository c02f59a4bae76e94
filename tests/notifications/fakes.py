"""Local stand-ins of the WhatsApp Business Cloud API and of the SMS gateway: real HTTP
servers in a thread, speaking the documented request and error shapes, recording every
request. A test plans the next answers ("rate_limit", "server_error", …); with none
planned a well-formed request is accepted."""

import itertools
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TOKEN = "token-uji"


class FakeProvider:
    def __init__(self):
        self.requests: list[dict] = []  # every request: path, headers, json
        self.accepted: list[dict] = []  # what really went out to a phone
        self.planned: list[str] = []
        self.ids = itertools.count(1)
        self.holding = False
        self.answered, self.release = threading.Event(), threading.Event()
        self.lock = threading.Lock()
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                try:
                    body = json.loads(raw)
                except ValueError:
                    body = None
                with provider.lock:
                    request = {"path": self.path, "headers": dict(self.headers), "json": body}
                    provider.requests.append(request)
                    status, answer, headers = provider.answer(request)
                if provider.holding:
                    # Decided (and, if accepted, sent) but not answered until released.
                    provider.answered.set()
                    provider.release.wait(30)
                data = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def plan(self, *answers: str) -> None:
        self.planned.extend(answers)

    def next_planned(self) -> str | None:
        return self.planned.pop(0) if self.planned else None

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


def graph_error(code: int, message: str, kind: str = "OAuthException", subcode=None) -> dict:
    error = {"message": message, "type": kind, "code": code, "fbtrace_id": "AbCdEf123"}
    if subcode is not None:
        error["error_subcode"] = subcode
    return {"error": error}


WHATSAPP_ERRORS = {
    "auth": (401, graph_error(190, "Error validating access token: Session has expired.")),
    "rate_limit": (429, graph_error(130429, "(#130429) Rate limit hit", "OAuthException")),
    "spam_rate_limit": (400, graph_error(131048, "(#131048) Spam rate limit hit")),
    "server_error": (500, graph_error(1, "An unknown error occurred")),
    "undeliverable": (400, graph_error(131026, "(#131026) Message undeliverable")),
    "invalid_number": (400, graph_error(100, "(#100) Invalid parameter", subcode=2494010)),
}


class FakeWhatsApp(FakeProvider):
    """POST /v{N}/{phone-number-id}/messages, Bearer token, a template message."""

    phone_number_id = "109876543210"
    version = "v21.0"

    def answer(self, request):
        if request["headers"].get("Authorization") != f"Bearer {TOKEN}":
            return (*WHATSAPP_ERRORS["auth"], {})
        body = request["json"]
        if request["path"] != f"/{self.version}/{self.phone_number_id}/messages" or not (
            isinstance(body, dict)
            and body.get("messaging_product") == "whatsapp"
            and body.get("type") == "template"
            and str(body.get("to", "")).isdigit()
            and body["template"].get("name")
            and body["template"].get("language", {}).get("code")
        ):
            return (*WHATSAPP_ERRORS["invalid_number"], {})
        planned = self.next_planned()
        if planned:
            return (*WHATSAPP_ERRORS[planned], {})
        wamid = f"wamid.HBgL{next(self.ids):06d}"
        self.accepted.append({"id": wamid, **body})
        return (
            200,
            {
                "messaging_product": "whatsapp",
                "contacts": [{"input": body["to"], "wa_id": body["to"]}],
                "messages": [{"id": wamid}],
            },
            {},
        )


SMS_ERRORS = {
    "auth": (401, {"error": {"code": "unauthorized", "message": "bad token"}}, {}),
    "rate_limit": (
        429,
        {"error": {"code": "rate_limited", "message": "slow down"}},
        {"Retry-After": "7"},
    ),
    "server_error": (503, {"error": {"code": "unavailable", "message": "try later"}}, {}),
    "invalid_number": (422, {"error": {"code": "invalid_number", "message": "not a mobile"}}, {}),
}


class FakeSmsGateway(FakeProvider):
    """POST /messages {"to", "text"}, Bearer token, Idempotency-Key: a repeated key answers
    the first message's id and sends nothing."""

    def __init__(self):
        super().__init__()
        self.by_key: dict[str, str] = {}

    def answer(self, request):
        if request["headers"].get("Authorization") != f"Bearer {TOKEN}":
            return SMS_ERRORS["auth"]
        key = request["headers"].get("Idempotency-Key", "")
        if key in self.by_key:
            return 200, {"id": self.by_key[key]}, {}
        planned = self.next_planned()
        if planned:
            return SMS_ERRORS[planned]
        body = request["json"]
        if not isinstance(body, dict) or not str(body.get("to", "")).startswith("+62"):
            return SMS_ERRORS["invalid_number"]
        sms_id = f"sms-{next(self.ids)}"
        self.by_key[key] = sms_id
        self.accepted.append({"id": sms_id, **body})
        return 202, {"id": sms_id}, {}
