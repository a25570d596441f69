"""Stored XSS: a corpus of payloads written into the text fields people can write, then every page that shows them
loaded in Chromium, and the feeds and exports read as text.

A payload that runs calls `alert`/`console` or sets `window.__xss`; one that injects markup adds an element with a
`data-xss` attribute. Chromium is hooked before any page script runs (`add_init_script`), so both are counted.
"""

import json
from xml.etree import ElementTree

import pytest
from django.test import Client

from ..events.factories import EventFactory, register
from ..goodpractices.factories import GoodPracticeFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RUN = "window.__xss=1;alert(1)"
# fmt: off
PAYLOADS = [
    f"<script data-xss>{RUN}</script>",
    f"<SCRIPT data-xss>{RUN}</SCRIPT>",
    f"<script data-xss src=data:text/javascript,{RUN}></script>",
    f"<img data-xss src=x onerror={RUN}>",
    f"<img data-xss src=x onerror=\"{RUN}\">",
    f"<svg data-xss onload={RUN}>",
    f"<svg><script data-xss>{RUN}</script></svg>",
    f"<svg><animate data-xss onbegin={RUN} attributeName=x dur=1s>",
    f"<math><mtext><table><mglyph><style><img data-xss src=x onerror={RUN}>",
    f"<math data-xss href=javascript:{RUN}>click</math>",
    f"<body data-xss onload={RUN}>",
    f"<iframe data-xss src=javascript:{RUN}></iframe>",
    f"<iframe data-xss srcdoc='<script>parent.{RUN}</script>'></iframe>",
    f"<a data-xss href=javascript:{RUN}>link</a>",
    f"<a data-xss href=\"jav&#x09;ascript:{RUN}\">link</a>",
    f"<details data-xss open ontoggle={RUN}>",
    f"<input data-xss autofocus onfocus={RUN}>",
    f"<video data-xss><source onerror={RUN}></video>",
    f"<audio data-xss src=x onerror={RUN}>",
    f"<object data-xss data=javascript:{RUN}></object>",
    f"<embed data-xss src=javascript:{RUN}>",
    f"<form data-xss action=javascript:{RUN}><button>go</button></form>",
    f"<marquee data-xss onstart={RUN}>",
    f"<div data-xss style=\"width:expression({RUN})\">",
    f"<style data-xss>@import 'javascript:{RUN}';</style>",
    f"<link data-xss rel=stylesheet href=javascript:{RUN}>",
    f"<meta data-xss http-equiv=refresh content=\"0;url=javascript:{RUN}\">",
    f"<base data-xss href=javascript:{RUN}//>",
    f"\"><img data-xss src=x onerror={RUN}>",
    f"'><img data-xss src=x onerror={RUN}>",
    f"\" onmouseover=\"{RUN}\" data-xss=\"",
    f"' onfocus='{RUN}' autofocus data-xss='",
    f"</textarea><img data-xss src=x onerror={RUN}>",
    f"</title><img data-xss src=x onerror={RUN}>",
    f"</script><script data-xss>{RUN}</script>",
    f"</style><img data-xss src=x onerror={RUN}>",
    f"<!--<img data-xss src=x onerror={RUN}>-->",
    f"<![CDATA[<img data-xss src=x onerror={RUN}>]]>",
    f"javascript:{RUN}",
    f"JaVaScRiPt:{RUN}",
    f"data:text/html,<script data-xss>{RUN}</script>",
    "{{7*7}}",
    "${7*7}",
    "#{7*7}",
    "{% debug %}",
    "{{ request.user.password }}",
    f"{{{{constructor.constructor('{RUN}')()}}}}",
    f"<div data-xss ng-app>{{{{constructor.constructor('{RUN}')()}}}}</div>",
    f"';{RUN};//",
    f"\";{RUN};//",
    f"\\u003cimg data-xss src=x onerror={RUN}\\u003e",
    f"&lt;img data-xss src=x onerror={RUN}&gt;",
    f"%3Cscript data-xss%3E{RUN}%3C/script%3E",
    f"jaVasCript:/*-/*`/*\\`/*'/*\"/**/(/* */oNcliCk={RUN} )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>"
    f"\\x3csVg/<sVg/oNloAd={RUN}//>\\x3e",
    f"<img data-xss src=x oNeRrOr={RUN}>",
    f"<img/data-xss/src=x/onerror={RUN}>",
    f"<svg/onload={RUN} data-xss>",
    f"<x data-xss onclick={RUN}>click me</x>",
    f"<noscript><p title=\"</noscript><img data-xss src=x onerror={RUN}>\">",
    f"<template><img data-xss src=x onerror={RUN}></template><img data-xss src=y onerror={RUN}>",
]
# fmt: on
GROUP = 10
GROUPS = [PAYLOADS[i : i + GROUP] for i in range(0, len(PAYLOADS), GROUP)]

