"""PDF: the text layer of a PDF file (pypdf, layout mode keeps the blank lines between paragraphs)."""

from __future__ import annotations

import io
import re
from datetime import datetime

from tension.ingest.decoding import Extracted, FormatError

_EOF_WINDOW = 2048  # bytes: a PDF's %%EOF marker must be near the end (ISO 32000 says within the last 1024)


def read_pdf(raw: bytes) -> Extracted:
    """Text of a PDF, page by page in layout mode so that blank lines and indents mark paragraphs."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if b"%%EOF" not in raw[-_EOF_WINDOW:]:
        raise FormatError("truncated PDF: no %%EOF marker at the end (the download or copy was cut short); "
                          "save or download it again")
    try:
        reader = PdfReader(io.BytesIO(raw), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise FormatError("encrypted PDF: save an unprotected copy (print to PDF) and drop that in the inbox")
        pages = [_layout_page(page.extract_text(extraction_mode="layout")) for page in reader.pages]
        info = reader.metadata or {}
        title = str(info.get("/Title") or "").strip()
        created = info.creation_date if info else None
    except FormatError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError,
            OSError, AssertionError, ZeroDivisionError) as error:
        raise FormatError(f"damaged PDF ({type(error).__name__}: {error})") from None
    text = ""
    for page in (p for p in pages if p.strip()):
        # A page break inside a sentence is a line wrap; after a full stop it is a paragraph break.
        joiner = "\n\n" if re.search(r"[.!?\"”’)]\s*$", text) else "\n"
        text = f"{text}{joiner}{page}" if text else page
    if not re.search(r"[^\W\d_]", text):
        raise FormatError("PDF has no text layer (a scanned image?): run OCR on it first, e.g. with ocrmypdf")
    meta = {"title": title} if title else {}
    if isinstance(created, datetime):
        meta["retrieved"] = created.date()  # when the PDF was made: an upper bound for the publication date
    return Extracted(text=text, meta=meta)


def _layout_page(page: str) -> str:
    """A layout-mode page without its common left margin and with runs of spaces from justification shrunk."""
    lines = [line.rstrip() for line in page.splitlines()]
    margin = min((len(line) - len(line.lstrip(" ")) for line in lines if line.strip()), default=0)
    lines = [line[margin:] for line in lines]
    # Keep one leading space (the seed's paragraph indent), drop the rest of the layout padding.
    lines = [(" " if line[:1] == " " and line.strip() else "") + re.sub(r" {2,}", " ", line.strip()) for line in lines]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
