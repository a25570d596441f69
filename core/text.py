"""Text as people type or paste it, made safe to store and to serve.

Word and PDF readers leave C0 control characters in copied text (a vertical tab for a line break, a form feed
for a page break). They mean nothing on a page, PostgreSQL cannot store NUL, and XML 1.0 forbids them: one of
them in a published practice took both Atom feeds down. Every form and API field of the portal drops them on
the way in (`clean_text`, applied by `core.forms.CleanTextFormMixin` and `core.api.serializers.
CleanTextSerializerMixin`); what goes out as XML drops them again (`xml_text`), for rows stored before.
"""

import re

from django.http import QueryDict

# C0 controls except tab, line feed and carriage return, which are ordinary text, and NUL, which no paste
# produces: the fields refuse it with a message (Django's and DRF's CharField validators), as they always did.
CONTROL_CHARACTERS = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f]")
# What XML 1.0 cannot carry at all: the controls above, lone surrogates, U+FFFE and U+FFFF.
NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean_text(value: str) -> str:
    """`value` without C0 control characters (tab, line feed, carriage return and NUL stay)."""
    return CONTROL_CHARACTERS.sub("", value)


def clean_data(value, *, keep=frozenset()):
    """Submitted data (a form's QueryDict, parsed JSON) with `clean_text` applied to every string in it, except
    the values of the top-level keys in `keep` (passwords are taken as typed)."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, QueryDict):
        cleaned = QueryDict(mutable=True, encoding=value.encoding)
        for key, items in value.lists():
            cleaned.setlist(key, items if key in keep else [clean_data(item) for item in items])
        cleaned._mutable = False
        return cleaned
    if isinstance(value, dict):
        return {key: item if key in keep else clean_data(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(clean_data(item) for item in value)
    return value


def xml_text(value):
    """A string that an XML 1.0 document can hold (other values are returned as they are)."""
    return NOT_XML.sub("", value) if isinstance(value, str) else value
