"""Charts: matplotlib figures of the weekly index, readable in grey print.

Figures are built as `matplotlib.figure.Figure` objects (never pyplot), so nothing touches a GUI backend or
global figure state; `save_figure` is the one function that writes files. Input frames have the columns of the
`weekly_index` view; flagged-week notes come from `tension.reporting.data.flag_notes`.
"""

from __future__ import annotations

import dataclasses
import importlib.util
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import matplotlib
import matplotlib.dates as mdates
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from tension.reporting.chart_notes import notes_text, numbered_weeks, note_lines, surge_lines

Y_LABEL = "index\n(−1 cooperative … +1 hostile)"
HALVES_LABEL = "directed halves\n(same scale)"
VOLUME_LABEL = "statements\nper week"  # two short lines: the panel is too low for one long one
INTENSITY_LABEL = "intensity\n(per 100 docs)"
GAP_LABEL = "nothing read (feed gap)"
LOW_COVERAGE_LABEL = "little read (< ¼ of a typical week)"
THIN_LABEL = "thin: < 3 state-voice statements or 1 document"
X_LABEL = "ISO week (Monday start)"
INDEX_LABEL = "weekly index"
INTERVAL_LABEL = "95% interval"
TREND_LABEL = "trend (4-week)"
FLAG_LABEL = "flagged week"
INTENSITY_BASELINE_LABEL = "usual level (12 weeks before, surges left out)"
INTENSITY_FLAG_LABEL = "unusually high intensity"
HIGHLIGHT_LABEL = "report week"
FONT_SIZE = 9
# Half a week either side of a Monday: a week's band, bar and highlight span its own week only.
HALF_WEEK = pd.Timedelta(days=3.5)
# Grey-print styles: the index is solid black over a light band, the trend a broad mid-grey line; the directed
# halves differ by dash pattern and marker; the pairs of the overview by line style and marker, not colour alone.
HALF_STYLES = (("-", "o", "0.1"), ((0, (4, 2)), "s", "0.5"))
PAIR_STYLES = (("-", "o", "black"), ((0, (5, 2)), "s", "0.4"), ((0, (1.5, 1.5)), "^", "0.2"), ("-.", "D", "0.5"))
VALUE_COLUMNS = ("index_value", "ci_low", "ci_high", "hostility_a_to_b", "hostility_b_to_a", "change",
                 "departure_z")


def font_files() -> dict[str, Path]:
    """NanumGothic regular and bold, shipped by koreanize-matplotlib (SIL OFL), located without importing it."""
    spec = importlib.util.find_spec("koreanize_matplotlib")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("koreanize-matplotlib is not installed: pip install -e . brings its NanumGothic fonts")
    folder = Path(spec.submodule_search_locations[0]) / "fonts"
    return {"regular": folder / "NanumGothic.ttf", "bold": folder / "NanumGothicBold.ttf"}


@contextmanager
def report_fonts() -> Iterator[None]:
    """Text made inside the block is set in DejaVu Sans, and in NanumGothic where DejaVu has no glyph (Hangul)."""
    manager = matplotlib.font_manager.fontManager
    known = {font.fname for font in manager.ttflist}
    files = font_files()
    for path in files.values():
        if str(path) not in known:
            manager.addfont(str(path))
    # NanumGothicBold declares weight 600, so every bold label made matplotlib warn "Failed to find font weight bold
    # for NanumGothic" on the console; it is the family's bold: registered as 700
    manager.ttflist = [dataclasses.replace(font, weight=700) if font.fname == str(files["bold"]) else font
                       for font in manager.ttflist]
    with matplotlib.rc_context({"font.family": ["DejaVu Sans", "NanumGothic"]}):
        yield


