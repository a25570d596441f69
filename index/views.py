"""Pages of the Index: results and benchmarking on the city page, the filling pages on the desk, the method,
and the secretariat's overview with its CSV exports."""

from __future__ import annotations

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cities import rules
from cities.models import City, Membership
from cities.selectors import city_list

from . import charts, selectors, services
from .choices import DONT_KNOW, AssessmentStatus, QuestionKind
from .forms import AssessmentStartForm, ColleagueInviteForm, SecretariatWaveForm, TeamChangeForm
from .models import Answer, AreaAssignment, Assessment, AssessmentEvent, IndexArea, IndexEdition, Question

# Results on the city page -----------------------------------------------------------------------------------


def city_results(request, city_slug, edition=None, year=None):
    city = get_object_or_404(city_list(user=request.user), slug=city_slug)
    waves = selectors.city_waves(user=request.user, city=city)
    if edition is not None:
        wave = next((w for w in waves if w.edition.code == edition and w.year == year), None)
        if wave is None:
            raise Http404
    else:
        wave = waves[-1] if waves else None
    context = {"city": city, "waves": waves, "wave": wave}
    if wave is not None:
        context.update(_results_context(wave))
        context.update(_progress_context(waves))
    return render(request, "index/city_results.html", context)


def _results_context(wave: Assessment) -> dict:
    results = selectors.assessment_results(wave)
    peer_averages = selectors.peer_area_averages(wave)
    areas = [a for a in selectors.taken_areas(wave)]
    rows = [(a.title, results["areas"].get(a.code), peer_averages.get(a.code)) for a in areas]
    groups = {g.code: g.title for g in wave.edition.groups.all()}
    network = results["peers"].get("network")
    chart = charts.area_bars(
        rows, title=_("Score of %(city)s") % {"city": wave.city.name}, peer_label=_("Network average")
    )
    return {
        "results": results,
        "area_rows": rows,
        "group_rows": [(groups.get(code, code), score) for code, score in results["groups"].items()],
        "peer_rows": list(results["peers"].values()),
        "network": network,
        "area_chart": mark_safe(chart),  # built from escaped strings in charts.py
        "is_final": wave.status in (AssessmentStatus.VALIDATED, AssessmentStatus.PUBLISHED),
    }


def _progress_context(waves: list[Assessment]) -> dict:
    if len(waves) < 2:
        return {}
    data = selectors.progress(waves)
    labels = [f"{w.year}" + (f" ({w.edition.code})" if len({x.edition_id for x in waves}) > 1 else "") for w in waves]
    series = [(row["title"], row["scores"]) for row in data["areas"].values()]
    chart = charts.progress_lines(labels, series[:6], title=_("Progress between waves"))
    questions = [row | {"code": code} for code, row in data["questions"].items() if len(set(row["scores"])) > 1]
    return {
        "progress_labels": labels,
        "progress_areas": data["areas"].values(),
        "progress_questions": questions,
        "progress_chart": mark_safe(chart),
    }


def method(request):
    """How the Index is scored, in plain words."""
    return render(request, "index/method.html", {"editions": IndexEdition.objects.all()})


# The desk: filling an assessment together -------------------------------------------------------------------


