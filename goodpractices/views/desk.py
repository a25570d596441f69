"""The coordinator's side: practices of their cities under /my/practices/ (the ICC template as a form)."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cities import rules
from cities.models import City
from core.errors import StorageFull

from .. import services
from ..diff import diff_snapshots
from ..forms import DocxImportForm, NewPracticeForm, PracticeForm, ReferenceFileForm
from ..guidance import REPORTING_GUIDANCE
from ..models import GoodPractice, PracticeRevision, ReferenceFile

PENDING_POST = "goodpractices.pending_post"


def login_keeping_post(view):
    """Like login_required, but a form posted after the session expired is kept in the session and saved
    once the coordinator has logged in again (Django keeps session data across login)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.user.is_authenticated:
            return view(request, *args, **kwargs)
        if request.method == "POST":
            data = {key: values for key, values in request.POST.lists() if key != "csrfmiddlewaretoken"}
            data.pop("action", None)
            request.session[PENDING_POST] = {"path": _edit_path(request), "data": data}
            if request.headers.get("x-autosave"):
                return JsonResponse(
                    {
                        "detail": _("Your session has expired. Log in again: what you typed is kept."),
                        "login_url": reverse("login") + "?next=" + _edit_path(request),
                    },
                    status=401,
                )
        return redirect_to_login(_edit_path(request) if request.method == "POST" else request.get_full_path())

    return wrapper


def _edit_path(request) -> str:
    """Autosave and submit post elsewhere; after login the coordinator comes back to the form itself."""
    match = request.resolver_match
    if match and "pk" in match.kwargs:
        return reverse("practice_desk:edit", args=[match.kwargs["pk"]])
    return request.path


def _coordinated_cities(user):
    if rules.is_secretariat(user):
        return City.objects.order_by("name")
    return City.objects.filter(pk__in=rules.coordinated_city_ids(user)).order_by("name")


def _practice(request, pk) -> GoodPractice:
    """The practice, when the user may act for its city; 404 otherwise (another city's practice is not there)."""
    practice = get_object_or_404(GoodPractice.objects.select_related("city", "main_field", "revision_of"), pk=pk)
    if not rules.can_coordinate(request.user, practice.city):
        raise Http404
    return practice


@login_keeping_post
def practice_list(request):
    user = request.user
    if rules.is_secretariat(user):
        practices = GoodPractice.objects.filter(created_by=user)
    elif rules.is_coordinator(user):
        practices = GoodPractice.objects.filter(city_id__in=rules.coordinated_city_ids(user))
    else:
        raise Http404
    practices = practices.select_related("city", "main_field", "revision_of").order_by("-updated_at")
    context = {"practices": practices, "cities": list(_coordinated_cities(user)[:2])}
    return render(request, "goodpractices/desk/practice_list.html", context)


@login_keeping_post
def practice_new(request):
    """A page with a button: a GET never creates anything (a prefetching browser or a crawler following the
    link would otherwise leave empty drafts behind); the POST starts the draft in the chosen city."""
    cities = _coordinated_cities(request.user)
    if not cities.exists():
        raise Http404
    form = NewPracticeForm(request.POST if request.method == "POST" else None, cities=cities)
    if request.method == "POST" and form.is_valid():
        practice = services.practice_create(city=form.cleaned_data["city"], by=request.user)
        return redirect("practice_desk:edit", pk=practice.pk)
    return render(request, "goodpractices/desk/practice_new.html", {"form": form})