def complete_weeks(weeks: pd.DataFrame) -> pd.DataFrame:
    """One pair's weekly rows on a gap-free Monday grid; weeks absent from the input become empty rows (n = 0)."""
    frame = weeks.reset_index(drop=True)
    frame["week_start"] = pd.to_datetime(frame["week_start"])
    frame = frame.sort_values("week_start").drop_duplicates("week_start")
    if frame.empty:
        return frame
    grid = pd.date_range(frame["week_start"].min(), frame["week_start"].max(), freq="7D", name="week_start")
    frame = frame.set_index("week_start").reindex(grid).reset_index()
    for column in ("n_statements", "n_documents", "n_a_to_b", "n_b_to_a"):
        if column in frame:
            frame[column] = frame[column].fillna(0).astype(int)
    # An empty week has no value, whatever the input says: it must show as a gap, never as 0.
    empty = frame["n_statements"] == 0
    for column in VALUE_COLUMNS:
        if column in frame:
            frame[column] = pd.to_numeric(frame[column], errors="coerce").astype(float).mask(empty)
    if "trend" in frame:
        frame["trend"] = pd.to_numeric(frame["trend"], errors="coerce").astype(float)
    frame["flagged"] = (frame["flagged"].fillna(False).astype(bool) & ~empty) if "flagged" in frame else False
    # Intensity has a value in a week read without statements (0), so its flag is not tied to statements.
    frame["intensity_flagged"] = (frame["intensity_flagged"].astype("boolean").fillna(False).astype(bool)
                                  if "intensity_flagged" in frame else False)
    for column in ("thin", "partial", "low_coverage", "feed_gap"):
        frame[column] = frame[column].astype("boolean").fillna(False).astype(bool) if column in frame else False
    return frame


def _direction(frame: pd.DataFrame, column: str, fallback: str) -> str:
    labels = frame[column].dropna() if column in frame else pd.Series(dtype=object)
    return str(labels.iloc[0]) if len(labels) else fallback


def _set_date_axis(ax: Axes, starts: pd.Series) -> None:
    """Date ticks that work for one week as well as for two years of weeks."""
    first, last = starts.min(), starts.max()
    # Pad a short series to about five weeks so a single week is a point in a readable frame, not a sliver.
    pad = max(HALF_WEEK * 1.5, (pd.Timedelta(weeks=5) - (last - first)) / 2)
    ax.set_xlim(first - pad, last + pad)
    if last - first <= pd.Timedelta(weeks=12):
        ax.xaxis.set_major_locator(mdates.WeekdayLocator(byweekday=mdates.MO))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%d %b\n%Y"))
    else:
        locator = mdates.AutoDateLocator(minticks=5, maxticks=12)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_xlabel(X_LABEL, fontsize=FONT_SIZE)


def _scale_axes(ax: Axes, label: str) -> None:
    ax.axhline(0, color="0.3", linewidth=0.8, zorder=1)
    # A little headroom so markers at exactly ±1 are not cut in half.
    ax.set_ylim(-1.08, 1.08)
    ax.set_yticks([-1, -0.5, 0, 0.5, 1])
    ax.set_ylabel(label, fontsize=FONT_SIZE)
    ax.grid(axis="y", color="0.88", linewidth=0.6)
    ax.tick_params(labelsize=FONT_SIZE)


def _highlight(ax: Axes, week: date, label: str | None) -> None:
    monday = pd.Timestamp(week)
    # Pale yellow with dashed edges: still a distinct band in grey print, unlike the grey interval.
    ax.axvspan(monday - HALF_WEEK, monday + HALF_WEEK, facecolor="#f6ebc4", edgecolor="0.45", linestyle="--",
               linewidth=0.7, zorder=0, label=label)


def _legend_above(ax: Axes, columns: int = 5) -> None:
    # Outside the axes: a legend inside would sit on the weeks near +1, where the news is. At most 5 entries a row:
    # six in one row ran past the figure's right edge ("flagged week" cut to "flagged (", session 26).
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), fontsize=FONT_SIZE, ncol=columns, frameon=False,
              borderaxespad=0.2)


def _draw_index(ax: Axes, frame: pd.DataFrame) -> None:
    x = frame["week_start"]
    has_interval = frame["ci_low"].notna() & frame["ci_high"].notna()
    if has_interval.any():
        ax.fill_between(x, frame["ci_low"], frame["ci_high"], where=has_interval, color="0.84", linewidth=0,
                        zorder=2, label=INTERVAL_LABEL)
        # A week whose neighbours have no interval gets a whisker: the band alone would have no width there.
        isolated = has_interval & ~has_interval.shift(1, fill_value=False) & ~has_interval.shift(-1, fill_value=False)
        ax.vlines(x[isolated], frame["ci_low"][isolated], frame["ci_high"][isolated], color="0.75", linewidth=4,
                  zorder=2)
    if "trend" in frame and frame["trend"].notna().any():
        ax.plot(x, frame["trend"], color="0.55", linewidth=3, solid_capstyle="round", zorder=3, label=TREND_LABEL)
    # Big markers carry a few weeks; across years they would hide the lines.
    size = 5 if len(frame) <= 26 else 2.5
    ax.plot(x, frame["index_value"], color="black", linewidth=1.3, marker="o", markersize=size, zorder=4,
            label=INDEX_LABEL)
    thin = frame[frame["thin"] & frame["index_value"].notna()]
    if not thin.empty:
        # A value with too few state voices behind it: a hollow marker, so it does not read as a firm reading.
        ax.plot(thin["week_start"], thin["index_value"], linestyle="none", marker="o", markersize=size + 2.5,
                color="black", markerfacecolor="white", markeredgewidth=1.0, zorder=5, label=THIN_LABEL)


