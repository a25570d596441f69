"""HTML → PDF with WeasyPrint, which may read `data:` URLs and our own static files and nothing else."""

import logging
import mimetypes
from functools import cache

from django.contrib.staticfiles import finders

# A base URL that cannot be fetched: relative and /static/ URLs resolve under it and are served from disk.
BASE_URL = "https://icc-portal.invalid/"
STATIC_PREFIX = BASE_URL + "static/"


def static_file(url: str) -> tuple[bytes, str]:
    """The bytes and type of one of our static files named by `url`; ValueError for any other URL."""
    if not url.startswith(STATIC_PREFIX):
        raise ValueError(f"External resources are not fetched: {url[:100]}")
    relative = url[len(STATIC_PREFIX) :].split("?")[0].split("#")[0]
    path = finders.find(relative) if ".." not in relative.split("/") else None
    if not path:
        raise ValueError(f"No such static file: {relative[:100]}")
    with open(path, "rb") as handle:
        return handle.read(), mimetypes.guess_type(path)[0] or "application/octet-stream"


@cache
def _weasyprint():
    # Imported on first use: WeasyPrint logs its start-up at INFO, and most processes never render a PDF.
    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
    import weasyprint
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnlyFetcher(URLFetcher):
        """Serves /static/ files from the project's finders; refuses every other URL (no network, no file:)."""

        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            body, content_type = static_file(url)
            return URLFetcherResponse(url, body=body, headers={"Content-Type": content_type})

    return weasyprint.HTML, StaticOnlyFetcher


def html_to_pdf(html: str, **options) -> bytes:
    """Pure: HTML in, PDF bytes out, with only our static files reachable. `options` go to write_pdf()
    (e.g. `pdf_variant="pdf/ua-1"` for a tagged, accessible PDF)."""
    html_class, fetcher = _weasyprint()
    return html_class(string=html, base_url=BASE_URL, url_fetcher=fetcher()).write_pdf(**options)
