"""Server-rendered SVG charts: no JavaScript and nothing fetched from elsewhere."""

from __future__ import annotations

from collections import Counter
from datetime import date

from markupsafe import Markup, escape

WIDTH, HEIGHT, PAD_LEFT, PAD_BOTTOM, PAD_TOP = 640, 180, 36, 22, 10


def bucket(days: list[tuple[str, int]]) -> tuple[str, list[tuple[str, int]]]:
    """Group per-day counts into days, months or years, whichever gives a readable chart.

    Returns the unit and every bucket from the first to the last, empty ones included
    (a gap in coverage should look like a gap). Malformed dates are left out.
    """
    parsed = []
    for day, count in days:
        try:
            parsed.append((date.fromisoformat(day), count))
        except (TypeError, ValueError):
            continue
    if not parsed:
        return "day", []
    first, last = min(d for d, _ in parsed), max(d for d, _ in parsed)
    span = (last - first).days
    if span <= 62:
        unit, key = "day", lambda d: d.isoformat()
    elif span <= 366 * 12:
        unit, key = "month", lambda d: d.isoformat()[:7]
    else:
        unit, key = "year", lambda d: str(d.year)
    counts: Counter[str] = Counter()
    for d, c in parsed:
        counts[key(d)] += c
    return unit, [(label, counts.get(label, 0)) for label in _labels(unit, first, last)]


def _labels(unit: str, first: date, last: date) -> list[str]:
    if unit == "day":
        return [
            date.fromordinal(o).isoformat() for o in range(first.toordinal(), last.toordinal() + 1)
        ]
    if unit == "month":
        out, (y, m) = [], (first.year, first.month)
        while (y, m) <= (last.year, last.month):
            out.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out
    return [str(y) for y in range(first.year, last.year + 1)]


def bar_chart(series: list[tuple[str, int]], label: str = "attributions") -> Markup:
    """A bar chart of ``(label, count)`` as inline SVG; each bar's tooltip gives its value."""
    if not series:
        return Markup('<p class="muted">No dated attributions.</p>')
    top = max(c for _, c in series) or 1
    plot_w, plot_h = WIDTH - PAD_LEFT - 4, HEIGHT - PAD_BOTTOM - PAD_TOP
    step = plot_w / len(series)
    bar_w = max(step * 0.8, 1.0)
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{escape(label)} over time" xmlns="http://www.w3.org/2000/svg">',
        f'<line class="axis" x1="{PAD_LEFT}" y1="{PAD_TOP + plot_h}" '
        f'x2="{WIDTH - 4}" y2="{PAD_TOP + plot_h}"/>',
        f'<text class="tick" x="{PAD_LEFT - 4}" y="{PAD_TOP + 8}" text-anchor="end">{top}</text>',
        f'<text class="tick" x="{PAD_LEFT - 4}" y="{PAD_TOP + plot_h}" text-anchor="end">0</text>',
    ]
    for n, (name, count) in enumerate(series):
        h = plot_h * count / top
        x = PAD_LEFT + n * step + (step - bar_w) / 2
        parts.append(
            f'<rect class="bar" x="{x:.1f}" y="{PAD_TOP + plot_h - h:.1f}" width="{bar_w:.1f}" '
            f'height="{h:.1f}"><title>{escape(name)}: {count} {escape(label)}</title></rect>'
        )
    # Label the first, middle and last buckets: enough to read the time axis.
    for n in sorted({0, len(series) // 2, len(series) - 1}):
        x = PAD_LEFT + n * step + step / 2
        anchor = "start" if n == 0 else ("end" if n == len(series) - 1 else "middle")
        parts.append(
            f'<text class="tick" x="{x:.1f}" y="{HEIGHT - 6}" text-anchor="{anchor}">'
            f"{escape(series[n][0])}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))
