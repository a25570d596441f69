"""The desk: a city's team fills an assessment together, the coordinator submits it, the secretariat validates,
returns, publishes and overrides points."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cities import rules
from core.errors import StateConflict
from core.permissions import secretariat_required
from core.text import clean_text

from .. import forms, selectors, services
from ..models import Assessment
from ..transitions import ACTIONS


def _workable(request, pk) -> Assessment:
    return get_object_or_404(selectors.assessment_workable_by(user=request.user), pk=pk)


def _error_messages(error: Exception) -> list[str]:
    return error.messages if isinstance(error, ValidationError) else [str(error)]


def _flash(request, error: Exception) -> None:
    for message in _error_messages(error):
        messages.error(request, message)


@login_required
def desk_list(request):
    if not rules.can_see_desk(request.user):
        raise Http404
    cities = selectors.startable_cities(user=request.user)
    if request.method == "POST":
        assessment = _start(request, cities)
        if assessment is not None:
            messages.success(request, _("The assessment is started: answer it area by area."))
            return redirect("index_desk:assessment", pk=assessment.pk)
    filters = selectors.desk_assessments(user=request.user, params=request.GET)
    return render(
        request,
        "index/desk_list.html",
        {
            "assessments": filters.qs,
            "filters": filters,
            "cities": cities,
            "editions": selectors.editions_with_areas(),
            "posted": request.POST,
            # A new wave is most often this year's.
            "this_year": timezone.localdate().year,
        },
    )


def _start(request, cities) -> Assessment | None:
    form = forms.AssessmentStartForm(request.POST, cities=cities)
    try:
        year = int(request.POST.get("year", ""))
    except ValueError:
        year = None
    try:
        if not form.is_valid():
            raise ValidationError(form.error_messages())
        return services.assessment_create(
            city=form.cleaned_data["city"],
            edition=form.cleaned_data["edition"],
            year=year,
            optional_areas=_optional_of(form.cleaned_data["edition"], request.POST.getlist("optional")),
            by=request.user,
        )
    except ValidationError as error:
        _flash(request, error)
    return None


def _optional_of(edition, posted: list[str]) -> list[str]:
    """The optional areas ticked for the chosen edition. The start form lists each edition's under its own heading,
    as "EDITION:area"; a box of another edition is not the chosen one's (a bare area code is taken as it is)."""
    codes = []
    for value in posted:
        edition_code, _sep, area = value.rpartition(":")
        if not edition_code or edition_code == edition.code:
            codes.append(area)
    return codes


@login_required
def desk_assessment(request, pk):
    assessment = _workable(request, pk)
    if request.method == "POST":
        return _change_optional_areas(request, assessment)
    context = selectors.assessment_page(assessment, user=request.user)
    return render(request, "index/desk_assessment.html", {"assessment": assessment, **context})


def _change_optional_areas(request, assessment: Assessment):
    """The form on the assessment's page: the coordinator changes the optional areas while it is a draft."""
    if not rules.can_coordinate(request.user, assessment.city):
        raise Http404
    try:
        services.assessment_set_optional_areas(
            assessment=assessment, codes=request.POST.getlist("optional"), by=request.user
        )
    except (ValidationError, StateConflict) as error:
        _flash(request, error)
    else:
        messages.success(request, _("Optional areas changed."))
    return redirect("index_desk:assessment", pk=assessment.pk)


@login_required
def desk_area(request, pk, area):
    assessment = _workable(request, pk)
    area = get_object_or_404(selectors.areas_of(assessment), code=area)
    page = selectors.area_page(assessment, area, user=request.user)
    questions = selectors.area_questions(assessment, area)
    errors = []
    if request.method == "POST":
        if not page["can_answer"]:
            raise PermissionDenied
        items = forms.answer_items(request.POST, [row.question for row in questions])
        try:
            services.answers_save(assessment=assessment, items=items, by=request.user)
        except (ValidationError, PermissionDenied, StateConflict) as error:
            errors = _error_messages(error)
        else:
            messages.success(request, _("Answers saved."))
            following = page["next_area"] if request.POST.get("go") == "next" else None
            return redirect("index_desk:area", pk=assessment.pk, area=(following or area).code)
    post = request.POST if errors else None  # a refused form shows again what was typed
    rows = [
        {"question": row.question, "answer": row.answer, "scored": row.scored, "given": _given(row, post)}
        for row in questions
    ]
    context = {"assessment": assessment, "area": area, "rows": rows, "errors": errors, **page}
    return render(request, "index/desk_area.html", context)


