"""The ICC guide's own words for coordinators and reviewers (seed 000): quality criteria and reporting guidance.

The help beside each field of the form is declared with the field, in `template.py`."""

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
