"""The blank ICC reporting template (.docx) offered on the import page, written from `template.TEMPLATE`.

Each section of the template the importer reads is a heading and a two-column table: on the left the field's label
(in the language of the page) with the guide's help under it in small type, on the right an empty cell to write in.
Only the fields `docx_import` reads are offered (`READ_FIELDS`), in the template's order, so that a filled copy
comes back whole through the import page; the fields of action, which the importer finds by code or name, are
listed at the end.
"""

from __future__ import annotations

import io

from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from .docx_import import PROSE_FIELDS, READ_FIELDS
from .template import TEMPLATE, sections

CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

# What a Word file needs said beyond the form's help (the form has its own widgets for dates, fields and periods).
HINTS = {
    "form_date": gettext_lazy("Day/month/year, e.g. 07/03/2026. Filled in when you submit, if left empty."),
    "main_field": gettext_lazy(
        "The field of action (or sub-field) the practice mainly belongs to, by its code or name (see the list at "
        "the end); then any secondary fields, separated by commas."
    ),
    "period_text": gettext_lazy("From and to, e.g. “03/2021 – 12/2022”, or in words: “ongoing since 2019”."),
    "references": gettext_lazy(
        "Reports, publications, articles, with their web addresses. Upload documents on the portal after the import."
    ),
}
HINT_GREY = (0x50, 0x5A, 0x5F)


def file_name() -> str:
    return f"icc-good-practice-template-{get_language() or 'en'}.docx"


def blank_template(fields_of_action=(), template=TEMPLATE) -> bytes:
    """The blank template as a .docx file, in the active language."""
    import docx
    from docx.enum.table import WD_ROW_HEIGHT_RULE
    from docx.shared import Cm, Pt, RGBColor

    document = docx.Document()
    document.core_properties.title = _("ICC reporting template: a good practice")
    document.core_properties.language = get_language() or "en"
    document.add_heading(_("ICC reporting template: a good practice"), level=0)
    document.add_paragraph(
        _(
            "Write in the right-hand column and leave the left-hand one as it is. Then save the file as a Word "
            "document (.docx) and upload it on the portal, from your desk (“Start from a filled Word template”). "
            "A draft is filled from it for you to check, complete and submit."
        )
    )
    for section, fields in sections(template):
        fields = [field for field in fields if field.name in READ_FIELDS]
        if not fields:
            continue
        document.add_heading(str(section.title), level=1)
        table = document.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        for field in fields:
            row = table.add_row()
            if field.name in PROSE_FIELDS:
                row.height, row.height_rule = Cm(4), WD_ROW_HEIGHT_RULE.AT_LEAST
            label, value = row.cells
            label.width, value.width = Cm(5.5), Cm(11)
            label.paragraphs[0].add_run(str(field.label)).bold = True
            hint = HINTS.get(field.name) or field.help_text
            if hint:
                run = label.add_paragraph().add_run(str(hint))
                run.font.size = Pt(8)
                run.font.color.rgb = RGBColor(*HINT_GREY)
    if fields_of_action:
        document.add_heading(_("Fields of action"), level=1)
        for field in fields_of_action:
            document.add_paragraph(f"{field.code} – {field.name}", style="List Bullet" if field.parent_id else None)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
