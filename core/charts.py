"""Charts as SVG strings, drawn on the server so that a page and a PDF share them, with no script and no style
attribute a Content-Security-Policy would have to allow.

Every chart is decorative for screen readers (`aria-hidden`): the page puts a data table beside it. The Index draws
its area bars and progress lines with these pieces (index/charts.py); events draw participants per event and the
gender split.
"""

from __future__ import annotations

from html import escape

BAR = "#1f5f99"
PEER = "#c2571a"
GRID = "#d0d4d9"
TEXT = "#1b1f24"
PALETTE = ["#1f5f99", "#c2571a", "#2e7d32", "#6a1b9a", "#00838f", "#8d6e00"]


def horizontal_bars(rows: list[tuple[str, float | None]], *, title: str, maximum: float | None = None) -> str:
    """One bar per row, its value written at its end; the scale runs from 0 to `maximum` (default: the largest)."""
    return stacked_bars([(label, [value]) for label, value in rows], title=title, series=[title], maximum=maximum)


def stacked_bars(
    rows: list[tuple[str, list[float | None]]], *, title: str, series: list[str], maximum: float | None = None
) -> str:
    """Horizontal bars made of one segment per series (a gender split per event), with a legend when there is more
    than one series and each bar's total at its end. A missing value draws no segment."""
    label_width, bar_width, row_height = 280, 360, 26
    top = 34 if len(series) > 1 else 12
    totals = [sum(value or 0 for value in values) for _label, values in rows]
    scale = maximum or max(totals, default=0) or 1
    height = top + row_height * len(rows) + 30
    width = label_width + bar_width + 60
    parts = [open_svg(width, height, title)]
    if len(series) > 1:
        parts.append(legend(label_width, 14, [(PALETTE[n % len(PALETTE)], name) for n, name in enumerate(series)]))
    for tick in _ticks(scale):
        x = label_width + bar_width * tick / scale
        parts.append(f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{height - 24}" stroke="{GRID}"/>')
        parts.append(f'<text x="{x:.1f}" y="{height - 8}" font-size="11" text-anchor="middle">{_number(tick)}</text>')
    for i, ((label, values), total) in enumerate(zip(rows, totals, strict=True)):
        y = top + i * row_height
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 16}" font-size="12" text-anchor="end">{escape(short(label))}</text>'
        )
        x = float(label_width)
        for n, value in enumerate(values):
            if not value:
                continue
            w = bar_width * min(value, scale) / scale
            colour = PALETTE[n % len(PALETTE)]
            parts.append(f'<rect x="{x:.1f}" y="{y + 5}" width="{w:.1f}" height="15" fill="{colour}"/>')
            x += w
        if any(value is not None for value in values):
            parts.append(f'<text x="{x + 4:.1f}" y="{y + 17}" font-size="11">{_number(total)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _ticks(scale: float) -> list[float]:
    """Four or five round gridlines from 0 to the scale."""
    step = 1.0
    for candidate in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10000):
        step = candidate
        if scale / candidate <= 5:
            break
    ticks, tick = [], 0.0
    while tick <= scale + 1e-9:
        ticks.append(tick)
        tick += step
    return ticks


def _number(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"


def open_svg(width: int, height: int, title: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-hidden="true" font-family="system-ui, sans-serif" fill="{TEXT}">'
        f"<title>{escape(title)}</title>"
    )


def legend(x: int, y: int, items: list[tuple[str, str]]) -> str:
    parts = []
    for colour, label in items:
        parts.append(f'<rect x="{x}" y="{y - 9}" width="12" height="10" fill="{colour}"/>')
        parts.append(f'<text x="{x + 16}" y="{y}" font-size="11">{escape(label)}</text>')
        x += 24 + 7 * len(label)
    return "".join(parts)


def short(label: str, length: int = 44) -> str:
    return label if len(label) <= length else label[: length - 1] + "…"
