from ..env import VAR_DIR, env_str
from .base import DEBUG

# Uploaded documents and built files go through Django's storage API ("default"), never through paths:
# - one machine: the local disk under var/media (core.storage.LocalStorage: nothing half-written survives a full disk);
# - several machines: an S3-compatible bucket (django-storages) shared by every web and worker replica, selected by
#   AWS_STORAGE_BUCKET_NAME; credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (read by boto3);
# - STORAGE_BACKEND names any other class (the full-disk drill uses one whose disk fills up).
# Uploaded documents are private: they are served only through the views that check who may see them.
MEDIA_ROOT = env_str("MEDIA_ROOT") or str(VAR_DIR / "media")

if env_str("AWS_STORAGE_BUCKET_NAME"):
    _default = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL") or None,  # MinIO, Ceph, Scaleway, OVH…
            "region_name": env_str("AWS_S3_REGION_NAME") or None,
            "location": env_str("AWS_LOCATION", "media"),
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
else:
    _default = {"BACKEND": env_str("STORAGE_BACKEND") or "core.storage.LocalStorage"}

STORAGES = {
    "default": _default,
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
