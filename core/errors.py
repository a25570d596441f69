"""Exceptions that services raise and every front (pages, API, admin) maps the same way."""


class StateConflict(Exception):
    """The object's state does not allow the operation (publishing a draft, answering a validated assessment).

    The API answers 409 with the message; pages show it as an error message.
    """
