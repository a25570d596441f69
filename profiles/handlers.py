"""The outbox's "profile.build": the worker builds the document the request named."""

from core.outbox import handler


@handler("profile.build")
def build(payload: dict) -> None:
    from .services import profile_build

    profile_build(document_id=payload["document_id"])
