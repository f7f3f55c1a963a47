"""What a report shows, read from the published database: the weekly index around its week or period
(tension/reporting/scope.py: which one), the statements that moved it, flagged weeks with their statement, data
quality; and the lines a run prints of it.

Read-only: the report never writes to the database. The weekly index itself is kept by tension.warehouse.aggregate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import duckdb
import pandas as pd

from tension.config import load_pairs
from tension.reporting.scope import Scope, choose_scope, iso_week, partial_weeks_after
from tension.reporting.text import intensity_level_text, partial_week_text
from tension.warehouse import store
from tension.warehouse.aggregate import read_weekly

# The pairs in the order of the pairs file (as the run recorded them): the report's pages and the run's summary lines.
PAIRS_IN_ORDER = "select pair_id, name from pairs order by rowid"


def moving_statements(con: duckdb.DuckDBPyConnection, first: date, last: date) -> pd.DataFrame:
    """weekly_statements of the weeks first..last (Mondays), largest contribution to the index first."""
    return store.query(con, store.sql("report_statements"), [first, last])


def statements_by_id(con: duckdb.DuckDBPyConnection, statement_ids: list[str]) -> pd.DataFrame:
    """pair_statements rows for the given statement ids (e.g. weekly_index.most_hostile_statement_id)."""
    if not statement_ids:
        return store.query(con, "select * from pair_statements limit 0")
    return store.query(con, "select * from pair_statements where statement_id in (select unnest(?))",
                       [sorted(set(statement_ids))])


def flag_notes(con: duckdb.DuckDBPyConnection, weekly: pd.DataFrame) -> pd.DataFrame:
    """Each flagged week with the statement that shows its departure (most hostile above, most cooperative below)."""
    columns = ["pair_id", "week_start", "iso_week", "index_value", "departure_z", "statement_id", "speaker", "quote",
               "hostility", "source", "outlet", "published", "occurred", "reported_by"]
    flagged = weekly[weekly["flagged"]].copy()
    if flagged.empty:
        return pd.DataFrame(columns=columns)
    flagged["statement_id"] = flagged["most_hostile_statement_id"].where(
        flagged["departure_z"] > 0, flagged["most_cooperative_statement_id"])
    found = statements_by_id(con, flagged["statement_id"].dropna().tolist()).drop_duplicates("statement_id")
    found["speaker"] = speaker_named(found)
    notes = flagged.merge(found[["statement_id", "speaker", "content", "hostility", "source", "outlet", "published",
                                 "occurred", "reported_by"]], on="statement_id", how="left")
    return notes.rename(columns={"content": "quote"})[columns]


def speaker_named(found: pd.DataFrame) -> pd.Series:
    """Who spoke, for a note: the resolved actor (else the words used) and the kind of voice, since the actor of a
    lawmaker or a civic group is often only its country ("Republic of Korea (party legislature)" is not Seoul)."""
    name = found["speaker_actor"].fillna(found["speaker"]).fillna("unknown speaker")
    kind = found["speaker_kind"].fillna("").astype(str)
    said = pd.Series([names_its_kind(n, k) for n, k in zip(name, kind)], index=name.index)
    return name.where((kind == "") | said, name + " (" + kind.str.replace("_", " ") + ")")


def names_its_kind(name: str, kind: str) -> bool:
    """Whether a speaker's name already says its kind ("military (KOR)", a generic actor named by its kind), so that
    the kind is not printed after it again."""
    return kind != "" and name.lower().startswith(kind.replace("_", " "))


SURGE_STATEMENTS = 3  # the most hostile statements shown for a week of unusually high intensity


def surge_notes(con: duckdb.DuckDBPyConnection, weekly: pd.DataFrame, per_week: int = SURGE_STATEMENTS
                ) -> pd.DataFrame:
    """Each week of unusually high intensity with what drove it: its `per_week` most hostile state-voice statements
    (speaker, reporter, quote, outlet, date), one row each, `rank` 1 the most hostile; a week whose statements cannot
    be found keeps one row with no statement."""
    columns = ["pair_id", "week_start", "iso_week", "intensity", "intensity_baseline", "intensity_baseline_periods",
               "intensity_departure_z", "n_hostile", "n_documents", "rank", "statement_id", "speaker", "quote", "hostility", "outlet",
               "published", "occurred", "reported_by"]
    if "intensity_flagged" not in weekly:
        return pd.DataFrame(columns=columns)
    if "intensity_baseline_periods" not in weekly:  # a database published before the column
        weekly = weekly.assign(intensity_baseline_periods=pd.NA)
    surges = weekly[weekly["intensity_flagged"].astype("boolean").fillna(False).astype(bool)].copy()
    if surges.empty:
        return pd.DataFrame(columns=columns)
    surges["week_start"] = pd.to_datetime(surges["week_start"])
    keys = (surges["pair_id"] + "|" + surges["week_start"].dt.strftime("%Y-%m-%d")).tolist()
    found = store.query(con, store.sql("report_surge_statements"), [keys, per_week])
    found["speaker"] = speaker_named(found) if not found.empty else pd.Series(dtype=object)
    found["week_start"] = pd.to_datetime(found["week_start"])
    notes = surges.merge(found[["pair_id", "week_start", "rank", "statement_id", "speaker", "content", "hostility",
                                "outlet", "published", "occurred", "reported_by"]],
                         on=["pair_id", "week_start"], how="left")
    return notes.rename(columns={"content": "quote"}).sort_values(["pair_id", "week_start", "rank"])[columns]


def composition(con: duckdb.DuckDBPyConnection, first: date, last: date) -> pd.DataFrame:
    """Statements of the weeks first..last (Mondays) counted by pair, speaker kind and outlet (state voices or not)."""
    return store.query(con, store.sql("report_composition"), [first, last])


def data_quality(con: duckdb.DuckDBPyConnection, first: date, last: date) -> dict[str, object]:
    """Counts for the data-quality section, for the weeks first..last (Mondays) and for the whole database."""
    end = last + timedelta(days=7)
    facts = dict(zip(*_one_row(con, store.sql("report_quality"), [first, end])))
    facts["date_sources"] = store.query(con, store.sql("report_date_sources"), [first, end])
    facts["rejections"] = store.query(con, store.sql("report_rejections"))
    facts["scorer_version"] = store.get_setting(con, "scorer_version", "unset")
    facts["extractor_versions"] = extractor_versions(con)
    return facts


def extractor_versions(con: duckdb.DuckDBPyConnection) -> str:
    """The extractor version(s) of the stored documents (documents.extractor_version), most documents first, with
    counts when there are several ("not recorded": stored before the version was kept)."""
    rows = con.execute("select coalesce(extractor_version, 'not recorded'), count(*) as n from documents "
                       "group by extractor_version order by n desc, extractor_version nulls last").fetchall()
    if not rows:
        return "none (no documents)"
    if len(rows) == 1:
        return rows[0][0]
    first, *rest = rows
    return ", ".join([f"{first[0]} ({first[1]} document{'s' * (first[1] != 1)})"] + [f"{v} ({n})" for v, n in rest])


def _one_row(con: duckdb.DuckDBPyConnection, sql: str, params: list) -> tuple[list[str], tuple]:
    cursor = con.execute(sql, params)
    return [d[0] for d in cursor.description], cursor.fetchone()


def week_rows(pair: pd.DataFrame, monday: date) -> tuple[pd.Series, pd.Series | None, pd.Series | None]:
    """A pair's rows (indexed by week_start) of the week starting `monday`, of the week before and of four weeks
    before (None where the data has no such week): what the week's change and trend are read against."""
    def at(day: date) -> pd.Series | None:
        return pair.loc[pd.Timestamp(day)] if pd.Timestamp(day) in pair.index else None

    return pair.loc[pd.Timestamp(monday)], at(monday - timedelta(days=7)), at(monday - timedelta(weeks=4))


