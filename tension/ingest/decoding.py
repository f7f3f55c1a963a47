"""Decoding: the bytes of an input file to text (byte-order marks, declared charsets, UTF-16 without a BOM, UTF-8,
Korean CP949, a last-resort guess), binary files told apart from text, and what every format reader gives back:
`Extracted` text with its metadata, or a `FormatError` with a reason a user can act on.

Library: charset-normalizer (the last-resort guess, imported only when it is needed).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

BINARY_MAGIC = (
    (b"%PDF-", "a PDF document"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"), (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx file)"), (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"), (b"MZ", "a Windows executable"), (b"\xd0\xcf\x11\xe0", "an old MS Office file"),
    (b"SQLite format 3", "an SQLite database"), (b"RIFF", "a RIFF media file"), (b"ID3", "an MP3 file"),
)
BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# A guessed decoding is accepted only when the guesser sees (almost) no mojibake.
MAX_GUESS_CHAOS = 0.05
# A text with no more than this share of non-ASCII bytes, not valid UTF-8, is read as UTF-8 with the bad bytes
# replaced (stray_bytes): a guessed code page made Cyrillic or Hangul of an English file's few damaged bytes.
MAX_STRAY_SHARE = 0.02
MAX_STRAY_BYTES = 8  # ... or this many in a short text, if they are at most a fifth of it (a line or two)
# CP949 decodes most byte soup; it is accepted when what it yields is overwhelmingly Hangul, as Korean text is.
MIN_HANGUL_SHARE = 0.9
# A Hangul syllable of KS X 1001 (EUC-KR, CP949's core) and any non-ASCII byte, for stray_bytes.
_EUC_KR_HANGUL = re.compile(rb"[\xb0-\xc8][\xa1-\xfe]")
_NON_ASCII = re.compile(rb"[\x80-\xff]")
_HIGH_BYTES = bytes(range(128, 256))
# The typography a Windows editor writes into English text in Windows-1252: ellipsis, curly quotes and apostrophes,
# bullet, en and em dashes, no-break space. A mostly-ASCII text whose only non-ASCII bytes are these is Windows-1252
# (its apostrophes must stay apostrophes: "don't" is a negation to VADER), not damage.
_CP1252_TYPOGRAPHY = re.compile(rb"[\x85\x91-\x97\xa0]")
# The words of a legacy code page's script that legacy_words accepts: Russian/Ukrainian/Belarusian Cyrillic in a
# word's own case (lower, Capitalised or UPPER), with Windows typography around it; Korean Hangul syllables (CP949
# has them all) and the CJK punctuation Korean text uses; each word two letters or more. Korean attaches particles to
# Latin words ("UN은"), Russian does not.
_CYRILLIC_WORD = r"(?:[А-ЯЁІЇЄҐЎ]?[а-яёіїєґў]+|[А-ЯЁІЇЄҐЎ]+)"
_LEGACY_SCRIPTS = (
    ("cp1251", re.compile(rf"[«„“‘\u00a0]*(?=\w\w){_CYRILLIC_WORD}(?:\u00a0{_CYRILLIC_WORD})*[»“”’…–—\u00a0]*"),
     False),
    ("cp949", re.compile(r"[\u3000-\u303f\u00b7]*[\uac00-\ud7a3]{2,}[\u3000-\u303f\u00b7]*"), True),
)
_LEGACY_NAMES = {"cp1251": "Cyrillic", "cp949": "Korean"}
MIN_LEGACY_LETTERS = 4  # two short words at least: one stray pair of bytes is not Russian
# ... in a mostly-ASCII text: a whole legacy file is left to the CP949 check and the guess (a KOI8-R file's lowercase
# words would pass as Windows-1251 capitals)
MAX_LEGACY_SHARE = 0.1
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
REPLACED = "replaced by U+FFFD"
_HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e\u3000-\u303f\uff01-\uff5e]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")


class FormatError(ValueError):
    """A file (or a record inside it) that cannot be read, with the reason to show the user."""


def binary_kind(raw: bytes) -> str | None:
    """What a binary file looks like ('a PNG image'), or None when the bytes could be text."""
    for magic, kind in BINARY_MAGIC:
        if raw.startswith(magic):
            return kind
    if any(raw.startswith(bom) for bom, _ in BOMS) or utf16_without_bom(raw):
        return None
    head = raw[:8192]
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    if b"\x00" in head or (head and controls / len(head) > 0.05):
        return "binary data (control bytes where text should be)"
    return None


def utf16_without_bom(raw: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' for UTF-16 text saved without a byte-order mark (Windows tools do), else None.

    Mostly Latin or Hangul text in UTF-16 has a NUL in one byte of nearly every ASCII character: seen in the first
    4 KB, at least 30% of the byte pairs with a NUL on one side only, and no NUL pair (which no text has)."""
    head = raw[:4096]
    if len(head) < 4 or len(head) % 2:
        head = head[: len(head) - len(head) % 2]
        if len(head) < 4:
            return None
    even, odd = head[0::2], head[1::2]
    pairs = len(even)
    if any(a == 0 and b == 0 for a, b in zip(even, odd)):
        return None
    for encoding, zeros in (("utf-16-le", odd), ("utf-16-be", even)):
        if zeros.count(0) >= 0.3 * pairs:
            try:
                raw.decode(encoding)
            except UnicodeDecodeError:
                return None
            return encoding
    return None


