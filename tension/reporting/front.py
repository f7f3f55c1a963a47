"""Front page: the title, the summary table of every pair (a week's or a period's) and the overview chart."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

import pandas as pd
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Spacer, Table

from tension.reporting import charts
from tension.reporting.data import ReportData, week_rows
from tension.reporting.layout import page_chart, paragraph, file_stem, wrapped_table
from tension.reporting.scope import Scope
from tension.reporting.text import (
    ARROWS, beyond_noise, change_text, flag_text, index_cell, intensity_text, period_week_cell, reason_text, signed, trend_text,
    week_span,
)


def _week_summary(data: ReportData, scope: Scope, styles: dict[str, ParagraphStyle]) -> Table:
    rows = [["Pair", "Intensity (per 100 docs) against its usual level", "Tone index<br/>(95% interval)",
             "Change vs<br/>last week", "Trend (4 weeks)", "Tone against 12-week baseline",
             "State-voice statements (docs)", "What moved it most"]]
    for pair_id, name in data.pairs.itertuples(index=False):
        pair = data.weekly[data.weekly["pair_id"] == pair_id].set_index("week_start")
        row, before, earlier = week_rows(pair, scope.first)
        intensity = intensity_text(row)
        if pair_id in data.never:
            rows.append([f"<b>{escape(name)}</b>", "not computed: no statement ever", "<b>no statements</b>", "—",
                         "—", "—", "0", f"<b>{escape(data.never[pair_id])}</b>"])
            continue
        if row["n_statements"] == 0:
            rows.append([f"<b>{escape(name)}</b>", intensity, "<b>no statements</b>", "—", "—", "—", "0",
                         "no statements"])
            continue
        rows.append([
            f"<b>{escape(name)}</b>",
            intensity,
            index_cell(row),
            change_text(row, before),
            trend_text(row, earlier),
            flag_text(row),
            f"{int(row['n_statements'])} ({int(row['n_documents'])})",
            reason_text(data.moving[data.moving["pair_id"] == pair_id], row["change"], beyond_noise(row, before),
                        row["index_value"])
            + _surge_driver(data.surges, pair_id, scope),
        ])
    return wrapped_table(rows, [2.5, 3.4, 2.4, 1.9, 2.1, 3.4, 2.4, 8.6], styles)


def _surge_driver(surges: pd.DataFrame, pair_id: str, scope: Scope) -> str:
    """In a week of unusually high intensity, the statement the chart's note names for it (its most hostile), under
    the tone's mover: an analyst saw the front page and the chart note name two different drivers of one week."""
    if surges.empty:
        return ""
    top = surges[(surges["pair_id"] == pair_id) & (surges["week_start"] == pd.Timestamp(scope.first))
                 & (surges["rank"] == 1)]
    if top.empty or pd.isna(top.iloc[0]["statement_id"]):
        return ""
    s = top.iloc[0]
    return (f"<br/><font size=7>▲ intensity, its most hostile statement: {escape(str(s['speaker']))} "
            f"({signed(s['hostility'])}), {escape(str(s['statement_id']))}</font>")


def _period_summary(data: ReportData, scope: Scope, styles: dict[str, ParagraphStyle]) -> Table:
    rows = [["Pair", "Intensity: mean of the weeks read (highest week)", "Weeks with<br/>statements",
             "Tone index over<br/>the period", "Lowest week", "Highest week", "Flagged weeks", "Last week"]]
    for pair_id, name in data.pairs.itertuples(index=False):
        pair = data.window[data.window["pair_id"] == pair_id]
        filled = pair[pair["n_statements"] > 0]
        if pair_id in data.never:
            # not "0.0": intensity 0 reads as read and calm, and nothing could ever be read on this pair
            rows.append([f"<b>{escape(name)}</b>", "not computed: no statement ever", f"0 of {len(pair)}",
                         "no statements", "—", "—",
                         f"<b>{escape(data.never[pair_id])}</b>", "—"])
            continue
        if filled.empty:
            rows.append([f"<b>{escape(name)}</b>", _period_intensity(pair), f"0 of {len(pair)}", "no statements",
                         "—", "—", "—", "—"])
            continue
        low, high, last = filled.loc[filled["index_value"].idxmin()], filled.loc[filled["index_value"].idxmax()], \
            pair.iloc[-1]
        flagged = list(filled.loc[filled["flagged"], "iso_week"])
        surges = list(pair.loc[pair["intensity_flagged"].astype("boolean").fillna(False).astype(bool), "iso_week"]) \
            if "intensity_flagged" in pair else []
        rows.append([
            f"<b>{escape(name)}</b>", _period_intensity(pair), f"{len(filled)} of {len(pair)}" + (
                f"<br/><font size=7>{int(filled['thin'].sum())} thin (under 3 state-voice statements, or from 1 document)</font>"
                if filled["thin"].any() else ""),
            f"<b>{signed(data.period_index.get(pair_id))}</b>",
            period_week_cell(low), period_week_cell(high),
            f"<b>intensity unusually high</b>: {_weeks_list(surges)}<br/>"
            f"<b>tone departs from baseline</b>: {_weeks_list(flagged)}",
            period_week_cell(last, f" {ARROWS[last['trend_direction']]}" if last['trend_direction'] in ARROWS else ""),
        ])
    return wrapped_table(rows, [2.6, 3.2, 2.3, 2.3, 3.0, 3.0, 6.5, 3.8], styles)


