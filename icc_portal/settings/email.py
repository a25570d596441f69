from ..env import VAR_DIR, env_str

# EMAIL_URL such as smtp://user:pass@host:587 selects SMTP; "file" writes to var/mail; unset prints to the console.
_email_url = env_str("EMAIL_URL", "console://")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Intercultural Cities <icc-portal@example.org>")
# The secretariat is every active secretariat account; SECRETARIAT_EMAIL adds its shared mailbox when set.
SECRETARIAT_EMAIL = env_str("SECRETARIAT_EMAIL", "")

if _email_url.startswith("smtp"):
    from urllib.parse import unquote, urlparse

    _parts = urlparse(_email_url)
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = _parts.hostname or "localhost"
    EMAIL_PORT = _parts.port or 25
    EMAIL_HOST_USER = unquote(_parts.username or "")
    EMAIL_HOST_PASSWORD = unquote(_parts.password or "")
    EMAIL_USE_TLS = _parts.scheme == "smtp+tls"
elif _email_url.startswith("file"):
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# EMAIL_BACKEND names a backend class outright (a provider's API backend, or a test's slow backend); it wins over
# EMAIL_URL, whose file path and SMTP settings still apply to it.
EMAIL_BACKEND = env_str("EMAIL_BACKEND") or EMAIL_BACKEND
