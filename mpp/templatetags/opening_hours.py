"""An agency's serving hours on the catalog's pages, from the schedule the queue keeps."""

from django import template

from counters.queue.selectors.schedule import agency_opening_hours

register = template.Library()


@register.inclusion_tag("services/_opening_hours.html")
def opening_hours(agency, location):
    """The agency's hours at one location, or that it has none set there."""
    return {"periods": agency_opening_hours(agency_id=agency.pk).get(location.pk, [])}
