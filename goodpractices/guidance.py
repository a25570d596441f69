"""The ICC guide's own words for coordinators and reviewers (seed 000): quality criteria and reporting guidance."""

from django.utils.translation import gettext_lazy as _

# The six marks of a good practice; the secretariat assesses each one with a note.
QUALITY_CRITERIA = [
    (
        "goal_oriented",
        _("Goal-oriented"),
        _(
            "It aims at reducing inequalities, contributes to create an understanding of diversity as a collective "
            "advantage, fosters active citizen participation, and improves the well-being, trust, sense of belonging "
            "and inclusion of newcomers in society."
        ),
    ),
    (
        "customer_responsive",
        _("Customer-responsive"),
        _("It starts from the needs and circumstances of both integrating immigrants and the whole society."),
    ),
    (
        "context_sensitive",
        _("Context-sensitive"),
        _("It also takes challenging conditions and local specific strengths into account."),
    ),
    (
        "highly_impacting",
        _("Highly impacting"),
        _(
            "It produces better results than before from the beneficiary's perspective: it involves a wide range of "
            "stakeholders, relies on multipliers and builds stakeholders' capacity to continue after the project."
        ),
    ),
    (
        "capable_of_being_modelled",
        _("Capable of being modelled"),
        _("It contains clearly defined essential elements and processes that help to achieve a goal."),
    ),
    (
        "can_be_generalised",
        _("Can be generalised"),
        _("It is likely to produce similar effects in other similar environments or to be easily adapted."),
    ),
]

RATINGS = [
    ("", _("Not assessed")),
    ("met", _("Met")),
    ("partly", _("Partly met")),
    ("not_met", _("Not met")),
]

REPORTING_GUIDANCE = [
    _("Keep the information short and to the point: keep it simple and effective!"),
    _(
        "Identify the main challenges the action aimed to solve, the goal(s) it pursued, its key points, and the "
        "main outputs and results."
    ),
    _("Explain in a clear, focused and concise way how the action was implemented."),
    _("Write your text having in mind that your practice can inspire others and be replicated."),
    _("Avoid describing the city: there is already a city description on the ICC page."),
    _("Complete your report with references to online sources of supporting information (web, publications…)."),
]

# Help beside each field of the form.
FIELD_HELP = {
    "department": _("The city department that led the action."),
    "form_date": _("Filled in automatically when you submit, if left empty."),
    "contact_person": _("Who the secretariat and other cities can contact about this practice."),
    "title": _("A short, telling title, e.g. “Research on structural racism”."),
    "main_field": _("The field of action (or sub-field) the practice mainly belongs to."),
    "secondary_fields": _("Other fields of action the practice contributes to, if any."),
    "main_purpose": _("One or two sentences: what the action set out to achieve."),
    "period_start": _("Month and year the action started."),
    "period_end": _("Month and year it ended (leave empty if it is ongoing)."),
    "period_text": _("In words, e.g. “12 months” or “ongoing since 2019”."),
    "purpose": _("The main challenges the action aimed to solve and the goals it pursued. Avoid describing the city."),
    "stimulus": _("What triggered the action: political commitment, a crisis, an opportunity, a partner…"),
    "process": _(
        "How the action was implemented: key steps, partners, methods, difficulties met. Clear, focused and concise."
    ),
    "impact": _("The main outputs and results, ideally from the beneficiaries' point of view."),
    "references": _("Reports, publications, articles. Add web addresses below and upload documents after saving."),
    "reference_links": _("One web address per line."),
    "available_languages": _("Languages the practice's material is available in."),
}
