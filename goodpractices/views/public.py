from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from ..selectors import practice_visible_to


def practice_list(request):
    practices = practice_visible_to(user=request.user).published()
    page = Paginator(practices, 20).get_page(request.GET.get("page"))
    return render(request, "goodpractices/practice_list.html", {"page": page})


def practice_detail(request, slug):
    practice = get_object_or_404(practice_visible_to(user=request.user), slug=slug)
    return render(request, "goodpractices/practice_detail.html", {"practice": practice})
