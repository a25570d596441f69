from django.utils.translation import gettext_lazy as _

from ..env import BASE_DIR

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en", "fr")
# Dates day/month/year in both languages (en-GB style in English), French decimals with a comma: icc_portal/formats.
FORMAT_MODULE_PATH = ["icc_portal.formats"]
USE_THOUSAND_SEPARATOR = False
