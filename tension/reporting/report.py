"""Report: the PDF for one ISO week or a period — how tense, did it change, why, and how to read it.

`build_report` is the stage's one I/O function: it reads the published database read-only (queries live in
tension/reporting/data.py and tension/warehouse/sql/queries/report_*.sql), saves the charts next to the PDF and writes it. The rest turns
rows into pages; the text of the methodology page is tension/data/report_methodology.md.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from pathlib import Path
from xml.sax.saxutils import escape

import matplotlib
import pandas as pd
from matplotlib.figure import Figure
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Image, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from tension.reporting import charts
from tension.reporting.data import ReportData, Scope, parse_iso_week, parse_period, read_report_data
from tension.config import DATA_DIR
from tension.reporting.text import (
    ARROWS, cell_text, change_text, composition_text, coverage_text, cue_summary, display_quote, flag_text,
    index_cell, intensity_level_text, intensity_text, reason_text, shorten, signed, trend_text, week_span,
)

TOP_STATEMENTS = 10
# Quotes are printed whole up to what a table row can hold on one page; a longer one is cut and its id given.
QUOTE_CHARS = 700
MAX_FLAGGED_ROWS = 30
# A year of context: long enough to see a trend, short enough that one week is still a visible band.
CHART_WEEKS = 52
PAGE = landscape(A4)
MARGIN = 1.5 * cm
# DejaVu Sans (matplotlib's) sets the text: it covers →, –, “”, romanised Korean (ŏ, ŭ), Cyrillic and the minus
# sign, which reportlab's Helvetica does not. It has no Hangul (연합뉴스): runs of Hangul and CJK are set in
# NanumGothic (koreanize-matplotlib, SIL OFL), which in turn lacks ŏ, ŭ and −. reportlab has no per-glyph fallback,
# so _para marks those runs.
FONT, FONT_BOLD = "DejaVuSans", "DejaVuSans-Bold"
FONT_HANGUL, FONT_HANGUL_BOLD = "NanumGothic", "NanumGothic-Bold"
HANGUL_RUN = re.compile(r"[\u1100-\u11ff\u3000-\u303f\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
                        r"\uff00-\uffef]+")


def _register_fonts() -> None:
    files, dejavu = charts.font_files(), Path(matplotlib.get_data_path()) / "fonts/ttf"
    for name, path in ((FONT, dejavu / "DejaVuSans.ttf"), (FONT_BOLD, dejavu / "DejaVuSans-Bold.ttf"),
                       (FONT_HANGUL, files["regular"]), (FONT_HANGUL_BOLD, files["bold"])):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)
    pdfmetrics.registerFontFamily(FONT_HANGUL, normal=FONT_HANGUL, bold=FONT_HANGUL_BOLD, italic=FONT_HANGUL,
                                  boldItalic=FONT_HANGUL_BOLD)


def _para(text: str, style: ParagraphStyle) -> Paragraph:
    """A Paragraph whose Hangul and CJK runs are set in NanumGothic (the body font has none)."""
    return Paragraph(HANGUL_RUN.sub(lambda m: f"<font name='{FONT_HANGUL}'>{m.group(0)}</font>", text), style)


def _styles() -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=base["BodyText"], fontName=FONT, fontSize=9.5, leading=13)
    return {
        "title": ParagraphStyle("title", parent=base["Title"], fontName=FONT_BOLD, fontSize=18, leading=22,
                                alignment=0, spaceAfter=4),
        "h1": ParagraphStyle("h1", parent=base["Heading1"], fontName=FONT_BOLD, fontSize=15, leading=19),
        "h2": ParagraphStyle("h2", parent=base["Heading2"], fontName=FONT_BOLD, fontSize=11.5, leading=15),
        "body": body,
        "lead": ParagraphStyle("lead", parent=body, fontSize=10.5, leading=14.5),
        "note": ParagraphStyle("note", parent=body, fontSize=8, leading=10.5, textColor=colors.HexColor("#444444")),
        "cell": ParagraphStyle("cell", parent=body, fontSize=8, leading=10),
        "head": ParagraphStyle("head", parent=body, fontName=FONT_BOLD, fontSize=8, leading=10),
    }


def _table(rows: list[list[str]], widths_cm: list[float], styles: dict[str, ParagraphStyle]) -> Table:
    """A wrapped table: every cell a Paragraph (text already escaped or markup), header row bold."""
    cells = [[_para(text, styles["head" if i == 0 else "cell"]) for text in row] for i, row in enumerate(rows)]
    table = Table(cells, colWidths=[w * cm for w in widths_cm], repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#bbbbbb")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def _week_summary(data: ReportData, scope: Scope, styles: dict[str, ParagraphStyle]) -> Table:
    rows = [["Pair", "Intensity (per 100 docs) against its usual level", "Tone index<br/>(95% interval)",
             "Change vs<br/>last week", "Trend (4 weeks)", "Tone against 12-week baseline",
             "Statements<br/>(docs)", "What moved it most"]]
    for pair_id, name in data.pairs.itertuples(index=False):
        pair = data.weekly[data.weekly["pair_id"] == pair_id].set_index("week_start")
        row = pair.loc[pd.Timestamp(scope.first)]
        before_key = pd.Timestamp(scope.first - timedelta(days=7))
        before = pair.loc[before_key] if before_key in pair.index else None
        intensity = intensity_text(row)
        if row["n_statements"] == 0:
            rows.append([f"<b>{escape(name)}</b>", intensity, "<b>no statements</b>", "—", "—", "—", "0",
                         "no statements"])
            continue
        rows.append([
            f"<b>{escape(name)}</b>",
            intensity,
            index_cell(row),
            change_text(row, before),
            trend_text(row),
            flag_text(row),
            f"{int(row['n_statements'])} ({int(row['n_documents'])})",
            reason_text(data.moving[data.moving["pair_id"] == pair_id], row["change"]),
        ])
    return _table(rows, [2.5, 3.4, 2.4, 1.9, 2.1, 3.4, 2.4, 8.6], styles)


def _period_summary(data: ReportData, scope: Scope, styles: dict[str, ParagraphStyle]) -> Table:
    rows = [["Pair", "Intensity: mean of the weeks read (highest week)", "Weeks with<br/>statements",
             "Tone index over<br/>the period", "Lowest week", "Highest week", "Flagged weeks", "Last week"]]
    for pair_id, name in data.pairs.itertuples(index=False):
        pair = data.window[data.window["pair_id"] == pair_id]
        filled = pair[pair["n_statements"] > 0]
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
                f"<br/><font size=7>{int(filled['thin'].sum())} thin (under 3 state-voice statements)</font>"
                if filled["thin"].any() else ""),
            f"<b>{signed(data.period_index.get(pair_id))}</b>",
            f"{signed(low['index_value'])} ({low['iso_week']})", f"{signed(high['index_value'])} ({high['iso_week']})",
            f"<b>intensity unusually high</b>: {_weeks_list(surges)}<br/>"
            f"<b>tone departs from baseline</b>: {_weeks_list(flagged)}",
            f"{last['iso_week']}: {signed(last['index_value'], 'no statements')} "
            f"{ARROWS.get(last['trend_direction'], '')}",
        ])
    return _table(rows, [2.6, 3.2, 2.3, 2.3, 3.0, 3.0, 6.5, 3.8], styles)


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
    "documents of typical coverage (0 = read and nothing hostile). Its usual level is the typical intensity of the "
    "12 weeks before; ▲ unusually high: 2.5 SD or more above it (counted in hostile statements, with 2+ documents). "
    "Tone index, scale −1 (cooperative) … +1 (hostile): each document's mean hostility, summed and divided by "
    "(documents + 1), so a thin week is pulled toward 0. Change “beyond noise”: larger than 1.96 standard errors of "
    "the difference. Trend: the last 4 weeks pooled. Baseline: the 12 weeks before; ▲▼ flagged: 2.5 SD or more "
    "from it, with 2+ documents. How to read the index: the last page.")
CHART_NOTE = (
    "Top: weekly index (black) with its 95% interval (grey band) and 4-week trend (broad grey line); hollow circles: "
    "thin weeks (fewer than 3 state-voice statements); ▲/▼ flagged weeks, numbered as in the notes under the chart. "
    "Middle: the two directed halves on the same scale. Bottom: intensity, hostile statements weighted by hostility "
    "per 100 documents of typical coverage, with its typical level of the 12 weeks before (dashed); black bars "
    "marked ▲: unusually high weeks; hatched: weeks with no document read (a feed gap, not a calm week); dotted: "
    "weeks read under a quarter of a typical week (too little for a low bar to mean calm). A gap in "
    "the lines is a week without statements, not a zero.")


class FitImage(Image):
    """An image that shrinks (keeping its shape) to the height left on the page less `reserve` (room for what must
    follow it on the page), when that leaves it at least `min_height`: a chart after a tall table, or before a short
    one, stays on their page instead of leaving a page half empty."""

    def __init__(self, path: str, width: float, height: float, min_height: float, reserve: float = 0.0) -> None:
        super().__init__(path, width=width, height=height, hAlign="LEFT")
        self.full_size, self.min_height, self.reserve = (width, height), min_height, reserve

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        width, height = self.full_size
        room = avail_height - self.reserve
        # When even the smallest chart leaves too little room, what follows goes to the next page anyway: full size.
        scale = min(1.0, avail_width / width, (room if room >= self.min_height else avail_height) / height)
        self.drawWidth, self.drawHeight = width * scale, height * scale
        return self.drawWidth, self.drawHeight


def _height(*flowables) -> float:
    """Height the flowables take at the page's full text width, with their spacing (and 2 mm to spare)."""
    return 0.2 * cm + sum(flowable.wrap(PAGE[0] - 2 * MARGIN, PAGE[1])[1] + flowable.getSpaceBefore()
                          + flowable.getSpaceAfter() for flowable in flowables)


