"""`make audit`: Lighthouse 12 and axe-core against a running portal, printed as one Markdown table.

Without --base-url it starts a production-like portal of its own (DEBUG off, gunicorn, compressed static files)
on the demo data, in the database of DATABASE_URL, on port 8123 (never 8000). Lighthouse runs with its mobile
settings in Debian's Chromium; axe-core is injected with Playwright into every page, logged in where a page needs
it, and into each form's error state (the form sent empty, the browser's own checks switched off). The node tools
come from frontend/node_modules (`make audit` installs them with npm ci).
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "frontend" / "node_modules"
LIGHTHOUSE = NODE_MODULES / "lighthouse" / "cli" / "index.js"
# axe-core as vendored for the test suite by `make design-assets` (the same file the browser tests inject).
AXE = ROOT / "tests" / "browser" / "vendor" / "axe.min.js"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
PASSWORDS = {"secretariat@example.org": "demo-secretariat"}
COORDINATOR = "lisbon@example.org"
SECRETARIAT = "secretariat@example.org"


@dataclass
class Page:
    """One page of the audit: who looks at it, whether Lighthouse scores it, and a form to send empty."""

    name: str
    path: str
    user: str | None = None
    lighthouse: bool = False
    error_form: str | None = None  # a CSS selector of the submit button whose empty submission shows the errors
    scores: dict = field(default_factory=dict)
    axe: dict = field(default_factory=dict)
    axe_errors: dict | None = None


def pages() -> list[Page]:
    """The pages of the demo data, looked up once (ids differ from one database to another)."""
    import django

    django.setup()
    from django.urls import reverse

    from events.models import Event
    from exchange.models import News
    from goodpractices.models import GoodPractice
    from index.models import Assessment

    published = GoodPractice.objects.filter(status="published").order_by("pk").first()
    # A draft of a demo coordinator's city. No form whose empty submission could change data is sent here.
    draft = (
        GoodPractice.objects.filter(city__slug__in=["lisbon", "bergen"], status__in=["draft", "changes_requested"])
        .select_related("city")
        .order_by("pk")
        .first()
    )
    submitted = GoodPractice.objects.filter(status="submitted").order_by("pk").first()
    assessment = Assessment.objects.filter(city__slug="bergen").order_by("-pk").first()
    event = Event.objects.filter(status="published").order_by("pk").first()
    news = News.objects.published().order_by("pk").first()
    errors = "main form button[type=submit]"
    result = [
        Page("Home", "/", lighthouse=True),
        Page("Home (French)", "/fr/"),
        Page("Practices, searched", "/good-practices/?q=school", lighthouse=True),
        Page("Practices, filtered", "/good-practices/?field=1&year_min=2010"),
        Page("Fields of action", reverse("goodpractices:fields")),
        Page("A field of action", "/good-practices/fields/1/"),
        Page("A practice", published.get_absolute_url() if published else "/good-practices/", lighthouse=True),
        Page("Cities", reverse("cities:list")),
        Page("A city", "/cities/lisbon/", lighthouse=True),
        Page("Index results of a city", "/cities/bergen/index/", lighthouse=True),
        Page("Index method", reverse("index:method")),
        Page("Log in", reverse("login"), error_form="main form button[type=submit]"),
        Page("Password reset", reverse("password_reset"), error_form="main form button[type=submit]"),
        Page("Coordinator's desk", reverse("my-desk"), user=COORDINATOR, lighthouse=True),
        Page("My practices", reverse("practice_desk:list"), user=COORDINATOR),
        Page("New practice", reverse("practice_desk:new"), user=COORDINATOR),
        Page("Import a practice", reverse("practice_desk:import"), user=COORDINATOR, error_form=errors),
        Page("Index desk", reverse("index_desk:list"), user=COORDINATOR),
        Page("Invite a coordinator", reverse("invite"), user=SECRETARIAT, error_form="main form button[type=submit]"),
        Page(
            "Password change", reverse("password_change"), user=COORDINATOR, error_form="main form button[type=submit]"
        ),
        Page("Review queue", reverse("review"), user=SECRETARIAT),
        Page("Index overview", reverse("index:secretariat"), user=SECRETARIAT),
        Page("Profiles desk", reverse("profiles:desk"), user=SECRETARIAT),
        Page("Events", reverse("events:list")),
        Page("Event desk", reverse("events:desk"), user=SECRETARIAT),
        Page("New event", reverse("events:desk-new"), user=SECRETARIAT, error_form=errors),
        Page("My registrations", reverse("event_desk:list"), user=COORDINATOR),
        # The exchange between cities: every form here changes nothing when sent empty.
        Page("News", reverse("exchange:news-list")),
        Page("Contact a city", reverse("exchange:contact", args=["bergen"]), error_form=errors),
        Page("Save a search", reverse("exchange:alert-new") + "?q=school", error_form=errors),
        Page("Study visit", reverse("exchange:visit-new", args=["bergen"]), user=COORDINATOR, error_form=errors),
        Page("My study visits", reverse("exchange:desk-visits"), user=COORDINATOR),
        Page("My saved searches", reverse("exchange:desk-alerts"), user=COORDINATOR),
        Page("My news", reverse("exchange:desk-news"), user=COORDINATOR),
        Page("New news item", reverse("exchange:desk-news-new"), user=COORDINATOR, error_form=errors),
        Page("Exchange overview", reverse("exchange:secretariat"), user=SECRETARIAT),
    ]
    if news:
        result.append(Page("A news item", reverse("exchange:news-detail", args=[news.pk])))
    if draft:
        owner = f"{draft.city.slug}@example.org"
        edit = reverse("practice_desk:edit", args=[draft.pk])
        result.append(Page("Practice form", edit, user=owner, lighthouse=True))
        result.append(Page("Practice history", reverse("practice_desk:history", args=[draft.pk]), user=owner))
        result.append(Page("Practice preview", reverse("practice_desk:preview", args=[draft.pk]), user=owner))
        result.append(Page("Delete a draft?", reverse("practice_desk:delete", args=[draft.pk]), user=owner))
    if submitted:
        result.append(
            Page(
                "Review a practice",
                reverse("review-practice", args=[submitted.pk]),
                user=SECRETARIAT,
            )
        )
    if event:
        result.append(Page("An event", event.get_absolute_url()))
        result.append(Page("Register for an event", reverse("events:register", args=[event.slug]), error_form=errors))
        result.append(Page("An event's desk", reverse("events:desk-event", args=[event.slug]), user=SECRETARIAT))
    if assessment:
        result.append(
            Page("Index assessment", reverse("index_desk:assessment", args=[assessment.pk]), user="bergen@example.org")
        )
        area = assessment.edition.areas.order_by("pk").first()
        if area is not None:
            result.append(
                Page(
                    "Index area",
                    reverse("index_desk:area", args=[assessment.pk, area.code]),
                    user="bergen@example.org",
                )
            )
    return result


def password_of(email: str) -> str:
    return PASSWORDS.get(email, "demo-coordinator")


class Portal:
    """A production-like portal on the demo data, for the length of the audit."""

    def __init__(self, port: int):
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.process = None
        self.env = {
            **os.environ,
            "DEBUG": "0",
            "SECRET_KEY": os.environ.get("SECRET_KEY", "audit-only-" + "x" * 40),
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_HSTS_SECONDS": "0",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "STATIC_ROOT": str(ROOT / "var" / "audit-static"),
        }

    def __enter__(self):
        manage = [sys.executable, "manage.py"]
        for step in (["migrate", "--no-input", "-v", "0"], ["load_demo"], ["collectstatic", "--no-input", "-v", "0"]):
            subprocess.run(manage + step, env=self.env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        gunicorn = [sys.executable, "-m", "gunicorn", "icc_portal.wsgi", "-b", f"127.0.0.1:{self.port}", "-w", "2"]
        self.process = subprocess.Popen(gunicorn, env=self.env, cwd=ROOT, stderr=subprocess.DEVNULL)
        for _ in range(100):
            try:
                urllib.request.urlopen(self.url + "/healthz", timeout=2)
                return self
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("the portal did not start")

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=20)


def run_axe(page) -> dict:
    """Counts of axe-core violations by impact, and the rules that failed."""
    page.evaluate(AXE.read_text())
    result = page.evaluate(
        # target-size (WCAG 2.2's 24 px targets, 2.5.8) is off in axe's defaults: the portal asks for it.
        "async () => (await axe.run(document, {resultTypes: ['violations'], rules: {'target-size': {enabled: true}}}))"
        ".violations"
        ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length, target: v.nodes[0].target.join(' ')}))"
    )
    return {"count": len(result), "rules": result}


def log_in(context, email: str) -> str:
    """Logs the browser context in; returns its session cookie ("sessionid=…") for Lighthouse."""
    page = context.new_page()
    page.goto("/accounts/login/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", password_of(email))
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    page.close()
    session = [c for c in context.cookies() if c["name"] == "sessionid"]
    return f"sessionid={session[0]['value']}" if session else ""


def axe_page(context, item: Page) -> None:
    """axe-core on the page, then on its form's error state (sent empty, the browser's own checks off)."""
    page = context.new_page()
    page.goto(item.path)
    item.axe = run_axe(page)
    if item.error_form and page.locator(item.error_form).count():
        page.evaluate("document.querySelectorAll('form').forEach(f => f.noValidate = true)")
        page.evaluate(
            "document.querySelectorAll('main form input:not([type=hidden]), main form textarea')"
            ".forEach(i => { if (!['checkbox', 'radio', 'file'].includes(i.type)) i.value = '' })"
        )
        page.locator(item.error_form).first.click()
        page.wait_for_load_state()
        item.axe_errors = run_axe(page)
        # The column is only worth something if the errors are really on screen.
        item.axe_errors["errors_shown"] = page.locator(".govuk-error-summary, .govuk-error-message").count() > 0
    page.close()


def audit_axe(base_url: str, audit_pages: list[Page]) -> dict[str, str]:
    """Runs axe-core on every page (and error state); returns each user's session cookie for Lighthouse."""
    from playwright.sync_api import sync_playwright

    cookies = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"], headless=True)
        contexts = {}
        for item in audit_pages:
            if item.user not in contexts:
                contexts[item.user] = browser.new_context(base_url=base_url, bypass_csp=True, locale="en-GB")
                if item.user:
                    cookies[item.user] = log_in(contexts[item.user], item.user)
            axe_page(contexts[item.user], item)
        browser.close()
    return cookies


