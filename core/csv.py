"""Cells of CSV exports that a spreadsheet opens as text, never as a formula."""

import csv
from datetime import date, datetime

# Spreadsheets (Excel, LibreOffice, Google Sheets) run a cell that starts with one of these as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def safe_cell(value) -> str:
    """A CSV cell: lists joined with `|`, dates in ISO 8601, and text that could start a formula prefixed with `'`.

    Numbers stay numbers: a negative number is not a formula, so it keeps its sign.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list | tuple | set):
        value = "|".join(str(item) for item in value)
    elif isinstance(value, date | datetime):
        value = value.isoformat()
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def safe_row(values) -> list[str]:
    return [safe_cell(value) for value in values]


class Echo:
    """A file-like object for csv.writer whose write() hands the line back, for streamed responses."""

    def write(self, value):
        return value


def csv_writer(target=None):
    return csv.writer(target if target is not None else Echo())
