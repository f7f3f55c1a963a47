"""Charts are checked for structure (axes, series, labels) and that they save; a person looks at them."""

from __future__ import annotations

import math
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import matplotlib.colors as mcolors
import matplotlib.dates as mdates
import numpy as np
import pandas as pd
import pytest

from tension.reporting import chart_notes, charts


def weekly_rows(values: list[float | None], pair_name: str = "Russia–ROK", first: date = date(2024, 1, 1),
                documents: int = 2, flagged: dict[int, float] | None = None) -> pd.DataFrame:
    """weekly_index-shaped rows for one pair; None is a week without statements; flagged: week number -> z."""
    rows = []
    flagged = flagged or {}
    for number, value in enumerate(values):
        empty = value is None
        rows.append({
            "pair_id": "RUS-KOR", "pair_name": pair_name, "week_start": first + timedelta(weeks=number),
            "iso_week": f"2024-W{number + 1:02d}", "n_statements": 0 if empty else 3,
            "n_documents": 0 if empty else documents, "index_value": None if empty else value,
            "raw_mean": None if empty else value * 1.5, "ci_low": None if empty else value - 0.2,
            "ci_high": None if empty else value + 0.2, "direction_a_to_b": "RUS→KOR",
            "hostility_a_to_b": None if empty else value + 0.1, "n_a_to_b": 0 if empty else 1,
            "direction_b_to_a": "KOR→RUS", "hostility_b_to_a": None if empty else value - 0.1,
            "n_b_to_a": 0 if empty else 2, "index_se": None if empty else 0.1, "change": None,
            "trend": None if empty else value / 2, "trend_direction": None, "baseline": None,
            "departure_z": flagged.get(number), "flagged": number in flagged,
        })
    return pd.DataFrame(rows)


def notes_for(rows: pd.DataFrame, quote: str = "The puppet clique will face a merciless response",
              speaker: str = "Kim Yŏ-jŏng") -> pd.DataFrame:
    """flag_notes-shaped rows for the flagged weeks of weekly_rows."""
    flagged = rows[rows["flagged"]]
    return flagged.assign(quote=quote, speaker=speaker, statement_id="x:0", hostility=0.9, source="KCNA",
                          published=flagged["week_start"])[
        ["pair_id", "week_start", "iso_week", "index_value", "departure_z", "statement_id", "speaker", "quote",
         "hostility", "source", "published"]]


def line(ax, label: str):
    """The one line of an axes with this legend label."""
    (found,) = [candidate for candidate in ax.get_lines() if candidate.get_label() == label]
    return found


def legend(ax) -> list[str]:
    return [text.get_text() for text in ax.get_legend().get_texts()]


def test_weekly_figure_has_index_halves_and_volume_panels() -> None:
    fig = charts.weekly_figure(weekly_rows([0.2, None, 0.5, -0.3]), "Russia–ROK", highlight_week=date(2024, 1, 15))
    top, middle, bottom = fig.axes
    assert "Russia–ROK" in fig.get_suptitle()
    assert top.get_ylabel() == charts.Y_LABEL and "−1 cooperative" in charts.Y_LABEL
    assert middle.get_ylabel() == charts.HALVES_LABEL
    assert bottom.get_ylabel() == charts.VOLUME_LABEL == "statements\nper week"
    assert bottom.get_xlabel() == charts.X_LABEL  # dates on the shared x axis, labelled
    for ax in (top, middle):
        low, high = ax.get_ylim()
        assert low <= -1 and high >= 1 and low > -1.2 and high < 1.2
    assert 0 in [ln.get_ydata()[0] for ln in top.get_lines() if ln.get_label().startswith("_")]  # the 0 line
    assert legend(top) == ["report week", "95% interval", "trend (4-week)", "weekly index"]
    assert legend(middle) == ["RUS→KOR", "KOR→RUS"]


def test_index_trend_and_halves_have_gaps_not_zeros_for_empty_weeks() -> None:
    fig = charts.weekly_figure(weekly_rows([0.2, None, 0.5, -0.3]), "Russia–ROK")
    top, middle, bottom = fig.axes
    index = line(top, charts.INDEX_LABEL)
    np.testing.assert_array_equal(index.get_ydata(), [0.2, np.nan, 0.5, -0.3])
    np.testing.assert_allclose(line(top, charts.TREND_LABEL).get_ydata(), [0.1, np.nan, 0.25, -0.15])
    np.testing.assert_allclose(line(middle, "RUS→KOR").get_ydata(), [0.3, np.nan, 0.6, -0.2])
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


