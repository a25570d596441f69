"""The coordinator's desk (a member's cities and what each app contributes) and the secretariat's invitations."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from . import rules
from .forms import InvitationForm
from .models import City
from .services import member_invite


@login_required
def desk(request):
    """The coordinator's desk: their cities and, as later features land, practices, assessments, registrations."""
    if not rules.can_see_desk(request.user):
        raise Http404
    cities = City.objects.filter(memberships__user=request.user).select_related("country").distinct()
    return render(request, "cities/desk.html", {"cities": cities, "desk_sections": _desk_sections(request)})


def _desk_sections(request) -> list[str]:
    """Templates that other apps contribute to the desk (each renders its own part)."""
    from django.apps import apps

    return [
        f"{config.label}/desk_section.html"
        for config in apps.get_app_configs()
        if getattr(config, "has_desk_section", False)
    ]


@login_required
def invite(request):
    if not rules.can_manage_cities(request.user):
        raise Http404
    form = InvitationForm(request.POST or None, initial={"city": request.GET.get("city")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        member_invite(
            city=data["city"],
            email=data["email"],
            invited_by=request.user,
            role=data["role"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            department=data["department"],
            language=data["language"],
        )
        messages.success(request, _("Invitation sent to %(email)s.") % {"email": data["email"]})
        return redirect("cities:detail", slug=data["city"].slug)
    return render(request, "cities/invite.html", {"form": form})
