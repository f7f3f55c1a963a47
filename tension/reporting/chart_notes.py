"""The numbered notes under a pair's chart: which flagged weeks get a number, and the line of text each gets (the
week, its departure, the statement that shows it, with its speaker and the voice that passed it on). Apart from
charts.py, which draws the figure and places this text under it."""

from __future__ import annotations

import re
import textwrap

import pandas as pd

MAX_NOTES = 6  # numbered notes of each kind of flag under a chart; the rest are counted in the heading
NOTE_CHARS = 150  # one line per note at the figure's width: longer quotes are cut at a word
MIN_QUOTE_CHARS = 50  # less room than this on a note's line: its quote on a line of its own
BASELINE_WEEKS = 12  # index_parameters' baseline_periods at week grain: the weeks the usual level is taken from


def usual_level(baseline: object, periods: object = None, short: bool = False) -> str:
    """'a usual 0.6', and how few weeks it rests on when some of the 12 before were not read, barely read or
    flagged (intensity_baseline_periods): a surge over a usual level of five quiet weeks says so. `short`: for a
    chart's note line ('a usual 0.6 of 5 weeks')."""
    text = f"a usual {float(baseline):.1f}"
    if periods is not None and not pd.isna(periods) and int(periods) < BASELINE_WEEKS:
        text += (f" of {int(periods)} weeks" if short else
                 f" (from {int(periods)} of the {BASELINE_WEEKS} weeks before; the others unread, barely read or "
                 "flagged)")
    return text


def short_quote(text: str, limit: int) -> str:
    """A quote for display: scraped paragraph marks (', , ' in the KCNA archive) as ¶, cut at a word to `limit`."""
    text = " ".join(re.sub(r"\s*(?:,\s*){2,}", " ¶ ", str(text)).split()).strip(" ¶")
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;: ¶") + "…"


def _who(row: pd.Series) -> str:
    """'KCNA (state media), reported by Yonhap': the speaker, and the voice that passed the words or act on."""
    speaker = short_quote(row["speaker"], 60) if pd.notna(row.get("speaker")) else "unknown speaker"
    reporter = row.get("reported_by")
    if reporter is not None and not pd.isna(reporter) and str(reporter).strip():
        speaker += f", reported by {short_quote(reporter, 40)}"
    return speaker


def _note_quote(line: str, quote: object) -> str:
    """The note's line and its quote, cut to the figure's width; when the line leaves less than MIN_QUOTE_CHARS
    for the quote (a long speaker and reporter), the quote goes on a second, indented line."""
    if quote is None or pd.isna(quote):
        return _wrapped(line.rstrip(": "))
    room = NOTE_CHARS - len(line)
    if room >= MIN_QUOTE_CHARS:
        return f"{line}“{short_quote(quote, room)}”"
    return f"{_wrapped(line.rstrip())}\n      “{short_quote(quote, NOTE_CHARS - 6)}”"


def _wrapped(line: str) -> str:
    """A note's line longer than the figure's width (a long speaker and reporter) on indented lines of its own: past
    NOTE_CHARS the figure cut it off (session 21's tester: "…, reported by South Korea'")."""
    return "\n".join(textwrap.wrap(line, NOTE_CHARS, subsequent_indent="      ", break_on_hyphens=False))


def note_lines(notes: pd.DataFrame, numbers: dict[pd.Timestamp, int]) -> list[str]:
    """One line per numbered flagged week: week, index, departure and its statement (speaker, reporter: quote)."""
    lines = []
    by_week = notes.assign(week_start=pd.to_datetime(notes["week_start"])).set_index("week_start")
    for monday, number in sorted(numbers.items(), key=lambda item: item[1]):
        row = by_week.loc[monday]
        side = "above" if row["departure_z"] >= 0 else "below"
        index = f"{row['index_value']:+.2f}".replace("-", "−")
        line = f"{number}  {row['iso_week']}: index {index}, {abs(row['departure_z']):.1f} SD {side} baseline — " \
               f"{_who(row)}: "
        lines += _note_quote(line, row["quote"]).splitlines()
    return lines


def surge_lines(surges: pd.DataFrame, numbers: dict[pd.Timestamp, int]) -> list[str]:
    """One line per numbered week of unusually high intensity: its intensity against the usual level, how many hostile
    statements it had, and the most hostile of them (speaker, reporter: quote), which drove it most."""
    lines = []
    shown = surges.assign(week_start=pd.to_datetime(surges["week_start"]))
    first = shown.sort_values("rank" if "rank" in shown else "week_start").drop_duplicates("week_start")
    by_week = first.set_index("week_start")
    for monday, number in sorted(numbers.items(), key=lambda item: item[1]):
        row = by_week.loc[monday]
        hostile = int(row["n_hostile"]) if pd.notna(row.get("n_hostile")) else 0
        line = (f"{number}  {row['iso_week']}: intensity {row['intensity']:.1f}, "
                f"{row['intensity_departure_z']:.1f} SD above "
                f"{usual_level(row['intensity_baseline'], row.get('intensity_baseline_periods'), short=True)} "
                f"({hostile} hostile statement{'s' * (hostile != 1)}); most hostile — {_who(row)}: ")
        lines += _note_quote(line, row["quote"]).splitlines()
    return lines


def numbered_weeks(frame: pd.DataFrame, notes: pd.DataFrame | None, surges: pd.DataFrame | None = None
              ) -> tuple[dict[pd.Timestamp, int], dict[pd.Timestamp, int]]:
    """The flagged weeks that get a number and a note: the MAX_NOTES largest tone departures (▲▼ on the index),
    numbered by date, then the MAX_NOTES largest intensity departures (▲ on the intensity bars), numbered on by
    date. A week flagged on both gets a number on each."""
    tone: dict[pd.Timestamp, int] = {}
    if notes is not None and not notes.empty:
        flagged = set(frame.loc[frame["flagged"], "week_start"])
        shown = notes.assign(week_start=pd.to_datetime(notes["week_start"]))
        shown = shown[shown["week_start"].isin(flagged)]
        shown = shown.reindex(shown["departure_z"].abs().sort_values(ascending=False).index).head(MAX_NOTES)
        tone = {monday: number for number, monday in enumerate(sorted(shown["week_start"]), start=1)}
    high: dict[pd.Timestamp, int] = {}
    if surges is not None and not surges.empty:
        flagged = set(frame.loc[frame["intensity_flagged"], "week_start"])
        shown = surges.assign(week_start=pd.to_datetime(surges["week_start"])).drop_duplicates("week_start")
        shown = shown[shown["week_start"].isin(flagged)]
        shown = shown.reindex(shown["intensity_departure_z"].sort_values(ascending=False).index).head(MAX_NOTES)
        high = {monday: number for number, monday in enumerate(sorted(shown["week_start"]), start=len(tone) + 1)}
    return tone, high


def notes_text(frame: pd.DataFrame, numbers: dict, surge_numbers: dict, lines: list[str], highs: list[str]) -> str:
    """The block under the chart: a heading per kind of flag (saying when only the largest are numbered), then
    its lines."""
    text = []
    if lines:
        total = int(frame["flagged"].sum())
        cut = f" (the {len(numbers)} largest of {total})" if total > len(numbers) else ""
        text += [f"Tone flags ▲▼ on the index{cut} and the statement that shows the departure:"] + lines
    if highs:
        total = int(frame["intensity_flagged"].sum())
        cut = f" (the {len(surge_numbers)} largest of {total})" if total > len(surge_numbers) else ""
        text += [f"Intensity flags ▲ on the bars{cut}, unusually high hostile activity, and what drove it:"] + highs
    return "\n".join(text)