def test_flagged_weeks_are_marked_numbered_and_annotated_with_their_statement() -> None:
    rows = weekly_rows([0.1, 0.1, 0.9, 0.1, -0.6], flagged={2: 3.1, 4: -2.7})
    long_quote = "The puppet clique of the South will face a merciless response to any provocation, " * 4
    fig = charts.weekly_figure(rows, "DPRK–ROK", notes=notes_for(rows, quote=long_quote))
    top = fig.axes[0]
    assert charts.FLAG_LABEL in legend(top)
    assert sorted(t.get_text() for t in top.texts) == ["1", "2"]  # numbered by date
    (notes,) = fig.axes[3].texts
    text = notes.get_text()
    assert "1  2024-W03: index +0.90, 3.1 SD above baseline — Kim Yŏ-jŏng: “The puppet clique" in text
    assert "2  2024-W05: index −0.60, 2.7 SD below baseline" in text
    assert all(len(part) <= chart_notes.NOTE_CHARS + 2 for part in text.splitlines()[1:])  # long quotes are cut
    assert "…”" in text
    fig.canvas.draw()


def test_the_pdf_figure_keeps_the_numbers_and_leaves_the_notes_text_to_the_page() -> None:
    """Session 26: twenty note lines inside the figure made it so tall that the PDF page showed it at 40% of its
    width with 5-point notes. notes_below=False draws the same numbered panels with no notes axis, and
    weekly_notes_text gives the text the figure would have held, for the page to set at full width."""
    rows = weekly_rows([0.1, 0.1, 0.9, 0.1, -0.6], flagged={2: 3.1, 4: -2.7})
    notes = notes_for(rows, quote="The puppet clique of the South will face a merciless response.")
    inside = charts.weekly_figure(rows, "DPRK–ROK", notes=notes)
    page = charts.weekly_figure(rows, "DPRK–ROK", notes=notes, notes_below=False)
    assert len(page.axes) == 3 and len(inside.axes) == 4
    assert sorted(t.get_text() for t in page.axes[0].texts) == ["1", "2"]  # the numbers stay on the panel
    assert page.get_size_inches()[1] < inside.get_size_inches()[1]
    assert charts.weekly_notes_text(rows, notes) == inside.axes[3].texts[0].get_text()
    assert charts.weekly_notes_text(rows) == ""


def test_the_legend_above_the_index_holds_at_most_five_entries_a_row() -> None:
    """Six entries in one row ran past the figure's edge ('flagged week' cut, session 26)."""
    fig = charts.weekly_figure(weekly_rows([0.1, 0.9, 0.2], flagged={1: 3.0}, documents=1), "DPRK–ROK",
                               highlight_week=date(2024, 1, 8))
    assert len(legend(fig.axes[0])) >= 5
    assert fig.axes[0].get_legend()._ncols <= 5


def test_flags_without_notes_are_marked_but_not_numbered() -> None:
    fig = charts.weekly_figure(weekly_rows([0.1, 0.9], flagged={1: 3.0}), "DPRK–ROK")
    assert len(fig.axes) == 3 and not fig.axes[0].texts
    assert charts.FLAG_LABEL in legend(fig.axes[0])


def test_single_week_gets_a_readable_date_range() -> None:
    fig = charts.weekly_figure(weekly_rows([0.14], documents=1), "DPRK–ROK", highlight_week=date(2024, 1, 1))
    top, _, bottom = fig.axes
    assert "DPRK–ROK" in fig.get_suptitle()
    left, right = (mdates.num2date(x).date() for x in bottom.get_xlim())
    assert right - left >= timedelta(weeks=4)
    assert left < date(2024, 1, 1) < right
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
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg and "Russia" in svg  # vector, text as text


