"""Report: the weekly PDF for all pairs — what moved, by how much, which statements moved it, how to read it.

`build_report` is the stage's one I/O function: it reads the published database read-only, saves the charts next to
the PDF and writes `all_<ISO week>.pdf`. Everything else here turns rows into text.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from xml.sax.saxutils import escape

import duckdb
import matplotlib
import pandas as pd
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import CondPageBreak, Image, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from tension import charts, store

WEEK_PATTERN = re.compile(r"(\d{4})-W(\d{2})")
TOP_STATEMENTS = 15
QUOTE_CHARS = 300
MAX_REJECTED = 60
# A year of context: long enough to see a trend, short enough that one week is still a visible band.
CHART_WEEKS = 52
PAGE = landscape(A4)
MARGIN = 1.5 * cm
FONT, FONT_BOLD = "DejaVuSans", "DejaVuSans-Bold"


@dataclass(frozen=True)
class ReportData:
    """Everything the report shows, read from the database in one go."""

    weekly: pd.DataFrame
    pairs: pd.DataFrame
    statements: pd.DataFrame
    rejected: pd.DataFrame
    facts: dict[str, object]


def parse_iso_week(week: str) -> date:
    """The Monday of an ISO week label such as '2024-W05'."""
    match = WEEK_PATTERN.fullmatch(week.strip())
    try:
        if not match:
            raise ValueError
        return date.fromisocalendar(int(match[1]), int(match[2]), 1)
    except ValueError:
        raise ValueError(f"{week} is not an ISO week (expected e.g. 2024-W05)") from None


def iso_week(monday: date) -> str:
    """ISO week label of a date, e.g. '2024-W05'."""
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"


def week_span(monday: date) -> str:
    """Monday to Sunday in words, e.g. '29 Jan – 4 Feb 2024'."""
    sunday = monday + timedelta(days=6)
    start = f"{monday.day} {monday:%b}" + (f" {monday.year}" if monday.year != sunday.year else "")
    return f"{start} – {sunday.day} {sunday:%b %Y}"


def signed(value: float | None, missing: str = "—") -> str:
    """'+0.14' / '−0.07' with a real minus sign; `missing` for NULL."""
    if value is None or pd.isna(value):
        return missing
    return f"{round(float(value), 2) + 0.0:+.2f}".replace("-", "−")


def shorten(text: str, limit: int) -> str:
    """Text cut at a word boundary to at most `limit` characters, ending in '…' when cut."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def cue_summary(explanation: str | None) -> str:
    """The cues that fired with their weights, then VADER's compound, e.g. 'protest +0.35; VADER −0.73'."""
    parts = json.loads(explanation) if explanation else {}
    # Non-breaking spaces keep each weight on the line of its word when the cell wraps.
    cues = [f"{c.get('matched') or c.get('cue')}\u00a0{signed(c.get('weight'))}" + " (negated)" * bool(c.get("negated"))
            for c in parts.get("cues", [])]
    cues.append(f"VADER\u00a0{signed(parts.get('vader_compound'))}")
    if parts.get("modality") not in (None, "asserted"):
        cues.append(f"{parts['modality'].replace('_', ' ')}\u00a0×{parts.get('modality_factor', 1):g}")
    return "; ".join(cues)


def _register_fonts() -> None:
    # DejaVu ships with matplotlib and covers →, –, ü and romanised Korean; reportlab's Helvetica does not.
    for name in (FONT, FONT_BOLD):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(Path(matplotlib.get_data_path()) / f"fonts/ttf/{name}.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)


def _styles() -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=base["BodyText"], fontName=FONT, fontSize=9.5, leading=13)
    return {
        "title": ParagraphStyle("title", parent=base["Title"], fontName=FONT_BOLD, fontSize=18, leading=22,
                                alignment=0, spaceAfter=4),
        "h1": ParagraphStyle("h1", parent=base["Heading1"], fontName=FONT_BOLD, fontSize=15, leading=19),
        "h2": ParagraphStyle("h2", parent=base["Heading2"], fontName=FONT_BOLD, fontSize=11.5, leading=15),
        "body": body,
        "note": ParagraphStyle("note", parent=body, fontSize=8, leading=10.5, textColor=colors.HexColor("#444444")),
        "cell": ParagraphStyle("cell", parent=body, fontSize=8, leading=10),
        "head": ParagraphStyle("head", parent=body, fontName=FONT_BOLD, fontSize=8, leading=10),
    }


