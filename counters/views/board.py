"""The display board page for a TV; its data comes from the boards feed of the API."""

from django.shortcuts import get_object_or_404, render

from services.models import Location


def board(request, location: str):
    place = get_object_or_404(Location, slug=location)
    return render(request, "counters/board/board.html", {"location": place})
