"""Exceptions that services raise and every front (pages, API, admin) maps the same way."""


class StateConflict(Exception):
    """The object's state does not allow the operation (publishing a draft, answering a validated assessment).

    The API answers 409 with the message; pages show it as an error message.
    """


class StorageFull(Exception):
    """The disk (or quota) that keeps uploaded files is full: nothing was saved. Pages say so in words; an operator
    frees space (docs/operations.md)."""

    def __str__(self):
        from django.utils.translation import gettext

        return gettext(
            "The portal has no room to store this file right now, so nothing was saved. Please try again later; "
            "if it keeps happening, tell the ICC secretariat."
        )
