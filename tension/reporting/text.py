"""Report text: how the report words values, changes, trends, flags, speakers and cues in its cells and sentences.

Pure functions of rows and numbers (no layout, no I/O); tension.reporting.report places them on pages.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from xml.sax.saxutils import escape

import pandas as pd

from tension.reporting import chart_notes

ARROWS = {"rising": "↑ rising", "falling": "↓ falling", "steady": "→ steady"}


def week_span(monday: date, last_monday: date | None = None) -> str:
    """Monday to Sunday in words, e.g. '29 Jan – 4 Feb 2024'."""
    sunday = (last_monday or monday) + timedelta(days=6)
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


def display_quote(text: str, limit: int | None) -> str:
    """A quote for the page, which prints it inside “…”: scraped paragraph marks (', , ' in the KCNA archive) shown
    as ¶, double quotation marks inside it made single (‘…’, as a quote within a quote is printed: a statement ending
    in a quotation gave “… games.””), then shortened to `limit` characters (None: the whole quote)."""
    return chart_notes.short_quote(_inner_quotes(str(text)), limit if limit is not None else len(str(text)) + 1)


def _inner_quotes(text: str) -> str:
    """Double quotation marks as single ones: curly by their own direction, straight ones opening after a space, a
    bracket or the start, closing elsewhere."""
    out = []
    for i, ch in enumerate(text):
        if ch == "“":
            out.append("‘")
        elif ch == "”":
            out.append("’")
        elif ch == '"':
            out.append("‘" if i == 0 or text[i - 1].isspace() or text[i - 1] in "([{—–-" else "’")
        else:
            out.append(ch)
    return "".join(out)


def cue_summary(explanation: str | None, limit: int = 8) -> str:
    """Cues that fired, counted, strongest first (at most `limit`), then VADER and its part of the sum:
    'protest +0.35 ×2; VADER −0.73 (→ +0.15)'.
    Each cue shows its contribution (weight × factor: a reversed cue's sign flips, a hedged one shrinks); explanations
    stored before contributions were kept show the weight."""
    parts = json.loads(explanation) if explanation else {}
    counts: dict[str, int] = {}
    weights: dict[str, float] = {}
    for c in parts.get("cues", []):
        value = c.get("contribution", c.get("weight"))
        # Non-breaking spaces keep each value on the line of its word when the cell wraps.
        key = f"{c.get('matched') or c.get('cue')}\u00a0{signed(value)}"
        key += " (negated)" * bool(c.get("negated"))
        counts[key] = counts.get(key, 0) + 1
        weights[key] = 0.0 if c.get("negated") else abs(value or 0)
    ranked = sorted(counts, key=lambda key: -weights[key] * counts[key])  # stable: ties keep their order
    cues = [key + (f"\u00a0×{counts[key]}" if counts[key] > 1 else "") for key in ranked[:limit]]
    if len(ranked) > limit:
        cues.append(f"{len(ranked) - limit} more cues")
    cues.append(f"VADER\u00a0{signed(parts.get('vader_compound'))}" + vader_part_text(parts))
    if parts.get("modality") not in (None, "asserted"):
        cues.append(modality_words(parts["modality"], parts.get("modality_factor", 1)))
    if parts.get("cut_lead"):
        # the cues above are the headline's (tension/score/cut_lead.py): say so, with what the lead's own words gave
        cues.append(f"the feed cut this lead short: cues and score are its headline's (its own words "
                    f"{signed(parts.get('own_hostility'))})")
    return "; ".join(cues)


# A statement's modality as an analyst says it (the column's values are codes: 'reported', 'threat_or_future').
MODALITY_WORDS = {"reported": "reported by another voice", "threat_or_future": "a threat or a plan",
                  "hypothetical": "hypothetical (an “if”)", "negated": "negated (“did not”)"}


def modality_words(modality: str, factor: float | None) -> str:
    """'reported by another voice', 'negated (“did not”): score ×0.3': the modality in words, and what it did to
    the score when it changed it (a factor of 1 changes nothing, so it is not printed)."""
    words = MODALITY_WORDS.get(modality, str(modality).replace("_", " "))
    factor = 1.0 if factor is None or pd.isna(factor) else float(factor)
    return words if factor == 1 else f"{words}: score\u00a0×{factor:g}"


def reporter_text(reported_by: object) -> str:
    """'reported by South Korea's Joint Chiefs of Staff' for a statement another voice passes on (pair_statements.
    reported_by: the speaker is whose act or words they are, the reporter who told them); '' when the speaker said it
    themselves."""
    name = cell_text(reported_by, "")
    return f"reported by {' '.join(name.split())}" if name.strip() else ""


def vader_part_text(parts: dict) -> str:
    """What VADER's compound added to the sum the score is made of, on the cues' scale: the stored `vader_part`
    (VADER's weight × −compound, so a negative tone pulls toward hostile), ' (→ +0.15)'; '' for explanations stored
    before it was kept."""
    part = parts.get("vader_part")
    if part is None and parts.get("vader_weight") is not None and parts.get("vader_compound") is not None:
        part = -float(parts["vader_weight"]) * float(parts["vader_compound"])
    return "" if part is None else f"\u00a0(→\u00a0{signed(part)})"


def cell_text(value: object, missing: str = "—") -> str:
    """A cell's text: `missing` for NULL or empty."""
    return missing if value is None or (not isinstance(value, str) and pd.isna(value)) or value == "" else str(value)


def speaker_name(s: pd.Series | object) -> str:
    return cell_text(getattr(s, "speaker_actor", None), cell_text(getattr(s, "speaker", None), "unknown speaker"))


def change_text(row: pd.Series, before: pd.Series | None) -> str:
    """Change vs the previous week, marked beyond noise when it exceeds 1.96 standard errors of the difference; a
    dash says why there is none (a reader saw a bare dash beside Yonhap's first week of 2026 and could not tell that
    the week before held one day of data, which is by design no week to compare with)."""
    if before is None or pd.isna(row["change"]):
        return f"—<br/><font size=7>{no_change_text(before)}</font>"
    beyond = beyond_noise(row, before)
    return f"{signed(row['change'])}<br/><font size=7>{'beyond noise' if beyond else 'within noise'}</font>"


def beyond_noise(row: pd.Series, before: pd.Series | None) -> bool | None:
    """Whether the change against the week before exceeds 1.96 standard errors of the difference (None: no change
    computed)."""
    if before is None or pd.isna(row.get("change")):
        return None
    return bool(abs(row["change"]) > 1.96 * (row["index_se"] ** 2 + before["index_se"] ** 2) ** 0.5)


def no_change_text(before: pd.Series | None) -> str:
    """Why a week has no change against the week before, in words."""
    if before is None:
        return "no week before in the data"
    if before.get("partial") and pd.notna(before.get("days_covered")):
        days = int(before["days_covered"])
        return f"the week before holds only {days} day{'s' * (days != 1)} of data: too little to compare with"
    if before.get("partial"):
        return "the week before is only partly read: too little to compare with"
    if pd.isna(before.get("index_value")):
        return "no statements the week before"
    return "no change computed"


# Statements a pair's week page lists (one row per sentence, largest share first).
TOP_STATEMENTS = 10


def reason_text(moving: pd.DataFrame, change: float | None, beyond: bool | None = True,
                index_value: float | None = None) -> str:
    """The statement that moved the index most in the direction of the change, in one line; when the change is
    within noise (`beyond` False), the statement with the largest share in the direction the week's index
    (`index_value`, else the sum of the shares) leans: what the week rests on, since nothing moved it beyond noise."""
    if moving.empty:
        return "no statements this week"
    lead = ""
    if beyond is False:
        # The DPRK–Japan week at +0.38, 19 of 21 statements hostile, fell 0.06 (within noise): the most cooperative
        # statement was named as what moved it (session 25's tester). Within noise, no statement moved it.
        level = moving["contribution"].sum() if index_value is None or pd.isna(index_value) else float(index_value)
        leaning = moving[moving["contribution"] * level > 0] if level else moving.iloc[0:0]
        top = (leaning if not leaning.empty else moving)
        top = top.loc[top["contribution"].abs().idxmax()]
        lead = (f"nothing moved it beyond noise (change {signed(change)}, within noise); the largest share of its "
                f"{signed(level)}: ")
    elif change is None or pd.isna(change) or change == 0:
        top = moving.loc[moving["contribution"].abs().idxmax()]
    else:
        top = moving.loc[moving["contribution"].idxmax() if change > 0 else moving["contribution"].idxmin()]
        if top["contribution"] * change <= 0:
            # No statement pulls the way the index moved (an analyst found a hostile statement named as the
            # reason the index fell): it moved because the week's statements pull the other way less.
            lead = (f"no statement pushed it {'up' if change > 0 else 'down'}: the week's statements all lean "
                    f"{'cooperative' if change > 0 else 'hostile'} or neutral, less than the week before. Largest "
                    "share: ")
            top = moving.loc[moving["contribution"].abs().idxmax()]
    reporter = reporter_text(top.get("reported_by"))
    # The speaker's kind beside the name, as the statement tables show it: a military's assessment of the other side
    # read as hostile (a Yonhap week's mover, session 12) is then seen as the military's words, not the government's.
    kind = cell_text(top.get("speaker_kind"), "")
    return lead + (f"<b>{escape(speaker_name(top))}</b> ({escape(kind) + '; ' if kind else ''}"
                   f"{escape(top['direction'])}, {signed(top['hostility'])})"
            + (f", <i>{escape(reporter)}</i>" if reporter else "") + ": "
            f"“{escape(display_quote(top['content'], 160))}” <font size=7 color='#555555'>"
            f"{escape(str(top['statement_id']))}, whole "
            f"{'in the table of its pair' if top.get('rank', 0) <= TOP_STATEMENTS else 'in pair_statements'}</font>")


def trend_text(row: pd.Series, earlier: pd.Series | None = None) -> str:
    """The 4-week trend and its direction; the direction needs the trend of 4 weeks earlier to compare with
    (`earlier`: the pair's row of that week, None when the data starts after it)."""
    direction = ARROWS.get(row["trend_direction"])
    if direction:
        return f"{direction}<br/>{signed(row['trend'])}"
    return f"{signed(row['trend'])}<br/><font size=7>{no_direction_text(earlier)}</font>"


def no_direction_text(earlier: pd.Series | None) -> str:
    """Why a trend has no direction: no trend 4 weeks earlier, because that week had no statements, or because the
    data does not reach back that far."""
    if earlier is None:
        return "too early for a direction: the data starts under 4 weeks before"
    if pd.isna(earlier.get("trend")):
        if _true(earlier.get("feed_gap")):
            # not "no statements": nothing at all was read that week (a gap in the feeds, or before the data)
            return f"no trend 4 weeks earlier to compare with ({earlier['iso_week']} was not read: no document)"
        return f"no trend 4 weeks earlier to compare with (no statements in {earlier['iso_week']})"
    return "no direction: its uncertainty could not be computed"


def period_week_cell(row: pd.Series, after: str = "") -> str:
    """A week named in the period table (lowest, highest, last): its tone index and ISO week, marked as the "How to
    read" page says when it is thin or partly read (a reviewer found a period's lowest week resting on 1 statement and
    its last week 6 days long, neither marked)."""
    cell = f"{signed(row['index_value'], 'no statements')} ({row['iso_week']}){after}"
    marks = []
    if _true(row.get("thin")):
        n = int(row["n_state_statements"])
        marks.append(f"thin: {n} state-voice statement{'s' * (n != 1)}")
    if _true(row.get("partial")):
        days = row.get("days_covered")
        marks.append(f"partial: {int(days)} of 7 days read" if _number(days) else "partial week")
    return cell + (f"<br/><font size=7>{'; '.join(marks)}</font>" if marks else "")


def index_cell(row: pd.Series) -> str:
    """The index with its interval; a thin week says it rests on too few state voices instead of looking firm."""
    cell = f"<b>{signed(row['index_value'])}</b><br/>[{signed(row['ci_low'])}, {signed(row['ci_high'])}]"
    if row.get("thin"):
        n = int(row["n_state_statements"])
        cell = (f"<font color='#777777'>{cell}</font><br/><font size=7>thin: {n} state-voice "
                f"statement{'s' * (n != 1)}</font>")
    return cell


def intensity_text(row: pd.Series) -> str:
    """Intensity, or why there is none (nothing read); a partly read week says how many days it holds; then, in
    words, how it compares with the pair's usual level (intensity_baseline, intensity_flagged)."""
    if row.get("feed_gap") or pd.isna(row.get("intensity")):
        return "nothing read"
    text = f"<b>{float(row['intensity']):.1f}</b>"
    if row.get("partial"):
        return text + f"<br/><font size=7>{partial_week_text(row)}</font>" + intensity_sum_text(row)
    if _true(row.get("low_coverage")) and not _true(row.get("intensity_flagged")):
        documents = int(row["coverage_documents"])
        return text + (f"<br/><font size=7>only {documents} document{'s' * (documents != 1)} read, under a quarter "
                       f"of a typical week: a low value is no sign of calm</font>") + intensity_sum_text(row)
    return text + f"<br/><font size=7>{intensity_level_text(row)}</font>" + intensity_sum_text(row)


def intensity_sum_text(row: pd.Series) -> str:
    """The figures intensity is made of, so that a reader can recompute it: 100 × the week's hostility summed over
    its hostile statements ÷ the documents of a typical week (typical_coverage, not the week's own coverage: a
    reviewer saw 248.8 beside "49 documents read" and could not find the 8.7 it divides by)."""
    hostile, typical = row.get("hostile_sum"), row.get("typical_coverage")
    if not (_number(hostile) and _number(typical)) or float(typical) <= 0 or float(hostile) <= 0:
        return ""  # 0 needs no sum
    return (f"<br/><font size=7>= 100 × {float(hostile):.2f} ÷ {float(typical):.1f} documents in a typical week"
            "</font>")


def _number(value: object) -> bool:
    return value is not None and not pd.isna(value)


def partial_week_text(row: pd.Series) -> str:
    """Why a partly read week's intensity is not compared with its usual level (the PDF and the console)."""
    return f"{int(row['days_covered'])} of 7 days read: not compared with its usual level"


def intensity_level_text(row: pd.Series) -> str:
    """Intensity against its usual level of the 12 weeks before (the square of the mean of their square roots), in
    plain words. Only high weeks are marked (METHODOLOGY §3): under 1 SD above the usual level is "within its usual
    range", 1 to 2.5 SD says its distance and that it stays under the mark; nothing is called low."""
    baseline, z = row.get("intensity_baseline"), row.get("intensity_departure_z")
    if baseline is None or z is None or pd.isna(baseline) or pd.isna(z):
        return "no usual level yet (needs 4 earlier weeks read)"
    usual, z = chart_notes.usual_level(baseline, row.get("intensity_baseline_periods")), float(z)
    if _true(row.get("intensity_flagged")):
        return f"<b>▲ unusually high</b>: {z:.1f} SD above {usual}"
    if z >= 2.5:
        return f"{z:.1f} SD above {usual} — high, but from a single document"
    if z >= 1:
        return f"{z:.1f} SD above {usual} — high, but under the 2.5 SD mark"
    return f"within its usual range (usual level {float(baseline):.1f})"


def _true(value: object) -> bool:
    return value is not None and not pd.isna(value) and bool(value)


def coverage_text(row: pd.Series) -> str:
    """What was read in the week, from every source, and whether the week is whole."""
    if row.get("feed_gap"):
        return "Coverage: nothing was read this week (a gap in the feeds, not a calm week)."
    documents, outlets, days = int(row["coverage_documents"]), int(row["outlets"]), int(row["days_covered"])
    text = (f"Coverage: {documents} document{'s' * (documents != 1)} read from {outlets} source"
            f"{'s' * (outlets != 1)} on {days} of 7 days (a story carried by several outlets or revised counts once; "
            "a source is a feed or a name as the metadata gives it, and several feeds of one outlet are one row of "
            "the outlet table)")
    if row.get("partial"):
        text += "; the data starts or ends inside this week, so part of it was never read"
    elif _true(row.get("low_coverage")):
        text += (f", under a quarter of a typical week ({float(row['typical_coverage']):.0f}): too little read "
                 "for a low intensity to mean calm")
    if _number(row.get("typical_coverage")):
        text += (f"; a typical week: {float(row['typical_coverage']):.1f} documents (the mean of the weeks read in "
                 "the last year: what intensity divides by)")
    return escape(text) + "."


def composition_text(composition: pd.DataFrame) -> str:
    """Who the statements come from, every voice (report_composition: pair_statements, state voices and the others):
    how many, how many of them the index counts, then counts by speaker kind and by outlet, largest first. Said as
    "all voices" because the pair's sentence counts the state voices only (weekly_index.n_statements)."""
    if composition.empty:
        return "Composition: no statements."
    total = int(composition["n"].sum())
    state = (int(composition.loc[composition["counts_in_index"].astype("boolean").fillna(False).astype(bool), "n"]
                 .sum()) if "counts_in_index" in composition else None)
    # what the index sums (in_index): the state voices less the headlines their leads repeat, which count once, as
    # their lead — said when it differs, so that "counted in the index" never names two numbers (session 21's tester)
    summed = int(composition["n_in_index"].sum()) if "n_in_index" in composition else state
    counted = ("(counted in the index)" if summed == state else
               f"({summed} counted in the index: a headline its lead repeats counts once, as its lead)")
    head = f"All voices: {total} statement{'s' * (total != 1)}"
    if state is not None and state == total:
        head += f", {'every one ' * (total > 1)}a state voice {counted}"
    elif state == 0:
        head += ", none of them a state voice (none counted in the index)"
    elif state is not None:
        head += f", {state} of them state voice{'s' * (state != 1)} {counted}"
    parts = []
    for column, label in (("speaker_kind", "by speaker kind"), ("outlet", "by outlet")):
        names = composition[column].map(lambda v: cell_text(v, f"(no {column.replace('_', ' ')})"))
        if column == "speaker_kind":
            names = names.str.replace("_", " ")  # 'party legislature', as the statement tables say it
        counts = composition.groupby(names)["n"].sum().sort_values(ascending=False)
        shown = ", ".join(f"{escape(str(k))} {int(v)}" for k, v in counts.head(8).items())
        parts.append(f"{label}: {shown}" + (f", {len(counts) - 8} more" if len(counts) > 8 else ""))
    return head + "; " + "; ".join(parts) + "."


def period_outside_text(period_value: float | None, low: pd.Series, high: pd.Series) -> str:
    """When the period's pooled index lies outside its weekly values, why, in plain words: each week's value has one
    neutral (0) pseudo-document added to its own few documents, which pulls it toward 0; the period adds that one
    document once to all of its documents, so it is pulled much less."""
    if period_value is None or pd.isna(period_value):
        return ""
    value = round(float(period_value), 2)
    if round(float(low["index_value"]), 2) <= value <= round(float(high["index_value"]), 2):
        return ""
    return (f" The period's {signed(value)} lies outside its weekly values: each week's value adds one neutral "
            "(0) document to that week's few documents, which pulls it toward 0, while the period adds that one "
            "neutral document once to all its documents, so it is pulled much less.")


def flag_text(row: pd.Series) -> str:
    if row["flagged"]:
        side = "above" if row["departure_z"] > 0 else "below"
        return f"<b>{'▲' if side == 'above' else '▼'} flagged</b>: {abs(row['departure_z']):.1f} SD {side} " \
               f"baseline {signed(row['baseline'])}"
    if pd.isna(row.get("baseline")) or pd.isna(row.get("departure_z")):
        return "no baseline yet (needs 4 earlier weeks with statements)"
    return f"within baseline {signed(row['baseline'])}"
