"""Pair pages: one page per pair — the week's (or period's) sentence, its chart, and the statements that moved the
index (a week) or the flagged and surging weeks (a period)."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

import pandas as pd
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, PageBreak, Spacer, Table

from tension.reporting import charts
from tension.reporting.chart_notes import usual_level
from tension.reporting.data import ReportData, highest_weeks, names_its_kind, week_rows
from tension.reporting.layout import CHART_WEEKS, page_chart, flow_height, paragraph, file_stem, wrapped_table
from tension.reporting.scope import Scope
from tension.reporting.text import (
    ARROWS, cell_text, composition_text, coverage_text, cue_summary, display_quote, flag_text, intensity_level_text,
    TOP_STATEMENTS, no_direction_text, period_outside_text, reporter_text, shorten, signed, week_span,
)

# Quotes are printed whole up to what a table row can hold on one page; a longer one is cut and its id given.
QUOTE_CHARS = 700
MAX_FLAGGED_ROWS = 30
CHART_NOTE = (
    "Top: weekly index (black) with its 95% interval (grey band) and 4-week trend (broad grey line); hollow circles: "
    "thin weeks (fewer than 3 state-voice statements, or all from 1 document); ▲/▼ flagged weeks (tone). "
    "Middle: the two directed halves on the same scale. Bottom: intensity, hostile statements weighted by hostility "
    "per 100 documents of typical coverage, with its usual level of the 12 weeks before, ▲ weeks left out (dashed); black bars "
    "marked ▲: unusually high weeks (intensity flags); numbers on both panels as in the notes under the chart; "
    "hatched: weeks with no document read (a feed gap, not a calm week); dotted: "
    "weeks read under a quarter of a typical week (too little for a low bar to mean calm). A gap in "
    "the lines is a week without statements, not a zero.")


def _thin_reason(row: pd.Series) -> str:
    """Why a week is thin: too few state-voice statements, or all of them in one document."""
    statements, documents = int(row["n_state_statements"]), int(row["n_documents"])
    if statements < 3:
        return f"only {statements} state-voice statement{'s' * (statements != 1)}"
    return f"all {statements} state-voice statements from {documents} document{'s' * (documents != 1)}"


def _pair_sentence(row: pd.Series, before: pd.Series | None, earlier: pd.Series | None = None) -> str:
    if row["n_statements"] == 0:
        return "No statements this week."
    intensity = ""
    if pd.notna(row.get("intensity")):
        level = intensity_level_text(row) if not row.get("partial") else "part of the week read: not compared"
        intensity = f"Intensity <b>{float(row['intensity']):.1f}</b>, {level}. "
    parts = [f"{intensity}Tone index <b>{signed(row['index_value'])}</b> "
             f"[{signed(row['ci_low'])}, {signed(row['ci_high'])}]"
             + (f" — thin: {_thin_reason(row)}, read it as an anecdote" if row.get("thin") else "")]
    if before is not None and before.get("partial") and pd.notna(before["index_value"]):
        days = int(before["days_covered"])
        parts[0] += (f"; the week before holds only {days} day{'s' * (days != 1)} of data "
                     f"({signed(before['index_value'])}), too little to compare with")
    elif before is not None and pd.notna(before["index_value"]):
        parts[0] += f", {signed(before['index_value'])} the week before"
    direction = ARROWS.get(row["trend_direction"])
    parts.append(f"4-week trend {signed(row['trend'])}, {direction}" if direction else
                 f"4-week trend {signed(row['trend'])}; {no_direction_text(earlier)}")
    parts.append(flag_text(row).replace("<b>", "").replace("</b>", ""))
    statements, documents = int(row["n_statements"]), int(row["n_documents"])
    parts.append(f"{statements} state-voice statement{'s' * (statements != 1)} (counted in the index) in {documents} "
                 f"document{'s' * (documents != 1)}: "
                 f"{escape(row['direction_a_to_b'])} {signed(row['hostility_a_to_b'])} ({int(row['n_a_to_b'])}), "
                 f"{escape(row['direction_b_to_a'])} {signed(row['hostility_b_to_a'])} ({int(row['n_b_to_a'])})")
    return "; ".join(parts) + "."


def _statement_table(rows: pd.DataFrame, styles: dict[str, ParagraphStyle]) -> Table:
    table = [["Statement (full quote) and its id", "Speaker (country)", "Direction", "Outlet", "Date", "Score",
              "Adds to the tone index", "Cues (contribution) and VADER (→ its part)"]]
    for s in one_row_per_sentence(rows).head(TOP_STATEMENTS).itertuples(index=False):
        actor, mention, role = cell_text(s.speaker_actor, ""), cell_text(s.speaker, ""), cell_text(s.speaker_role, "")
        # The resolved actor first; the words the article used and the role help a reader check the resolution.
        name = actor or mention or "—"
        # A country speaking, or an institution named with its country ("foreign ministry (KOR)"): not twice.
        code = cell_text(s.source_country, "")
        country = f" ({code})" if code and name != code and not name.endswith(f"({code})") else ""
        speaker = escape(name + country)
        if actor and mention and mention != actor:
            speaker += f"<br/><font size=7 color='#555555'>as “{escape(shorten(mention, 40))}”</font>"
        if role and role.lower() not in speaker.lower():
            speaker += f"<br/><font size=7 color='#555555'>{escape(role)}</font>"
        kind = cell_text(getattr(s, "speaker_kind", None), "")
        if kind and not names_its_kind(name, kind):
            speaker += f"<br/><font size=7 color='#555555'>{escape(kind.replace('_', ' '))}</font>"
        reporter = reporter_text(getattr(s, "reported_by", None))
        if reporter:  # whose words or act these are is the speaker; who told them, the reporter
            speaker += f"<br/><i>{escape(reporter)}</i>"
        published = pd.Timestamp(s.published)
        text = display_quote(s.content, QUOTE_CHARS)
        cut = " (cut: the whole statement is in pair_statements)" if text.endswith("…") else ""
        quote = f"“{escape(text)}”"
        sentence = " ".join(cell_text(getattr(s, "source_sentence", None), "").split())
        if sentence and len(sentence) > len(" ".join(str(s.content).split())) + 10:
            # the statement is a clause of a longer sentence: the sentence too, so the clause is read in context
            quote += (f"<br/><font size=7 color='#555555'>in the sentence: "
                      f"“{escape(display_quote(sentence, QUOTE_CHARS))}”</font>")
        quote += f"<br/><font size=7 color='#555555'>{escape(s.statement_id)}{cut}"
        also = getattr(s, "same_sentence", "")
        quote += (f" · same sentence: {escape(also)}" if also else "") + "</font>"
        table.append([
            quote, speaker, escape(s.direction), escape(cell_text(getattr(s, "outlet", None) or s.source)),
            f"{published.day} {published:%b %Y}" + happened_on(published, getattr(s, "occurred", None)),
            f"<b>{signed(s.hostility)}</b>", signed(s.contribution),
            escape(cue_summary(s.explanation)),
        ])
    return wrapped_table(table, [8.6, 3.5, 2.0, 2.4, 1.9, 1.4, 1.5, 5.4], styles)


def happened_on(published: pd.Timestamp, occurred) -> str:
    """A line under a statement's publication date when its text dates it to another day ("fired on Sunday" in a
    Monday item): the statement counts in that day's week (statement_scores.effective_date)."""
    if occurred is None or pd.isna(occurred):
        return ""
    day = pd.Timestamp(occurred)
    if day.normalize() == published.normalize():
        return ""
    return f"<br/><font size=7 color='#555555'>happened {day:%a} {day.day} {day:%b}</font>"