def _chart(fig: Figure, out_dir: Path, stem: str, max_height_cm: float, min_height_cm: float | None = None,
           reserve: float = 0.0) -> Image:
    """Save a figure (PNG and SVG) and return it as a page image at most 25 cm wide and max_height_cm high (and,
    given min_height_cm, shrinking to the room left on the page less `reserve`, down to that height)."""
    png, _ = charts.save_figure(fig, out_dir, stem)
    width_in, height_in = fig.get_size_inches()
    width = min(25.0, max_height_cm * width_in / height_in)
    height = width * height_in / width_in
    if min_height_cm is not None:
        return FitImage(str(png), width * cm, height * cm, min_height_cm * cm, reserve)
    return Image(str(png), width=width * cm, height=height * cm, hAlign="LEFT")


def _front_page(data: ReportData, scope: Scope, source: str, generated: datetime, out_dir: Path,
                styles: dict[str, ParagraphStyle]) -> list:
    kind = "period" if scope.is_period else "week"
    story = [_para(escape(f"Tension index — {kind} {scope.label} ({week_span(scope.first, scope.last)})"),
                       styles["title"]),
             _para(f"Generated {generated:%Y-%m-%d %H:%M} UTC from {escape(source)} · scorer version "
                       f"{escape(str(data.quality['scorer_version']))}", styles["note"])]
    if scope.note:
        story.append(_para(escape(scope.note), styles["note"]))
    summary = _period_summary if scope.is_period else _week_summary
    story += [Spacer(1, 8), summary(data, scope, styles), Spacer(1, 4), _para(FRONT_NOTE, styles["note"])]
    if data.window["week_start"].nunique() > 1:
        highlight = None if scope.is_period else scope.first
        # Shrinks to the room the front table leaves (down to 6 cm) rather than take a page of its own.
        story += [Spacer(1, 6), _chart(charts.overview_figure(data.window, highlight), out_dir,
                                       f"all_{_stem(scope)}", 9.5, min_height_cm=6.0)]
    return story