def test_everything_but_the_report_week_is_grey() -> None:
    """Readable in grey print: lines, markers, bands and bars carry no colour; only the report week is tinted."""
    rows = weekly_rows([0.2, None, 0.5, -0.3, 0.8], flagged={4: 3.0})
    fig = charts.weekly_figure(rows, "Russia–ROK", highlight_week=date(2024, 1, 8), notes=notes_for(rows))
    colours = []
    for ax in fig.axes:
        colours += [mcolors.to_rgb(ln.get_color()) for ln in ax.get_lines()]
        colours += [mcolors.to_rgb(ln.get_markerfacecolor()) for ln in ax.get_lines()
                    if ln.get_markerfacecolor() not in ("none", None)]
        colours += [mcolors.to_rgb(p.get_facecolor()) for p in ax.patches]
        colours += [mcolors.to_rgb(c.get_facecolor()[0]) for c in ax.collections if len(c.get_facecolor())]
    tinted = [c for c in colours if not (math.isclose(c[0], c[1]) and math.isclose(c[1], c[2]))]
    assert set(tinted) <= {mcolors.to_rgb("#f6ebc4")}, tinted
    styles = {line(fig.axes[1], label).get_linestyle() for label in ("RUS→KOR", "KOR→RUS")}
    assert len(styles) == 2  # the halves differ by dash pattern, not colour alone


def test_overview_has_one_distinct_line_per_pair_and_marks_flags() -> None:
    weekly = pd.concat([weekly_rows([0.2, None, 0.4], flagged={2: 2.8}),
                        weekly_rows([-0.1, 0.3, None], pair_name="DPRK–ROK")])
    fig = charts.overview_figure(weekly)
    (ax,) = fig.axes
    lines = {ln.get_label(): ln for ln in ax.get_lines() if not ln.get_label().startswith("_")}
    assert set(lines) == {"Russia–ROK", "DPRK–ROK", charts.FLAG_LABEL}
    assert lines["Russia–ROK"].get_linestyle() != lines["DPRK–ROK"].get_linestyle()
    np.testing.assert_array_equal(lines["DPRK–ROK"].get_ydata(), [-0.1, 0.3, np.nan])
    assert ax.get_xlabel() == charts.X_LABEL and ax.get_ylabel() == charts.Y_LABEL


def test_short_quote_marks_scraped_paragraphs_and_cuts_at_a_word() -> None:
    assert chart_notes.short_quote("First paragraph., , Second one., , , , ", 100) == "First paragraph. ¶ Second one."
    assert chart_notes.short_quote("word " * 50, 30) == "word word word word word…"


def test_import_has_no_side_effects() -> None:
    code = "import sys, tension.reporting.charts, tension.reporting.report; assert 'matplotlib.pyplot' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_intensity_panel_hatches_feed_gaps_and_thin_weeks_are_hollow() -> None:
    rows = weekly_rows([0.2, None, 0.5, -0.3])
    rows["intensity"] = [12.0, None, 30.0, 0.0]
    rows["feed_gap"] = [False, True, False, False]
    rows["thin"] = [False, False, True, False]
    fig = charts.weekly_figure(rows, "Russia–ROK")
    top, _, bottom = fig.axes
    assert bottom.get_ylabel() == charts.INTENSITY_LABEL
    heights = [bar.get_height() for bar in bottom.patches if bar.get_label() != charts.GAP_LABEL
               and not bar.get_hatch()]
    assert heights[:4] == [12.0, 0.0, 30.0, 0.0]  # the gap has no bar; a read week without hostility is a real 0
    hatched = [patch for patch in bottom.patches if patch.get_hatch()]
    assert len(hatched) == 1 and legend(bottom) == [charts.GAP_LABEL]
    thin = line(top, charts.THIN_LABEL)
    assert list(thin.get_ydata()) == [0.5] and thin.get_markerfacecolor() == "white"


def test_intensity_panel_dots_weeks_of_low_coverage() -> None:
    rows = weekly_rows([0.2, 0.3, 0.5, -0.3])
    rows["intensity"] = [12.0, 0.0, 30.0, 8.0]
    rows["low_coverage"] = [False, True, False, None]  # NULL (an older database) reads as not low
    fig = charts.weekly_figure(rows, "Russia–ROK")
    bottom = fig.axes[-1]
    dotted = [patch for patch in bottom.patches if patch.get_hatch() == ".."]
    assert len(dotted) == 1 and legend(bottom) == [charts.LOW_COVERAGE_LABEL]
    monday = pd.Timestamp(rows["week_start"].iloc[1])
    x0, x1 = dotted[0].get_x(), dotted[0].get_x() + dotted[0].get_width()
    assert mdates.num2date(x0).date() < monday.date() < mdates.num2date(x1).date()


