"""Charts: matplotlib figures of the weekly index, readable in grey print.

Figures are built as `matplotlib.figure.Figure` objects (never pyplot), so nothing touches a GUI backend or
global figure state; `save_figure` is the one function that writes files.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

Y_LABEL = "hostility index (−1 cooperative … +1 hostile)"
INDEX_LABEL = "weekly index"
INTERVAL_LABEL = "95% interval"
HIGHLIGHT_LABEL = "report week"
# Half a week either side of a Monday: a week's band, bar and highlight span its own week only.
HALF_WEEK = pd.Timedelta(days=3.5)
# Grey-print styles: the index is solid black, the directed halves are dashed in two different patterns,
# the pairs of the overview differ by line style and marker, not by colour alone.
HALF_STYLES = ((0, (5, 2)), (0, (1.5, 1.5)))
PAIR_STYLES = (("-", "o", "black"), ((0, (5, 2)), "s", "0.35"), ((0, (1.5, 1.5)), "^", "0.2"), ("-.", "D", "0.5"))


def complete_weeks(weeks: pd.DataFrame) -> pd.DataFrame:
    """One pair's weekly rows on a gap-free Monday grid; weeks absent from the input become empty rows (n = 0)."""
    frame = weeks.copy()
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
    for column in ("index_value", "ci_low", "ci_high", "hostility_a_to_b", "hostility_b_to_a"):
        if column in frame:
            frame[column] = pd.to_numeric(frame[column], errors="coerce").astype(float).mask(empty)
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
        locator = mdates.AutoDateLocator(minticks=4, maxticks=9)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def _index_axes(ax: Axes) -> None:
    ax.axhline(0, color="0.3", linewidth=0.8, zorder=1)
    # A little headroom so markers at exactly ±1 are not cut in half.
    ax.set_ylim(-1.05, 1.05)
    ax.set_yticks([-1, -0.5, 0, 0.5, 1])
    ax.set_ylabel(Y_LABEL, fontsize=9)
    ax.grid(axis="y", color="0.88", linewidth=0.6)


def _highlight(ax: Axes, week: date, label: str | None) -> None:
    monday = pd.Timestamp(week)
    # Pale yellow with dashed edges: still a distinct band in grey print, unlike the grey interval.
    ax.axvspan(monday - HALF_WEEK, monday + HALF_WEEK, facecolor="#f6ebc4", edgecolor="0.45", linestyle="--",
               linewidth=0.7, zorder=0, label=label)


def _legend_above(ax: Axes) -> None:
    # Outside the axes: a legend inside would sit on the weeks near +1, where the news is.
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), fontsize=9, ncol=6, frameon=False, borderaxespad=0.2)


def weekly_figure(weeks: pd.DataFrame, pair_name: str, highlight_week: date | None = None) -> Figure:
    """One pair's index with its 95% interval and directed halves (top) and statements per week (bottom)."""
    frame = complete_weeks(weeks)
    if frame.empty:
        raise ValueError(f"no weekly rows for {pair_name}")
    x = frame["week_start"]
    fig = Figure(figsize=(10, 5), layout="constrained")
    top, bottom = fig.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [2.6, 1]})

    if highlight_week is not None:
        _highlight(top, highlight_week, HIGHLIGHT_LABEL)
        _highlight(bottom, highlight_week, None)

    has_interval = frame["ci_low"].notna() & frame["ci_high"].notna()
    if has_interval.any():
        top.fill_between(x, frame["ci_low"], frame["ci_high"], where=has_interval, color="0.82",
                         linewidth=0, zorder=2, label=INTERVAL_LABEL)
        # A week whose neighbours have no interval gets a whisker: the band alone would have no width there.
        isolated = has_interval & ~has_interval.shift(1, fill_value=False) & ~has_interval.shift(-1, fill_value=False)
        top.vlines(x[isolated], frame["ci_low"][isolated], frame["ci_high"][isolated], color="0.7", linewidth=4,
                   zorder=2)

    # Big markers carry a few weeks; across years they would hide the lines.
    size = 5 if len(frame) <= 26 else 3
    for (column, direction_column, fallback), style in zip(
        (("hostility_a_to_b", "direction_a_to_b", "A→B"), ("hostility_b_to_a", "direction_b_to_a", "B→A")),
        HALF_STYLES,
    ):
        top.plot(x, frame[column], linestyle=style, color="0.35", linewidth=1.2, marker="o", markersize=size * 0.7,
                 markerfacecolor="white", zorder=3, label=_direction(frame, direction_column, fallback))
    top.plot(x, frame["index_value"], color="black", linewidth=2, marker="o", markersize=size, zorder=4,
             label=INDEX_LABEL)
    _index_axes(top)
    fig.suptitle(f"{pair_name}: weekly tension index", fontsize=12, x=0.01, ha="left")
    _legend_above(top)

    bottom.bar(x, frame["n_statements"], width=5, color="0.45", align="center")
    bottom.set_ylabel("statements / week", fontsize=8)
    bottom.set_ylim(0, max(1, int(frame["n_statements"].max())) * 1.15)
    bottom.yaxis.get_major_locator().set_params(integer=True)
    bottom.grid(axis="y", color="0.88", linewidth=0.6)
    _set_date_axis(bottom, x)
    return fig


def overview_figure(weekly: pd.DataFrame, highlight_week: date | None = None) -> Figure:
    """All pairs' weekly index lines on one axes, told apart by line style and marker."""
    fig = Figure(figsize=(10, 4), layout="constrained")
    ax = fig.subplots()
    if highlight_week is not None:
        _highlight(ax, highlight_week, HIGHLIGHT_LABEL)
    starts = pd.Series(dtype="datetime64[ns]")
    for number, (pair_name, rows) in enumerate(weekly.groupby("pair_name", sort=False)):
        frame = complete_weeks(rows)
        style, marker, color = PAIR_STYLES[number % len(PAIR_STYLES)]
        ax.plot(frame["week_start"], frame["index_value"], linestyle=style, marker=marker, color=color,
                linewidth=1.6, markersize=5, label=str(pair_name))
        starts = pd.concat([starts, frame["week_start"]])
    _index_axes(ax)
    fig.suptitle("Weekly tension index, all pairs", fontsize=12, x=0.01, ha="left")
    _legend_above(ax)
    if len(starts):
        _set_date_axis(ax, starts)
    return fig


def save_figure(fig: Figure, out_dir: Path, stem: str) -> list[Path]:
    """Write `<stem>.png` (150 dpi) and `<stem>.svg` into out_dir and return both paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = [out_dir / f"{stem}.png", out_dir / f"{stem}.svg"]
    fig.savefig(paths[0], dpi=150)
    fig.savefig(paths[1])
    return paths

