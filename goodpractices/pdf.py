"""A practice as a PDF, through the kernel's renderer (only our own static files are reachable)."""

from django.template.loader import render_to_string

from core.pdf import STATIC_PREFIX, html_to_pdf


def practice_pdf(*, practice, secondary_fields) -> bytes:
    html = render_to_string(
        "goodpractices/practice_pdf.html",
        {"practice": practice, "secondary_fields": secondary_fields, "static_base": STATIC_PREFIX},
    )
    return html_to_pdf(html)
