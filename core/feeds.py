"""The portal's Atom feeds: what people wrote goes out as plain text, and always as well-formed XML."""

from django.utils.feedgenerator import Atom1Feed

from .text import xml_text


def _xml_safe(values):
    if isinstance(values, dict):
        return {key: _xml_safe(value) for key, value in values.items()}
    if isinstance(values, list | tuple):
        return type(values)(_xml_safe(value) for value in values)
    return xml_text(values)


class AtomFeed(Atom1Feed):
    """Atom 1.0 whose entry summaries are `type="text"`.

    Django writes `<summary type="html">`, which tells a feed reader (or a city's site that embeds the feed) to
    render the summary as HTML: a practice's text would then run as markup there. And every value loses the
    characters XML 1.0 cannot hold, so that one stored control character cannot take the feed down.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*_xml_safe(args), **_xml_safe(kwargs))

    def add_item(self, *args, **kwargs):
        super().add_item(*_xml_safe(args), **_xml_safe(kwargs))

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})
