"""Layout: the PDF's building blocks (reportlab) — page size and margins, fonts (DejaVu Sans with NanumGothic for
Hangul), paragraph styles, wrapped tables, and charts saved next to the PDF and placed on the page."""

from __future__ import annotations

import re
from pathlib import Path

import matplotlib
from matplotlib.figure import Figure
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Image, Paragraph, Table, TableStyle

from tension.reporting import charts
from tension.reporting.scope import Scope, label_stem

# A year of context: long enough to see a trend, short enough that one week is still a visible band.
CHART_WEEKS = 52
PAGE = landscape(A4)
MARGIN = 1.5 * cm
# DejaVu Sans (matplotlib's) sets the text: it covers →, –, “”, romanised Korean (ŏ, ŭ), Cyrillic and the minus
# sign, which reportlab's Helvetica does not. It has no Hangul (연합뉴스): runs of Hangul and CJK are set in
# NanumGothic (koreanize-matplotlib, SIL OFL), which in turn lacks ŏ, ŭ and −. reportlab has no per-glyph fallback,
# so paragraph marks those runs.
FONT, FONT_BOLD = "DejaVuSans", "DejaVuSans-Bold"
FONT_HANGUL, FONT_HANGUL_BOLD = "NanumGothic", "NanumGothic-Bold"
HANGUL_RUN = re.compile(r"[\u1100-\u11ff\u3000-\u303f\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
                        r"\uff00-\uffef]+")


def register_fonts() -> None:
    """Register the report's fonts with reportlab (once per process)."""
    files, dejavu = charts.font_files(), Path(matplotlib.get_data_path()) / "fonts/ttf"
    for name, path in ((FONT, dejavu / "DejaVuSans.ttf"), (FONT_BOLD, dejavu / "DejaVuSans-Bold.ttf"),
                       (FONT_HANGUL, files["regular"]), (FONT_HANGUL_BOLD, files["bold"])):
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)
    pdfmetrics.registerFontFamily(FONT_HANGUL, normal=FONT_HANGUL, bold=FONT_HANGUL_BOLD, italic=FONT_HANGUL,
                                  boldItalic=FONT_HANGUL_BOLD)


def paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    """A Paragraph whose Hangul and CJK runs are set in NanumGothic (the body font has none)."""
    return Paragraph(HANGUL_RUN.sub(lambda m: f"<font name='{FONT_HANGUL}'>{m.group(0)}</font>", text), style)


def report_styles() -> dict[str, ParagraphStyle]:
    """The report's paragraph styles by name (title, h1, h2, body, lead, note, cell, head)."""
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


def wrapped_table(rows: list[list[str]], widths_cm: list[float], styles: dict[str, ParagraphStyle]) -> Table:
    """A wrapped table: every cell a Paragraph (text already escaped or markup), header row bold."""
    cells = [[paragraph(text, styles["head" if i == 0 else "cell"]) for text in row] for i, row in enumerate(rows)]
    table = Table(cells, colWidths=[w * cm for w in widths_cm], repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#bbbbbb")),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


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


# reportlab's page frame pads its text 6 pt on each side: text wraps at the page width less margins and padding.
FRAME_PADDING = 6


def flow_height(*flowables) -> float:
    """Height the flowables take at the frame's text width, with their spacing (and 2 mm to spare). (At the page
    width less margins only, a note one line shorter than on the page left a flagged table 5 pt short of room.)"""
    return 0.2 * cm + sum(flowable.wrap(PAGE[0] - 2 * MARGIN - 2 * FRAME_PADDING, PAGE[1])[1]
                          + flowable.getSpaceBefore()
                          + flowable.getSpaceAfter() for flowable in flowables)


def page_chart(fig: Figure, out_dir: Path, stem: str, max_height_cm: float, min_height_cm: float | None = None,
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


def file_stem(scope: Scope) -> str:
    """The report's files' name for its week or period: '2024-W05', '2011-W01_2012-W48'."""
    return label_stem(scope.label)

