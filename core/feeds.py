"""The portal's Atom feeds: always well-formed XML, whatever people wrote."""

from django.utils.feedgenerator import Atom1Feed

from .text import xml_text


def _xml_safe(values):
    if isinstance(values, dict):
        return {key: _xml_safe(value) for key, value in values.items()}
    if isinstance(values, list | tuple):
        return type(values)(_xml_safe(value) for value in values)
    return xml_text(values)


class AtomFeed(Atom1Feed):
    """Atom 1.0 where every value loses the characters XML 1.0 cannot hold, so that one stored control character
    cannot take the feed down."""

    def __init__(self, *args, **kwargs):
        super().__init__(*_xml_safe(args), **_xml_safe(kwargs))

    def add_item(self, *args, **kwargs):
        super().add_item(*_xml_safe(args), **_xml_safe(kwargs))
