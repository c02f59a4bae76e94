"""The display board page for a TV; its data comes from the boards feed of the API."""

from django.shortcuts import get_object_or_404, render

from counters.queue.announcement_audio import clip_urls
from counters.queue.speech import CHIME
from services.models import Location


def board(request, location: str):
    place = get_object_or_404(Location, slug=location)
    chime = clip_urls([CHIME])
    return render(
        request,
        "counters/queue/board/board.html",
        {"location": place, "chime_url": chime[0] if chime else ""},
    )