def audit_lighthouse(base_url: str, item: Page, cookie: str | None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        command = [
            "node",
            str(LIGHTHOUSE),
            base_url + item.path,
            "--output=json",
            f"--output-path={report}",
            f"--chrome-flags={CHROME_FLAGS}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--quiet",
        ]
        if cookie:
            command.append("--extra-headers=" + json.dumps({"Cookie": cookie}))
        subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM}, check=False, timeout=300)
        if not report.exists():
            item.scores = {name: None for name in CATEGORIES}
            return
        data = json.loads(report.read_text())
        item.scores = {name: _score(data["categories"][name]["score"]) for name in CATEGORIES}
        item.scores["failed"] = sorted(
            audit_id
            for category in ("accessibility", "best-practices", "seo")
            for ref in data["categories"][category]["auditRefs"]
            if ref["weight"] and (audit_id := ref["id"]) and (data["audits"][audit_id]["score"] or 0) < 1
        )


def _score(value) -> int | None:
    return None if value is None else round(value * 100)


def table(audit_pages: list[Page]) -> str:
    lines = [
        "| Page | Performance | Accessibility | Best practices | SEO | axe violations | axe, form errors shown |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for item in audit_pages:
        scores = [_cell(item.scores.get(name)) if item.lighthouse else "" for name in CATEGORIES]
        axe = _axe_cell(item.axe)
        errors = _axe_cell(item.axe_errors) if item.axe_errors is not None else ""
        lines.append(f"| {item.name} (`{item.path}`) | " + " | ".join(scores) + f" | {axe} | {errors} |")
    details = []
    for item in audit_pages:
        for label, result in (("", item.axe), (" (errors shown)", item.axe_errors or {})):
            for rule in result.get("rules", []):
                details.append(
                    f"- {item.name}{label}: `{rule['id']}` ({rule['impact']}, {rule['nodes']}×) `{rule['target']}`"
                )
        if item.axe_errors is not None and not item.axe_errors.get("errors_shown"):
            details.append(f"- {item.name}: the form sent empty showed no error message")
        if item.scores.get("failed"):
            details.append(f"- {item.name}: Lighthouse audits not passed: {', '.join(item.scores['failed'])}")
    return "\n".join(lines + ([""] + details if details else []))


def _cell(value) -> str:
    return "–" if value is None else str(value)


def _axe_cell(result: dict) -> str:
    return str(result.get("count", "–")) if result else "–"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base-url", help="audit this running portal (with the demo data) instead of starting one")
    parser.add_argument("--port", type=int, default=int(os.environ.get("AUDIT_PORT", "8123")))
    parser.add_argument("--output", help="also write the table to this Markdown file")
    parser.add_argument("--no-lighthouse", action="store_true", help="axe-core only (quicker)")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "icc_portal.settings")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    if not args.no_lighthouse and not LIGHTHOUSE.exists():
        sys.exit(f"{LIGHTHOUSE} is missing: `make audit` installs it (npm ci in frontend/).")
    if args.base_url:
        return _audit(args.base_url.rstrip("/"), args)
    with Portal(args.port) as portal:
        return _audit(portal.url, args)


