"""Which week or period a report covers: ISO week labels and periods parsed and named, the file a report is written
to, and the default (the last complete week in the data, with the later partial weeks it leaves out). Split from
tension/reporting/data.py (session 26), unchanged."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

WEEK_PATTERN = re.compile(r"(\d{4})-W(\d{2})")


def last_complete_week(last_published: date) -> date:
    """Monday of the last ISO week that ends on or before the last publication date."""
    monday = last_published - timedelta(days=last_published.weekday())
    return monday if last_published.weekday() == 6 else monday - timedelta(weeks=1)


@dataclass(frozen=True)
class Scope:
    """What a report covers: the Mondays of its first and last week (equal for a one-week report)."""

    first: date
    last: date
    note: str = ""  # why this scope, when it was not given as asked

    @property
    def is_period(self) -> bool:
        """More than one week."""
        return self.first != self.last

    @property
    def label(self) -> str:
        """'2011-W51', or '2011-W01..2012-W48' for a period."""
        return iso_week(self.first) + (f"..{iso_week(self.last)}" if self.is_period else "")


def label_stem(label: str) -> str:
    """A week's or period's label as its files name it: '2024-W05', '2011-W01_2012-W48'."""
    return label.replace("..", "_")


def report_file(out_dir: Path | str, label: str) -> Path:
    """The PDF of a week or period in a reports folder ('reports/all_2024-W05.pdf'): build_report writes it there, and
    a run looks for it to rewrite a report a late file changed."""
    return Path(out_dir) / f"all_{label_stem(label)}.pdf"


class ScopeError(ValueError):
    """The report cannot be made for this database or this week/period (no pair statements yet, no data in the
    requested week): the user's situation, not a fault; `tension run` says it and goes on."""


def parse_iso_week(week: str) -> date:
    """The Monday of an ISO week label such as '2024-W05'."""
    match = WEEK_PATTERN.fullmatch(week.strip())
    try:
        if not match:
            raise ValueError
        return date.fromisocalendar(int(match[1]), int(match[2]), 1)
    except ValueError:
        raise ScopeError(f"{week} is not an ISO week (expected e.g. 2024-W05)") from None


def parse_period(period: str) -> tuple[date, date]:
    """The Mondays of a period such as '2011-W01..2012-W48' (both weeks included)."""
    first, sep, last = period.partition("..")
    if not sep:
        raise ScopeError(f"{period} is not a period (expected e.g. 2011-W01..2012-W48)")
    start, end = parse_iso_week(first), parse_iso_week(last)
    if end < start:
        raise ScopeError(f"period {period} ends before it starts")
    return start, end


def iso_week(monday: date) -> str:
    """ISO week label of a date, e.g. '2024-W05'."""
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"


def choose_scope(weekly: pd.DataFrame, last_published: date | None, week: str | None = None,
                 period: str | None = None) -> Scope:
    """The requested week or period, checked against the data; by default the last complete week."""
    if week is not None and period is not None:
        raise ScopeError("give either a week or a period, not both")
    mondays = sorted(weekly["week_start"].dt.date.unique())
    if not mondays or weekly["n_statements"].sum() == 0:
        raise ScopeError("no statement bears on a configured pair yet (see tension/data/pairs.tsv or --pairs): "
                         "there is no week to report")
    covers = f"the data covers {iso_week(mondays[0])} .. {iso_week(mondays[-1])}"
    if period is not None:
        start, end = parse_period(period)
        first, last = max(start, mondays[0]), min(end, mondays[-1])
        if first > last:
            raise ScopeError(f"no data in {period}; {covers}")
        clipped = (first, last) != (start, end)
        return Scope(first, last, f"Asked for {period}; {covers}." if clipped else "")
    if week is not None:
        monday = parse_iso_week(week)
        if monday not in mondays:
            raise ScopeError(f"no data for {iso_week(monday)}; {covers}")
        return Scope(monday, monday)
    monday = last_complete_week(last_published) if last_published else mondays[-1]
    if monday < mondays[0]:
        return Scope(mondays[-1], mondays[-1], f"No week was requested and no week of the data is complete yet: "
                                               f"this is the last week, {iso_week(mondays[-1])}.")
    return Scope(monday, monday, f"No week was requested: this is the last complete week in the data "
                                 f"(the last document is dated {last_published:%a %d %b %Y})."
                 + _days_read(weekly, monday) + "".join(f" {line}" for line in partial_weeks_after(weekly, monday)))


def _days_read(weekly: pd.DataFrame, monday: date) -> str:
    """' Documents were read on only 1 of its 7 days.' for a week whose days are over but not all read ('' when
    all were): a new user read 'the last complete week' above a table saying '1 of 7 days read'."""
    rows = weekly[weekly["week_start"] == pd.Timestamp(monday)]
    if "days_covered" not in rows or rows["days_covered"].isna().all():
        return ""
    days = int(rows["days_covered"].max())
    return f" Documents were read on only {days} of its 7 days." if days < 7 else ""


def partial_weeks_after(weekly: pd.DataFrame, monday: date) -> list[str]:
    """The weeks of data after `monday` that the default report leaves out because the data ends inside them, each
    with how many days it holds and how to see it: '2022-W52 is partial (6 of 7 days): --week 2022-W52 to see it.'"""
    later = weekly[weekly["week_start"] > pd.Timestamp(monday)]
    lines = []
    for week_start, rows in later.groupby("week_start", sort=True):
        label = iso_week(pd.Timestamp(week_start).date())
        days = int(rows["days_covered"].max()) if "days_covered" in rows and rows["days_covered"].notna().any() else 0
        read = f"{days} of 7 days" if days else "not all 7 days read"
        lines.append(f"{label} is partial ({read}): --week {label} to see it.")
    return lines
