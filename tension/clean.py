"""Clean: turn extracted article text into body paragraphs, setting captions, credits and link lines aside.

Text extracted from PDFs is hard-wrapped mid-sentence; the first paragraph is often a photo caption ending in a
credit ("EPA / Jeon Heon-Kyun / TASS"); "Related article: ..." lines point elsewhere. None of these are
statements, but what they say is kept as metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# A photo credit: agency or photographer names separated by slashes, at the end of a paragraph.
_CREDIT = re.compile(r"(?:^|(?<=[.!?\"”]))\s*(?P<credit>[A-Z][\w.'-]*(?:[ -][A-Z][\w.'-]*)*(?:\s*/\s*[A-Z][\w.'-]*(?:[ -][A-Z][\w.'-]*)*)+)\s*$")
_RELATED = re.compile(r"^\s*(?:Related (?:article|story|stories|news|coverage)|Read more|See also|READ MORE)\s*:", re.I)
_PHOTO_LEAD = re.compile(r"^\s*(?:\(?(?:Photo|Image|File photo)\b|People\b.*\bwatch\b)", re.I)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n(?=[ \t]+\S)")


@dataclass
class CleanText:
    """Body paragraphs plus what was set aside from them."""

    paragraphs: list[str]
    caption: str = ""
    credits: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        """Paragraphs joined by blank lines: the text statements are extracted from."""
        return "\n\n".join(self.paragraphs)


def unwrap(paragraph: str) -> str:
    """Re-join hard-wrapped lines: a line break inside a paragraph is a space, or nothing after a hyphen."""
    lines = [line.strip() for line in paragraph.splitlines() if line.strip()]
    text = ""
    for line in lines:
        if not text:
            text = line
        elif text.endswith("-") and line[:1].isalpha():
            text += line  # "Asia-\nPacific": keep the hyphen, drop the break
        else:
            text += " " + line
    return re.sub(r"[ \t]+", " ", text)


def clean_text(raw: str) -> CleanText:
    """Split `raw` into unwrapped paragraphs; drop the photo caption, credits and related-article lines."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    paragraphs = [unwrap(p) for p in _PARAGRAPH_BREAK.split(text)]
    result = CleanText(paragraphs=[])
    for index, paragraph in enumerate(p for p in paragraphs if p):
        if _RELATED.match(paragraph):
            result.related.append(paragraph)
            continue
        credit = _CREDIT.search(paragraph)
        if credit and "/" in credit.group("credit"):
            result.credits.append(credit.group("credit").strip())
            rest = paragraph[: credit.start("credit")].strip()
            # A paragraph that ends in a photo credit is a caption, whole (it describes the picture).
            if index == 0 or _PHOTO_LEAD.match(rest):
                result.caption = rest
                continue
            paragraph = rest
            if not paragraph:
                continue
        result.paragraphs.append(paragraph)
    return result