def _pair_sentence(row: pd.Series, before: pd.Series | None) -> str:
    if row["n_statements"] == 0:
        return "No statements this week."
    intensity = ""
    if pd.notna(row.get("intensity")):
        level = intensity_level_text(row) if not row.get("partial") else "part of the week read: not compared"
        intensity = f"Intensity <b>{float(row['intensity']):.1f}</b> ({level}). "
    parts = [f"{intensity}Tone index <b>{signed(row['index_value'])}</b> [{signed(row['ci_low'])}, {signed(row['ci_high'])}]"
             + (f" — thin: only {int(row['n_state_statements'])} state-voice statement"
                f"{'s' * (int(row['n_state_statements']) != 1)}, read it as an anecdote" if row.get("thin") else "")]
    if before is not None and before.get("partial") and pd.notna(before["index_value"]):
        days = int(before["days_covered"])
        parts[0] += (f"; the week before holds only {days} day{'s' * (days != 1)} of data "
                     f"({signed(before['index_value'])}), too little to compare with")
    elif before is not None and pd.notna(before["index_value"]):
        parts[0] += f", {signed(before['index_value'])} the week before"
    direction = ARROWS.get(row["trend_direction"])
    parts.append(f"4-week trend {signed(row['trend'])}, {direction}" if direction else
                 f"4-week trend {signed(row['trend'])} (too early to say whether it is rising or falling: that "
                 f"needs 4 more weeks of data before these)")
    parts.append(flag_text(row).replace("<b>", "").replace("</b>", ""))
    statements, documents = int(row["n_statements"]), int(row["n_documents"])
    parts.append(f"{statements} statement{'s' * (statements != 1)} in {documents} document{'s' * (documents != 1)}: "
                 f"{escape(row['direction_a_to_b'])} {signed(row['hostility_a_to_b'])} ({int(row['n_a_to_b'])}), "
                 f"{escape(row['direction_b_to_a'])} {signed(row['hostility_b_to_a'])} ({int(row['n_b_to_a'])})")
    return "; ".join(parts) + "."


