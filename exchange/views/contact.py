"""The contact form of a city page: relayed by e-mail, no address shown, throttled per sender."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from cities.models import City

from ..choices import ContactRoute
from ..forms import ContactForm
from ..services.contact import ContactThrottled, contact_city, route_for


def contact(request, city_slug):
    city = get_object_or_404(City.objects.public(), slug=city_slug)
    form = ContactForm(request.POST or None, user=request.user)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                record = contact_city(
                    city=city,
                    sender=request.user,
                    name=data.get("name", ""),
                    email=data.get("email", ""),
                    subject=data["subject"],
                    message=data["message"],
                    address=request.META.get("REMOTE_ADDR", ""),
                )
            except ContactThrottled as error:
                form.add_error(None, error)
                status = 429
            except ValidationError as error:
                form.add_error(None, error)
                status = 400
            else:
                messages.success(request, _sent_message(record.routed_to))
                return redirect(city.get_absolute_url())
        else:
            status = 400
    context = {"city": city, "form": form, "route": route_for(request.user, city)}
    return render(request, "exchange/contact.html", context, status=status)


def _sent_message(route: str) -> str:
    if route == ContactRoute.COORDINATORS:
        return _("Your message was sent to the city's coordinators. Their answer will come to your e-mail address.")
    return _("Your message was sent to the secretariat, which will answer or forward it to the city.")