def _table(rows: list[list[str]], widths_cm: list[float], styles: dict[str, ParagraphStyle]) -> Table:
    """A wrapped table: every cell a Paragraph (text escaped unless it is already markup), header row bold."""
    cells = [[Paragraph(text, styles["head" if i == 0 else "cell"]) for text in row] for i, row in enumerate(rows)]
    table = Table(cells, colWidths=[w * cm for w in widths_cm], repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#bbbbbb")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def read_report_data(con: duckdb.DuckDBPyConnection, week: str, weekly: pd.DataFrame) -> ReportData:
    """The rows the report for `week` shows, next to the already-read weekly_index (`con` may be read-only)."""
    def one(sql: str, params: list | None = None) -> object:
        return con.execute(sql, params or []).fetchone()[0]

    facts = {
        "documents": one("select count(*) from documents"),
        "documents_in_week": one("select count(*) from documents where strftime(published, '%G-W%V') = ?", [week]),
        "statements_in_week": one("select count(*) from statement_scores where iso_week = ?", [week]),
        "unresolved": one("select count(*) from statements where speaker_country is null"),
        "unresolved_in_week": one(
            """select count(*) from statements join documents using (doc_id)
               where speaker_country is null and strftime(published, '%G-W%V') = ?""", [week]),
        "scorer_version": one("select coalesce(max(value), 'unset') from settings where key = 'scorer_version'"),
    }
    return ReportData(
        weekly=weekly.assign(week_start=pd.to_datetime(weekly["week_start"])),
        pairs=store.query(con, "select pair_id, name from pairs order by rowid"),
        statements=store.query(
            con,
            """select * from pair_statements where iso_week = ?
               order by pair_id, abs(hostility) desc, published, statement_id""", [week]),
        rejected=store.query(con, "select path, item, reason, last_seen from rejected_documents order by path, item"),
        facts=facts,
    )


def _choose_week(weekly: pd.DataFrame, week: str | None) -> tuple[str, bool]:
    """The requested week, validated against the data, or the last week with statements."""
    ordered = weekly.sort_values("week_start")
    if week is None:
        with_data = ordered.loc[ordered["n_statements"] > 0, "iso_week"]
        if with_data.empty:
            raise ValueError("no statements in the database yet: there is no week to report")
        return str(with_data.iloc[-1]), True
    week = iso_week(parse_iso_week(week))
    if week not in set(ordered["iso_week"]):
        span = f"{ordered['iso_week'].iloc[0]} .. {ordered['iso_week'].iloc[-1]}" if len(ordered) else "no week"
        raise ValueError(f"no data for {week}; the data covers {span}")
    return week, False


def _text(value: object, missing: str = "—") -> str:
    """A cell's text: `missing` for NULL or empty."""
    return missing if value is None or (isinstance(value, float) and pd.isna(value)) or value == "" else str(value)


def _reason(rows: pd.DataFrame) -> str:
    """The most hostile statement of a pair-week in one line: speaker and a short quote."""
    if rows.empty:
        return "—"
    top = rows.loc[rows["hostility"].idxmax()]
    speaker = _text(top["speaker_actor"], _text(top["speaker"]))
    return f"<b>{escape(speaker)}</b> ({signed(top['hostility'])}): “{escape(shorten(top['content'], 110))}”"


def _half(row: pd.Series, side: str) -> str:
    count = int(row[f"n_{side}"])
    return f"{escape(row[f'direction_{side}'])} {signed(row[f'hostility_{side}'])} (n={count})"


def _summary_table(data: ReportData, monday: date, styles: dict[str, ParagraphStyle]) -> Table:
    rows = [["Pair", "Index", "95% interval", "Change vs previous week", "Statements", "Documents",
             "Directed halves (mean, n)", "Most hostile statement"]]
    weekly = data.weekly.assign(week_start=data.weekly["week_start"].dt.date)
    for pair_id, name in data.pairs.itertuples(index=False):
        pair = weekly[weekly["pair_id"] == pair_id].set_index("week_start")
        if monday not in pair.index:
            continue
        row, before = pair.loc[monday], pair["index_value"].get(monday - timedelta(days=7))
        has_value = row["n_statements"] > 0
        interval = (f"[{signed(row['ci_low'])}, {signed(row['ci_high'])}]" if pd.notna(row["ci_low"])
                    else "n/a (&lt;2 documents)")
        rows.append([
            f"<b>{escape(name)}</b>", signed(row["index_value"]) if has_value else "no statements", interval,
            signed(row["index_value"] - before) if has_value and pd.notna(before) else "—",
            str(int(row["n_statements"])), str(int(row["n_documents"])),
            f"{_half(row, 'a_to_b')}<br/>{_half(row, 'b_to_a')}",
            _reason(data.statements[data.statements["pair_id"] == pair_id]),
        ])
    return _table(rows, [2.6, 2.4, 2.9, 2.2, 2.3, 2.3, 4.2, 7.8], styles)


def _statement_table(rows: pd.DataFrame, styles: dict[str, ParagraphStyle]) -> Table:
    table = [["Quote", "Speaker", "Direction", "Outlet", "Date", "Score", "Cues (weight) and VADER"]]
    for s in rows.head(TOP_STATEMENTS).itertuples(index=False):
        actor, mention, role = _text(s.speaker_actor, ""), _text(s.speaker, ""), _text(s.speaker_role, "")
        # The resolved actor first; the words the article used and the role help a reader check the resolution.
        speaker = escape(actor or mention or "—")
        if actor and mention and mention != actor:
            speaker += f"<br/><font size=7 color='#555555'>as “{escape(shorten(mention, 40))}”</font>"
        if role and role.lower() not in speaker.lower():
            speaker += f"<br/><font size=7 color='#555555'>{escape(role)}</font>"
        published = pd.Timestamp(s.published)
        table.append([
            escape(shorten(s.content, QUOTE_CHARS)), speaker, escape(s.direction), escape(_text(s.source)),
            f"{published.day} {published:%b %Y}", f"<b>{signed(s.hostility)}</b>", escape(cue_summary(s.explanation)),
        ])
    return _table(table, [9.6, 3.6, 1.9, 2.7, 2.1, 1.4, 5.4], styles)


def _pair_section(data: ReportData, pair_id: str, name: str, week: str, chart: Path,
                  styles: dict[str, ParagraphStyle]) -> list:
    rows = data.statements[data.statements["pair_id"] == pair_id]
    story = [PageBreak(), Paragraph(escape(name), styles["h1"])]
    # 21 cm wide leaves room under the chart for the first statements on the same page.
    story.append(Image(str(chart), width=21 * cm, height=21 * cm * 0.5, hAlign="LEFT"))
    story.append(Paragraph(
        "Black line: weekly index; grey band: 95% interval (weeks with 2+ documents); dashed lines: the two "
        "directed halves; yellow band: this report's week; bottom panel: statements per week. A gap in a line "
        "is a week without statements, not a zero.", styles["note"]))
    if rows.empty:
        story.append(Paragraph(f"<b>No statements for this pair in week {week}.</b>", styles["body"]))
        return story
    heading = (f"Statements that moved the index in {week}: top {min(len(rows), TOP_STATEMENTS)} of {len(rows)}, "
               "by size of score")
    # A new page only when not even the heading and two rows fit; the table itself splits with its header.
    return story + [CondPageBreak(4.5 * cm), Paragraph(heading, styles["h2"]), _statement_table(rows, styles)]


def _quality_section(data: ReportData, week: str, styles: dict[str, ParagraphStyle]) -> list:
    facts, rejected = data.facts, data.rejected
    story = [PageBreak(), Paragraph("Data quality", styles["h1"]), _table([
        ["Check", "Count", "What it means"],
        ["Documents stored", str(facts["documents"]), "all weeks"],
        [f"Documents published in {week}", str(facts["documents_in_week"]), ""],
        [f"Statements extracted in {week}", str(facts["statements_in_week"]),
         "all statements of the week, including those that bear on no configured pair"],
        ["Statements without a resolved speaker country", f"{facts['unresolved']} ({facts['unresolved_in_week']} "
         f"in {week})", "count for no pair: the speaker was not resolved to a country"],
        ["Rejected documents", str(len(rejected)), "quarantined at ingest with a reason"
         + "; listed below" * (len(rejected) > 0)],
        ["Scorer version", escape(str(facts["scorer_version"])), "the version the views read"],
    ], [8.0, 3.5, 15.0], styles)]
    if not rejected.empty:
        rows = [[escape(str(r.path)), escape(_text(r.item)), escape(str(r.reason)), f"{r.last_seen:%Y-%m-%d %H:%M}"]
                for r in rejected.head(MAX_REJECTED).itertuples(index=False)]
        story += [Spacer(1, 8), CondPageBreak(3 * cm), Paragraph("Rejected documents", styles["h2"]),
                  _table([["Path", "Item", "Reason", "Last seen"], *rows], [9.0, 1.6, 12.6, 3.3], styles)]
        if len(rejected) > MAX_REJECTED:
            story.append(Paragraph(f"… and {len(rejected) - MAX_REJECTED} more: query rejected_documents.",
                                   styles["note"]))
    return story


def _method_section(styles: dict[str, ParagraphStyle]) -> list:
    points = [
        "<b>Scale.</b> Every statement scores from −1 (warm cooperation: a treaty, aid, a summit) through 0 "
        "(neutral) to +1 (a threat of war). The weekly index uses the same scale.",
        "<b>Statements.</b> A statement is a sentence (or one quotation) in which an actor — a person, an office "
        "or a state — says or does something about the other country of the pair. Its direction is speaker → "
        "target (RUS→KOR is Russia speaking or acting about the ROK); both directed halves are shown separately.",
        "<b>Score of a statement.</b> Domain cues (summons, protests, threats, talks, aid; weights on the CAMEO "
        "scale) combined with VADER's sentiment (negative wording raises the score), bounded to [−1, +1], then "
        "scaled by modality: a reported, hypothetical or denied act counts less than an asserted one. The cues "
        "column of each statement table shows what fired.",
        "<b>Index.</b> Statements from one document are not independent, so the document is the unit: index = sum "
        "of per-document mean hostility / (documents + 1). The +1 is one neutral pseudo-document that shrinks a "
        "thin week toward 0, so one stray statement cannot swing a quiet week to an extreme.",
        "<b>Interval.</b> A normal 95% interval over the document means (shown only with 2 or more documents). "
        "A week without statements has no value — a gap in the chart, never a zero.",
        "The full method, its caveats and the cue weights with their sources are in METHODOLOGY.md.",
    ]
    return [Spacer(1, 14), Paragraph("How to read this index", styles["h1"])] + [
        Paragraph(point, styles["body"]) for point in points
    ]


def _front_page(data: ReportData, week: str, defaulted: bool, source: str, generated: datetime,
                styles: dict[str, ParagraphStyle]) -> list:
    monday = parse_iso_week(week)
    story = [Paragraph(escape(f"Tension index — week {week} ({week_span(monday)})"), styles["title"]), Paragraph(
        f"Generated {generated:%Y-%m-%d %H:%M} UTC from {escape(source)} · scorer version "
        f"{escape(str(data.facts['scorer_version']))}", styles["note"])]
    if defaulted:
        story.append(Paragraph(f"No week was requested: this is the latest week with statements ({week}).",
                               styles["note"]))
    return story + [Spacer(1, 10), _summary_table(data, monday, styles), Spacer(1, 4), Paragraph(
        "Index on the scale −1 (cooperative) … +1 (hostile), shrunk toward 0 by one neutral pseudo-document; "
        "change is this week's index minus last week's. See “How to read this index” on the last page.",
        styles["note"])]


def build_report(db_path: Path, out_dir: Path, week: str | None = None) -> Path:
    """Write `out_dir/all_<week>.pdf` with per-pair charts beside it; default week: the last with statements."""
    if week is not None:
        parse_iso_week(week)  # a malformed label fails before the database is opened
    with store.connect(db_path, read_only=True) as con:
        weekly = store.query(con, "select * from weekly_index order by pair_id, week_start")
        week, defaulted = _choose_week(weekly, week)
        data = read_report_data(con, week, weekly)
    monday, out_dir, generated = parse_iso_week(week), Path(out_dir), datetime.now(timezone.utc)
    out_dir.mkdir(parents=True, exist_ok=True)
    _register_fonts()
    styles = _styles()
    # Charts end at the report week: a report for an old week shows what was known up to it.
    window = data.weekly[data.weekly["week_start"].between(
        pd.Timestamp(monday - timedelta(weeks=CHART_WEEKS - 1)), pd.Timestamp(monday))]
    story = _front_page(data, week, defaulted, Path(db_path).name, generated, styles)
    if window["week_start"].nunique() > 1:
        png, _ = charts.save_figure(charts.overview_figure(window, highlight_week=monday), out_dir, f"all_{week}")
        story += [Spacer(1, 10), Image(str(png), width=21 * cm, height=21 * cm * 0.4, hAlign="LEFT")]
    for pair_id, name in data.pairs.itertuples(index=False):
        rows = window[window["pair_id"] == pair_id]
        if not rows.empty:
            png, _ = charts.save_figure(charts.weekly_figure(rows, name, monday), out_dir, f"{pair_id}_{week}")
            story += _pair_section(data, pair_id, name, week, png, styles)
    story += _quality_section(data, week, styles) + _method_section(styles)

    def footer(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(colors.HexColor("#666666"))
        canvas.drawString(MARGIN, MARGIN / 2, f"Tension index · {week} · generated {generated:%Y-%m-%d}")
        canvas.drawRightString(PAGE[0] - MARGIN, MARGIN / 2, f"page {doc.page}")
        canvas.restoreState()

    pdf = out_dir / f"all_{week}.pdf"
    SimpleDocTemplate(
        str(pdf), pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN,
        title=f"Tension index — week {week}", author="tension", subject="Weekly tension index per country pair",
        initialFontName=FONT,  # the canvas starts in DejaVu too, never Helvetica
    ).build(story, onFirstPage=footer, onLaterPages=footer)
    return pdf