@login_keeping_post
def practice_import(request):
    cities = _coordinated_cities(request.user)
    if not cities.exists():
        raise Http404
    initial = {"city": cities.first()} if cities.count() == 1 else {}
    form = DocxImportForm(request.POST or None, request.FILES or None, cities=cities, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            practice = services.practice_import_docx(
                city=form.cleaned_data["city"], by=request.user, upload=form.cleaned_data["document"]
            )
        except ValidationError as error:
            form.add_error("document", error)
        else:
            messages.success(request, _("The draft was filled from your document. Check every field, then submit."))
            return redirect("practice_desk:edit", pk=practice.pk)
    return render(request, "goodpractices/desk/practice_import.html", {"form": form})


@login_keeping_post
def practice_edit(request, pk):
    practice = _practice(request, pk)
    if practice.status not in services.EDITABLE:
        return render(request, "goodpractices/desk/practice_status.html", _status_context(practice))
    data, action, restored = None, "save", False
    if request.method == "POST":
        data, action = request.POST, request.POST.get("action", "save")
    else:
        pending = request.session.pop(PENDING_POST, None)
        if pending and pending.get("path") == request.path:
            data, restored = _querydict(pending["data"]), True
    form = PracticeForm(data, instance=practice)
    conflict = None
    if data is not None and form.is_valid():
        try:
            practice = services.practice_update(
                practice=practice,
                by=request.user,
                data=form.practice_data(),
                expected_version=form.cleaned_data["version"],
            )
        except services.PracticeEditConflict as error:
            conflict = error
        else:
            if restored:
                messages.success(request, _("What you typed before your session expired has been saved."))
            return _after_save(request, practice, action)
    elif data is not None:
        messages.error(request, _("The practice was not saved: correct the fields marked below."))
    context = {
        "practice": practice,
        "form": form,
        "conflict": conflict,
        "conflict_changes": _labelled(diff_snapshots(services.practice_snapshot(practice), conflict.refused.data))
        if conflict
        else [],
        "file_form": ReferenceFileForm(),
        "guidance": REPORTING_GUIDANCE,
        "missing": request.session.pop(f"missing-{practice.pk}", []),
        "latest_comment": practice.transitions.filter(action="request_changes").first(),
    }
    if conflict:
        # The form keeps the coordinator's text; the page shows what the other person saved, and the next save
        # starts from the current version on purpose.
        form.data = form.data.copy()
        form.data["version"] = practice.version
        messages.error(
            request,
            _(
                "Someone else saved this practice while you were editing. Your text was not saved over theirs: "
                "both are kept in the history. Compare them below, then save again."
            ),
        )
    return render(request, "goodpractices/desk/practice_form.html", context, status=409 if conflict else 200)


def _labelled(changes) -> list[tuple[str, list]]:
    """(field label, diff segments) rows for the diff table."""
    labels = {name: field.label for name, field in PracticeForm.base_fields.items()}
    return [(labels.get(change.name, change.name), change.segments) for change in changes]


def _querydict(data: dict):
    from django.http import QueryDict

    query = QueryDict(mutable=True)
    for key, values in data.items():
        query.setlist(key, values)
    return query


def _after_save(request, practice, action):
    if action == "preview":
        return redirect("practice_desk:preview", pk=practice.pk)
    if action == "submit":
        return _submit(request, practice)
    messages.success(request, _("Draft saved."))
    return redirect("practice_desk:edit", pk=practice.pk)


def _submit(request, practice):
    try:
        services.practice_submit(practice=practice, by=request.user)
    except services.PracticeIncomplete as error:
        labels = [str(_field_label(name)) for name in error.missing]
        request.session[f"missing-{practice.pk}"] = error.missing
        messages.error(request, _("Your draft is saved but not submitted. Still to fill in: %s.") % ", ".join(labels))
        return redirect("practice_desk:edit", pk=practice.pk)
    except services.StateConflict as error:
        messages.error(request, str(error))
        return redirect("practice_desk:edit", pk=practice.pk)
    messages.success(request, _("Submitted. The secretariat has been told and will review your practice."))
    return redirect("practice_desk:history", pk=practice.pk)


def _field_label(name: str):
    if name == "period":
        return _("Implementation period")
    return PracticeForm.base_fields[name].label if name in PracticeForm.base_fields else name


@require_POST
@login_keeping_post
def practice_autosave(request, pk):
    practice = _practice(request, pk)
    form = PracticeForm(request.POST, instance=practice)
    if not form.is_valid():
        return JsonResponse({"detail": _("Not saved: correct the marked fields."), "errors": form.errors}, status=400)
    try:
        practice = services.practice_update(
            practice=practice,
            by=request.user,
            data=form.practice_data(),
            expected_version=form.cleaned_data["version"],
            kind=PracticeRevision.Kind.AUTOSAVED,
        )
    except services.PracticeEditConflict:
        return JsonResponse(
            {"detail": _("Someone else saved this practice. Save with the button to compare both texts.")}, status=409
        )
    except services.StateConflict as error:
        return JsonResponse({"detail": str(error)}, status=409)
    return JsonResponse({"version": practice.version, "saved_at": practice.updated_at.isoformat()})


@require_POST
@login_keeping_post
def practice_submit(request, pk):
    return _submit(request, _practice(request, pk))


@require_POST
@login_keeping_post
def practice_revise(request, pk):
    practice = _practice(request, pk)
    try:
        new_version = services.practice_revise(practice=practice, by=request.user)
    except services.StateConflict as error:
        messages.error(request, str(error))
        return redirect("practice_desk:history", pk=practice.pk)
    messages.info(request, _("This is a new version: the published practice stays online until it is reviewed."))
    return redirect("practice_desk:edit", pk=new_version.pk)


@login_keeping_post
def practice_preview(request, pk):
    """The public page of the practice, rendered from the same template the public will see."""
    practice = _practice(request, pk)
    back = reverse("practice_desk:edit", args=[practice.pk])
    messages.info(
        request,
        format_html(
            '{} <a href="{}">{}</a>',
            _("Preview: this is how the public will see the practice once it is published."),
            back,
            _("Back to the form"),
        ),
    )
    context = {"practice": practice, "secondary_fields": list(practice.secondary_fields.all()), "preview": True}
    return render(request, "goodpractices/practice_detail.html", context)


def _status_context(practice):
    return {
        "practice": practice,
        "transitions": practice.transitions.select_related("by"),
        "open_version": practice.pending_revisions.filter(status__in=[*services.EDITABLE, "submitted"]).first(),
    }


@login_keeping_post
def practice_history(request, pk):
    practice = _practice(request, pk)
    revisions = list(practice.revisions.select_related("created_by"))
    context = {**_status_context(practice), "revisions": revisions}
    return render(request, "goodpractices/desk/practice_history.html", context)


@login_keeping_post
def practice_compare(request, pk):
    practice = _practice(request, pk)
    revisions = practice.revisions.select_related("created_by")
    try:
        newer = revisions.get(pk=request.GET.get("b")) if request.GET.get("b") else revisions.first()
        older = (
            revisions.get(pk=request.GET.get("a"))
            if request.GET.get("a")
            else revisions.filter(pk__lt=newer.pk).first()
            if newer
            else None
        )
    except (PracticeRevision.DoesNotExist, ValueError) as error:
        raise Http404 from error
    if older and newer and older.pk > newer.pk:
        older, newer = newer, older
    rows = _labelled(diff_snapshots(older.data if older else {}, newer.data if newer else {}))
    context = {"practice": practice, "older": older, "newer": newer, "rows": rows}
    return render(request, "goodpractices/desk/practice_compare.html", context)


@require_POST
@login_keeping_post
def file_upload(request, pk):
    practice = _practice(request, pk)
    form = ReferenceFileForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            document = services.reference_file_add(
                practice=practice, by=request.user, upload=form.cleaned_data["document"]
            )
        except (ValidationError, services.StateConflict, StorageFull) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        else:
            messages.success(request, _("%(name)s added.") % {"name": document.name})
    else:
        messages.error(request, _("Choose a file to upload."))
    return redirect(reverse("practice_desk:edit", args=[practice.pk]) + "#documents")


@require_POST
@login_keeping_post
def file_delete(request, pk, file_pk):
    practice = _practice(request, pk)
    document = get_object_or_404(ReferenceFile, pk=file_pk, practice=practice)
    try:
        services.reference_file_delete(document=document, by=request.user)
    except (services.StateConflict, PermissionDenied) as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("%(name)s removed.") % {"name": document.name})
    return redirect(reverse("practice_desk:edit", args=[practice.pk]) + "#documents")
