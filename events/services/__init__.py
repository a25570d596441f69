"""Every write to events and registrations (HackSoft's services): the pages, the API, the admin, the tasks and the
demo loader call these, so the rules of places, limits and the waiting list are the same everywhere."""

from .eligibility import city_may_register, registration_refusal  # noqa: F401
from .events import (  # noqa: F401
    EVENT_WORKFLOW,
    document_add,
    document_delete,
    event_cancel,
    event_close,
    event_create,
    event_publish,
    event_reopen,
    event_second_session,
    event_update,
    participants_message,
)
from .registrations import (  # noqa: F401
    PeopleInvalid,
    lock_event,
    registration_cancel,
    registration_move,
    registration_promote,
    registrations_create,
    renumber_waiting_list,
)
from .scheduled import closing_notes_send, participants_erase, reminders_send, retention_cutoff  # noqa: F401
