"""Reads of the Index: who sees what, results and peer groups, what the desk and the secretariat's pages show.

visibility.py   the assessments a person sees or works on, the areas they answer
editions.py     an edition as plain data (for scoring) and in the contract's file format
results.py      scores, peer groups (rule 7), the network's wave, progress across waves
public.py       the public Index page: each city's latest published result
desk.py         the desk's list, an assessment's page, an area's questions
secretariat.py  a wave across the network and the rows of its CSV exports
"""

from .desk import (
    QuestionRow,
    area_page,
    area_progress,
    area_questions,
    areas_by_code,
    areas_of,
    assessment_page,
    desk_assessments,
    editions_with_areas,
    questions_of,
    startable_cities,
    team_member,
)
from .editions import (
    EditionData,
    answer_data,
    edition_as_file,
    edition_data,
    editions,
    group_titles,
    question_spec,
)
from .public import latest_per_city, published_assessments
from .recommendations import latest_published_assessment, recommendations_for
from .results import (
    assessment_results,
    assessment_scores,
    city_profile,
    city_waves,
    compute_results,
    network_results,
    peer_area_averages,
    peer_label,
    peer_profiles,
    progress,
    unanswered_area_codes,
)
from .secretariat import answers_table, results_table, wave_overview
from .visibility import (
    answerable_area_ids,
    assessment_in,
    assessment_visible_to,
    assessment_workable_by,
    taken_areas,
)

__all__ = [
    "EditionData",
    "QuestionRow",
    "answer_data",
    "answerable_area_ids",
    "answers_table",
    "assessment_in",
    "area_page",
    "area_progress",
    "area_questions",
    "areas_by_code",
    "areas_of",
    "assessment_page",
    "assessment_results",
    "assessment_scores",
    "assessment_visible_to",
    "assessment_workable_by",
    "city_profile",
    "city_waves",
    "compute_results",
    "desk_assessments",
    "edition_as_file",
    "edition_data",
    "editions",
    "editions_with_areas",
    "group_titles",
    "network_results",
    "peer_area_averages",
    "recommendations_for",
    "latest_per_city",
    "latest_published_assessment",
    "peer_label",
    "peer_profiles",
    "progress",
    "published_assessments",
    "question_spec",
    "questions_of",
    "results_table",
    "startable_cities",
    "taken_areas",
    "team_member",
    "unanswered_area_codes",
    "wave_overview",
]