def one_row_per_sentence(rows: pd.DataFrame) -> pd.DataFrame:
    """The statements in their order, one row per source sentence: a sentence read as two statements (Lee's words
    and the DPRK act he reports) shows once, under its largest share, naming the other statements it also gave."""
    if rows.empty or "sentence_index" not in rows:
        return rows
    key = rows["doc_id"].astype(str) + "#" + rows["sentence_index"].astype(str)
    labels = rows.apply(lambda r: f"{r['statement_id']} ({r['direction']}, {signed(r['hostility'])})", axis=1)
    others = {k: list(v) for k, v in labels.groupby(key)}
    first = ~key.duplicated()
    kept = rows[first].copy()
    kept["same_sentence"] = [", ".join(x for x in others[k] if x != label)
                             for k, label in zip(key[first], labels[first])]
    return kept


def _never(data: ReportData, pair_id: str) -> str:
    """'; <b>no statement in the whole database ...</b>' for a pair no statement ever bore on (data.never_stated)."""
    return f"; <b>{escape(data.never[pair_id])}</b>" if pair_id in data.never else ""


def _flag_notes(text: str, styles: dict[str, ParagraphStyle]) -> list:
    """The chart's numbered notes (charts.weekly_notes_text) as paragraphs under it, at the page's full width: a
    heading per kind of flag, then one paragraph per numbered week (the figure's wrapped lines joined again)."""
    paragraphs: list[str] = []
    for line in text.splitlines():
        if line.startswith(" ") and paragraphs:
            paragraphs[-1] += " " + line.strip()
        else:
            paragraphs.append(line)
    style = ParagraphStyle("flag_note", parent=styles["note"], leftIndent=12, firstLineIndent=-12)
    return [paragraph(escape(p) if p[:1].isdigit() else f"<b>{escape(p)}</b>", style if p[:1].isdigit()
                      else styles["note"]) for p in paragraphs]