def _draw_flags(ax: Axes, frame: pd.DataFrame, numbers: dict[pd.Timestamp, int]) -> None:
    flagged = frame[frame["flagged"]]
    if flagged.empty:
        return
    above = flagged["departure_z"].fillna(0) >= 0
    for part, marker in ((flagged[above], "^"), (flagged[~above], "v")):
        ax.plot(part["week_start"], part["index_value"], linestyle="none", marker=marker, markersize=9, color="black",
                markerfacecolor="white", markeredgecolor="black", markeredgewidth=1.2, zorder=5)
    ax.plot([], [], linestyle="none", marker="^", markersize=8, color="black", markerfacecolor="white",
            markeredgecolor="black", label=FLAG_LABEL)
    for row in flagged.itertuples(index=False):
        number = numbers.get(pd.Timestamp(row.week_start))
        if number is not None:
            up = (row.departure_z or 0) >= 0
            ax.annotate(str(number), (row.week_start, row.index_value), xytext=(0, 9 if up else -11),
                        textcoords="offset points", ha="center", va="bottom" if up else "top", fontsize=FONT_SIZE,
                        fontweight="bold", zorder=6)


def _draw_halves(ax: Axes, frame: pd.DataFrame) -> None:
    x = frame["week_start"]
    size = 4 if len(frame) <= 26 else 2.5
    for (column, direction_column, fallback), (style, marker, color) in zip(
        (("hostility_a_to_b", "direction_a_to_b", "A→B"), ("hostility_b_to_a", "direction_b_to_a", "B→A")),
        HALF_STYLES,
    ):
        ax.plot(x, frame[column], linestyle=style, color=color, linewidth=1.1, marker=marker, markersize=size,
                markerfacecolor="white" if marker == "s" else color, zorder=3,
                label=_direction(frame, direction_column, fallback))
    _scale_axes(ax, HALVES_LABEL)
    _legend_above(ax)


def _draw_volume(ax: Axes, frame: pd.DataFrame, numbers: dict[pd.Timestamp, int] | None = None) -> None:
    """Intensity per week when the rows have it (statements per week otherwise), and the weeks nothing was read;
    the unusually high weeks that have a note carry its number above their ▲."""
    column, label = ("intensity", INTENSITY_LABEL) if "intensity" in frame else ("n_statements", VOLUME_LABEL)
    values = pd.to_numeric(frame[column], errors="coerce").astype(float)
    flagged = frame["intensity_flagged"] if column == "intensity" else pd.Series(False, index=frame.index)
    # Unusually high weeks are black bars with a marker above them; the others mid-grey.
    ax.bar(frame["week_start"], values.fillna(0), width=5, color=["black" if f else "0.55" for f in flagged],
           align="center")
    # Headroom for the legend; more when a ▲ and its number stand above the highest bar.
    top = max(1.0, float(values.max()) if values.notna().any() else 1.0) * (1.6 if flagged.any() else 1.25)
    if column == "intensity" and "intensity_baseline" in frame:
        baseline = pd.to_numeric(frame["intensity_baseline"], errors="coerce").astype(float)
        if baseline.notna().any():
            ax.step(frame["week_start"], baseline, where="mid", color="black", linestyle=(0, (2, 1.5)),
                    linewidth=1.1, zorder=4, label=INTENSITY_BASELINE_LABEL)
    if flagged.any():
        ax.plot(frame.loc[flagged, "week_start"], values[flagged] + 0.06 * top, linestyle="none", marker="^",
                markersize=6, color="black", zorder=5, label=INTENSITY_FLAG_LABEL)
        raised = False
        previous = None
        for monday, number in sorted((numbers or {}).items()):
            at = frame.index[frame["week_start"] == monday]
            if not len(at):
                continue
            # Numbers of two adjacent weeks would touch: every other one a line higher.
            raised = not raised if previous is not None and monday - previous <= pd.Timedelta(days=7) else False
            previous = monday
            ax.annotate(str(number), (monday, values[at[0]] + 0.06 * top), xytext=(0, 16 if raised else 5),
                        textcoords="offset points", ha="center", va="bottom", fontsize=FONT_SIZE,
                        fontweight="bold", zorder=6)
    gaps = frame[frame["feed_gap"]]
    for number, monday in enumerate(gaps["week_start"]):
        # A week with no document read is a gap, not a quiet week: hatched across the panel.
        ax.axvspan(monday - HALF_WEEK, monday + HALF_WEEK, facecolor="none", edgecolor="0.6", hatch="///",
                   linewidth=0, label=GAP_LABEL if number == 0 else None)
    for number, monday in enumerate(frame.loc[frame["low_coverage"], "week_start"]):
        # Read, but so little that a low bar is no sign of calm: sparsely dotted, lighter than a gap.
        ax.axvspan(monday - HALF_WEEK, monday + HALF_WEEK, facecolor="none", edgecolor="0.7", hatch="..",
                   linewidth=0, label=LOW_COVERAGE_LABEL if number == 0 else None)
    ax.set_ylabel(label, fontsize=FONT_SIZE)
    ax.set_ylim(0, top)
    if ax.get_legend_handles_labels()[1]:
        # Above the panel, not inside it: inside, it covered early weeks' ▲ numbers and hatched gaps.
        ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), fontsize=FONT_SIZE - 1, frameon=False, ncol=4,
                  borderaxespad=0.2)
    if column == "n_statements":
        ax.yaxis.get_major_locator().set_params(integer=True)
    ax.grid(axis="y", color="0.88", linewidth=0.6)
    ax.tick_params(labelsize=FONT_SIZE)


