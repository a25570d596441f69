"""Files the tests upload: real enough for the portal's checks (goodpractices.uploads reads a PDF with pypdf)."""

import io

import pypdf


def pdf_bytes(padding: int = 0) -> bytes:
    """A one-page PDF; `padding` bytes of metadata make it as large as a test needs."""
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=200, height=200)
    if padding:
        writer.add_metadata({"/Subject": "x" * padding})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