def _statement_table(rows: pd.DataFrame, styles: dict[str, ParagraphStyle]) -> Table:
    table = [["Statement (full quote) and its id", "Speaker (country)", "Direction", "Outlet", "Date", "Score",
              "Share of index", "Cues (contribution) and VADER"]]
    for s in one_row_per_sentence(rows).head(TOP_STATEMENTS).itertuples(index=False):
        actor, mention, role = cell_text(s.speaker_actor, ""), cell_text(s.speaker, ""), cell_text(s.speaker_role, "")
        # The resolved actor first; the words the article used and the role help a reader check the resolution.
        name = actor or mention or "—"
        # A country speaking, or an institution named with its country ("foreign ministry (KOR)"): not twice.
        code = cell_text(s.source_country, "")
        country = f" ({code})" if code and name != code and not name.endswith(f"({code})") else ""
        speaker = escape(name + country)
        if actor and mention and mention != actor:
            speaker += f"<br/><font size=7 color='#555555'>as “{escape(shorten(mention, 40))}”</font>"
        if role and role.lower() not in speaker.lower():
            speaker += f"<br/><font size=7 color='#555555'>{escape(role)}</font>"
        kind = cell_text(getattr(s, "speaker_kind", None), "")
        if kind:
            speaker += f"<br/><font size=7 color='#555555'>{escape(kind.replace('_', ' '))}</font>"
        published = pd.Timestamp(s.published)
        text = display_quote(s.content, QUOTE_CHARS)
        cut = " (cut: the whole statement is in pair_statements)" if text.endswith("…") else ""
        quote = f"“{escape(text)}”"
        sentence = " ".join(cell_text(getattr(s, "source_sentence", None), "").split())
        if sentence and len(sentence) > len(" ".join(str(s.content).split())) + 10:
            # the statement is a clause of a longer sentence: the sentence too, so the clause is read in context
            quote += (f"<br/><font size=7 color='#555555'>in the sentence: "
                      f"“{escape(display_quote(sentence, QUOTE_CHARS))}”</font>")
        quote += f"<br/><font size=7 color='#555555'>{escape(s.statement_id)}{cut}"
        also = getattr(s, "same_sentence", "")
        quote += (f" · same sentence: {escape(also)}" if also else "") + "</font>"
        table.append([
            quote, speaker, escape(s.direction), escape(cell_text(getattr(s, "outlet", None) or s.source)),
            f"{published.day} {published:%b %Y}", f"<b>{signed(s.hostility)}</b>", signed(s.contribution),
            escape(cue_summary(s.explanation)),
        ])
    return _table(table, [8.6, 3.5, 2.0, 2.4, 1.9, 1.4, 1.5, 5.4], styles)


