"""A user's own account: their name and the language of their e-mails."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .forms import ProfileForm


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your account has been updated."))
        return redirect("account-profile")
    context = {
        "form": form,
        "page_title": _("Your account"),
        "account_rows": [(_("E-mail address"), request.user.email)],
    }
    return render(request, "accounts/profile.html", context)
