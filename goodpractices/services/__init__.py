"""Every write to a good practice and every step of its review workflow.

The pages, the API, the admin and the demo loader all call these functions, so the rules they check are the
rules everywhere. `from goodpractices import services; services.practice_submit(...)` stays the one entry:

* `content`: drafts, saves with optimistic locking, Word imports, saved versions (`PracticeRevision`);
* `workflow`: submit, request changes, publish, reject, unpublish, new versions (`PracticeTransition`),
  each checked against the transition table in `goodpractices/workflow.py`; deleting a never-submitted draft;
* `files`: reference documents;
* `notifications`: the workflow's e-mails.

A coordinator edits only a draft or a practice whose changes were requested. Editing a published practice
starts a new version (`practice_revise`): a draft of its own that goes through review while the published
practice stays online, and that replaces its text when published.
"""

from core.errors import StateConflict

from .content import (
    AUTOSAVE_WINDOW,
    RESERVED_SLUGS,
    PracticeEditConflict,
    PracticeIncomplete,
    practice_create,
    practice_import_docx,
    practice_missing_fields,
    practice_snapshot,
    practice_update,
)
from .files import reference_file_add, reference_file_delete
from .workflow import (
    practice_delete,
    practice_publish,
    practice_reject,
    practice_request_changes,
    practice_revise,
    practice_submit,
    practice_unpublish,
)

__all__ = [
    "AUTOSAVE_WINDOW",
    "RESERVED_SLUGS",
    "PracticeEditConflict",
    "PracticeIncomplete",
    "StateConflict",
    "practice_create",
    "practice_delete",
    "practice_import_docx",
    "practice_missing_fields",
    "practice_publish",
    "practice_reject",
    "practice_request_changes",
    "practice_revise",
    "practice_snapshot",
    "practice_submit",
    "practice_unpublish",
    "practice_update",
    "reference_file_add",
    "reference_file_delete",
]
