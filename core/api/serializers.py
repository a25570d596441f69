"""The base of the API's input serializers: what clients send is cleaned before any field sees it."""

from rest_framework import serializers

from ..text import clean_data


class CleanTextSerializerMixin:
    """Drops C0 control characters from every string of the input (see `core.text`), as the forms do."""

    def to_internal_value(self, data):
        return super().to_internal_value(clean_data(data))


class CleanTextSerializer(CleanTextSerializerMixin, serializers.Serializer):
    pass