def pair_week(data: ReportData, pair_id: str, name: str, scope: Scope, out_dir: Path,
              styles: dict[str, ParagraphStyle]) -> list:
    """A pair's page for a week: its sentence, chart and the statements that moved its index (one line if none)."""
    pair = data.window[data.window["pair_id"] == pair_id].set_index("week_start", drop=False)
    row, before, earlier = week_rows(pair, scope.first)
    if pair["n_statements"].sum() == 0:
        # No page for a pair with nothing to show: one line says so.
        return [Spacer(1, 6), paragraph(f"<b>{escape(name)}</b>: no statements for this pair in the {CHART_WEEKS} "
                                        f"weeks up to {scope.label}; no page{_never(data, pair_id)}.",
                                        styles["body"])]
    story = [PageBreak(), paragraph(escape(f"{name} — week {scope.label}"), styles["h1"]),
             paragraph(_pair_sentence(row, before, earlier), styles["lead"]),
             paragraph(coverage_text(row), styles["note"]),
             paragraph(composition_text(data.composition[data.composition["pair_id"] == pair_id]), styles["note"]),
             Spacer(1, 4)]
    flags, surges = data.notes[data.notes["pair_id"] == pair_id], data.surges[data.surges["pair_id"] == pair_id]
    weeks = pair.reset_index(drop=True)
    figure = charts.weekly_figure(weeks, name, scope.first, flags, surges, notes_below=False)
    note = _flag_notes(charts.weekly_notes_text(weeks, flags, surges), styles) + [
        paragraph(CHART_NOTE, styles["note"])]  # under the chart: its numbered notes, then the caption
    stem = f"{pair_id}_{file_stem(scope)}"
    moving = data.moving[data.moving["pair_id"] == pair_id] if not data.moving.empty else data.moving
    counted = int(row["n_statements"]) if pd.notna(row["n_statements"]) else 0
    if not moving.empty:  # a statement with no share (a 0.00 score) did not move the index: not listed
        moving = moving[moving["contribution"].abs() >= 0.005]
    if moving.empty:
        if not counted:
            said = f"No statements for this pair in week {scope.label}."
        elif counted == 1:
            said = ("The week’s one state-voice statement did not move the index by 0.005 or more (a score near "
                    "0.00): it is not listed here; pair_statements has it (tension sql).")
        else:
            said = (f"None of the week’s {counted} state-voice statements moved the index by 0.005 or more "
                    "(scores near 0.00): none is listed here; pair_statements has them (tension sql).")
        end = [Spacer(1, 6), paragraph(f"<b>{said}</b>", styles["body"])]
        return story + [page_chart(figure, out_dir, stem, 11.5, 7.0, flow_height(*note, *end)), *note, *end]
    shown = min(len(one_row_per_sentence(moving)), TOP_STATEMENTS)
    heading = (f"Statements that moved the index in {scope.label}: the {shown} sentence{'s' * (shown != 1)} with the "
               f"largest share of it, of {int(row['n_statements'])} state-voice statements")
    title, table = paragraph(heading, styles["h2"]), _statement_table(moving, styles)
    # A short table (up to 6 cm) shares the chart's page when the chart gives up to 4.5 cm of its height for it,
    # rather than move alone to a page of its own; a longer one starts below the chart with at least 5 cm of it.
    needed = flow_height(title, table)
    short = needed <= 6 * cm
    reserve = flow_height(*note) + (needed if short else 0.0)  # the note stays with its chart
    return story + [page_chart(figure, out_dir, stem, 11.5, 7.0, reserve), *note,
                    CondPageBreak(needed if short else 5 * cm), title, table]