def weekly_figure(weeks: pd.DataFrame, pair_name: str, highlight_week: date | None = None,
                  notes: pd.DataFrame | None = None, surges: pd.DataFrame | None = None,
                  notes_below: bool = True) -> Figure:
    """One pair: index with 95% band, trend and flagged weeks; the directed halves; intensity (statements per week
    without it); numbered notes on the flagged weeks (`notes`, data.flag_notes) and the weeks of unusually high
    intensity (`surges`, data.surge_notes). With notes_below=False the numbers stay on the panels and the notes'
    text is left out of the figure (the PDF sets it as text under the chart: weekly_notes_text): in the figure,
    twenty note lines made it so tall that a page showed it at 40% of its width, its notes in 5-point type."""
    with report_fonts():
        return _weekly_figure(weeks, pair_name, highlight_week, notes, surges, notes_below)


def weekly_notes_text(weeks: pd.DataFrame, notes: pd.DataFrame | None = None,
                      surges: pd.DataFrame | None = None) -> str:
    """The numbered notes weekly_figure draws under its panels, as text (one line per line; '' when none)."""
    frame = complete_weeks(weeks)
    return _numbered_notes(frame, notes, surges)[2] if not frame.empty else ""


def _numbered_notes(frame: pd.DataFrame, notes: pd.DataFrame | None, surges: pd.DataFrame | None
                    ) -> tuple[dict, dict, str]:
    """The numbers of the flagged weeks (tone, intensity) and the notes' text, for the panels and under them."""
    numbers, surge_numbers = numbered_weeks(frame, notes, surges)
    return numbers, surge_numbers, notes_text(frame, numbers, surge_numbers,
                                              note_lines(notes, numbers) if numbers else [],
                                              surge_lines(surges, surge_numbers) if surge_numbers else [])


def _weekly_figure(weeks: pd.DataFrame, pair_name: str, highlight_week: date | None,
                   notes: pd.DataFrame | None, surges: pd.DataFrame | None = None,
                   notes_below: bool = True) -> Figure:
    frame = complete_weeks(weeks)
    if frame.empty:
        raise ValueError(f"no weekly rows for {pair_name}")
    numbers, surge_numbers, note_text = _numbered_notes(frame, notes, surges)
    lines = note_text.splitlines() if notes_below else []
    note_height = 0.2 * len(lines) if lines else 0
    fig = Figure(figsize=(11, 6.2 + note_height), layout="constrained")
    ratios = [3, 1.5, 1] + ([note_height / 1.0] if lines else [])
    axes = fig.subplots(len(ratios), 1, gridspec_kw={"height_ratios": ratios})
    top, middle, bottom = axes[:3]
    middle.sharex(top)
    bottom.sharex(top)

    if highlight_week is not None:
        for ax, label in ((top, HIGHLIGHT_LABEL), (middle, None), (bottom, None)):
            _highlight(ax, highlight_week, label)
    _draw_index(top, frame)
    _draw_flags(top, frame, numbers)
    _scale_axes(top, Y_LABEL)
    _legend_above(top)
    _draw_halves(middle, frame)
    _draw_volume(bottom, frame, surge_numbers)
    for ax in (top, middle):
        ax.tick_params(labelbottom=False)
    _set_date_axis(bottom, frame["week_start"])
    fig.suptitle(f"{pair_name}: weekly tension index", fontsize=13, x=0.01, ha="left")
    if lines:
        axes[3].axis("off")
        text = axes[3].text(0, 1, note_text, va="top", ha="left", fontsize=FONT_SIZE - 0.5,
                            transform=axes[3].transAxes, linespacing=1.3)
        text.set_in_layout(False)  # lines are cut to the figure's width; they must not squeeze the axes
    return fig


