"""Pure rendering: the context (plain data) → HTML → a tagged PDF/UA document. No database, no network."""

import io

from django.template.loader import render_to_string
from django.utils import translation

from core.pdf import STATIC_PREFIX, html_to_pdf


def profile_html(context: dict) -> str:
    with translation.override(context["language"]):
        return render_to_string("profiles/document.html", {**context, "static_base": STATIC_PREFIX})


def html_pdf(html: str) -> bytes:
    """PDF/UA-1: document language and title, a structure tree, alternative text for the charts."""
    return html_to_pdf(html, pdf_variant="pdf/ua-1")


def page_count(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)