@dataclass(frozen=True)
class ReportData:
    """Everything a report shows, read from the database in one go."""

    weekly: pd.DataFrame        # weekly_index, every week
    window: pd.DataFrame        # the weeks the charts show
    pairs: pd.DataFrame
    moving: pd.DataFrame        # weekly_statements of the scope, largest contribution first
    notes: pd.DataFrame         # flagged weeks of the window with their statement
    quality: dict[str, object]
    period_index: dict[str, float]
    period_documents: dict[str, int]  # documents behind period_index, each counted once over the scope
    composition: pd.DataFrame   # statements of the scope per pair, speaker kind and outlet
    outlets: pd.DataFrame       # per outlet: documents read, weeks and days read; per pair statements, intensity
    surges: pd.DataFrame        # weeks of the window with unusually high intensity, with their most hostile statement
    # a period's pairs: the statements of each pair's highest week (its highest tone index), largest share first
    highest: pd.DataFrame = field(default_factory=pd.DataFrame)
    # pair id -> what to say of a pair no stored statement ever bore on (never_stated: its codes, when a pairs file of
    # the user's gave it)
    never: dict[str, str] = field(default_factory=dict)


def read_report_data(db_path: Path, week: str | None, period: str | None, chart_weeks: int = 52
                     ) -> tuple[ReportData, Scope]:
    """What the report for a week or a period shows (charts: the period, or `chart_weeks` up to the week)."""
    with store.connect(db_path, read_only=True) as con:
        store.require_current_views(con, db_path)
        weekly = read_weekly(con)
        last_published = con.execute("select max(published) from documents").fetchone()[0]
        scope = choose_scope(weekly, last_published, week, period)
        start = scope.first if scope.is_period else scope.last - timedelta(weeks=chart_weeks - 1)
        window = weekly[weekly["week_start"].between(pd.Timestamp(start), pd.Timestamp(scope.last))]
        period = con.execute(store.sql("report_period_index"), [scope.first, scope.last]).fetchall()
        period_index = {pair_id: value for pair_id, value, _, _ in period}
        period_documents = {pair_id: documents for pair_id, _, documents, _ in period}
        data = ReportData(
            weekly=weekly, window=window, pairs=store.query(con, PAIRS_IN_ORDER),
            moving=moving_statements(con, scope.first, scope.last) if not scope.is_period
            else pd.DataFrame(), notes=flag_notes(con, window),
            quality=data_quality(con, scope.first, scope.last), period_index=period_index,
            period_documents=period_documents,
            composition=composition(con, scope.first, scope.last),
            outlets=store.query(con, store.sql("report_outlets"), [scope.first, scope.last]),
            surges=surge_notes(con, window),
            highest=highest_week_statements(con, window) if scope.is_period else pd.DataFrame(),
            never=never_stated(con))
    return data, scope


