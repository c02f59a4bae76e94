"""A page that shows what may belong to one visitor, behind the shared-page decorator."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template import engines
from django.urls import path

from common.caching import cached_page

PAGE = engines["django"].from_string(
    "<p>{{ request.user.get_username }}</p>"
    "<p>{% for message in messages %}{{ message }}{% endfor %}</p>"
    "{% if form %}<form>{% csrf_token %}</form>{% endif %}"
)
MESSAGE = "Pesan untuk pengunjung ini saja"
renders = []


def _version(request, **kwargs) -> str:
    return "1"


@cached_page(name="uji", version=_version, timeout=60)
def page(request, kind: str):
    renders.append(kind)
    if "X-Pesan" in request.headers:
        messages.info(request, MESSAGE)
    return HttpResponse(PAGE.render({"form": kind == "formulir"}, request=request))


def leave_message(request):
    messages.info(request, MESSAGE)
    return redirect("/uji/polos/")


urlpatterns = [
    path("uji/pesan/", leave_message),
    path("uji/<slug:kind>/", page),
]