def _given(row: selectors.QuestionRow, post) -> dict:
    return forms.given_from_post(post, row.question) if post is not None else forms.given_from_answer(row.answer)


@login_required
@require_POST
def desk_team(request, pk):
    """Invite a colleague by e-mail and assign areas, or assign areas to a member of the team, or remove one."""
    assessment = _workable(request, pk)
    if not rules.can_coordinate(request.user, assessment.city):
        raise Http404
    change = forms.TeamChangeForm(request.POST)
    if not change.is_valid():
        raise Http404  # the buttons' values name no member of the team
    areas = selectors.areas_by_code(assessment, request.POST.getlist("areas"))
    try:
        if change.cleaned_data["remove"]:
            _unassign(request, assessment, change.cleaned_data["remove"])
        elif change.cleaned_data["member"]:
            _assign(request, assessment, change.cleaned_data["member"], areas)
        else:
            _invite(request, assessment, areas)
    except ValidationError as error:
        _flash(request, error)
    return redirect("index_desk:assessment", pk=assessment.pk)


def _member_or_404(assessment: Assessment, user_id):
    member = selectors.team_member(assessment, user_id)
    if member is None:
        raise Http404
    return member


def _unassign(request, assessment: Assessment, button: str) -> None:
    user_id, area_code = button.split(":", 1)
    area = get_object_or_404(selectors.areas_of(assessment), code=area_code)
    member = _member_or_404(assessment, user_id)
    services.area_unassign(assessment=assessment, area=area, user=member, by=request.user)
    messages.success(request, _("Assignment removed."))


def _assign(request, assessment: Assessment, user_id: int, areas: list) -> None:
    member = _member_or_404(assessment, user_id)
    for area in areas:
        services.area_assign(assessment=assessment, area=area, user=member, by=request.user)
    messages.success(request, _("Areas assigned to %(name)s.") % {"name": member})


def _invite(request, assessment: Assessment, areas: list) -> None:
    if "@" not in (request.POST.get("email") or ""):
        raise ValidationError(_("Give the colleague's e-mail address."))
    invite = forms.ColleagueInviteForm(request.POST)
    if not invite.is_valid():
        raise ValidationError(invite.error_messages())
    email = invite.cleaned_data["email"]
    services.colleague_invite(
        assessment=assessment,
        email=email,
        areas=areas,
        by=request.user,
        first_name=invite.cleaned_data["first_name"],
        last_name=invite.cleaned_data["last_name"],
        department=invite.cleaned_data["department"],
        language=invite.cleaned_data["language"] or "en",
    )
    messages.success(request, _("Invitation sent to %(email)s.") % {"email": email})


@login_required
@require_POST
def desk_workflow(request, pk, step):
    """A button of the workflow (`transitions.ASSESSMENT_WORKFLOW`): submit, validate, return or publish."""
    assessment = _workable(request, pk)
    if step not in ACTIONS:
        raise Http404
    try:
        assessment = services.assessment_step(
            assessment=assessment, action=step, by=request.user, comment=clean_text(request.POST.get("comment", ""))
        )
    except PermissionDenied:
        raise Http404 from None
    except (ValidationError, StateConflict) as error:
        _flash(request, error)
    else:
        status = str(assessment.get_status_display()).lower()
        messages.success(request, _("Done: the assessment is now %(status)s.") % {"status": status})
    return redirect("index_desk:assessment", pk=assessment.pk)


@secretariat_required
@require_POST
def desk_override(request, pk, question):
    assessment = _workable(request, pk)
    question = get_object_or_404(selectors.questions_of(assessment), code=question)
    try:
        points = forms.override_points(request.POST)
        services.question_override(
            assessment=assessment,
            question=question,
            points=points,
            reason=clean_text(request.POST.get("reason", "")),
            by=request.user,
        )
    except ValueError:
        messages.error(request, _("The points must be a number."))
    except (ValidationError, StateConflict) as error:
        _flash(request, error)
    else:
        messages.success(request, _("Points set for %(code)s.") % {"code": question.code})
    return redirect("index_desk:area", pk=assessment.pk, area=question.area.code)