def pair_period(data: ReportData, pair_id: str, name: str, scope: Scope, out_dir: Path,
                styles: dict[str, ParagraphStyle]) -> list:
    """A pair's page for a period: its summary, chart, flagged weeks and weeks of unusually high intensity."""
    pair = data.window[data.window["pair_id"] == pair_id]
    filled = pair[pair["n_statements"] > 0]
    if filled.empty:
        return [Spacer(1, 6), paragraph(f"<b>{escape(name)}</b>: no statements for this pair in {scope.label}; "
                                        f"no page{_never(data, pair_id)}.", styles["body"])]
    story = [PageBreak(), paragraph(escape(f"{name} — {scope.label}"), styles["h1"]),
             paragraph(composition_text(data.composition[data.composition["pair_id"] == pair_id]), styles["note"])]
    low, high = filled.loc[filled["index_value"].idxmin()], filled.loc[filled["index_value"].idxmax()]
    notes = data.notes[data.notes["pair_id"] == pair_id]
    flags = (f"{len(notes)} flagged week{'s' * (len(notes) != 1)}, listed after the chart" if len(notes)
             else "no week departed from its 12-week baseline by 2.5 SD or more")
    # Documents once each over the period (the weekly n_documents would count one per week it touches).
    documents, statements = data.period_documents.get(pair_id, 0), int(filled["n_statements"].sum())
    story.append(paragraph(
        f"Index over the period <b>{signed(data.period_index.get(pair_id))}</b> ({documents} "
        f"document{'s' * (documents != 1)}, {statements} state-voice statement{'s' * (statements != 1)} (counted in "
        f"the index) in {len(filled)} of "
        f"{len(pair)} weeks"
        + (f", {int(filled['thin'].sum())} of them thin: fewer than 3 state-voice statements or all from 1 document"
           if filled["thin"].any() else "") + "); weekly "
        f"values from {signed(low['index_value'])} ({low['iso_week']}) to {signed(high['index_value'])} "
        f"({high['iso_week']}); {flags}." + period_outside_text(data.period_index.get(pair_id), low, high),
        styles["lead"]))
    pair_surges = data.surges[data.surges["pair_id"] == pair_id]
    figure = charts.weekly_figure(pair, name, None, notes, pair_surges, notes_below=False)
    note = _flag_notes(charts.weekly_notes_text(pair, notes, pair_surges), styles) + [
        paragraph(CHART_NOTE, styles["note"])]  # under the chart: its numbered notes, then the caption
    surges = _surge_section(data.surges[data.surges["pair_id"] == pair_id], styles)
    highest = _highest_week_section(data, pair_id, pair, styles)
    if notes.empty:
        # the chart shrinks (down to 7 cm) to keep its caption on its page
        return story + [Spacer(1, 4), page_chart(figure, out_dir, f"{pair_id}_{file_stem(scope)}", 12.5, 7.0,
                                                 flow_height(*note)), *note, *highest, *surges]
    rows = [["Week", "Index (95% interval)", "Change", "Departure", "Statement that shows it; who spoke that week",
             "Outlet, date", "Score"]]
    merged = notes.merge(pair[["week_start", "ci_low", "ci_high", "change", "baseline"]], on="week_start")
    for n in merged.head(MAX_FLAGGED_ROWS).itertuples(index=False):
        published = pd.Timestamp(n.published) if pd.notna(n.published) else None
        rows.append([
            f"<b>{n.iso_week}</b><br/>{week_span(pd.Timestamp(n.week_start).date())}",
            f"{signed(n.index_value)} [{signed(n.ci_low)}, {signed(n.ci_high)}]", signed(n.change),
            f"{'▲' if n.departure_z > 0 else '▼'} {abs(n.departure_z):.1f} SD from {signed(n.baseline)}",
            _said(n) + "<br/><font size=7>"
            + composition_text(data.composition[(data.composition["pair_id"] == pair_id)
                                                & (pd.to_datetime(data.composition["week_start"])
                                                   == pd.Timestamp(n.week_start))]) + "</font>",
            (f"{escape(cell_text(n.outlet))}<br/>{published:%d %b %Y}"
             + happened_on(published, getattr(n, "occurred", None)) if published is not None else "—"),
            signed(n.hostility),
        ])
    title = paragraph(f"Flagged weeks ({len(merged)})", styles["h2"])
    table = wrapped_table(rows, [3.2, 3.4, 1.9, 3.4, 10.3, 2.8, 1.4], styles)
    # As on a week's page: a short table shares the chart's page, the chart giving up some of its height for it.
    needed = flow_height(title, table)
    short = needed <= 9 * cm
    chart = page_chart(figure, out_dir, f"{pair_id}_{file_stem(scope)}", 12.5, 7.0,
                       flow_height(*note) + (needed if short else 0.0))
    return story + [Spacer(1, 4), chart, *note, CondPageBreak(needed if short else 5 * cm), title, table, *highest,
                    *surges]


