"""Report: the PDF for one ISO week or a period — how tense, did it change, why, and how to read it.

`build_report` is the stage's one I/O function: it reads the published database read-only (queries live in
tension/reporting/data.py and tension/warehouse/sql/queries/report_*.sql), saves the charts next to the PDF and writes it. The rest turns
rows into pages; the text of the methodology page is tension/data/report_methodology.md.

The pages: front.py (title, summary table, overview chart), pairs.py (a page per pair), back.py (data quality,
outlets, methodology); layout.py holds the fonts, styles, tables and chart placement they share.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import PageBreak, SimpleDocTemplate

from tension.reporting.back import method_section, quality_section
from tension.reporting.data import read_report_data
from tension.reporting.front import front_page
from tension.reporting.layout import CHART_WEEKS, FONT, MARGIN, PAGE, register_fonts, report_styles
from tension.reporting.pairs import one_row_per_sentence, pair_period, pair_week  # noqa: F401 - one_row_per_sentence: callers
from tension.reporting.scope import parse_iso_week, parse_period, report_file
# The text helpers the report's tests call through this module.
from tension.reporting.text import cue_summary, display_quote, shorten, signed, week_span  # noqa: F401


def build_report(db_path: Path, out_dir: Path, week: str | None = None, period: str | None = None) -> Path:
    """Write the PDF for an ISO week (default: the last complete week) or a period 'YYYY-Www..YYYY-Www'."""
    if week is not None and period is None:
        parse_iso_week(week)  # a malformed label fails before the database is opened
    if period is not None:
        parse_period(period)
    data, scope = read_report_data(Path(db_path), week, period, CHART_WEEKS)
    out_dir, generated = Path(out_dir), datetime.now(timezone.utc)
    out_dir.mkdir(parents=True, exist_ok=True)
    register_fonts()
    styles = report_styles()
    pair_section = pair_period if scope.is_period else pair_week
    pages, no_page = [], []
    for pair_id, name in data.pairs.itertuples(index=False):
        flows = pair_section(data, pair_id, name, scope, out_dir, styles)
        # A pair with nothing to show is one line with no page break: it goes under the front page's table, where
        # the overview chart makes room for it, rather than spill alone onto a page of its own.
        (pages if any(isinstance(f, PageBreak) for f in flows) else no_page).extend(flows)
    story = front_page(data, scope, Path(db_path).name, generated, out_dir, styles, no_page) + pages
    story += quality_section(data, scope, styles) + method_section(styles)

    def footer(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 7.5)
        canvas.setFillColor(colors.HexColor("#666666"))
        canvas.drawString(MARGIN, MARGIN / 2, f"Tension index · {scope.label} · generated {generated:%Y-%m-%d}")
        canvas.drawRightString(PAGE[0] - MARGIN, MARGIN / 2, f"page {doc.page}")
        canvas.restoreState()

    pdf = report_file(out_dir, scope.label)
    SimpleDocTemplate(
        str(pdf), pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN,
        title=f"Tension index — {scope.label}", author="tension", subject="Weekly tension index per country pair",
        initialFontName=FONT,  # the canvas starts in DejaVu too, never Helvetica
    ).build(story, onFirstPage=footer, onLaterPages=footer)
    return pdf
