"""Saved searches: save the public database's filters for an e-mail digest, confirm (double opt-in), unsubscribe
in one click from a digest (a signed token, no login), and manage one's alerts from the desk."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from ..forms import FrequencyForm, SavedSearchForm
from ..services import alerts as services


def alert_new(request):
    """The filters come in the query string, as on the public page; the form adds the name, address and rhythm."""
    try:
        query = services.clean_query(request.GET)
        filter_errors = []
    except ValidationError as error:
        query, filter_errors = {}, error.messages
    form = SavedSearchForm(request.POST or None, user=request.user)
    status = 400 if filter_errors else 200
    if request.method == "POST" and not filter_errors and form.is_valid():
        data = form.cleaned_data
        try:
            services.saved_search_create(
                query=request.GET,
                frequency=data["frequency"],
                email=data.get("email", ""),
                name=data["name"],
                user=request.user,
                language=(get_language() or "en")[:2],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if request.user.is_authenticated:
                messages.success(request, _("Saved: the digests go to %(email)s.") % {"email": request.user.email})
                return redirect("exchange:desk-alerts")
            messages.success(request, _("Almost done: confirm the alert from the e-mail we just sent you."))
            return redirect("goodpractices:list")
    if form.errors:
        status = 400
    context = {
        "form": form,
        "query": query,
        "described": services.describe(query),
        "filter_errors": filter_errors,
        "query_string": request.GET.urlencode(),
    }
    return render(request, "exchange/alert_new.html", context, status=status)


@require_GET
def alert_confirm(request, token):
    try:
        search = services.saved_search_confirm(token=token)
    except ValidationError as error:
        return render(request, "exchange/alert_done.html", {"error": " ".join(error.messages)}, status=400)
    message = _("Your alert is confirmed: the first digest comes when new practices match.")
    return render(request, "exchange/alert_done.html", {"message": message, "search": search})


@require_GET
def alert_unsubscribe(request, token):
    """One click from a digest: the alert is gone (a link checker clicking it does what the reader would)."""
    try:
        existed = services.saved_search_unsubscribe(token=token)
    except ValidationError as error:
        return render(request, "exchange/alert_done.html", {"error": " ".join(error.messages)}, status=400)
    message = _("You are unsubscribed: no more digests for this search.") if existed else _("Already unsubscribed.")
    return render(request, "exchange/alert_done.html", {"message": message})


@login_required
def desk_alerts(request):
    searches = list(request.user.saved_searches.order_by("-created_at"))
    for search in searches:
        search.frequency_form = FrequencyForm(initial={"frequency": search.frequency}, auto_id=f"a{search.pk}-%s")
    return render(request, "exchange/desk/alerts.html", {"searches": searches})


@login_required
@require_POST
def desk_alert_change(request, pk):
    search = get_object_or_404(request.user.saved_searches, pk=pk)
    if request.POST.get("delete"):
        services.saved_search_delete(search=search, by=request.user)
        messages.success(request, _("Alert deleted."))
    else:
        form = FrequencyForm(request.POST)
        if form.is_valid():
            services.saved_search_set_frequency(
                search=search, frequency=form.cleaned_data["frequency"], by=request.user
            )
            messages.success(request, _("Saved."))
        else:
            messages.error(request, _("Choose weekly or monthly."))
    return redirect("exchange:desk-alerts")