def decode_text(raw: bytes, declared: str | None = None) -> tuple[str, str]:
    """Text and the encoding used: BOM, the declared encoding, UTF-16 without BOM, UTF-8, UTF-8 with a few stray bytes
    replaced (the encoding then says how many), Korean CP949, a guess."""
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise FormatError(f"starts with a {encoding.upper()} byte-order mark but is not valid {encoding} "
                                  f"text ({error.reason} at byte {error.start})") from None
    if declared:
        try:
            return raw.decode(declared), declared
        except LookupError:
            raise FormatError(f"unknown encoding {declared!r} declared (use a Python codec name, e.g. cp949)") from None
        except UnicodeDecodeError as error:
            raise FormatError(f"not valid {declared} text as declared ({error.reason} at byte {error.start})") from None
    if encoding := utf16_without_bom(raw):
        return raw.decode(encoding), encoding
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        utf8_error = f"{error.reason} at byte {error.start}"
    if found := legacy_words(raw):
        return found
    if stray := stray_bytes(raw):
        if not _NON_ASCII.search(_CP1252_TYPOGRAPHY.sub(b"", raw)):
            return raw.decode("cp1252"), "cp1252 (a mostly-ASCII text whose only other bytes are Windows typography)"
        return raw.decode("utf-8", "replace"), f"utf-8, {stray} undecodable place{'s' * (stray != 1)} {REPLACED}"
    try:
        text = raw.decode("cp949")
        non_ascii = [c for c in text if ord(c) > 127]
        if non_ascii and sum(bool(_HANGUL.match(c)) for c in non_ascii) / len(non_ascii) >= MIN_HANGUL_SHARE:
            return text, "cp949"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # imported here: nothing heavy at import time

    best = from_bytes(raw).best()
    if best is not None and best.chaos <= MAX_GUESS_CHAOS:
        return str(best), best.encoding
    raise FormatError(
        f"not UTF-8 text ({utf8_error}) and its encoding could not be recognised (not Korean EUC-KR/CP949, no "
        "confident guess): save it as UTF-8, or declare the encoding with 'encoding: cp949' (or the right "
        "codec) in a sidecar file"
    )