def never_stated(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """The configured pairs no stored statement ever bore on, each with what to say of it (never_stated_text)."""
    packaged = {frozenset((pair.country_a, pair.country_b)) for pair in load_pairs()}
    return {pair_id: never_stated_text(f"{a} and {b}", frozenset((a, b)) not in packaged)
            for pair_id, _, a, b in con.execute(store.sql("report_pairs_never_stated")).fetchall()}


def never_stated_text(codes: str, from_users_file: bool) -> str:
    """Why a pair has nothing to show when no statement ever bore on it. A pair the packaged pairs file does not have
    came from the user's --pairs file, whose codes may not be the ones meant (JAM, Jamaica, for JPN passed as a real
    country, and the run said only "no statements"): check them. A packaged pair's codes are right (a plain run gave
    no pairs file to check)."""
    if from_users_file:
        return f"no statement in the whole database — check the codes {codes} in the pairs file"
    return "no statement in the whole database bore on this pair"


def highest_weeks(window: pd.DataFrame) -> dict[str, dict[str, pd.Timestamp]]:
    """Each pair's highest weeks of a period: 'intensity', its week of the highest intensity (none when it never
    rose above 0), and 'tone', its week of the highest tone index among its weeks with statements (the front
    table's "highest week" of each)."""
    weeks: dict[str, dict[str, pd.Timestamp]] = {}
    for pair_id, rows in window.groupby("pair_id", sort=False):
        found = {}
        intensity = pd.to_numeric(rows["intensity"], errors="coerce") if "intensity" in rows else None
        if intensity is not None and intensity.max() > 0:
            found["intensity"] = rows.loc[intensity.idxmax(), "week_start"]
        filled = rows[rows["n_statements"] > 0].dropna(subset=["index_value"])
        if not filled.empty:
            found["tone"] = filled.loc[filled["index_value"].idxmax(), "week_start"]
        weeks[pair_id] = found
    return weeks


def highest_week_statements(con: duckdb.DuckDBPyConnection, window: pd.DataFrame) -> pd.DataFrame:
    """The statements behind each pair's highest weeks in a period (report_statements of those weeks), so that every
    pair page lists statements, flagged or not (session 25's tester could not check Japan–ROK's highest week from
    the PDF)."""
    wanted = {(pair_id, pd.Timestamp(monday)) for pair_id, found in highest_weeks(window).items()
              for monday in found.values()}
    frames = []
    for monday in sorted({monday for _, monday in wanted}):
        rows = moving_statements(con, monday.date(), monday.date())
        keep = [(pair_id, monday) in wanted for pair_id in rows["pair_id"]]
        frames.append(rows[keep])
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def latest_summary(db_path: Path, week: str | None = None) -> list[str]:
    """One line per pair for the week the report covers (`week`, by default the last complete week): what a run
    prints; then, for the default week, a line for each later, partial week it leaves out."""
    return summary_and_week(db_path, week)[0]


def summary_and_week(db_path: Path, week: str | None = None) -> tuple[list[str], str | None]:
    """latest_summary's lines and the ISO week they cover ('2024-W05'; None when there is no week to report yet): a
    run says which week its summary is of (run_summary.weeks_lines) from the same reading of the weekly sums."""
    with store.connect(db_path, read_only=True) as con:
        frame = read_weekly(con)
        last_published = con.execute("select max(published) from documents").fetchone()[0]
        # the report's order of pairs (the pairs file's), not their ids'
        order = [pair_id for pair_id, _ in con.execute(PAIRS_IN_ORDER).fetchall()]
        never = never_stated(con)
    try:
        scope = choose_scope(frame, last_published, week)
        monday = pd.Timestamp(scope.last)
    except ValueError:
        scope, monday = None, None
    lines = []
    groups = dict(list(frame.groupby("pair_id", sort=True)))
    for rows in [groups[p] for p in order if p in groups] + [g for p, g in groups.items() if p not in order]:
        found = rows[rows["week_start"] == monday] if monday is not None else rows.iloc[0:0]
        if found.empty or found["n_statements"].iloc[0] == 0:
            label = iso_week(monday.date()) if monday is not None else "no week"
            pair_id = rows["pair_id"].iloc[0]
            said = never.get(pair_id, "no statements")
            lines.append(f"{rows['pair_name'].iloc[0]} {label}: {said}")
            continue
        last = found.iloc[0]
        interval = f" [{last['ci_low']:+.2f}, {last['ci_high']:+.2f}]" if pd.notna(last["ci_low"]) else ""
        statements, documents = int(last["n_statements"]), int(last["n_documents"])
        intensity = ""
        if "intensity" in last and pd.notna(last["intensity"]):
            # against its usual level in the PDF's words: a lone first week's 240 per 100 read as alarming
            level = (re.sub(r"<[^>]+>", "", intensity_level_text(last)) if not last.get("partial")
                     else partial_week_text(last))
            intensity = (f"intensity {last['intensity']:.1f} per 100 documents of a typical week, {level}; tone ")
        lines.append(
            f"{last['pair_name']} {last['iso_week']}: {intensity}index {last['index_value']:+.2f}{interval} "
            f"(−1 cooperative … +1 hostile; "
            f"{statements} state-voice statement{'s' * (statements != 1)}, {documents} document{'s' * (documents != 1)})"
            + (" — flagged: departs from its 12-week baseline" if last["flagged"] else "")
        )
    if scope is not None and week is None:
        lines += partial_weeks_after(frame, scope.last)
    return lines, (iso_week(scope.last) if scope is not None else None)
