"""Every API error is JSON with a readable message: 400 bad input, 401 a wrong token, 403/404, 409 a state conflict."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions, status
from rest_framework.views import exception_handler as drf_exception_handler

from ..errors import StateConflict


class Conflict(exceptions.APIException):
    """409: the object's state does not allow the operation. Services raise `core.errors.StateConflict` instead."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = "The current state does not allow this."
    default_code = "conflict"


def exception_handler(exc, context):
    if isinstance(exc, StateConflict):
        exc = Conflict(detail=str(exc) or Conflict.default_detail)
    elif isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
        exc = exceptions.ValidationError(detail=detail)
    elif isinstance(exc, DjangoPermissionDenied) and exc.args:
        exc = exceptions.PermissionDenied(detail=str(exc))
    elif isinstance(exc, exceptions.AuthenticationFailed):
        # Credentials were sent and are wrong (an unknown, expired or revoked token): 401 and how to authenticate.
        # DRF would answer 403 because session authentication comes first; a caller who sent nothing still gets 403.
        exc.status_code = status.HTTP_401_UNAUTHORIZED
        exc.auth_header = "Token"
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(response.data, list):
        response.data = {"detail": response.data}
    if response.status_code == status.HTTP_400_BAD_REQUEST and "detail" not in response.data:
        response.data = {"detail": "The request has errors; see the fields below.", "errors": response.data}
    return response
