"""Charts are checked for structure (axes, series, labels) and that they save; a person looks at them."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
import pytest

from tension import charts


def weekly_rows(values: list[float | None], pair_name: str = "Russia–ROK", first: date = date(2024, 1, 1),
                documents: int = 2) -> pd.DataFrame:
    """weekly_index-shaped rows for one pair; None is a week without statements."""
    rows = []
    for number, value in enumerate(values):
        empty = value is None
        rows.append({
            "pair_id": "RUS-KOR", "pair_name": pair_name, "week_start": first + timedelta(weeks=number),
            "iso_week": "", "n_statements": 0 if empty else 3, "n_documents": 0 if empty else documents,
            "index_value": None if empty else value, "raw_mean": None if empty else value * 1.5,
            "ci_low": None if empty or documents < 2 else value - 0.2,
            "ci_high": None if empty or documents < 2 else value + 0.2,
            "direction_a_to_b": "RUS→KOR", "hostility_a_to_b": None if empty else value + 0.1,
            "n_a_to_b": 0 if empty else 1, "direction_b_to_a": "KOR→RUS",
            "hostility_b_to_a": None if empty else value - 0.1, "n_b_to_a": 0 if empty else 2,
        })
    return pd.DataFrame(rows)


def line(ax, label: str):
    """The one line of an axes with this legend label."""
    (found,) = [candidate for candidate in ax.get_lines() if candidate.get_label() == label]
    return found


def test_weekly_figure_has_index_and_count_panels() -> None:
    fig = charts.weekly_figure(weekly_rows([0.2, None, 0.5, -0.3]), "Russia–ROK", highlight_week=date(2024, 1, 15))
    top, bottom = fig.axes
    assert "Russia–ROK" in fig.get_suptitle()
    assert top.get_ylabel() == "hostility index (−1 cooperative … +1 hostile)"
    assert bottom.get_ylabel() == "statements / week"
    low, high = top.get_ylim()
    assert low <= -1 and high >= 1 and low > -1.2 and high < 1.2
    assert 0 in [ln.get_ydata()[0] for ln in top.get_lines() if ln.get_label().startswith("_")]  # the 0 line
    legend = [text.get_text() for text in top.get_legend().get_texts()]
    assert legend == ["report week", "95% interval", "RUS→KOR", "KOR→RUS", "weekly index"]


def test_index_line_has_gaps_not_zeros_for_empty_weeks() -> None:
    fig = charts.weekly_figure(weekly_rows([0.2, None, 0.5, -0.3]), "Russia–ROK")
    top, bottom = fig.axes
    index = line(top, charts.INDEX_LABEL)
    np.testing.assert_array_equal(index.get_ydata(), [0.2, np.nan, 0.5, -0.3])
    np.testing.assert_allclose(line(top, "RUS→KOR").get_ydata(), [0.3, np.nan, 0.6, -0.2])
    mondays = [date(2024, 1, 1) + timedelta(weeks=n) for n in range(4)]
    assert [pd.Timestamp(x).date() for x in index.get_xdata()] == mondays
    assert [bar.get_height() for bar in bottom.patches] == [3, 0, 3, 3]


def test_missing_week_rows_become_gaps() -> None:
    rows = weekly_rows([0.2, 0.4, 0.5]).drop(index=1)
    fig = charts.weekly_figure(rows, "Russia–ROK")
    np.testing.assert_array_equal(line(fig.axes[0], charts.INDEX_LABEL).get_ydata(), [0.2, np.nan, 0.5])


def test_a_value_in_an_empty_week_is_not_drawn() -> None:
    rows = weekly_rows([0.2, 0.4]).assign(index_value=[0.2, 0.0], n_statements=[3, 0])
    fig = charts.weekly_figure(rows, "Russia–ROK")
    np.testing.assert_array_equal(line(fig.axes[0], charts.INDEX_LABEL).get_ydata(), [0.2, np.nan])


def test_single_week_gets_a_readable_date_range() -> None:
    fig = charts.weekly_figure(weekly_rows([0.14], documents=1), "DPRK–ROK", highlight_week=date(2024, 1, 1))
    top, bottom = fig.axes
    assert "DPRK–ROK" in fig.get_suptitle()
    left, right = (mdates.num2date(x).date() for x in bottom.get_xlim())
    assert right - left >= timedelta(weeks=4)
    assert left < date(2024, 1, 1) < right
    assert "95% interval" not in [text.get_text() for text in top.get_legend().get_texts()]  # one document
    fig.canvas.draw()  # ticks and layout resolve without error
    assert [tick.get_text() for tick in bottom.get_xticklabels() if tick.get_text()]


def test_hundred_weeks_render(tmp_path: Path) -> None:
    values = [None if n % 17 == 5 else float(np.sin(n / 8)) * 0.8 for n in range(100)]
    fig = charts.weekly_figure(weekly_rows(values), "Russia–ROK", highlight_week=date(2025, 11, 24))
    assert len(line(fig.axes[0], charts.INDEX_LABEL).get_ydata()) == 100
    png, _ = charts.save_figure(fig, tmp_path, "long")
    assert png.stat().st_size > 10_000


def test_empty_input_is_refused() -> None:
    with pytest.raises(ValueError, match="no weekly rows"):
        charts.weekly_figure(weekly_rows([]).reindex(columns=weekly_rows([0.1]).columns), "Russia–ROK")


def test_save_writes_png_and_svg(tmp_path: Path) -> None:
    fig = charts.weekly_figure(weekly_rows([0.2, 0.5]), "Russia–ROK")
    paths = charts.save_figure(fig, tmp_path / "out", "RUS-KOR_2024-W02")
    assert [p.name for p in paths] == ["RUS-KOR_2024-W02.png", "RUS-KOR_2024-W02.svg"]
    assert paths[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = paths[1].read_text()
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg


def test_overview_has_one_distinct_line_per_pair() -> None:
    weekly = pd.concat([weekly_rows([0.2, None, 0.4]), weekly_rows([-0.1, 0.3, None], pair_name="DPRK–ROK")])
    fig = charts.overview_figure(weekly)
    (ax,) = fig.axes
    lines = {ln.get_label(): ln for ln in ax.get_lines() if not ln.get_label().startswith("_")}
    assert set(lines) == {"Russia–ROK", "DPRK–ROK"}
    assert lines["Russia–ROK"].get_linestyle() != lines["DPRK–ROK"].get_linestyle()
    np.testing.assert_array_equal(lines["DPRK–ROK"].get_ydata(), [-0.1, 0.3, np.nan])
    assert {text.get_text() for text in ax.get_legend().get_texts()} == {"Russia–ROK", "DPRK–ROK"}


def test_import_has_no_side_effects() -> None:
    code = "import sys, tension.charts, tension.report; assert 'matplotlib.pyplot' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)
