"""A page with a form, listed as cacheable, to show that the page cache refuses it anyway (test_page_cache)."""

from django.http import HttpResponse
from django.template import engines
from django.urls import path

FORM = engines["django"].from_string('<form method="post">{% csrf_token %}<button>Send</button></form>')


def form_page(request):
    return HttpResponse(FORM.render({}, request))


urlpatterns = [path("form/", form_page, name="form-page")]
