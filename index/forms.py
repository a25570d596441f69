"""The forms of the Index desk: what a post may carry, checked before any query or write, and the area page's
answers read from a post."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cities.models import City
from core.forms import CleanTextForm
from core.text import clean_data

from .choices import CHOICE_KINDS, QuestionKind
from .models import Answer, IndexEdition, Question


class AssessmentStartForm(CleanTextForm):
    """Start an assessment: one of the user's cities and an edition (the year is the service's to check)."""

    city = forms.ModelChoiceField(label=_("City"), queryset=City.objects.none())
    edition = forms.ModelChoiceField(label=_("Edition"), queryset=IndexEdition.objects.all())

    def __init__(self, *args, cities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].queryset = cities

    def error_messages(self) -> list[str]:
        return [f"{self.fields[name].label}: {error}" for name, errors in self.errors.items() for error in errors]


class TeamChangeForm(CleanTextForm):
    """The buttons of the team list: `member` is a user's id, `remove` is `<user id>:<area code>`."""

    member = forms.IntegerField(required=False, min_value=1)
    remove = forms.RegexField(regex=r"^\d+:[\w.-]+$", required=False)


class ColleagueInviteForm(CleanTextForm):
    """A colleague from another department, invited by e-mail; the lengths are those of the user's fields."""

    email = forms.EmailField(label=_("E-mail"), max_length=254)
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    department = forms.CharField(label=_("Department"), max_length=200, required=False)
    language = forms.ChoiceField(choices=[("en", "English"), ("fr", "Français")], required=False)

    def error_messages(self) -> list[str]:
        return [f"{self.fields[name].label}: {error}" for name, errors in self.errors.items() for error in errors]


# The area page's answers: one group of fields per question, named `q-<code>-<field>` -----------------------


def answer_items(post, questions) -> list[dict]:
    """The answers an area's form posts, as the items `services.answers_save` takes (the service checks them),
    without control characters (`core.text`)."""
    post = clean_data(post)
    return [_answer_item(post, q) for q in questions]


def _answer_item(post, q: Question) -> dict:
    prefix = f"q-{q.code}"
    item = {
        "question": q.code,
        "comment": post.get(f"{prefix}-comment", ""),
        "evidence_url": post.get(f"{prefix}-evidence", ""),
    }
    if q.kind in CHOICE_KINDS:
        item["choices"] = [c for c in post.getlist(f"{prefix}-choices") if c]
    elif q.kind == QuestionKind.TEXT:
        item["text"] = post.get(f"{prefix}-text", "")
    else:
        item["value"] = post.get(f"{prefix}-value", "").strip().replace(",", ".") or None
    return item


def given_from_post(post, q: Question) -> dict:
    """What was typed for a question, to show it again when the form is refused (nothing typed is lost)."""
    prefix = f"q-{q.code}"
    return {
        "choices": post.getlist(f"{prefix}-choices"),
        "value": post.get(f"{prefix}-value", ""),
        "text": post.get(f"{prefix}-text", ""),
        "comment": post.get(f"{prefix}-comment", ""),
        "evidence": post.get(f"{prefix}-evidence", ""),
    }


def given_from_answer(answer: Answer | None) -> dict:
    """The saved answer as the form's fields show it (a whole number without its ".0")."""
    if answer is None:
        return {"choices": [], "value": "", "text": "", "comment": "", "evidence": ""}
    value = "" if answer.value is None else (int(answer.value) if answer.value.is_integer() else answer.value)
    return {
        "choices": answer.choices,
        "value": value,
        "text": answer.text,
        "comment": answer.comment,
        "evidence": answer.evidence_url,
    }


def override_points(post) -> float | None:
    """The points the override form posts: None for an empty field (removes the override); ValueError if it is
    not a number."""
    raw = (post.get("points") or "").strip().replace(",", ".")
    return float(raw) if raw else None
