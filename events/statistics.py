"""Participant statistics in the annual report's form ("270 people (121 men / 149 women) of 31 nationalities"):
pure functions of plain rows, tested without a database. selectors.py reads the rows.

A participant is a confirmed registration. Names and e-mails play no part: the figures stay the same after the
personal data of old events is erased.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .choices import Gender

GENDERS = [value for value, _label in Gender.choices]


@dataclass(frozen=True)
class Participant:
    """What the statistics know of a person: their event, city, the city's country, nationality and gender."""

    event_id: int
    city_id: int
    country: str
    nationality: str
    gender: str


@dataclass
class Figures:
    participants: int = 0
    cities: int = 0
    countries: int = 0
    nationalities: int = 0
    genders: dict[str, int] = field(default_factory=lambda: dict.fromkeys(GENDERS, 0))
    nationality_unknown: int = 0

    @property
    def gender_rows(self) -> list[tuple[str, int]]:
        labels = dict(Gender.choices)
        return [(str(labels[gender]), self.genders[gender]) for gender in GENDERS]


def figures(participants: list[Participant]) -> Figures:
    """The figures of a set of participants (one event, or a year's events)."""
    genders = Counter(p.gender for p in participants)
    return Figures(
        participants=len(participants),
        cities=len({p.city_id for p in participants}),
        countries=len({p.country for p in participants if p.country}),
        nationalities=len({p.nationality for p in participants if p.nationality}),
        genders={gender: genders.get(gender, 0) for gender in GENDERS},
        nationality_unknown=sum(1 for p in participants if not p.nationality),
    )


@dataclass
class EventRow:
    """One event of a year's table."""

    event_id: int
    title: str
    kind: str
    kind_label: str
    slug: str
    starts_on: str
    waiting: int
    figures: Figures


@dataclass
class YearFigures:
    year: int
    events: list[EventRow]
    total: Figures
    by_kind: list[tuple[str, int, int]]  # (kind label, events held, participants)

    @property
    def study_visits(self) -> list[EventRow]:
        return [row for row in self.events if row.kind == "study_visit"]


def year_figures(year: int, events: list[dict], participants: list[Participant]) -> YearFigures:
    """`events`: dicts with id, title, kind, kind_label, slug, starts_on, waiting — the events held that year."""
    by_event: dict[int, list[Participant]] = {}
    for participant in participants:
        by_event.setdefault(participant.event_id, []).append(participant)
    rows = [
        EventRow(
            event_id=e["id"],
            title=e["title"],
            kind=e["kind"],
            kind_label=e["kind_label"],
            slug=e["slug"],
            starts_on=e["starts_on"],
            waiting=e["waiting"],
            figures=figures(by_event.get(e["id"], [])),
        )
        for e in events
    ]
    kinds: dict[str, list[EventRow]] = {}
    for row in rows:
        kinds.setdefault(row.kind_label, []).append(row)
    by_kind = [(label, len(group), sum(r.figures.participants for r in group)) for label, group in kinds.items()]
    return YearFigures(year=year, events=rows, total=figures(participants), by_kind=by_kind)