HOOK = """
window.__xss = 0;
window.alert = window.confirm = window.prompt = () => { window.__xss = 1; };
"""
PRACTICE_TEXT = ("main_purpose", "purpose", "stimulus", "process", "impact", "references")
PRACTICE_LINES = ("department", "contact_person", "period_text")


def test_the_corpus_is_large_enough():
    assert len(PAYLOADS) >= 50


@pytest.fixture
def written(city_a, city_b, secretariat, coordinator_a):
    """Every group of payloads in a practice (all its text fields), a review comment, an event and a registration;
    the city's name and description carry them too."""
    from goodpractices.services import practice_request_changes

    city_a.name = PAYLOADS[0][:100]
    city_a.description = "\n".join(PAYLOADS)
    city_a.save()
    practices, events = [], []
    for n, group in enumerate(GROUPS):
        text = "\n".join(group)
        line = " ".join(group)[:200]
        fields = {name: text for name in PRACTICE_TEXT} | {name: line for name in PRACTICE_LINES}
        practices.append(
            GoodPracticeFactory(city=city_a, status="published", title=group[0][:255], slug=f"xss-{n}", **fields)
        )
        event = EventFactory(
            slug=f"xss-event-{n}", host_city=city_a, capacity=50, title_en=group[0][:200], description_en=text
        )
        register(event, city_a, coordinator_a, count=1, name=group[1][:200], department=group[2][:200])
        events.append(event)
    review = GoodPracticeFactory(city=city_a, status="submitted", title="Under review", slug="xss-review")
    practice_request_changes(practice=review, by=secretariat, comment="\n".join(PAYLOADS))
    return {"practices": practices, "events": events, "review": review}


def _log_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def _visit(page, path: str) -> list[str]:
    response = page.goto(path)
    assert response.status < 400, f"{path}: {response.status}"
    page.wait_for_load_state("load")
    problems = []
    if page.evaluate("window.__xss"):
        problems.append(f"{path}: a payload ran")
    injected = page.locator("[data-xss]").count()
    if injected:
        problems.append(f"{path}: {injected} injected elements")
    return problems


def test_no_payload_runs_or_injects_markup_on_any_page(written, page, live_server, coordinator_a, secretariat):
    page.add_init_script(HOOK)
    page.on("console", lambda message: None)
    public = ["/good-practices/", "/cities/", "/cities/city-a/", "/events/", "/"]
    public += [p.get_absolute_url() for p in written["practices"]]
    public += [e.get_absolute_url() for e in written["events"]]
    problems = [problem for path in public for problem in _visit(page, path)]
    _log_in(page, live_server, coordinator_a)
    desk = ["/my/", written["review"].get_absolute_url() if hasattr(written["review"], "get_absolute_url") else "/my/"]
    problems += [problem for path in desk for problem in _visit(page, path)]
    _log_in(page, live_server, secretariat)
    secretariat_pages = ["/my/", "/events/desk/"] + [f"/events/desk/{e.slug}/" for e in written["events"]]
    problems += [problem for path in secretariat_pages for problem in _visit(page, path)]
    assert not problems, "\n".join(problems)


def test_feeds_and_exports_carry_no_executable_markup(written, city_a):
    client = Client()
    feed = client.get("/good-practices/feed/")
    assert feed.status_code == 200
    root = ElementTree.fromstring(feed.content)
    for element in root.iter():
        if element.get("type") in ("html", "xhtml") and element.text:
            assert "data-xss" not in element.text, f"{element.tag} carries HTML a reader would render"
    exported = client.get("/good-practices/export.json")
    assert exported["Content-Type"].startswith("application/json")
    assert json.loads(b"".join(exported.streaming_content))  # data, not a page (streamed, row by row)
    csv = client.get("/good-practices/export.csv")
    assert csv["Content-Type"].startswith("text/csv")
    for response in (exported, csv, feed):
        assert response.get("X-Content-Type-Options") == "nosniff"
    calendar = client.get("/events/calendar.ics")
    assert calendar["Content-Type"].startswith("text/calendar")
