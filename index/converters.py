"""URL converters of the Index's routes."""

from django.urls import register_converter


class CodeConverter:
    """An edition's or a question's code (`ICC-2019`, `commitment.1`): letters, digits, `-`, `_` and `.`.

    Anything else (a NUL byte, a space) names nothing, so the route does not match and the answer is a 404.
    """

    regex = r"[-a-zA-Z0-9_.]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(CodeConverter, "code")