def test_charts_render_hangul_with_the_packaged_font(tmp_path: Path) -> None:
    files = charts.font_files()
    assert files["regular"].exists() and files["bold"].exists()
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig = charts.weekly_figure(weekly_rows([0.2, 0.4]), "연합뉴스–ROK")
        fig.savefig(tmp_path / "hangul.png")
    assert not [w for w in caught if "missing from" in str(w.message)], [str(w.message) for w in caught]
    assert "NanumGothic" in fig._suptitle.get_fontfamily()


def test_intensity_panel_shows_its_usual_level_and_unusually_high_weeks() -> None:
    rows = weekly_rows([0.2, 0.3, 0.1, 0.4])
    rows["intensity"] = [10.0, 12.0, 11.0, 60.0]
    rows["intensity_baseline"] = [None, 10.0, 11.0, 11.0]
    rows["intensity_flagged"] = [None, False, False, True]
    fig = charts.weekly_figure(rows, "DPRK–ROK")
    bottom = fig.axes[2]
    baseline = line(bottom, charts.INTENSITY_BASELINE_LABEL)
    np.testing.assert_array_equal(baseline.get_ydata(), [np.nan, 10.0, 11.0, 11.0])
    marker = line(bottom, charts.INTENSITY_FLAG_LABEL)
    assert list(mdates.date2num(marker.get_xdata())) == [mdates.date2num(pd.Timestamp(date(2024, 1, 22)))]
    bars = [bar for bar in bottom.patches if not bar.get_hatch()][:4]
    assert [mcolors.to_hex(bar.get_facecolor()) for bar in bars].count("#000000") == 1  # only the surge is black
    assert set(legend(bottom)) == {charts.INTENSITY_BASELINE_LABEL, charts.INTENSITY_FLAG_LABEL}


def test_overview_has_an_intensity_panel_when_rows_have_intensity() -> None:
    weekly = pd.concat([weekly_rows([0.2, None, 0.4]), weekly_rows([-0.1, 0.3, 0.2], pair_name="DPRK–ROK")])
    weekly["intensity"] = [5.0, 0.0, 8.0, 20.0, 30.0, 90.0]
    weekly["intensity_flagged"] = [False, False, False, False, False, True]
    fig = charts.overview_figure(weekly)
    top, low = fig.axes
    assert low.get_ylabel() == charts.INTENSITY_LABEL and top.get_ylabel() == charts.Y_LABEL
    lines = {ln.get_label(): ln for ln in low.get_lines() if not ln.get_label().startswith("_")}
    np.testing.assert_array_equal(lines["DPRK–ROK"].get_ydata(), [20.0, 30.0, 90.0])
    assert charts.INTENSITY_FLAG_LABEL in lines


def test_bold_hangul_is_nanumgothic_bold_without_a_console_warning(caplog):
    import logging

    from matplotlib.font_manager import FontProperties, findfont

    from tension.reporting.charts import font_files, report_fonts

    with caplog.at_level(logging.WARNING, logger="matplotlib.font_manager"), report_fonts():
        found = findfont(FontProperties(family="NanumGothic", weight="bold"), fallback_to_default=False)
    assert found == str(font_files()["bold"])
    assert not [r for r in caplog.records if "Failed to find font weight" in r.getMessage()]


def test_a_note_line_longer_than_the_figure_wraps_instead_of_being_cut():
    """A long speaker and reporter made a note's line wider than the figure, which cut it off at the right edge
    (session 21's tester: "…, reported by South Korea'")."""
    from tension.reporting.chart_notes import NOTE_CHARS, _note_quote

    line = ("1  2024-W23: intensity 56.7, 3.3 SD above a usual 8.6 (8 hostile statements); most hostile — "
            "Democratic People's Republic of Korea (military), reported by South Korea's Joint Chiefs of Staff: ")
    assert len(line) > NOTE_CHARS
    lines = _note_quote(line, "North Korea fired a barrage of ballistic missiles toward its eastern sea.").splitlines()
    assert len(lines) >= 3 and all(len(text) <= NOTE_CHARS for text in lines), lines
    assert "Joint Chiefs of Staff" in " ".join(lines) and lines[-1].lstrip().startswith("“")
