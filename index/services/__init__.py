"""Every write of the Index: importing editions, starting and filling assessments, the workflow, overrides.

Bad input raises `ValidationError` naming every problem and writes nothing; a state that does not allow the
operation raises `StateConflict` (409 in the API); a person who may not do it gets `PermissionDenied`.

    editions.py     importing an edition file
    assessments.py  starting an assessment, its optional areas, the team and its areas
    answers.py      saving answers, the secretariat's overrides
    workflow.py     submit, validate, return, publish (checked against `transitions.ASSESSMENT_WORKFLOW`)
"""

from core.errors import StateConflict

from .answers import answer_override, answers_save, question_override
from .assessments import area_assign, area_unassign, assessment_create, assessment_set_optional_areas, colleague_invite
from .editions import edition_import
from .workflow import (
    assessment_publish,
    assessment_rescore,
    assessment_return,
    assessment_step,
    assessment_submit,
    assessment_validate,
)

__all__ = [
    "StateConflict",
    "answer_override",
    "answers_save",
    "area_assign",
    "area_unassign",
    "assessment_create",
    "assessment_publish",
    "assessment_rescore",
    "assessment_return",
    "assessment_set_optional_areas",
    "assessment_step",
    "assessment_submit",
    "assessment_validate",
    "colleague_invite",
    "edition_import",
    "question_override",
]
