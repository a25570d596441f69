"""Checks on a news image: the type is read from the content (never from the name), the size is bounded, and the
picture must open as what it claims to be."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from goodpractices.uploads import sniff

MAX_IMAGE_BYTES = 3 * 1024 * 1024
IMAGE_TYPES = {"image/png": "PNG", "image/jpeg": "JPEG", "image/webp": "WebP"}
MAX_PIXELS = 40_000_000  # a decompression bomb is refused before anything decodes it whole


def check_news_image(upload) -> str:
    """The image's MIME type when it is a PNG, JPEG or WebP of at most 3 MB that opens; ValidationError otherwise."""
    if upload.size > MAX_IMAGE_BYTES:
        raise ValidationError(_("The image is larger than 3 MB; upload a smaller one."))
    content_type = sniff(upload)
    if content_type not in IMAGE_TYPES:
        raise ValidationError(_("The image must be a PNG, JPEG or WebP file."))
    _check_opens(upload)
    return content_type


def _check_opens(upload) -> None:
    from PIL import Image, UnidentifiedImageError

    upload.seek(0)
    try:
        with Image.open(upload) as image:
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise ValidationError(_("The image has too many pixels; upload a smaller one."))
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise ValidationError(_("The image could not be read; it may be damaged.")) from error
    finally:
        upload.seek(0)
