"""F5: practice text in the Atom feeds is plain text: a feed reader (or a city's site that embeds the feed) that
renders summaries finds nothing to run."""

import html
from html.parser import HTMLParser
from xml.etree import ElementTree

import pytest
from django.test import Client

from ..goodpractices.factories import GoodPracticeFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<iframe src=javascript:alert(1)></iframe>",
    "<body onload=alert(1)>",
    '<a href="javascript:alert(1)">click</a>',
    "<details open ontoggle=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    '<object data="javascript:alert(1)"></object>',
    '<embed src="data:text/html,<script>alert(1)</script>">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "<style>@import 'javascript:alert(1)';</style>",
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;img src=x onerror=alert(1)&#62;",
    "<![CDATA[<script>alert(1)</script>]]>",
    "]]><script>alert(1)</script>",
    "<form action=javascript:alert(1)><button>go</button></form>",
    "<marquee onstart=alert(1)>x</marquee>",
    '<xss:script xmlns:xss="http://www.w3.org/1999/xhtml">alert(1)</xss:script>',
    '<base href="javascript:alert(1)//">',
]
RUNNABLE_ELEMENTS = {"script", "iframe", "object", "embed", "svg", "math", "style", "meta", "base", "form", "link"}


class RunnableMarkup(HTMLParser):
    """What a reader that renders HTML would run: elements that execute or load, `on*` handlers, javascript: URLs."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag in RUNNABLE_ELEMENTS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or "javascript:" in (value or "").lower().replace(" ", ""):
                self.found.append(f"{tag} {name}={value}")


def runnable(text: str) -> list[str]:
    parser = RunnableMarkup()
    parser.feed(text)
    parser.close()
    return parser.found


def as_a_reader_renders(element) -> str:
    """The HTML a feed reader makes of an Atom text construct (RFC 4287 3.1): `html` is markup, `text` is text."""
    kind = element.get("type", "text")
    assert kind in ("text", "html"), kind
    return element.text if kind == "html" else html.escape(element.text)


def test_f5_practice_text_in_the_feeds_is_plain_text_that_runs_nothing(city_a):
    assert len(PAYLOADS) >= 20
    for n, payload in enumerate(PAYLOADS):
        GoodPracticeFactory(
            city=city_a, status="published", slug=f"xss-{n}", title=f"{n} {payload}", main_purpose=payload
        )
    for url in ("/good-practices/feed/", "/good-practices/fields/3/feed/"):
        response = Client().get(url)
        assert response.status_code == 200
        entries = ElementTree.fromstring(response.content).findall(f"{ATOM}entry")
        assert len(entries) == len(PAYLOADS)
        summaries = set()
        for entry in entries:
            # Nothing but Atom's own elements: the text did not open an element of its own.
            assert {child.tag.removeprefix(ATOM) for child in entry} <= {
                "title", "link", "published", "updated", "author", "id", "summary", "category",
            }  # fmt: skip
            for name in ("title", "summary"):
                element = entry.find(f"{ATOM}{name}")
                assert not list(element), "an element inside a text construct"
                assert runnable(as_a_reader_renders(element)) == [], (name, element.text)
            summaries.add(entry.find(f"{ATOM}summary").text)
        assert summaries == set(PAYLOADS)  # every word kept, as text


def test_f5_the_check_finds_the_payloads_in_a_summary_of_type_html():
    # What the feeds sent before: `<summary type="html">` with the text as it was typed.
    summary = ElementTree.Element("summary", type="html")
    found = []
    for payload in PAYLOADS:
        summary.text = payload
        found += runnable(as_a_reader_renders(summary))
    assert len(found) >= 20
