"""Template helpers of the design system: GOV.UK classes on widgets, status tags, the language switch."""

from django import forms, template
from django.urls import translate_url
from django.utils.translation import get_language

register = template.Library()

CHOICE_WIDGETS = {"checkboxselectmultiple", "radioselect"}
# Colours of GOV.UK tags for the workflow states of every app (practices, Index assessments, events).
STATUS_COLOURS = {
    "draft": "grey",
    "not_started": "grey",
    "submitted": "blue",
    "in_progress": "light-blue",
    "changes_requested": "orange",
    "returned": "orange",
    "incomplete": "orange",
    "validated": "turquoise",
    "published": "green",
    "completed": "green",
    "rejected": "red",
    "unpublished": "grey",
    "cancelled": "red",
}


@register.filter
def tag_colour(status) -> str:
    return f"govuk-tag--{STATUS_COLOURS.get(str(status), 'grey')}"


@register.filter
def is_choice_group(field) -> bool:
    """Radios and checkbox lists are fieldsets with a legend, not a label."""
    return field.widget_type in CHOICE_WIDGETS or field.widget_type == "daymonthyear"


@register.filter
def choice_kind(field) -> str:
    """GOV.UK's name for a choice group: "radios" or "checkboxes" ("" for other widgets)."""
    return {"radioselect": "radios", "checkboxselectmultiple": "checkboxes"}.get(field.widget_type, "")


def _describedby(field) -> str:
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}-hint")
    if field.errors or getattr(field.field, "missing_to_submit", False):
        ids.append(f"{field.auto_id}-error")
    return " ".join(ids)


@register.filter
def govuk_widget(field):
    """The field's widget with GOV.UK Frontend classes, its error state and aria-describedby."""
    kind = field.widget_type
    error = bool(field.errors) or getattr(field.field, "missing_to_submit", False)
    classes = {
        "select": "govuk-select",
        "selectmultiple": "govuk-select",
        "nullbooleanselect": "govuk-select",
        "textarea": "govuk-textarea",
        "clearablefileinput": "govuk-file-upload",
        "file": "govuk-file-upload",
        "checkbox": "govuk-checkboxes__input",
    }.get(kind) or ("govuk-select" if isinstance(field.field.widget, forms.Select) else "govuk-input")
    if error and classes != "govuk-checkboxes__input":
        classes += f" {classes.split()[0]}--error"
    existing = field.field.widget.attrs.get("class")
    attrs = {"class": f"{classes} {existing}" if existing else classes}
    if kind in ("number",) or field.field.widget.attrs.get("inputmode") == "numeric":
        attrs["class"] += " govuk-input--width-5"
    if describedby := _describedby(field):
        attrs["aria-describedby"] = describedby
    return field.as_widget(attrs=attrs)


@register.filter
def first_id(field) -> str:
    """The id an error summary links to: the first box of a choice group or of a date."""
    if field.widget_type in CHOICE_WIDGETS:
        return f"{field.auto_id}_0"
    if field.widget_type == "daymonthyear":
        return f"{field.auto_id}_0"
    return field.auto_id


@register.simple_tag(takes_context=True)
def language_links(context):
    """The current page in each language: [(code, name, url, is_current)] for the language switch."""
    from django.conf import settings

    request = context.get("request")
    current = get_language()
    path = request.get_full_path() if request else "/"
    return [(code, name, translate_url(path, code), code == current) for code, name in settings.LANGUAGES]


@register.simple_tag(takes_context=True)
def absolute_url(context, url: str) -> str:
    """The URL with scheme and host: search engines ignore a relative href in <link rel="alternate" hreflang>."""
    request = context.get("request")
    return request.build_absolute_uri(url) if request else url


@register.simple_tag
def page_numbers(page) -> list:
    """The page numbers around the current one, with the paginator's ellipsis for the gaps."""
    return list(page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1))


@register.filter
def month(value) -> str:
    """A "YYYY-MM" month as words in the page's language ("March 2024", "mars 2024"); anything else unchanged."""
    import datetime

    from django.utils.formats import date_format

    try:
        year, number = (int(part) for part in str(value).split("-"))
        return date_format(datetime.date(year, number, 1), "YEAR_MONTH_FORMAT")
    except ValueError:
        return value
