"""What a registered person must look like, checked without the database: the form, the API and the services all
clean a person through `clean_person`, so a bad e-mail or nationality gets the same message everywhere."""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from core.iso3166 import is_country_code

from .choices import Gender

NAME_MAX, EMAIL_MAX, DEPARTMENT_MAX = 200, 254, 200


def clean_person(data: dict) -> dict:
    """{name, email, department, gender, nationality} cleaned: trimmed, the e-mail in lower case, the nationality an
    ISO 3166-1 alpha-2 code in capitals or empty. ValidationError naming each wrong field otherwise."""
    errors: dict[str, list[str]] = {}
    name = _text(data, "name", errors)
    email = _text(data, "email", errors).lower()
    department = _text(data, "department", errors)
    gender = _text(data, "gender", errors)
    nationality = _text(data, "nationality", errors).upper()

    if "name" in errors:
        pass
    elif not name:
        errors["name"] = [_("Give the person's name.")]
    elif len(name) > NAME_MAX:
        errors["name"] = [_("A name has at most %(max)s characters.") % {"max": NAME_MAX}]
    if "email" in errors:
        pass
    elif not email:
        errors["email"] = [_("Give the person's e-mail address.")]
    else:
        try:
            if len(email) > EMAIL_MAX:
                raise ValidationError("too long")
            validate_email(email)
        except ValidationError:
            errors["email"] = [_("%(email)s is not a valid e-mail address.") % {"email": email[:100]}]
    if len(department) > DEPARTMENT_MAX:
        errors["department"] = [_("A department has at most %(max)s characters.") % {"max": DEPARTMENT_MAX}]
    if "gender" not in errors and gender not in Gender.values:
        errors["gender"] = [_("Choose woman, man, another gender or prefers not to say.")]
    if "nationality" not in errors and nationality and not is_country_code(nationality):
        errors["nationality"] = [
            _("%(value)s is not an ISO 3166-1 country code (two letters, e.g. PT); leave it empty if unknown.")
            % {"value": nationality[:10]}
        ]
    if errors:
        raise ValidationError(errors)
    return {"name": name, "email": email, "department": department, "gender": gender, "nationality": nationality}


def _text(data: dict, key: str, errors: dict) -> str:
    """A form's or a JSON body's value as one line of text; a number, a list or a NUL character is an error."""
    value = data.get(key)
    if value is None:
        return ""
    if not isinstance(value, str) or "\0" in value:
        errors[key] = [_("Send this as text.")]
        return ""
    return " ".join(value.split())