def _period_intensity(pair: pd.DataFrame) -> str:
    """Mean weekly intensity over the weeks read, and the highest week."""
    values = pd.to_numeric(pair.get("intensity"), errors="coerce") if "intensity" in pair else pd.Series(dtype=float)
    if values.notna().sum() == 0:
        return "nothing read"
    top = pair.loc[values.idxmax()]
    return f"<b>{values.mean():.1f}</b> ({values.max():.1f} in {top['iso_week']})"


def _weeks_list(weeks: list[str], shown: int = 8) -> str:
    return f"{len(weeks)}: {', '.join(weeks[:shown])}{' …' * (len(weeks) > shown)}" if weeks else "none"


FRONT_NOTE = (
    "Intensity, the headline: how much hostile activity — hostile statements weighted by their hostility, per 100 "
    "documents of typical coverage (0 = read and nothing hostile). Its usual level: the typical intensity of the 12 "
    "weeks before (averaged on a square-root scale, so one busy week does not set it; weeks already marked ▲ left "
    "out); ▲ unusually high: 2.5 SD or more above it (counted in hostile statements, with 2+ documents). "
    "Tone index, scale −1 (cooperative) … +1 (hostile): each document's mean hostility, summed and divided by "
    "(documents + 1), so a thin week is pulled toward 0. Change “beyond noise”: larger than 1.96 standard errors of "
    "the difference. Trend: the last 4 weeks pooled. Baseline: the 12 weeks before; ▲▼ flagged: 2.5 SD or more "
    "from it, with 2+ documents. How to read the index: the last page.")


def version_line(quality: dict[str, object]) -> str:
    """The scorer's version and the extractor's (of the stored documents), so a reader can tell which release made
    the statements as well as their scores (`tension runs` lists both for each run)."""
    return (f"scorer version {quality['scorer_version']} · extractor version "
            f"{quality.get('extractor_versions', 'not recorded')}")


def front_page(data: ReportData, scope: Scope, source: str, generated: datetime, out_dir: Path,
               styles: dict[str, ParagraphStyle], lines: list | None = None) -> list:
    """The first page: title, when and from what it was made, the summary table of every pair, `lines` (the pairs
    with no page of their own), the overview chart."""
    kind = "period" if scope.is_period else "week"
    story = [paragraph(escape(f"Tension index — {kind} {scope.label} ({week_span(scope.first, scope.last)})"),
                       styles["title"]),
             paragraph(f"Generated {generated:%Y-%m-%d %H:%M} UTC from {escape(source)} · "
                       f"{escape(version_line(data.quality))}", styles["note"])]
    if scope.note:
        story.append(paragraph(escape(scope.note), styles["note"]))
    summary = _period_summary if scope.is_period else _week_summary
    story += [Spacer(1, 8), summary(data, scope, styles), Spacer(1, 4), paragraph(FRONT_NOTE, styles["note"]),
              *(lines or [])]
    if data.window["week_start"].nunique() > 1:
        highlight = None if scope.is_period else scope.first
        # Shrinks to the room the front table leaves (down to 6 cm) rather than take a page of its own.
        story += [Spacer(1, 6), page_chart(charts.overview_figure(data.window, highlight), out_dir,
                                           f"all_{file_stem(scope)}", 9.5, min_height_cm=6.0)]
    return story