def one_row_per_sentence(rows: pd.DataFrame) -> pd.DataFrame:
    """The statements in their order, one row per source sentence: a sentence read as two statements (Lee's words
    and the DPRK act he reports) shows once, under its largest share, naming the other statements it also gave."""
    if rows.empty or "sentence_index" not in rows:
        return rows
    key = rows["doc_id"].astype(str) + "#" + rows["sentence_index"].astype(str)
    labels = rows.apply(lambda r: f"{r['statement_id']} ({r['direction']}, {signed(r['hostility'])})", axis=1)
    others = {k: list(v) for k, v in labels.groupby(key)}
    first = ~key.duplicated()
    kept = rows[first].copy()
    kept["same_sentence"] = [", ".join(x for x in others[k] if x != label)
                             for k, label in zip(key[first], labels[first])]
    return kept


def _pair_week(data: ReportData, pair_id: str, name: str, scope: Scope, out_dir: Path,
               styles: dict[str, ParagraphStyle]) -> list:
    pair = data.window[data.window["pair_id"] == pair_id].set_index("week_start", drop=False)
    row = pair.loc[pd.Timestamp(scope.first)]
    before_key = pd.Timestamp(scope.first - timedelta(days=7))
    before = pair.loc[before_key] if before_key in pair.index else None
    if pair["n_statements"].sum() == 0:
        # No page for a pair with nothing to show: one line says so.
        return [Spacer(1, 6), _para(f"<b>{escape(name)}</b>: no statements for this pair in the {CHART_WEEKS} weeks "
                                    f"up to {scope.label}; no page.", styles["body"])]
    story = [PageBreak(), _para(escape(f"{name} — week {scope.label}"), styles["h1"]),
             _para(_pair_sentence(row, before), styles["lead"]),
             _para(coverage_text(row), styles["note"]),
             _para(composition_text(data.composition[data.composition["pair_id"] == pair_id]), styles["note"]),
             Spacer(1, 4)]
    figure = charts.weekly_figure(pair.reset_index(drop=True), name, scope.first,
                                  data.notes[data.notes["pair_id"] == pair_id])
    note = _para(CHART_NOTE, styles["note"])
    stem = f"{pair_id}_{_stem(scope)}"
    moving = data.moving[data.moving["pair_id"] == pair_id] if not data.moving.empty else data.moving
    if not moving.empty:  # a statement with no share (a 0.00 score) did not move the index: not listed
        moving = moving[moving["contribution"].abs() >= 0.005]
    if moving.empty:
        end = [Spacer(1, 6), _para(f"<b>No statements for this pair in week {scope.label}.</b>", styles["body"])]
        return story + [_chart(figure, out_dir, stem, 11.5, 7.0, _height(note, *end)), note, *end]
    shown = min(len(one_row_per_sentence(moving)), TOP_STATEMENTS)
    heading = (f"Statements that moved the index in {scope.label}: the {shown} sentence{'s' * (shown != 1)} with the "
               f"largest share of it, of {int(row['n_statements'])} statements")
    title, table = _para(heading, styles["h2"]), _statement_table(moving, styles)
    # A short table (up to 6 cm) shares the chart's page when the chart gives up to 4.5 cm of its height for it,
    # rather than move alone to a page of its own; a longer one starts below the chart with at least 5 cm of it.
    needed = _height(title, table)
    short = needed <= 6 * cm
    reserve = _height(note) + needed if short else 0.0
    return story + [_chart(figure, out_dir, stem, 11.5, 7.0, reserve), note,
                    CondPageBreak(needed if short else 5 * cm), title, table]