def stray_bytes(raw: bytes) -> int:
    """How many places of a mostly-ASCII text are not UTF-8 (0 when it is no such text): a text whose non-ASCII
    bytes are at most MAX_STRAY_SHARE of it is English (or UTF-8) with a few damaged bytes, not a legacy encoding.

    Guessed, a few stray bytes among ASCII words become whatever a code page makes of them (Cyrillic under CP1251,
    one Hangul syllable under CP949, Baltic letters). Cyrillic or Korean in a real legacy file is most of its bytes,
    and a few Korean words in CP949 are common Hangul syllables (left to the CP949 reading)."""
    high = len(raw) - len(raw.translate(None, _HIGH_BYTES))
    if not high or high > max(MAX_STRAY_SHARE * len(raw), min(MAX_STRAY_BYTES, len(raw) / 5)):
        return 0
    if not _NON_ASCII.search(_EUC_KR_HANGUL.sub(b"", raw)):
        return 0
    return raw.decode("utf-8", "replace").count("\ufffd") - raw.count("\ufffd".encode())


def legacy_words(raw: bytes) -> tuple[str, str] | None:
    """Text and encoding of a mostly-ASCII text whose non-ASCII bytes are whole words of one script in one legacy
    code page (a few Russian words in Windows-1251, a few Korean words in CP949), else None.

    A user who saves an English report quoting a Russian name in Windows-1251 expects the name, not U+FFFD. Damage
    seldom looks like that: under CP1251 stray bytes make Serbian or Ukrainian letters, punctuation, a letter glued to
    an English word ("caf\xe9" -> "cafй") or a case pattern no word has ("яюЂЂ"); under CP949 they fail to decode or
    make one lone syllable. So every non-ASCII run must decode to letters of the script (Windows typography allowed
    around them), each word of two letters or more, and the text must hold at least MIN_LEGACY_LETTERS of them.
    Before stray_bytes's share and the guess: charset-normalizer read a few Russian words in an English text (3% of
    its bytes) as Central European CP1250."""
    high = len(raw) - len(raw.translate(None, _HIGH_BYTES))
    if not high or high > MAX_LEGACY_SHARE * len(raw):
        return None
    for codec, words, glued in _LEGACY_SCRIPTS:
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        letters = 0
        for run in _NON_ASCII_RUN.finditer(text):
            found = words.fullmatch(run.group())
            if not found or (not glued and _glued(text, run.start(), run.end())):
                break
            letters += sum(c.isalpha() for c in run.group())
        else:
            if letters >= MIN_LEGACY_LETTERS:
                return text, f"{codec} ({_LEGACY_NAMES[codec]} words in a mostly-ASCII text)"
    return None


def _glued(text: str, start: int, end: int) -> bool:
    """Whether the non-ASCII run text[start:end] touches an ASCII letter or digit (part of an English word)."""
    return (start > 0 and text[start - 1].isascii() and text[start - 1].isalnum()) or (
        end < len(text) and text[end].isascii() and text[end].isalnum())


def decoding_note(encoding: str) -> str:
    """What a user should know about how a text was decoded ('' when nothing was lost): the decoder's encoding when
    it replaced undecodable bytes by U+FFFD."""
    return f"read as {encoding}" if encoding.endswith(REPLACED) else ""


def decode_noted(raw: bytes, declared: object) -> tuple[str, str]:
    """Text of `raw` under the encoding a sidecar declares (none when empty), and its decoding_note."""
    text, encoding = decode_text(raw, str(declared) if declared else None)
    return text, decoding_note(encoding)


def declared_markup_charset(raw: bytes) -> str | None:
    """The charset an HTML page or XML file declares in its first 4 KB, if any."""
    found = _META_CHARSET.search(raw[:4096]) or _XML_ENCODING.search(raw[:200])
    if not found:
        return None
    name = found.group(1).decode("ascii", "replace")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


@dataclass
class Extracted:
    """Text of one file or feed item with the metadata its format carries (only what was found)."""

    text: str
    meta: dict = field(default_factory=dict)  # title, source, url, author, published, retrieved, id
    date_source: str = ""                     # which metadata field 'published' came from
    encoding: str = ""