def _highest_week_section(data: ReportData, pair_id: str, pair: pd.DataFrame, styles: dict[str, ParagraphStyle]
                          ) -> list:
    """The statements behind a period's highest weeks, as a week's page lists them: of its highest intensity (its
    most hostile statements first) and of its highest tone index (largest share first), once when they are one
    week. The README's "every report lists its statements" held for flagged weeks only, and an analyst could not
    check Japan–ROK's highest week (2024-W42, a trilateral act against the DPRK read as hostility between its
    partners) from the PDF (session 25)."""
    if data.highest.empty:
        return []
    weeks = highest_weeks(pair).get(pair_id, {})
    story: list = []
    for what, monday in weeks.items():
        if what == "tone" and weeks.get("intensity") == monday:
            continue  # one week: its table is there already
        row = pair[pair["week_start"] == monday].iloc[0]
        rows = data.highest[(data.highest["pair_id"] == pair_id)
                            & (pd.to_datetime(data.highest["week_start"]) == pd.Timestamp(monday))]
        counted = int(row["n_statements"])
        both = what == "intensity" and weeks.get("tone") == monday
        label = (f"{row['iso_week']}, the week of the highest intensity ({float(row['intensity']):.1f})"
                 + (f" and of the highest tone index ({signed(row['index_value'])})" if both else "")
                 if what == "intensity" else
                 f"{row['iso_week']}, the week of the highest tone index ({signed(row['index_value'])})")
        of = f"of {counted} state-voice statement{'s' * (counted != 1)}"
        if what == "intensity":
            rows = rows[rows["hostility"] > 0].sort_values(["hostility", "statement_id"], ascending=[False, True])
        else:
            rows = rows[rows["contribution"].abs() >= 0.005]  # as on a week's page: a 0.00 share moved nothing
        if rows.empty:
            story += [Spacer(1, 6), paragraph(f"<b>Statements of {label}: none to list here ({of}); "
                                              "pair_statements has them (tension sql).</b>", styles["body"])]
            continue
        shown = min(len(one_row_per_sentence(rows)), TOP_STATEMENTS)
        sentences = f"{shown} sentence{'s' * (shown != 1)}"
        title = paragraph(f"Statements of {label}: " + (
            f"its {shown} hostile {sentences.split(' ', 1)[1]} (what intensity sums), most hostile first, {of}"
            if what == "intensity" else f"the {sentences} with the largest share of the index, {of}"), styles["h2"])
        story += [CondPageBreak(5 * cm), title, _statement_table(rows, styles)]
    return story


def _said(n: object, limit: int | None = QUOTE_CHARS) -> str:
    """A statement in a flag's table: speaker in bold, the reporter who passed it on, the quote and its id."""
    reporter = reporter_text(getattr(n, "reported_by", None))
    return (f"<b>{escape(cell_text(n.speaker))}</b>" + (f", <i>{escape(reporter)}</i>" if reporter else "")
            + f": “{escape(display_quote(cell_text(n.quote, ''), limit))}”"
            f"<br/><font size=7 color='#555555'>{escape(cell_text(n.statement_id))}</font>")


def _surge_section(surges: pd.DataFrame, styles: dict[str, ParagraphStyle]) -> list:
    """The weeks of unusually high intensity, each with what drove it: its most hostile statements (speaker,
    reporter, quote, outlet and date, score), most hostile first."""
    if surges.empty:
        return []
    rows = [["Week", "Intensity against its usual level", "Hostile state-voice statements (documents)",
             "What drove it: its most hostile statements", "Outlet, date", "Score"]]
    weeks = surges.groupby(["pair_id", "week_start"], sort=False)
    for _, week in list(weeks)[:MAX_FLAGGED_ROWS]:
        # One row per statement; the week's own cells on its first row only.
        for number, s in enumerate(week.itertuples(index=False)):
            published = pd.Timestamp(s.published) if pd.notna(s.published) else None
            first = number == 0
            rows.append([
                f"<b>{s.iso_week}</b><br/>{week_span(pd.Timestamp(s.week_start).date())}" if first else "",
                f"<b>{s.intensity:.1f}</b>: ▲ {s.intensity_departure_z:.1f} SD above "
                f"{usual_level(s.intensity_baseline, getattr(s, 'intensity_baseline_periods', None))}"
                if first else "",
                f"{int(s.n_hostile)} ({int(s.n_documents)})" if first else "",
                _said(s, QUOTE_CHARS // 2) if pd.notna(s.statement_id) else "—",
                (f"{escape(cell_text(s.outlet))}<br/>{published:%d %b %Y}"
                 + happened_on(published, getattr(s, "occurred", None)) if published is not None else "—"),
                signed(s.hostility),
            ])
    return [CondPageBreak(5 * cm), paragraph(f"Weeks of unusually high intensity ({weeks.ngroups})", styles["h2"]),
            wrapped_table(rows, [3.2, 4.0, 2.6, 11.2, 2.8, 1.4], styles)]
