"""Dates: a document's publication date from its metadata, else from a wire dateline (with its year, or a known one).

A dateline that carries its year ("WASHINGTON, Dec. 28, 2024 (Reuters) -") is read as it stands (dateutil). One
without ("SEOUL, Dec. 28 (Yonhap) --") takes a `year` field, else the latest year that does not put it after the
`retrieved` date. Dates before 1900 or in the future are refused. Every failure is a
ValueError whose message tells the user how to fix the input (`tension.ingest.documents` turns it into a Rejection).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from dateutil import parser as dateparser

from tension.ingest import formats
from tension.ingest.clean import split_wire_header

EARLIEST_DATE = date(1900, 1, 1)
FUTURE_SLACK = timedelta(days=2)  # time zones, and wire copy dated a day ahead
_EIGHT_DIGITS = re.compile(r"\d{8}")  # YYYYMMDD
_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
# What a rejection for a missing date says after "no publication date: " (so it must not say that again).
DATE_HELP = (
    "give it as a 'published: YYYY-MM-DD' line in YAML front matter, or in a sidecar file '{name}.meta.yaml' (for "
    ".jsonl/.csv, a 'published' field per record or --field published=<your field name>); a wire dateline at the "
    "top of the text dates it when it carries its year ('SEOUL, Dec. 28, 2025 --') or the year is known ('year: "
    "2025', or a 'retrieved' date, or the run option --default year=YYYY for every file of the run)"
)
# '02/03/2026' or '02.03.2026': day and month in either order. Read only when the order is certain (one number over
# 12, or both the same); else refused, since a silent guess would put the document in the wrong week.
_NUMERIC_DATE = re.compile(r"(\d{1,2})([/.])(\d{1,2})\2(\d{4})")
# Keys a person writes for the publication date that are not ours: said in the rejection ("did you mean ...?").
DATE_KEYS = ("date", "pubdate", "pub_date", "publish_date", "published_at", "publication_date", "dated", "datetime")


def parse_date(value: object) -> date:
    """A publication date from a YAML date, an ISO string, 'YYYYMMDD' or 'YYYY-MM-DD HH:MM'."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not text:
        raise ValueError("empty date")
    if len(text) == 10 and text[4] == text[7] == "-":
        # 'YYYY-MM-DD', what most batches carry: the standard library reads it several times faster than
        # dateutil, to the same date. Anything it refuses ('2024-02-31') goes to dateutil for the error message.
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    if numeric := _NUMERIC_DATE.fullmatch(text):
        return _numeric_date(text, int(numeric[1]), int(numeric[3]), int(numeric[4]))
    if _EIGHT_DIGITS.fullmatch(text):
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    try:
        return dateparser.isoparse(text).date()
    except ValueError:
        return dateparser.parse(text, dayfirst=False, yearfirst=True).date()


def _numeric_date(text: str, first: int, second: int, year: int) -> date:
    """'13/03/2026' is 13 March and '03/13/2026' is 13 March; '02/03/2026' could be either: ValueError."""
    if first <= 12 and second <= 12 and first != second:
        raise ValueError(f"ambiguous date {text}: write it as YYYY-MM-DD")
    day, month = (first, second) if first > 12 else (second, first)
    return date(year, month, day)


def check_date(day: date, today: date | None = None) -> date:
    """`day` if it can be a publication date (not before 1900, not in the future), else ValueError."""
    today = today or formats.utc_today()
    if day < EARLIEST_DATE:
        raise ValueError(f"impossible publication date {day.isoformat()} (before {EARLIEST_DATE.year})")
    if day > today + FUTURE_SLACK:
        raise ValueError(f"impossible publication date {day.isoformat()} (in the future)")
    return day


def dateline_date(month: str, day: int, meta: dict) -> tuple[date, str] | None:
    """A dateline's month and day with the year from `year`, else the latest year not after `retrieved`."""
    number = _MONTHS.get(month.lower()[:3])
    if not number:
        return None
    if meta.get("year") not in (None, ""):
        try:
            year = int(str(meta["year"]).strip())
        except ValueError:
            raise ValueError(f"unreadable 'year' {meta['year']!r}: write it as four digits, e.g. 2025") from None
        return date(year, number, day), "year field"
    if meta.get("retrieved") in (None, ""):
        return None
    try:
        retrieved = parse_date(meta["retrieved"])
    except (ValueError, OverflowError, TypeError) as error:
        raise ValueError(f"unreadable 'retrieved' date {meta['retrieved']!r}: {error}") from None
    for year in (retrieved.year, retrieved.year - 1):
        candidate = date(year, number, day)
        if candidate <= retrieved + FUTURE_SLACK:
            return candidate, "retrieved date"
    return None


def resolve_date(meta: dict, text: str, metadata_source: str, name: str) -> tuple[date, str]:
    """The publication date and where it came from: metadata, else the dateline; ValueError says how to fix."""
    if meta.get("published") not in (None, ""):
        try:
            return check_date(parse_date(meta["published"])), metadata_source
        except (ValueError, OverflowError, TypeError) as error:
            if str(error).startswith("impossible"):
                raise ValueError(f"{error}: fix 'published' ({metadata_source})") from None
            if str(error).startswith("ambiguous"):
                raise ValueError(f"{error} (in 'published', {metadata_source or 'metadata'})") from None
            raise ValueError(f"unreadable publication date {meta['published']!r} in 'published' "
                             f"({metadata_source or 'metadata'}): {error}; write it as YYYY-MM-DD") from None
    header, _ = split_wire_header(text.lstrip())
    if header.dateline and header.year:
        try:
            day = dateparser.parse(f"{header.month} {header.day} {header.year}").date()
        except (ValueError, OverflowError) as error:
            raise ValueError(f"dateline '{header.dateline}' gives no valid date: {error}") from None
        return check_date(day), f"dateline '{header.dateline}'"
    if header.dateline:
        try:
            found = dateline_date(header.month, header.day, meta)
        except (ValueError, OverflowError, TypeError) as error:
            raise ValueError(f"dateline '{header.dateline}' gives no valid date: {error}") from None
        if found:
            return check_date(found[0]), f"dateline '{header.dateline}' + {found[1]}"
        raise ValueError(f"no publication date and the dateline '{header.dateline}' has no year: "
                         + DATE_HELP.format(name=name))
    raise ValueError("no publication date" + _other_date_key(meta) + ": " + DATE_HELP.format(name=name))


def _other_date_key(meta: dict) -> str:
    """' (there is 'date: 2024-01-05': did you mean published?)' when the metadata has a date under another key."""
    for key in meta:
        if str(key).lower() in DATE_KEYS and meta[key] not in (None, ""):
            return f" (there is '{key}: {meta[key]}': did you mean published?)"
    return ""
