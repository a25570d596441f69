from datetime import timedelta

from ..env import env_str
from .security import TRUSTED_PROXY_COUNT

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "accounts.api.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "core.api.pagination.PageNumberPagination",
    "DEFAULT_SCHEMA_CLASS": "core.api.schema.AutoSchema",
    "EXCEPTION_HANDLER": "core.api.errors.exception_handler",
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.AnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env_str("API_ANON_RATE", "600/minute"),
        # POST auth/token/: password guessing, per client address.
        "sign_in": env_str("API_SIGN_IN_RATE", "20/minute"),
    },
    # The client address of a throttled request: X-Forwarded-For only as far as our own proxies wrote it.
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
    "PAGE_SIZE": 20,
}

# API tokens (django-rest-knox): hashed in the database, sent as `Authorization: Token <token>` (the contract's
# header), valid for API_TOKEN_TTL_DAYS, revoked by a password change or by POST auth/logout/ and auth/logoutall/.
REST_KNOX = {
    "TOKEN_TTL": timedelta(days=int(env_str("API_TOKEN_TTL_DAYS", "30"))),
    "AUTH_HEADER_PREFIX": "Token",
    "AUTO_REFRESH": False,
}

# A user's newest tokens kept (one per script or device); issuing one more revokes the oldest.
API_TOKENS_PER_USER = int(env_str("API_TOKENS_PER_USER", "20"))

SPECTACULAR_SETTINGS = {
    "TITLE": "ICC Portal API",
    "DESCRIPTION": "The Intercultural Cities network: member cities, good practices, the ICC Index and events.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # The contract's API speaks JSON: the schema documents JSON bodies only (DRF still parses forms, which the
    # browsable API and the tests use).
    "PARSER_WHITELIST": ["rest_framework.parsers.JSONParser"],
    "ENUM_NAME_OVERRIDES": {
        "PracticeLanguageEnum": "goodpractices.choices.PracticeLanguage",
        "PracticeStatusEnum": "goodpractices.choices.PracticeStatus",
        "EventStatusEnum": "events.choices.EventStatus",
        "RegistrationStatusEnum": "events.choices.RegistrationStatus",
        "FieldOfActionCodeEnum": "goodpractices.taxonomy.FIELD_CODES",
    },
}