def _audit(base_url: str, args) -> int:
    load_before = _load()
    audit_pages = pages()
    cookies = audit_axe(base_url, audit_pages)
    if not args.no_lighthouse:
        for item in audit_pages:
            if item.lighthouse:
                audit_lighthouse(base_url, item, cookies.get(item.user))
    output = table(audit_pages)
    load = f"Machine load (`uptime`, 1/5/15 min) at the start: {load_before}; at the end: {_load()}."
    print(output + "\n\n" + load)
    if args.output:
        output_path = Path(args.output)
        notes = _notes(output_path.read_text()) if output_path.exists() else ""
        output_path.write_text(report(output, load, notes))
    return 0


def _load() -> str:
    """The load averages over 1, 5 and 15 minutes, as `uptime` prints them (2 CPUs: above 2 the run waited)."""
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


HEADER = """# Accessibility and quality: the latest `make audit`

Written by `make audit` (icc_portal/audit.py): Lighthouse {lighthouse} with its mobile settings in Debian's Chromium
(`--headless --no-sandbox --disable-gpu --disable-background-networking`) on the pages the issue names, and
axe-core {axe} (every rule of any impact) on every page of the demo data, logged in as the person who uses it,
and on each form sent empty. The portal runs production-like (DEBUG off, gunicorn, compressed static files) on
port 8123 (or --port). Scores are out of 100; the axe columns count violations. The same axe checks run in the test
suite (tests/browser/test_accessibility.py), which fails on any violation.

Measured on {date}, on a 2-core machine shared with other work: performance scores move by a few points from one
run to the next. {load}

## Latest

"""


NOTES = "## Before → after"


def _notes(text: str) -> str:
    """The hand-written "Before → after" section of the previous docs/accessibility.md, kept from run to run."""
    start = text.find(NOTES)
    end = text.find("Written by `make audit`", start)
    return text[start:end].rstrip() + "\n\n" if start >= 0 and end > start else ""


def report(latest: str, load: str = "", notes: str = "") -> str:
    """The page docs/accessibility.md: the latest table, then the one measured before the design system."""
    import datetime

    versions = {}
    for name in ("lighthouse", "axe-core"):
        package = NODE_MODULES / name / "package.json"
        versions[name] = json.loads(package.read_text())["version"] if package.exists() else "?"
    today = datetime.date.today()
    text = HEADER.format(lighthouse=versions["lighthouse"], axe=versions["axe-core"], date=today, load=load)
    title, rest = text.split("\n\n", 1)
    text = f"{title}\n\n{notes}{rest}"
    text += latest + "\n"
    before = ROOT / "docs" / "accessibility-before.md"
    if before.exists():
        text += "\n## Before the design system (main at ccf286b, hand-written CSS)\n\n" + before.read_text()
    return text


if __name__ == "__main__":
    sys.exit(main())
