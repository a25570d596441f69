from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from ..env import env_bool, env_list, env_str
from .base import DEBUG, SECRET_KEY

CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
CSRF_FAILURE_VIEW = "core.errorpages.csrf_failure"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# No inline script or style anywhere (templates use static files), nothing from another origin: an injected
# <script> or style attribute does not run. The Swagger UI page has its own template for the same reason.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Powerful browser features the portal never uses (core.middleware.PermissionsPolicyMiddleware).
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), "
    "usb=(), display-capture=(), browsing-topics=()"
)

# How many reverse proxies in front of the portal append to X-Forwarded-For. 0 (the default): the client is
# REMOTE_ADDR and X-Forwarded-For is ignored, because any client can write that header. Behind one proxy
# (nginx, a load balancer) set 1: the client is the address that proxy appended, the last one in the list.
# The API's throttling (NUM_PROXIES in api.py) and the login lockout (AXES_CLIENT_IP_CALLABLE) both use it.
TRUSTED_PROXY_COUNT = int(env_str("TRUSTED_PROXY_COUNT", "0"))

# Django's own check (security.W009): at least 50 characters, at least 5 different ones.
SECRET_KEY_MIN_LENGTH = 50


def _refuse_weak_secret_key(key: str) -> None:
    """Production signs sessions, password-reset links and CSRF tokens with SECRET_KEY: a guessable key forges them."""
    if not key or key.startswith("dev-only") or key.startswith("django-insecure"):
        raise ImproperlyConfigured("Set SECRET_KEY when DEBUG is off.")
    if len(key) < SECRET_KEY_MIN_LENGTH or len(set(key)) < 5:
        raise ImproperlyConfigured(
            f"SECRET_KEY is too weak: use at least {SECRET_KEY_MIN_LENGTH} random characters when DEBUG is off "
            '(python -c "import secrets; print(secrets.token_urlsafe(50))").'
        )


if not DEBUG:
    _refuse_weak_secret_key(SECRET_KEY)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    # ASVS 3.4.4: the browser accepts these cookies only over HTTPS, for the whole host and no other (sub)domain.
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(env_list("SECURE_HSTS_SECONDS", ["31536000"])[0])
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    # /healthz is probed over plain HTTP by the orchestrator.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
