"""Production settings (DEBUG off, the environment's SECRET_KEY, the same middleware and caches) with the load
run's URLconf, which adds the bare page measured next to the portal's own (load/urls.py)."""

from icc_portal.settings import *  # noqa: F401,F403

ROOT_URLCONF = "load.urls"
