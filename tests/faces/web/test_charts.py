"""Server-side SVG charts."""

from __future__ import annotations

import pytest

from sayso.faces.web.charts import bar_chart, bucket


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        ([], ("day", [])),
        (
            [("2024-03-01", 2), ("2024-03-03", 1)],
            ("day", [("2024-03-01", 2), ("2024-03-02", 0), ("2024-03-03", 1)]),
        ),
        (
            [("2024-01-05", 1), ("2024-01-20", 2), ("2024-04-01", 4)],
            ("month", [("2024-01", 3), ("2024-02", 0), ("2024-03", 0), ("2024-04", 4)]),
        ),
        (
            [("1990-06-01", 1), ("2024-06-01", 1)],
            ("year", [("1990", 1)] + [(str(y), 0) for y in range(1991, 2024)] + [("2024", 1)]),
        ),
        ([("garbage", 5), ("2024-03-01", 1)], ("day", [("2024-03-01", 1)])),
    ],
)
def test_bucket(days, expected) -> None:
    assert bucket(days) == expected


def test_bar_chart_draws_one_bar_per_bucket() -> None:
    svg = bar_chart([("2024-01", 3), ("2024-02", 0), ("2024-03", 6)])
    assert svg.startswith('<svg class="chart"') and svg.endswith("</svg>")
    assert svg.count('<rect class="bar"') == 3
    assert "<title>2024-03: 6 attributions</title>" in svg


def test_bar_chart_escapes_labels_and_handles_empty() -> None:
    assert "<script>" not in bar_chart([("<script>", 1)])
    assert "No dated attributions" in bar_chart([])
