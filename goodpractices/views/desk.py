"""The coordinator's side: practices of their cities under /my/practices/ (the ICC template as a form)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from cities import rules
from cities.models import City
from core.templatetags.portal import month

from .. import services, template
from ..diff import diff_snapshots, labelled_rows
from ..forms import DocxImportForm, NewPracticeForm, PracticeForm, ReferenceFileForm
from ..guidance import QUALITY_CRITERIA, REPORTING_GUIDANCE
from ..models import GoodPractice, PracticeRevision
from ..workflow import actions_by_name, can_edit
from .desk_access import desk_practice, login_keeping_post, pop_pending_post
from .history import status_context


def _coordinated_cities(user):
    if rules.is_secretariat(user):
        return City.objects.order_by("name")
    return City.objects.filter(pk__in=rules.coordinated_city_ids(user)).order_by("name")


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


@login_required
@require_safe
def practice_import_template(request):
    """The blank reporting template as a Word file, in the page's language, for those who may import one."""
    from ..docx_template import CONTENT_TYPE, blank_template, file_name
    from ..models import FieldOfAction

    if not _coordinated_cities(request.user).exists():
        raise Http404
    response = HttpResponse(blank_template(FieldOfAction.objects.order_by("position")), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{file_name()}"'
    return response


@login_keeping_post
def practice_edit(request, pk):
    practice = desk_practice(request, pk)
    if not can_edit(practice):
        return render(request, "goodpractices/desk/practice_status.html", status_context(practice, request.user))
    data = request.POST if request.method == "POST" else pop_pending_post(request)
    restored = request.method != "POST" and data is not None
    missing = request.session.pop(f"missing-{practice.pk}", [])
    form = PracticeForm(data, instance=practice, missing=missing)
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
            _show_conflict(request, form, practice)
        else:
            if restored:
                messages.success(request, _("What you typed before your session expired has been saved."))
            return _after_save(request, practice, request.POST.get("action", "save"))
    elif data is not None:
        messages.error(request, _("The practice was not saved: correct the fields marked below."))
    context = {**_form_context(practice, form, conflict), "actions": actions_by_name(practice, request.user)}
    return render(request, "goodpractices/desk/practice_form.html", context, status=409 if conflict else 200)


def _show_conflict(request, form, practice) -> None:
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


def _form_context(practice, form, conflict) -> dict:
    changes = diff_snapshots(services.practice_snapshot(practice), conflict.refused.data) if conflict else []
    latest_step = practice.transitions.first()
    return {
        "practice": practice,
        "form": form,
        "conflict": conflict,
        "conflict_changes": labelled_rows(changes),
        "file_form": ReferenceFileForm(),
        "guidance": REPORTING_GUIDANCE,
        "tasks": _template_tasks(form, practice),
        # The secretariat's request, while it is the practice's latest step.
        "requested_changes": latest_step if latest_step and latest_step.action == "request_changes" else None,
    }


def _template_tasks(form, practice) -> list[dict]:
    """The template's sections as a task list: completed when what they require is filled."""
    missing = {
        requirement.fields[0].name
        for requirement in template.requirements(form.template)
        if requirement.name in set(template.missing_requirements(practice, form.template))
    }
    tasks = []
    for index, (title, rows) in enumerate(form.sections(), start=1):
        names = {row.field.name for row in rows}
        required = {name for name in names if getattr(form.fields[name], "required_to_submit", False)}
        filled = any(row.field.value() not in (None, "", [], ()) for row in rows)
        if (required and not required & missing) or (not required and filled):
            status, label = "completed", _("Completed")
        elif filled:
            status, label = "in_progress", _("In progress")
        else:
            status, label = "not_started", _("Not started")
        tasks.append({"name": title, "href": f"#section-{index}", "status": status, "status_label": label})
    return tasks


def _after_save(request, practice, action):
    if action == "preview":
        return redirect("practice_desk:preview", pk=practice.pk)
    if action == "submit":
        # Saved; submitting is one more step, on the page that checks the answers and says what happens next.
        return redirect("practice_desk:submit", pk=practice.pk)
    messages.success(request, _("Draft saved."))
    return redirect("practice_desk:edit", pk=practice.pk)


def _submit(request, practice):
    try:
        services.practice_submit(practice=practice, by=request.user)
    except services.PracticeIncomplete as error:
        return _incomplete(request, practice, error.missing)
    except services.StateConflict as error:
        messages.error(request, str(error))
        return redirect("practice_desk:edit", pk=practice.pk)
    messages.success(request, _("Submitted. The secretariat has been told and will review your practice."))
    return redirect("practice_desk:history", pk=practice.pk)


@require_POST
@login_keeping_post
def practice_autosave(request, pk):
    practice = desk_practice(request, pk)
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


def _incomplete(request, practice, missing: list[str]):
    """Back to the form, which names the required fields still empty."""
    labels = template.requirement_labels()
    request.session[f"missing-{practice.pk}"] = missing
    names = ", ".join(str(labels.get(name, name)) for name in missing)
    messages.error(request, _("Your draft is saved but not submitted. Still to fill in: %s.") % names)
    return redirect("practice_desk:edit", pk=practice.pk)


@require_http_methods(["GET", "POST"])
@login_keeping_post
def practice_submit(request, pk):
    """GET: check your answers (the practice's key fields) and what happens next; only its button (a POST, which
    scripts may also send directly) submits."""
    practice = desk_practice(request, pk)
    if request.method == "POST":
        return _submit(request, practice)
    if "submit" not in actions_by_name(practice, request.user):
        messages.error(
            request,
            _("This practice cannot be submitted: it is %(status)s.")
            % {"status": practice.get_status_display().lower()},
        )
        return redirect("practice_desk:edit", pk=practice.pk)
    missing = services.practice_missing_fields(practice)
    if missing:
        return _incomplete(request, practice, missing)
    context = {
        "practice": practice,
        "rows": _answers(practice),
        "criteria": [label for _code, label, _description in QUALITY_CRITERIA],
    }
    return render(request, "goodpractices/desk/practice_submit.html", context)


def _answers(practice) -> list[tuple]:
    """The key fields of the template as summary-list rows, each with a link back to its field in the form."""
    edit = reverse("practice_desk:edit", args=[practice.pk])
    labels = {field.name: field.label for field in template.TEMPLATE}
    period = " – ".join(month(value) for value in (practice.period_start, practice.period_end) if value)
    if practice.period_text:
        period = f"{period} ({practice.period_text})" if period else practice.period_text
    change = _("Change")
    rows = [(_("City"), practice.city.name)]
    for name, value, anchor in [
        ("title", practice.title, "title"),
        ("main_field", str(practice.main_field or ""), "main_field"),
        ("main_purpose", practice.main_purpose, "main_purpose"),
        ("period_text", period, "period_start"),
        ("contact_person", practice.contact_person, "contact_person"),
        ("contact_email", practice.contact_email, "contact_email"),
    ]:
        rows.append((labels[name], value, f"{edit}#id_{anchor}", change))
    documents = practice.files.count()
    rows.append((_("Uploaded documents"), str(documents) if documents else _("None"), f"{edit}#documents", change))
    return rows


@require_http_methods(["GET", "POST"])
@login_required
def practice_delete(request, pk):
    """GET: "are you sure?"; POST: deletes a draft that was never submitted (its versions and documents too).
    A plain login: a delete posted after the session expired is not replayed."""
    practice = desk_practice(request, pk)
    title = practice.title or _("Untitled practice")
    if request.method == "POST":
        try:
            services.practice_delete(practice=practice, by=request.user)
        except services.StateConflict as error:
            messages.error(request, str(error))
            return redirect("practice_desk:edit", pk=practice.pk)
        messages.success(request, _("The draft “%(title)s” was deleted.") % {"title": title})
        return redirect("practice_desk:list")
    if "delete" not in actions_by_name(practice, request.user):
        messages.error(
            request,
            _("Only a draft that was never submitted can be deleted; this practice is %(status)s.")
            % {"status": practice.get_status_display().lower()},
        )
        return redirect("practice_desk:edit", pk=practice.pk)
    return render(request, "goodpractices/desk/practice_delete.html", {"practice": practice, "title": title})


@require_POST
@login_keeping_post
def practice_revise(request, pk):
    practice = desk_practice(request, pk)
    try:
        new_version = services.practice_revise(practice=practice, by=request.user)
    except services.StateConflict as error:
        messages.error(request, str(error))
        return redirect("practice_desk:history", pk=practice.pk)
    messages.info(request, _("This is a new version: the published practice stays online until it is reviewed."))
    return redirect("practice_desk:edit", pk=new_version.pk)