def _pair_period(data: ReportData, pair_id: str, name: str, scope: Scope, out_dir: Path,
                 styles: dict[str, ParagraphStyle]) -> list:
    pair = data.window[data.window["pair_id"] == pair_id]
    filled = pair[pair["n_statements"] > 0]
    if filled.empty:
        return [Spacer(1, 6), _para(f"<b>{escape(name)}</b>: no statements for this pair in {scope.label}; no page.",
                                    styles["body"])]
    story = [PageBreak(), _para(escape(f"{name} — {scope.label}"), styles["h1"]),
             _para(composition_text(data.composition[data.composition["pair_id"] == pair_id]), styles["note"])]
    low, high = filled.loc[filled["index_value"].idxmin()], filled.loc[filled["index_value"].idxmax()]
    notes = data.notes[data.notes["pair_id"] == pair_id]
    flags = (f"{len(notes)} flagged week{'s' * (len(notes) != 1)}, listed after the chart" if len(notes)
             else "no week departed from its 12-week baseline by 2.5 SD or more")
    story.append(_para(
        f"Index over the period <b>{signed(data.period_index.get(pair_id))}</b> ({int(filled['n_documents'].sum())} "
        f"documents, {int(filled['n_statements'].sum())} statements in {len(filled)} of {len(pair)} weeks"
        + (f", {int(filled['thin'].sum())} of them thin: fewer than 3 state-voice statements"
           if filled["thin"].any() else "") + "); weekly "
        f"values from {signed(low['index_value'])} ({low['iso_week']}) to {signed(high['index_value'])} "
        f"({high['iso_week']}); {flags}.", styles["lead"]))
    figure, note = charts.weekly_figure(pair, name, None, notes), _para(CHART_NOTE, styles["note"])
    surges = _surge_section(data.surges[data.surges["pair_id"] == pair_id], styles)
    if notes.empty:
        return story + [Spacer(1, 4), _chart(figure, out_dir, f"{pair_id}_{_stem(scope)}", 12.5), note, *surges]
    rows = [["Week", "Index (95% interval)", "Change", "Departure", "Statement that shows it; who spoke that week",
             "Outlet, date", "Score"]]
    merged = notes.merge(pair[["week_start", "ci_low", "ci_high", "change", "baseline"]], on="week_start")
    for n in merged.head(MAX_FLAGGED_ROWS).itertuples(index=False):
        published = pd.Timestamp(n.published) if pd.notna(n.published) else None
        rows.append([
            f"<b>{n.iso_week}</b><br/>{week_span(pd.Timestamp(n.week_start).date())}",
            f"{signed(n.index_value)} [{signed(n.ci_low)}, {signed(n.ci_high)}]", signed(n.change),
            f"{'▲' if n.departure_z > 0 else '▼'} {abs(n.departure_z):.1f} SD from {signed(n.baseline)}",
            f"<b>{escape(cell_text(n.speaker))}</b>: “{escape(display_quote(cell_text(n.quote, ''), QUOTE_CHARS))}”"
            f"<br/><font size=7 color='#555555'>{escape(cell_text(n.statement_id))}</font><br/><font size=7>"
            + composition_text(data.composition[(data.composition["pair_id"] == pair_id)
                                                & (pd.to_datetime(data.composition["week_start"])
                                                   == pd.Timestamp(n.week_start))]) + "</font>",
            f"{escape(cell_text(n.outlet))}<br/>{published:%d %b %Y}" if published is not None else "—",
            signed(n.hostility),
        ])
    title = _para(f"Flagged weeks ({len(merged)})", styles["h2"])
    table = _table(rows, [3.2, 3.4, 1.9, 3.4, 10.3, 2.8, 1.4], styles)
    # As on a week's page: a short table shares the chart's page, the chart giving up some of its height for it.
    needed = _height(title, table)
    short = needed <= 9 * cm
    chart = _chart(figure, out_dir, f"{pair_id}_{_stem(scope)}", 12.5, 7.0, _height(note) + needed if short else 0.0)
    return story + [Spacer(1, 4), chart, note, CondPageBreak(needed if short else 5 * cm), title, table, *surges]


def _surge_section(surges: pd.DataFrame, styles: dict[str, ParagraphStyle]) -> list:
    """The weeks of unusually high intensity, each with its most hostile statement."""
    if surges.empty:
        return []
    rows = [["Week", "Intensity against its usual level", "Hostile statements (documents)",
             "Most hostile statement that week", "Outlet, date", "Score"]]
    for n in surges.head(MAX_FLAGGED_ROWS).itertuples(index=False):
        published = pd.Timestamp(n.published) if pd.notna(n.published) else None
        rows.append([
            f"<b>{n.iso_week}</b><br/>{week_span(pd.Timestamp(n.week_start).date())}",
            f"<b>{n.intensity:.1f}</b>: ▲ {n.intensity_departure_z:.1f} SD above a typical {n.intensity_baseline:.1f}",
            f"{int(n.n_hostile)} ({int(n.n_documents)})",
            f"<b>{escape(cell_text(n.speaker))}</b>: “{escape(display_quote(cell_text(n.quote, ''), QUOTE_CHARS))}”"
            f"<br/><font size=7 color='#555555'>{escape(cell_text(n.statement_id))}</font>",
            f"{escape(cell_text(n.outlet))}<br/>{published:%d %b %Y}" if published is not None else "—",
            signed(n.hostility),
        ])
    return [CondPageBreak(5 * cm), _para(f"Weeks of unusually high intensity ({len(surges)})", styles["h2"]),
            _table(rows, [3.2, 4.0, 2.6, 11.2, 2.8, 1.4], styles)]


