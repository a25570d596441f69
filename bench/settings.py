"""The portal's settings with the bench's URL configuration: the product's URLs and the bench's `/floor/`."""

from icc_portal.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
