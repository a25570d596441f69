"""Charts of the Index as SVG strings, drawn on the server so the page and the PDF profile share them.

Each chart is decorative for screen readers (`aria-hidden`): the page puts a data table beside it. The SVG pieces
(frame, legend, colours) are the kernel's (core/charts.py), shared with the events' statistics.
"""

from __future__ import annotations

from html import escape

from django.utils.formats import number_format

from core.charts import BAR, GRID, PALETTE, PEER, legend, open_svg, short


def area_bars(rows: list[tuple[str, float | None, float | None]], *, title: str, peer_label: str | None) -> str:
    """Horizontal bars (0–100) per area, with the peers' average as a tick on each bar.

    `rows` are (label, score, peer average); a missing score draws no bar, a missing average no tick. Without a
    `peer_label` (too few peers to show their average) the legend names the city's bars only.
    """
    label_width, bar_width, row_height, top = 280, 360, 26, 34
    height = top + row_height * len(rows) + 30
    width = label_width + bar_width + 60
    parts = [open_svg(width, height, title)]
    parts.append(legend(label_width, 14, [(BAR, title)] + ([(PEER, peer_label)] if peer_label else [])))
    for tick in range(0, 101, 25):
        x = label_width + bar_width * tick / 100
        parts.append(f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{height - 24}" stroke="{GRID}"/>')
        parts.append(f'<text x="{x:.1f}" y="{height - 8}" font-size="11" text-anchor="middle">{tick}</text>')
    for i, (label, score, peer) in enumerate(rows):
        y = top + i * row_height
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 16}" font-size="12" text-anchor="end">{escape(short(label))}</text>'
        )
        if score is not None:
            w = bar_width * max(0.0, min(100.0, score)) / 100
            parts.append(f'<rect x="{label_width}" y="{y + 5}" width="{w:.1f}" height="15" fill="{BAR}"/>')
            # The figure in the page's language: "41,5" in French.
            figure = number_format(score, 1)
            parts.append(f'<text x="{label_width + w + 4:.1f}" y="{y + 17}" font-size="11">{figure}</text>')
        if peer is not None:
            x = label_width + bar_width * max(0.0, min(100.0, peer)) / 100
            parts.append(
                f'<line x1="{x:.1f}" y1="{y + 1}" x2="{x:.1f}" y2="{y + 24}" stroke="{PEER}" stroke-width="3"/>'
            )
    parts.append("</svg>")
    return "".join(parts)


def progress_lines(waves: list[str], series: list[tuple[str, list[float | None]]], *, title: str) -> str:
    """One line per series (0–100) over the waves; gaps where a wave has no score."""
    # The legend beside the plot has room for every area of an edition (16) with names that are not cut short.
    width, left, right, top, bottom = 720, 40, 250, 20, 40
    height = max(300, top + 24 + 16 * len(series) + bottom)
    plot_w, plot_h = width - left - right, height - top - bottom
    parts = [open_svg(width, height, title)]
    for tick in range(0, 101, 25):
        y = top + plot_h * (1 - tick / 100)
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="{GRID}"/>')
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" font-size="11" text-anchor="end">{tick}</text>')

    # The first and last waves stand in from the axes, so that their labels do not run into the scale's.
    inset = 48

    def x_of(i: int) -> float:
        return left + inset + ((plot_w - 2 * inset) * i / (len(waves) - 1) if len(waves) > 1 else plot_w / 2 - inset)

    for i, wave in enumerate(waves):
        parts.append(
            f'<text x="{x_of(i):.1f}" y="{height - 16}" font-size="11" text-anchor="middle">{escape(wave)}</text>'
        )
    for n, (label, values) in enumerate(series):
        colour = PALETTE[n % len(PALETTE)]
        points = [(x_of(i), top + plot_h * (1 - v / 100)) for i, v in enumerate(values) if v is not None]
        if len(points) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
            parts.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for x, y in points:
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{colour}"/>')
        ly = top + 14 + n * 16
        parts.append(f'<rect x="{left + plot_w + 12}" y="{ly - 9}" width="10" height="10" fill="{colour}"/>')
        parts.append(f'<text x="{left + plot_w + 26}" y="{ly}" font-size="11">{escape(short(label, 38))}</text>')
    parts.append("</svg>")
    return "".join(parts)
