"""Clean: turn extracted article text into body paragraphs, setting captions, credits and wire headers aside.

Text extracted from PDFs is hard-wrapped mid-sentence; the first paragraph is often a photo caption ending in a
credit ("EPA / Jeon Heon-Kyun / TASS"); "Related article: ..." lines point elsewhere. Wire copy (Yonhap) starts
with a slug line, the headline, an editor's note, a byline and a dateline ("By Kim Soo-yeon SEOUL, Dec. 28
(Yonhap) --"). None of these are statements, but what they say is kept as metadata. Scraped archives join
paragraphs with ", ," (KCNA); almanac items ("Today in Korean history") are past events, left out whole.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

# A photo credit: agency or photographer names separated by slashes, at the end of a paragraph.
_CREDIT = re.compile(r"(?:^|(?<=[.!?\"”]))\s*(?P<credit>[A-Z][\w.'-]*(?:[ -][A-Z][\w.'-]*)*(?:\s*/\s*[A-Z][\w.'-]*(?:[ -][A-Z][\w.'-]*)*)+)\s*$")
_RELATED = re.compile(r"^\s*(?:Related (?:article|story|stories|news|coverage)|Read more|See also|READ MORE)\s*:", re.I)
_PHOTO_LEAD = re.compile(r"^\s*(?:\(?(?:Photo|Image|File photo)\b|People\b.*\bwatch\b)", re.I)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n(?=[ \t]+\S)")
# A caption glued to the body by a crawler: "... outside the ministry on Monday. (Yonhap)The minister ...". At the top
# of the story, or opening any later paragraph (a feature's second and third photos: their captions start paragraphs).
_GLUED_CAPTION = re.compile(r"^(?P<caption>[^\n]{15,700}?)\s*\((?P<credit>[A-Za-z0-9][^()\n]{1,40})\)(?=[A-Z\"“‘])")
# A broadcast's on-screen name and title, "Name / Title", glued to the first word of what the person says: "... in
# office. Hong Gil-dong / MinisterWe will ..." (a capitalised word run straight into a sentence's first word). The
# label stays, as a transcript's "Name / Title: words": the words are the person's (glued, "MinisterWe" was no name
# and the sentence went to whoever it named next). It opens the paragraph or follows a sentence's end; the glue is
# three lower-case letters met by a capitalised word and a lower-case one ("Yonhap / AP" followed by a space is a
# photo credit, `_CREDIT`; "Yonhap / YouTube capture" and "JoongAng Ilbo" are brands, not glue).
_GLUED_NAME_TITLE = re.compile(r"(?:^|(?<=[.!?\"”] ))[A-Z][\w.'-]*(?:[ -][A-Z][\w.'-]*)*"
                               r"(?: ?/ ?[A-Z][\w.'-]*(?:[ -][A-Z][\w.'-]*)*)+(?<=[a-z]{3})(?=[A-Z][a-z]+ [a-z])")
# Sentences glued by a crawler that dropped the paragraph break: "in 2024.The trend" (a space goes after the match).
# The pattern opens with the punctuation, not a lookbehind, so the engine skips to [.!?] instead of trying the
# lookbehind at every character.
_GLUED_SENTENCE = re.compile(r"[.!?](?<=[a-z0-9%][.!?])[\"”]?(?=[A-Z][a-z])")
# A run of blanks longer than one space (opening on a literal blank, not `[ \t]+`: the engine then skips to blanks
# instead of trying every character, and a single space is no match to replace by itself).
_BLANKS = re.compile(r" [ \t]+|\t[ \t]*")
# An HTML entity left in plain text ("Seoul &amp; Moscow": a JSON record's title, which has no tag, so the ingest's
# HTML stripping never ran): its ';' ended a sentence and its words were unseen. Only a well-formed reference is
# decoded (html.unescape leaves an unknown name as it is); "AT&T" and "R&D" have no ';' after them.
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_BROADCAST_MARK = re.compile(r"\[(?:LEAD|REPORT|ANCHOR|STANDUP|INTERVIEW|SOUNDBITE)\]\s*")

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# The year is optional: Yonhap's datelines have none, a wire story elsewhere may ("WASHINGTON, Dec. 28, 2024 --").
_CITY_DATE = (r"(?P<city>[A-Z][A-Z.'-]*(?: [A-Z][A-Z.'-]*){0,3}),\s+(?P<month>" + _MONTH + r")\s+(?P<day>\d{1,2})"
              r"(?:,?\s+(?P<year>\d{4}))?")
# "SEOUL, Dec. 28 (Yonhap) --", "WASHINGTON, Jan. 3 (Yonhap) --", "PYONGYANG, March 1 (KCNA) --", "TOKYO, May 2 (AP) -"
# (one hyphen only with a blank after it: never "-based").
DATELINE = re.compile(
    _CITY_DATE + r"\s*\((?P<agency>[A-Z][\w&.-]*(?:[ -][\w&.-]+){0,3})\)\s*(?:--|—|–|-(?=\s))\s*"
)
# A dateline with no agency, "SEOUL, Nov. 3 --": only where a line starts (a city and a date mid-sentence are no
# dateline), and only with a dash that no hyphenated word has.
BARE_DATELINE = re.compile(r"^[ \t]*" + _CITY_DATE + r"\s*(?:--|—|–|-(?=\s))\s*", re.M)
DATELINE_WINDOW = 600  # characters: a dateline further into the text is a quoted story, not this one's
_NAME = r"[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,4}"
_BYLINE = re.compile(r"\s*By\s+(?P<byline>" + _NAME + r"(?:\s+and\s+" + _NAME + r")?)\s*$")
_EDITOR_NOTE = re.compile(r"\s*\((?P<note>ATTN:[^()]*)\)\s*$")
_REVISION = re.compile(r"\((?:LEAD|\d+(?:st|nd|rd|th) LD|URGENT|News Focus|News Analysis|Yonhap Interview|"
                       r"Yonhap Feature|EDITORIAL|Correction|CORRECTED|\w+ LD)\)\s*", re.I)


@dataclass(frozen=True)
class WireHeader:
    """The lines above a wire story's first sentence, kept as metadata."""

    slug: str = ""       # Yonhap's desk slug, e.g. "NK leader-public appearance"
    headline: str = ""
    revision: str = ""   # "(LEAD)", "(2nd LD)": which version of the story this is
    editor_note: str = ""
    byline: str = ""
    dateline: str = ""   # "SEOUL, Dec. 28 (Yonhap)"
    city: str = ""
    month: str = ""
    day: int = 0
    year: str = ""       # when the dateline carries it ("SEOUL, Dec. 28, 2024 --"); else the year comes from metadata
    agency: str = ""