def overview_figure(weekly: pd.DataFrame, highlight_week: date | None = None) -> Figure:
    """All pairs' weekly index on one axes, told apart by line style and marker, flagged weeks marked."""
    with report_fonts():
        return _overview_figure(weekly, highlight_week)


def _overview_figure(weekly: pd.DataFrame, highlight_week: date | None) -> Figure:
    has_intensity = "intensity" in weekly
    fig = Figure(figsize=(11, 4.6 if has_intensity else 4.2), layout="constrained")
    if has_intensity:
        ax, low = fig.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [1.7, 1]})
    else:
        ax, low = fig.subplots(), None
    if highlight_week is not None:
        _highlight(ax, highlight_week, HIGHLIGHT_LABEL)
        if low is not None:
            _highlight(low, highlight_week, None)
    starts = pd.Series(dtype="datetime64[ns]")
    any_flag = any_intensity_flag = False
    top = 1.0
    for number, (pair_name, rows) in enumerate(weekly.groupby("pair_name", sort=False)):
        frame = complete_weeks(rows)
        style, marker, color = PAIR_STYLES[number % len(PAIR_STYLES)]
        size = 5 if len(frame) <= 26 else 3
        ax.plot(frame["week_start"], frame["index_value"], linestyle=style, marker=marker, color=color,
                linewidth=1.4, markersize=size, label=str(pair_name))
        flagged = frame[frame["flagged"]]
        ax.plot(flagged["week_start"], flagged["index_value"], linestyle="none", marker="o", markersize=11,
                color="black", markerfacecolor="none", markeredgecolor="black", markeredgewidth=1.1, zorder=5)
        any_flag = any_flag or not flagged.empty
        if low is not None:
            intensity = pd.to_numeric(frame["intensity"], errors="coerce").astype(float)
            low.plot(frame["week_start"], intensity, linestyle=style, marker=marker, color=color, linewidth=1.2,
                     markersize=size * 0.8, label=str(pair_name))
            high = frame["intensity_flagged"]
            low.plot(frame.loc[high, "week_start"], intensity[high], linestyle="none", marker="o", markersize=10,
                     color="black", markerfacecolor="none", markeredgewidth=1.1, zorder=5)
            any_intensity_flag = any_intensity_flag or bool(high.any())
            top = max(top, float(intensity.max()) if intensity.notna().any() else 0.0)
        starts = pd.concat([starts, frame["week_start"]])
    if any_flag:
        ax.plot([], [], linestyle="none", marker="o", markersize=10, color="black", markerfacecolor="none",
                markeredgecolor="black", label=FLAG_LABEL)
    _scale_axes(ax, Y_LABEL)
    fig.suptitle("Weekly tension index and intensity, all pairs" if low is not None
                 else "Weekly tension index, all pairs", fontsize=13, x=0.01, ha="left")
    _legend_above(ax)
    if low is not None:
        if any_intensity_flag:
            low.plot([], [], linestyle="none", marker="o", markersize=9, color="black", markerfacecolor="none",
                     label=INTENSITY_FLAG_LABEL)
            low.legend(loc="upper left", fontsize=FONT_SIZE - 1, frameon=False)
        low.set_ylim(0, top * 1.15)
        low.set_ylabel(INTENSITY_LABEL, fontsize=FONT_SIZE)
        low.grid(axis="y", color="0.88", linewidth=0.6)
        low.tick_params(labelsize=FONT_SIZE)
        ax.tick_params(labelbottom=False)
    if len(starts):
        _set_date_axis(low if low is not None else ax, starts)
    return fig


def save_figure(fig: Figure, out_dir: Path, stem: str) -> list[Path]:
    """Write `<stem>.png` (200 dpi) and `<stem>.svg` into out_dir and return both paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = [out_dir / f"{stem}.png", out_dir / f"{stem}.svg"]
    fig.savefig(paths[0], dpi=200)
    fig.savefig(paths[1])
    return paths
