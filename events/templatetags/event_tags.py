from django import template

from home.models import with_card_images

from ..models import EventPage

register = template.Library()

HOME_LIMIT = 6


@register.inclusion_tag("events/includes/home_events.html")
def home_events():
    """The running events for the home page, in the order editors give them under 이벤트."""
    events = EventPage.objects.live().public_in_one_query().running().order_by("path")
    return {"events": with_card_images(events[:HOME_LIMIT])}


@register.filter
def won(amount):
    return f"{amount:,}원" if amount is not None else ""
