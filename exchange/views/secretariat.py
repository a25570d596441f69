"""The secretariat's view of the exchange: what waits for review, the demand for study visits by field and host (and
the accepted requests to turn into events), and who wrote to which city (never what)."""

from django.shortcuts import render

from core.permissions import secretariat_required

from ..models import ContactMessage
from ..selectors import news as news_selectors
from ..selectors import visits as visit_selectors
from ..selectors.practices import follow_ups_in_review

CONTACT_LOG = 100


@secretariat_required
def overview(request):
    context = {
        "news_in_review": news_selectors.news_in_review(),
        "follow_ups_in_review": follow_ups_in_review(),
        "by_field": visit_selectors.demand_by_field(),
        "by_host": visit_selectors.demand_by_host(),
        "accepted": visit_selectors.accepted_requests(),
        "contacts": ContactMessage.objects.select_related("city", "sender")[:CONTACT_LOG],
    }
    return render(request, "exchange/secretariat.html", context)
