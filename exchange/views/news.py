"""The newsroom: the public list with its filters (the FilterSet the API shares), a news page, its image, the Atom
feed; and the desk's side: a city's coordinators write news, the secretariat reviews it."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.syndication.views import Feed
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from cities import rules
from cities.models import City, Country
from core.errors import StateConflict

from ..filters import NewsFilterSet
from ..forms import NewNewsForm, NewsForm, ReviewForm
from ..selectors.news import news_visible_to, news_written_by, published_news
from ..services import news as services
from ..services.review import review_act
from ..workflow import REVIEW_WORKFLOW

PAGE_SIZE = 12
FEED_SIZE = 30


@require_GET
def news_list(request):
    filterset = NewsFilterSet(request.GET or None, queryset=published_news())
    status = 200
    if filterset.is_bound and not filterset.is_valid():
        status = 400
        news = published_news().none()
    else:
        news = filterset.qs.order_by("-published_at", "-id") if filterset.is_bound else filterset.queryset
    page = Paginator(news, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "filterset": filterset,
        "filter_form": _filter_form(filterset),
        "page": page,
        "query_string": query.urlencode(),
    }
    return render(request, "exchange/news_list.html", context, status=status)


def _filter_form(filterset):
    """The FilterSet's own form, rendered by the portal's form renderer (its errors beside each field): the city and
    the country are chosen among those with published news; ids are "n-city", "n-year"…"""
    form = filterset.form
    form.auto_id = "n-%s"
    cities = City.objects.public().filter(news__status="published").distinct().values_list("slug", "name")
    countries = Country.objects.filter(cities__news__status="published").distinct().values_list("code", "name")
    form.fields["city"].widget = forms.Select(choices=[("", _("All")), *cities])
    form.fields["country"].widget = forms.Select(choices=[("", _("All")), *countries])
    return form


@require_GET
def news_detail(request, pk):
    news = get_object_or_404(news_visible_to(user=request.user), pk=pk)
    context = {"news": news, "actions": REVIEW_WORKFLOW.available_actions(news, request.user)}
    return render(request, "exchange/news_detail.html", context)


@require_GET
def news_image(request, pk):
    news = get_object_or_404(news_visible_to(user=request.user), pk=pk)
    if not news.image:
        raise Http404
    response = FileResponse(news.image.open("rb"), content_type=news.image_type or "application/octet-stream")
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Disposition"] = "inline"
    return response


class NewsFeed(Feed):
    """Published news (Atom). Summaries are plain text: a feed reader shows them as typed, runs nothing."""

    feed_type = Atom1Feed

    def title(self):
        return _("Intercultural Cities – news from the cities")

    def link(self):
        from django.urls import reverse

        return reverse("exchange:news-list")

    def subtitle(self):
        return _("News published by the member cities of the Intercultural Cities network.")

    def items(self):
        return published_news().order_by("-published_at", "-id")[:FEED_SIZE]

    def item_title(self, news):
        return f"{news.title} ({news.city.name})"

    def item_description(self, news):
        # Atom1Feed declares the summary type="html": escaped here, a reader shows the characters as typed and
        # renders or runs no markup from a city's text.
        return escape(news.summary)

    def item_pubdate(self, news):
        return news.published_at

    def item_updateddate(self, news):
        return news.updated_at

    def item_author_name(self, news):
        return news.city.name

    def item_categories(self, news):
        return [field.code for field in news.fields_of_action.all()]


news_feed = NewsFeed()


# The desk's side.


def _writable_cities(user):
    if rules.is_secretariat(user):
        return City.objects.public().order_by("name")
    return City.objects.filter(pk__in=rules.coordinated_city_ids(user)).order_by("name")


@login_required
def desk_news_list(request):
    cities = _writable_cities(request.user)
    if not (cities.exists() or rules.is_secretariat(request.user)):
        raise Http404
    news = news_written_by(user=request.user)
    return render(request, "exchange/desk/news_list.html", {"news_list": news[:200]})


@login_required
def desk_news_new(request):
    cities = _writable_cities(request.user)
    if not cities.exists():
        raise Http404
    form = NewNewsForm(request.POST or None, request.FILES or None, cities=cities)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            news = services.news_create(city=data["city"], by=request.user, data=data, image=data.get("image"))
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Draft saved. Submit it for review when it is ready."))
            return redirect("exchange:desk-news-edit", pk=news.pk)
    return render(request, "exchange/desk/news_form.html", {"form": form}, status=400 if form.errors else 200)


@login_required
def desk_news_edit(request, pk):
    news = get_object_or_404(news_written_by(user=request.user), pk=pk)
    editable = REVIEW_WORKFLOW.can(news, "edit") and rules.can_coordinate(request.user, news.city)
    form = NewsForm(request.POST or None, request.FILES or None, instance=news if not request.POST else None)
    if request.method == "POST":
        if not editable:
            messages.error(request, _("It can be edited only as a draft or when it is returned for changes."))
            return redirect("exchange:desk-news-edit", pk=news.pk)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.news_update(
                    news=news,
                    by=request.user,
                    data=data,
                    image=data.get("image") or None,
                    remove_image=data.get("image") is False,
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, _("Saved."))
                return redirect("exchange:desk-news-edit", pk=news.pk)
    if not request.POST:
        form = NewsForm(instance=news, initial={"fields_of_action": list(news.fields_of_action.all())})
    context = {
        "form": form,
        "news": news,
        "editable": editable,
        "actions": REVIEW_WORKFLOW.available_actions(news, request.user),
        "review_forms": {action: ReviewForm(auto_id=f"{action}-%s") for action in ("return", "publish")},
        "steps": news.steps.select_related("by")[:50],
    }
    return render(request, "exchange/desk/news_form.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def desk_news_act(request, pk, action):
    news = get_object_or_404(news_written_by(user=request.user), pk=pk)
    form = ReviewForm(request.POST)
    comment = form.cleaned_data["comment"] if form.is_valid() else ""
    try:
        review_act(item=news, action=action, by=request.user, comment=comment)
    except (ValidationError, StateConflict, PermissionDenied) as error:
        # Their own city's item (others' are 404s above): the page says why the step was refused.
        messages.error(request, " ".join(_messages_of(error)))
    else:
        messages.success(request, _("Done."))
    return redirect("exchange:desk-news-edit", pk=news.pk)


def _messages_of(error) -> list[str]:
    if isinstance(error, ValidationError):
        return [str(message) for message in error.messages]
    return [str(error)]


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)