@login_required
def desk_list(request):
    if not rules.can_see_desk(request.user):
        raise Http404
    coordinated = City.objects.filter(pk__in=rules.coordinated_city_ids(request.user))
    if rules.is_secretariat(request.user):
        coordinated = City.objects.public()
    if request.method == "POST":
        form = AssessmentStartForm(request.POST, cities=coordinated)
        try:
            year = int(request.POST.get("year", ""))
        except ValueError:
            year = None
        try:
            if not form.is_valid():
                raise ValidationError(form.error_messages())
            assessment = services.assessment_create(
                city=form.cleaned_data["city"],
                edition=form.cleaned_data["edition"],
                year=year,
                optional_areas=request.POST.getlist("optional"),
                by=request.user,
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The assessment is started: answer it area by area."))
            return redirect("index_desk:assessment", pk=assessment.pk)
    assessments = selectors.assessment_workable_by(user=request.user).order_by("-year", "city__name")
    editions = IndexEdition.objects.prefetch_related("areas")
    return render(
        request,
        "index/desk_list.html",
        {"assessments": assessments, "cities": coordinated, "editions": editions, "posted": request.POST},
    )


def _assessment_for(request, pk) -> Assessment:
    return get_object_or_404(selectors.assessment_workable_by(user=request.user), pk=pk)


@login_required
def desk_assessment(request, pk):
    assessment = _assessment_for(request, pk)
    if request.method == "POST":
        return _change_optional_areas(request, assessment)
    areas = selectors.taken_areas(assessment)
    progress = selectors.area_progress(assessment, areas)
    answerable = selectors.answerable_area_ids(user=request.user, assessment=assessment)
    assignments = AreaAssignment.objects.filter(assessment=assessment).select_related("user", "area")
    by_area = {}
    for assignment in assignments:
        by_area.setdefault(assignment.area_id, []).append(assignment.user)
    rows = [
        {
            "area": a,
            "answered": progress[a.pk][0],
            "total": progress[a.pk][1],
            "percent": round(100 * progress[a.pk][0] / progress[a.pk][1]) if progress[a.pk][1] else 0,
            "people": by_area.get(a.pk, []),
            "can_answer": a.pk in answerable,
        }
        for a in areas
    ]
    recent = (
        Answer.objects.filter(assessment=assessment, answered_at__isnull=False)
        .select_related("question", "answered_by")
        .order_by("-answered_at")[:15]
    )
    team = Membership.objects.filter(city=assessment.city).select_related("user")
    return render(
        request,
        "index/desk_assessment.html",
        {
            "assessment": assessment,
            "rows": rows,
            "recent": recent,
            "team": team,
            "events": _events(assessment),
            "optional_areas": IndexArea.objects.filter(edition=assessment.edition, optional=True).order_by("position"),
            "taken_optional": set(assessment.optional_areas.values_list("code", flat=True)),
            "can_coordinate": rules.can_coordinate(request.user, assessment.city),
            "is_secretariat": rules.is_secretariat(request.user),
            "answered": sum(r["answered"] for r in rows),
            "total": sum(r["total"] for r in rows),
        },
    )


def _events(assessment: Assessment) -> list[AssessmentEvent]:
    events = list(AssessmentEvent.objects.filter(assessment=assessment).select_related("by"))
    for event in events:
        event.label = services.event_label(event.action)
    return events


def _change_optional_areas(request, assessment: Assessment):
    """The form on the assessment's page: the coordinator changes the optional areas while it is a draft."""
    if not rules.can_coordinate(request.user, assessment.city):
        raise Http404
    try:
        services.assessment_set_optional_areas(
            assessment=assessment, codes=request.POST.getlist("optional"), by=request.user
        )
    except (ValidationError, services.StateConflict) as error:
        for message in getattr(error, "messages", [str(error)]):
            messages.error(request, message)
    else:
        messages.success(request, _("Optional areas changed."))
    return redirect("index_desk:assessment", pk=assessment.pk)


@login_required
def desk_area(request, pk, area):
    assessment = _assessment_for(request, pk)
    area = get_object_or_404(IndexArea, edition=assessment.edition, code=area)
    can_answer = assessment.is_draft and area.pk in selectors.answerable_area_ids(
        user=request.user, assessment=assessment
    )
    questions = list(area.questions.prefetch_related("choices", "bands").order_by("position"))
    answers = {
        a.question_id: a
        for a in Answer.objects.filter(assessment=assessment, question__area=area).select_related(
            "answered_by", "overridden_by"
        )
    }
    errors = []
    if request.method == "POST":
        if not can_answer:
            raise PermissionDenied
        items = [_item_from_post(request.POST, q) for q in questions]
        try:
            services.answers_save(assessment=assessment, items=items, by=request.user)
        except (ValidationError, PermissionDenied) as error:
            errors = error.messages if isinstance(error, ValidationError) else [str(error)]
        except services.StateConflict as error:
            errors = [str(error)]
        else:
            messages.success(request, _("Answers saved."))
            following = _next_area(assessment, area) if request.POST.get("go") == "next" else None
            return redirect("index_desk:area", pk=assessment.pk, area=(following or area).code)
    rows = []
    for q in questions:
        answer = answers.get(q.pk)
        given = _given_from_post(request.POST, q) if errors else _given_from_answer(answer)
        rows.append({"question": q, "answer": answer, "given": given, "scored": _is_scored(q)})
    next_area = _next_area(assessment, area)
    return render(
        request,
        "index/desk_area.html",
        {
            "assessment": assessment,
            "area": area,
            "rows": rows,
            "errors": errors,
            "can_answer": can_answer,
            "is_secretariat": rules.is_secretariat(request.user),
            "next_area": next_area,
        },
    )


def _is_scored(question: Question) -> bool:
    return question.data_kind != "fact" and question.kind != QuestionKind.TEXT


def _next_area(assessment, area):
    areas = selectors.taken_areas(assessment)
    codes = [a.code for a in areas]
    index = codes.index(area.code) if area.code in codes else -1
    return areas[index + 1] if 0 <= index < len(areas) - 1 else None


def _item_from_post(post, q: Question) -> dict:
    prefix = f"q-{q.code}"
    item = {
        "question": q.code,
        "comment": post.get(f"{prefix}-comment", ""),
        "evidence_url": post.get(f"{prefix}-evidence", ""),
    }
    if q.kind in (QuestionKind.YES_NO, QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        item["choices"] = [c for c in post.getlist(f"{prefix}-choices") if c]
    elif q.kind == QuestionKind.TEXT:
        item["text"] = post.get(f"{prefix}-text", "")
    else:
        item["value"] = post.get(f"{prefix}-value", "").strip().replace(",", ".") or None
    return item


def _given_from_post(post, q: Question) -> dict:
    prefix = f"q-{q.code}"
    return {
        "choices": post.getlist(f"{prefix}-choices"),
        "value": post.get(f"{prefix}-value", ""),
        "text": post.get(f"{prefix}-text", ""),
        "comment": post.get(f"{prefix}-comment", ""),
        "evidence": post.get(f"{prefix}-evidence", ""),
    }


def _given_from_answer(answer: Answer | None) -> dict:
    if answer is None:
        return {"choices": [], "value": "", "text": "", "comment": "", "evidence": ""}
    value = "" if answer.value is None else (int(answer.value) if answer.value.is_integer() else answer.value)
    return {
        "choices": answer.choices,
        "value": value,
        "text": answer.text,
        "comment": answer.comment,
        "evidence": answer.evidence_url,
    }


@login_required
@require_POST
def desk_team(request, pk):
    """Invite a colleague by e-mail and assign areas, or assign areas to a member of the team."""
    assessment = _assessment_for(request, pk)
    if not rules.can_coordinate(request.user, assessment.city):
        raise Http404
    codes = [code for code in request.POST.getlist("areas") if "\x00" not in code]  # no area's code has a NUL
    areas = list(IndexArea.objects.filter(edition=assessment.edition, code__in=codes))
    change = TeamChangeForm(request.POST)
    if not change.is_valid():
        raise Http404  # the buttons' values name no member of the team
    try:
        if change.cleaned_data["remove"]:
            user_id, area_code = change.cleaned_data["remove"].split(":", 1)
            area = get_object_or_404(IndexArea, edition=assessment.edition, code=area_code)
            member = get_object_or_404(Membership, city=assessment.city, user_id=user_id).user
            services.area_unassign(assessment=assessment, area=area, user=member, by=request.user)
            messages.success(request, _("Assignment removed."))
        elif change.cleaned_data["member"]:
            member = get_object_or_404(Membership, city=assessment.city, user_id=change.cleaned_data["member"]).user
            for area in areas:
                services.area_assign(assessment=assessment, area=area, user=member, by=request.user)
            messages.success(request, _("Areas assigned to %(name)s.") % {"name": member})
        else:
            if "@" not in (request.POST.get("email") or ""):
                raise ValidationError(_("Give the colleague's e-mail address."))
            invite = ColleagueInviteForm(request.POST)
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
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    return redirect("index_desk:assessment", pk=assessment.pk)


WORKFLOW = {
    "submit": lambda a, by, comment: services.assessment_submit(assessment=a, by=by),
    "validate": lambda a, by, comment: services.assessment_validate(assessment=a, by=by, comment=comment),
    "return": lambda a, by, comment: services.assessment_return(assessment=a, by=by, comment=comment),
    "publish": lambda a, by, comment: services.assessment_publish(assessment=a, by=by),
}


@login_required
@require_POST
def desk_workflow(request, pk, step):
    assessment = _assessment_for(request, pk)
    if step not in WORKFLOW:
        raise Http404
    try:
        WORKFLOW[step](assessment, request.user, request.POST.get("comment", ""))
    except PermissionDenied:
        raise Http404 from None
    except (ValidationError, services.StateConflict) as error:
        for message in getattr(error, "messages", [str(error)]):
            messages.error(request, message)
    else:
        messages.success(request, _("Done: the assessment is now %(status)s.") % {"status": _status(assessment.pk)})
    return redirect("index_desk:assessment", pk=assessment.pk)


def _status(pk) -> str:
    return str(Assessment.objects.get(pk=pk).get_status_display()).lower()


@login_required
@require_POST
def desk_override(request, pk, question):
    if not rules.is_secretariat(request.user):
        raise Http404
    assessment = _assessment_for(request, pk)
    q = get_object_or_404(Question, edition=assessment.edition, code=question)
    answer, _created = Answer.objects.get_or_create(assessment=assessment, question=q)
    raw = (request.POST.get("points") or "").strip().replace(",", ".")
    try:
        points = float(raw) if raw else None
        services.answer_override(answer=answer, points=points, reason=request.POST.get("reason", ""), by=request.user)
    except ValueError:
        messages.error(request, _("The points must be a number."))
    except (ValidationError, services.StateConflict) as error:
        for message in getattr(error, "messages", [str(error)]):
            messages.error(request, message)
    else:
        messages.success(request, _("Points set for %(code)s.") % {"code": q.code})
    return redirect("index_desk:area", pk=assessment.pk, area=q.area.code)


# The secretariat's view -------------------------------------------------------------------------------------


@login_required
def secretariat(request):
    if not rules.is_secretariat(request.user):
        raise Http404
    code, chosen_year = SecretariatWaveForm(request.GET).values()
    edition = IndexEdition.objects.filter(code=code).first() or IndexEdition.objects.first()
    if edition is None:
        return render(request, "index/secretariat.html", {})
    years = sorted(set(edition.assessments.values_list("year", flat=True)), reverse=True)
    year = chosen_year or (years[0] if years else None)
    assessments = (
        Assessment.objects.filter(edition=edition, year=year)
        .select_related("city")
        .annotate(
            answered=Count(
                "answers", filter=Q(answers__value__isnull=False) | ~Q(answers__choices=[]) | ~Q(answers__text="")
            )
        )
        .order_by("city__name")
    )
    total = edition.questions.count()
    n = len(assessments)
    questions = (
        Question.objects.filter(edition=edition)
        .annotate(
            given=Count(
                "answers",
                filter=Q(answers__assessment__year=year)
                & (Q(answers__value__isnull=False) | ~Q(answers__choices=[]) | ~Q(answers__text="")),
            ),
            dont_know=Count(
                "answers", filter=Q(answers__assessment__year=year, answers__choices__contains=[DONT_KNOW])
            ),
        )
        .select_related("area")
    )
    gaps = sorted(
        ({"question": q, "unanswered": n - q.given, "dont_know": q.dont_know} for q in questions),
        key=lambda row: (-(row["unanswered"] + row["dont_know"]), row["question"].code),
    )[:15]
    return render(
        request,
        "index/secretariat.html",
        {
            "edition": edition,
            "editions": IndexEdition.objects.all(),
            "years": years,
            "year": year,
            "assessments": assessments,
            "total": total,
            "gaps": gaps,
        },
    )


@login_required
def export_results(request, edition, year):
    if not rules.is_secretariat(request.user):
        raise Http404
    edition = get_object_or_404(IndexEdition, code=edition)
    data = selectors.edition_data(edition)
    computed = selectors.network_results(edition, year)
    area_codes = [a.code for a in data.areas]
    group_codes = list(edition.groups.values_list("code", flat=True))
    response, writer = _csv(f"index-results-{edition.code}-{year}.csv")
    writer.writerow(
        ["city", "country", "status", "core", "extended", *area_codes, *[f"group:{g}" for g in group_codes]]
        + [f"peers:{p}:percentile" for p in ("network", "population_band", "diversity_band", "country")]
    )
    for assessment in (
        Assessment.objects.filter(edition=edition, year=year).select_related("city").order_by("city__name")
    ):
        entry = computed[assessment.city_id]
        r, peers = entry["results"], entry["peers"]
        writer.writerow(
            [assessment.city.slug, assessment.city.country_id, assessment.status, _num(r.core), _num(r.extended)]
            + [_num(r.areas.get(code)) for code in area_codes]
            + [_num(r.groups.get(code)) for code in group_codes]
            + [
                _num(peers[p].percentile) if p in peers else ""
                for p in ("network", "population_band", "diversity_band", "country")
            ]
        )
    return response


@login_required
def export_answers(request, edition, year):
    if not rules.is_secretariat(request.user):
        raise Http404
    edition = get_object_or_404(IndexEdition, code=edition)
    response, writer = _csv(f"index-answers-{edition.code}-{year}.csv")
    writer.writerow(
        ["city", "area", "question", "kind", "data_kind", "choices", "value", "text", "comment", "evidence_url"]
        + ["answered_by", "answered_at", "override_points", "override_reason"]
    )
    answers = (
        Answer.objects.filter(assessment__edition=edition, assessment__year=year)
        .select_related("assessment__city", "question__area", "answered_by")
        .order_by("assessment__city__name", "question__area__position", "question__position")
    )
    for a in answers:
        writer.writerow(
            [
                a.assessment.city.slug,
                a.question.area.code,
                a.question.code,
                a.question.kind,
                a.question.data_kind,
                " ".join(a.choices),
                _num(a.value),
                a.text,
                a.comment,
                a.evidence_url,
                a.answered_by.email if a.answered_by else "",
                a.answered_at.isoformat() if a.answered_at else "",
                _num(a.override_points),
                a.override_reason,
            ]
        )
    return response


def _csv(filename: str):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response, csv.writer(response)


def _num(value) -> str:
    return "" if value is None else repr(float(value))