@dataclass
class CleanText:
    """Body paragraphs plus what was set aside from them."""

    paragraphs: list[str]
    caption: str = ""
    credits: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    header: WireHeader = field(default_factory=WireHeader)
    almanac: bool = False  # a "today in history" list: its items are left out of the body

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
    if "  " not in text and "\t" not in text:
        return text  # nothing to collapse (the common case: skips a regex pass over every paragraph)
    if "\t" in text:
        return _BLANKS.sub(" ", text)
    # Spaces only (a third of KCNA paragraphs: two after each full stop): halving every run with str.replace
    # gives what _BLANKS.sub gives at a fraction of its cost (it is tried at every single space).
    while "  " in text:
        text = text.replace("  ", " ")
    return text


def find_dateline(text: str) -> re.Match | None:
    """The wire dateline near the top of `text` ("SEOUL, Dec. 28 (Yonhap) --", or with no agency at a line's start:
    "SEOUL, Nov. 3 --"), if there is one."""
    head = text[:DATELINE_WINDOW]
    if "-" not in head and "—" not in head and "–" not in head:
        return None  # every dateline ends in a dash: without one, the pattern need not be tried at every capital
    return DATELINE.search(head) or BARE_DATELINE.search(head)


def split_wire_header(text: str, title: str = "") -> tuple[WireHeader, str]:
    """The slug, headline, editor's note, byline and dateline above a wire story, and the story after them.

    Everything before the dateline is header; the headline is separated from the slug by the known `title`,
    by a repeated revision mark ("(LEAD) slug (LEAD) headline"), or else the whole line is kept as the slug.
    """
    match = find_dateline(text)
    if not match:
        return WireHeader(), text
    prefix = text[: match.start()]
    byline = editor_note = ""
    if found := _BYLINE.search(prefix):
        byline, prefix = found.group("byline"), prefix[: found.start()]
    if found := _EDITOR_NOTE.search(prefix):
        editor_note, prefix = found.group("note"), prefix[: found.start()]
    prefix = " ".join(prefix.split())
    revision = " ".join(m.group(0).strip() for m in _REVISION.finditer(prefix[:40]) if m.start() == 0)
    slug, headline = prefix, ""
    bare_title = _REVISION.sub("", title).strip()
    if bare_title and bare_title in prefix:
        cut = prefix.rindex(bare_title)
        slug, headline = prefix[:cut], prefix[cut:]
    else:
        marks = list(_REVISION.finditer(prefix))
        if len(marks) >= 2:
            slug, headline = prefix[: marks[-1].start()], prefix[marks[-1].end():]
    slug = _REVISION.sub("", slug).strip()
    headline = _REVISION.sub("", headline).strip()
    header = WireHeader(
        slug=slug, headline=headline, revision=revision, editor_note=editor_note, byline=byline,
        dateline=match.group(0).rstrip(" -—–"), city=match.group("city"), month=match.group("month"),
        day=int(match.group("day")), year=match.group("year") or "", agency=match.groupdict().get("agency") or "",
    )
    return header, text[match.end():]