def _quality_section(data: ReportData, scope: Scope, styles: dict[str, ParagraphStyle]) -> list:
    q, span = data.quality, scope.label
    share = f" ({q['unresolved_in_range'] / q['statements_in_range']:.0%})" if q["statements_in_range"] else ""
    rows = [["Check", f"In {span}", "All weeks", "What it means"],
            ["Documents read and stored", str(q["documents_in_range"]), str(q["documents"]), "by publication date"],
            ["Documents without any statement", str(q["documents_without_statements_in_range"]),
             str(q["documents_without_statements"]), "read, but no sentence was attributed to an actor"],
            ["Statements extracted", str(q["statements_in_range"]), str(q["statements"]),
             "including those that bear on no configured pair"],
            ["Statements bearing on a pair", str(q["pair_statements_in_range"]), str(q["pair_statements"]),
             "speaker in one country of a pair, the other among its targets"],
            ["… of them state voices", str(q["counted_statements_in_range"]), str(q["counted_statements"]),
             "the ones the index counts: the kinds in index_kinds.tsv, state voices by default"],
            ["Statements without a resolved speaker", f"{q['unresolved_in_range']}{share}", str(q["unresolved"]),
             "the speaker was not resolved to a country: they count for no pair"],
            ["Rejected documents", "—", str(q["rejected"]),
             "quarantined at ingest with a reason (by reason below)" if q["rejected"] else
             "none: every file and record was read (a rejected one has no trusted date, so no week)"]]
    dates = [["Where the publication date came from", "Inferred?", f"In {span}", "All weeks"]] + [
        [escape(str(r.date_source)), "yes: from the text" if r.inferred else "no: metadata", str(r.in_range),
         str(r.total)] for r in q["date_sources"].itertuples(index=False)]
    story = [PageBreak(), _para("Data quality", styles["h1"]), _table(rows, [7.0, 3.2, 3.2, 12.0], styles),
             Spacer(1, 8), _para("Publication dates", styles["h2"]), _table(dates, [12.0, 4.0, 3.2, 3.2], styles),
             Spacer(1, 8), *_outlet_section(data, scope, styles)]
    rejected = q["rejections"]
    if not rejected.empty:
        table = [["Reason", "Documents", "Example"]] + [
            [escape(str(r.reason)), str(r.n), escape(str(r.example))]
            for r in rejected.head(40).itertuples(index=False)]
        story += [Spacer(1, 8), CondPageBreak(3 * cm), _para("Rejected documents by reason", styles["h2"]),
                  _table(table, [15.0, 2.2, 9.2], styles)]
    return story


MAX_OUTLETS = 8


