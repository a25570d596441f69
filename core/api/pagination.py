from django.utils.translation import gettext as _
from rest_framework import pagination
from rest_framework.exceptions import NotFound, ValidationError


class PageNumberPagination(pagination.PageNumberPagination):
    """`?page=` and `?page_size=` (at most 100), as the contract promises. A page past the end is bad input (400), and
    so is a page or page size that is not a whole number from 1 (`page_size=null` was served as the default)."""

    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100

    def paginate_queryset(self, queryset, request, view=None):
        _whole_number(request, self.page_query_param)
        try:
            return super().paginate_queryset(queryset, request, view)
        except NotFound as exc:
            raise ValidationError({"page": [str(exc.detail)]}) from exc

    def get_page_size(self, request):
        size = _whole_number(request, self.page_size_query_param)
        return self.page_size if size is None else min(size, self.max_page_size)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
            if parameter["name"] == self.page_query_param:
                parameter["description"] = "A page number from 1. A page past the last is a 400."
            elif parameter["name"] == self.page_size_query_param:
                parameter["description"] = (
                    f"Results per page, from 1 (default {self.page_size}); more than {self.max_page_size} is served "
                    f"as {self.max_page_size}."
                )
        return parameters


def _whole_number(request, name: str) -> int | None:
    """The query parameter as a whole number from 1, None when absent; a 400 naming it otherwise."""
    raw = request.query_params.get(name)
    if raw is None:
        return None
    if not (raw.isascii() and raw.isdigit() and int(raw) >= 1):
        raise ValidationError({name: [_("Give a whole number from 1.")]})
    return int(raw)