# Paragraph breaks flattened by scrapers into commas (the KCNA archive): "article.,  Their" and ", \r, ".
# Every match opens with the comma (the engine skips to it); the blanks before a ", \n," break are also part of
# the break, and `_scraped_breaks` takes them back by hand (a pattern opening with `[ \t]*` is tried everywhere).
# ", , " (two commas or more, any blanks between: 52% of KCNA statements ran paragraphs together before it was
# recognised) is a break wherever it stands; so is one comma after a colon before a capital ("... gave the following
# answer to a question put by KCNA:, The ..."): no sentence puts a comma after a colon, and the frame must end its
# paragraph for its speaker to go on in the next (tension/extract/statements.py).
_SCRAPED_BREAK = re.compile(r",(?:(?<=[.!?\"”],)[ \t]{2,}(?=\S)|(?<=:,)[ \t]+(?=[A-Z\"“‘'])"
                            r"|(?P<lines>(?:[ \t\u3000]*\n?[ \t\u3000]*,)+[ \t\u3000]*))")
# A news digest's rule line and item bullets ("... on Tuesday.----------------- ■ Lee to make ..."): a wire's summary
# page runs its items together, each a headline and a lead; each is a paragraph of its own (Yonhap's "News Summary").
_DIGEST_BREAK = re.compile(r"\s*-{5,}\s*|\s*■\s*")
# An almanac ("Today in Korean history"): dated past events, none of them this week's statement.
_ALMANAC = re.compile(r"^\s*(?:\(\w+\)\s*)*Today in (?:Korean |world |North Korean )?history", re.I)


def _scraped_breaks(text: str) -> str:
    """`text` with each scraped break turned into a blank line (the blanks before a ", \\n," break included)."""
    pieces, last = [], 0
    for match in _SCRAPED_BREAK.finditer(text):
        start = match.start()
        if match.group("lines") is not None:
            while start > last and text[start - 1] in " \t":
                start -= 1
        pieces += (text[last:start], "\n\n")
        last = match.end()
    if not pieces:
        return text
    pieces.append(text[last:])
    return "".join(pieces)


def clean_text(raw: str, title: str = "") -> CleanText:
    """Split `raw` into unwrapped paragraphs; set aside the wire header, photo caption, credits and link lines."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if "&" in text:
        text = _ENTITY.sub(lambda m: html.unescape(m.group()), text)
    text = text.replace("\u00a0", " ")
    if _ALMANAC.match(title) or _ALMANAC.match(text[:200]):
        return CleanText(paragraphs=[], almanac=True)
    text = _scraped_breaks(text)
    if "----" in text or "■" in text:
        text = _DIGEST_BREAK.sub("\n\n", text)
    header, text = split_wire_header(text.lstrip(), title)
    text = _BROADCAST_MARK.sub("", text)
    paragraphs = [unwrap(p) for p in _PARAGRAPH_BREAK.split(text)]
    result = CleanText(paragraphs=[], header=header)
    for index, paragraph in enumerate(p for p in paragraphs if p):
        paragraph = _GLUED_SENTENCE.sub(r"\g<0> ", paragraph)
        if "/" in paragraph:
            paragraph = _GLUED_NAME_TITLE.sub(r"\g<0>: ", paragraph)
        if _RELATED.match(paragraph):
            result.related.append(paragraph)
            continue
        if paragraph.find("(", 15) >= 0 and (glued := _GLUED_CAPTION.match(paragraph)) and (
                index <= 1 and not result.caption or paragraph[glued.end()].isupper()):
            # (further down, a parenthesis glued to a quotation mark is prose: 'marking a date (a holiday's name)"')
            result.caption = "\n\n".join(filter(None, [result.caption, glued.group("caption").strip()]))
            result.credits.append(glued.group("credit"))
            paragraph = paragraph[glued.end():].strip()
        credit = _CREDIT.search(paragraph) if "/" in paragraph else None  # a credit has a slash (and it is rare)
        if credit and "/" in credit.group("credit"):
            result.credits.append(credit.group("credit").strip())
            rest = paragraph[: credit.start("credit")].strip()
            # A paragraph that ends in a photo credit is a caption, whole (it describes the picture).
            if index == 0 or _PHOTO_LEAD.match(rest):
                result.caption = rest
                continue
            paragraph = rest
        if paragraph:
            result.paragraphs.append(paragraph)
    return result