def _outlet_section(data: ReportData, scope: Scope, styles: dict[str, ParagraphStyle]) -> list:
    """Coverage and intensity by outlet: what was read from each, and how much of each pair's intensity it gave."""
    frame = data.outlets
    if frame.empty:
        return []
    pairs = list(data.pairs.itertuples(index=False))
    wide = frame.pivot_table(index="outlet", columns="pair_id", values=["statements", "intensity"], aggfunc="sum")
    read = frame.groupby("outlet")[["documents", "weeks_read", "weeks", "days_read"]].first()
    read = read.join(wide.set_axis([f"{a}|{b}" for a, b in wide.columns], axis=1)).fillna(0)
    intensity_columns = [f"intensity|{pair_id}" for pair_id, _ in pairs if f"intensity|{pair_id}" in read]
    read["total_intensity"] = read[intensity_columns].sum(axis=1) if intensity_columns else 0.0
    silent = sorted(read.index[read["documents"] == 0])
    read = read[read["documents"] > 0].sort_values(["total_intensity", "documents"], ascending=False)
    where = "days of 7" if not scope.is_period else "weeks read"
    head = ["Outlet", "Documents read", f"Read on ({where})"]
    for _, name in pairs:
        head += [f"{escape(name)}: state-voice statements", f"{escape(name)}: its part of the intensity"]
    rows = [head]

    def cells(label: str, part: pd.DataFrame) -> list[str]:
        reach = (f"{int(part['days_read'].sum())}" if not scope.is_period
                 else f"{int(part['weeks_read'].max())} of {int(part['weeks'].max())}")
        out = [label, str(int(part["documents"].sum())), reach]
        for pair_id, _ in pairs:
            statements = part.get(f"statements|{pair_id}", pd.Series(0.0)).sum()
            intensity = part.get(f"intensity|{pair_id}", pd.Series(0.0)).sum()
            out += [str(int(statements)), f"{intensity:.1f}" if statements else "—"]
        return out

    for outlet in read.index[:MAX_OUTLETS]:
        rows.append(cells(escape(str(outlet)), read.loc[[outlet]]))
    rest = read.iloc[MAX_OUTLETS:]
    if not rest.empty:
        rows.append(cells(f"{len(rest)} more outlets", rest))
    intro = ("What was read from each outlet and how much of each pair's intensity came from it (its hostile "
             "state-voice statements per 100 documents of typical coverage"
             + (", averaged over the weeks read" if scope.is_period else "") + "; the parts add up to the pair's "
             + ("mean weekly intensity" if scope.is_period else "intensity") + "). Largest part first.")
    story = [CondPageBreak(4 * cm), _para("Coverage and intensity by outlet", styles["h2"]),
             _para(intro, styles["note"]), Spacer(1, 2),
             _table(rows, [5.0, 2.4, 2.4] + [2.8, 2.8] * len(pairs), styles)]
    if silent:
        story.append(_para(f"Nothing read in {scope.label} from {len(silent)} outlet{'s' * (len(silent) != 1)} seen "
                           f"in other weeks (a gap in those feeds): {escape(', '.join(silent))}.", styles["note"]))
    return story


def _method_section(styles: dict[str, ParagraphStyle]) -> list:
    story: list = [PageBreak()]
    for block in (DATA_DIR / "report_methodology.md").read_text(encoding="utf-8").split("\n\n"):
        block = block.strip()
        if block.startswith("## "):
            story.append(_para(escape(block[3:]), styles["h1"]))
        elif block:
            text = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", escape(block))
            text = re.sub(r"`(.+?)`", r"“\1”", text)  # a command in quotes (the embedded font has no fixed-width face)
            story.append(_para(text, styles["body"]))
    return story


def _stem(scope: Scope) -> str:
    return scope.label.replace("..", "_")


def build_report(db_path: Path, out_dir: Path, week: str | None = None, period: str | None = None) -> Path:
    """Write the PDF for an ISO week (default: the last complete week) or a period 'YYYY-Www..YYYY-Www'."""
    if week is not None and period is None:
        parse_iso_week(week)  # a malformed label fails before the database is opened
    if period is not None:
        parse_period(period)
    data, scope = read_report_data(Path(db_path), week, period, CHART_WEEKS)
    out_dir, generated = Path(out_dir), datetime.now(timezone.utc)
    out_dir.mkdir(parents=True, exist_ok=True)
    _register_fonts()
    styles = _styles()
    story = _front_page(data, scope, Path(db_path).name, generated, out_dir, styles)
    pair_section = _pair_period if scope.is_period else _pair_week
    for pair_id, name in data.pairs.itertuples(index=False):
        story += pair_section(data, pair_id, name, scope, out_dir, styles)
    story += _quality_section(data, scope, styles) + _method_section(styles)

    def footer(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(colors.HexColor("#666666"))
        canvas.drawString(MARGIN, MARGIN / 2, f"Tension index · {scope.label} · generated {generated:%Y-%m-%d}")
        canvas.drawRightString(PAGE[0] - MARGIN, MARGIN / 2, f"page {doc.page}")
        canvas.restoreState()

    pdf = out_dir / f"all_{_stem(scope)}.pdf"
    SimpleDocTemplate(
        str(pdf), pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN,
        title=f"Tension index — {scope.label}", author="tension", subject="Weekly tension index per country pair",
        initialFontName=FONT,  # the canvas starts in DejaVu too, never Helvetica
    ).build(story, onFirstPage=footer, onLaterPages=footer)
    return pdf
