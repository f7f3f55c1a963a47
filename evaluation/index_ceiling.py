"""Issue 15's eighth round: how high can any measure built from the RSS 2022 feed go against DPRK event days?

    python -m evaluation.index_ceiling --rss /tmp/rss.duckdb                   # visibility and ceilings
    python -m evaluation.index_ceiling --rss /tmp/rss.duckdb --rss2024 /tmp/rss2024.duckdb --kcna /tmp/kcna.duckdb
    python -m evaluation.index_ceiling --rss /tmp/rss.duckdb --label-sheet second  # 40 items to label, blind
    python -m evaluation.index_ceiling --rss /tmp/rss.duckdb --event-week-sheet  # event weeks' items, blind

(databases: `tension run` with the commands of evaluation/index_events.py's docstring). Pre-registered in
docs/evaluation-index.md ("Eighth round"). A feed item *reports* a DPRK launch, attack or test when its text holds a
`dprk` term and an `act` term of evaluation/data/launch_keywords.tsv (whole words without regard to case, `*` any
ending), computed in DuckDB over `documents`. Per event date of the year's primary series: is its ISO week a feed gap,
a week with no item naming the DPRK, one with such items but none reporting, or reported? Per week: the oracles
`oracle_count` (true event days where the week holds a reporting item, else 0), `oracle_judged` (the same with a
person's reading of the event weeks, evaluation/data/ceiling_event_weeks.tsv), `oracle_items` (reporting items where
the week has an event day, else 0) and `keyword_items` (reporting items), beside intensity, tone index, statement
count and plain VADER (evaluation.index_events.weekly_measures), each with Spearman ρ, its moving-block interval and
the paired difference from intensity.
"""

from __future__ import annotations

import argparse
import re
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from evaluation.index_events import (BLOCK_WEEKS, RESAMPLES, SPLITS, event_series, in_split, nk_event_days,
                                     primary_series, weekly_measures)
from evaluation.index_rounds import variant_correlations
from tension.config import read_tsv
from tension.warehouse import store

DATA = Path(__file__).parent / "data"
KEYWORDS = DATA / "launch_keywords.tsv"
JUDGED_WEEKS = DATA / "ceiling_event_weeks.tsv"
LABELS = DATA / "ceiling_keyword_labels.tsv"
GROUPS = ("dprk", "act")
TIERS = ("feed_gap", "no_dprk_item", "not_reported", "reported")
TIER_LABELS = {"feed_gap": "feed gap (no document in the week)", "no_dprk_item": "documents, none naming the DPRK",
               "not_reported": "items naming the DPRK, none reporting a launch", "reported": "reported"}
CEILINGS = ("oracle_count", "oracle_judged", "oracle_items", "keyword_items")
COMPARED = CEILINGS + ("intensity", "index_value", "n_statements", "plain_vader")
MEASURE_LABELS = {"oracle_count": "(a) oracle: true event days where the feed reports one (keyword test)",
                  "oracle_judged": "(a′) the same, the event weeks judged by hand",
                  "oracle_items": "(b) oracle: reporting items where the week has an event",
                  "keyword_items": "(c) reporting items (keyword count, SQL)",
                  "intensity": "intensity (the headline)", "index_value": "tone index",
                  "n_statements": "statement count", "plain_vader": "plain VADER weekly mean"}
NORTH = r"\bnorth"  # the second draw's net: any item with a word starting "north", independent of the act terms
SAMPLE_SEED = 17
SAMPLE_PER_STRATUM = 20


def load_keywords(path: Path = KEYWORDS) -> dict[str, list[str]]:
    """The keyword test's terms per group (`dprk`, `act`), lower case, in file order."""
    terms: dict[str, list[str]] = {group: [] for group in GROUPS}
    for row in read_tsv(path):
        if row["group"] not in terms:
            raise ValueError(f"{path.name}: group must be one of {', '.join(GROUPS)}, not {row['group']!r}")
        terms[row["group"]].append(row["term"].lower())
    return terms


def keyword_pattern(terms: list[str]) -> str:
    """One regular expression (RE2 and Python alike) matching any term as a whole word; a trailing `*` lets the
    term's last word take any ending. Matched without regard to case by the caller."""
    def one(term: str) -> str:
        stem = term[:-1] if term.endswith("*") else term
        return re.sub(r"([.\\+?()\[\]{}|^$])", r"\\\1", stem) + (r"\w*" if term.endswith("*") else "")

    return r"\b(?:" + "|".join(one(term) for term in terms) + r")\b"


def document_flags(db: Path, keywords: dict[str, list[str]]) -> pd.DataFrame:
    """Every document with its ISO week (Monday of its published day), whether it names the DPRK and whether it
    reports a launch (a `dprk` and an `act` term), read in DuckDB as an analyst would."""
    with store.connect(db, read_only=True) as con:
        frame = con.execute(
            "select doc_id, cast(date_trunc('week', published) as date) as week, published, "
            "regexp_matches(body, $dprk, 'i') as names_dprk, regexp_matches(body, $north, 'i') as says_north, "
            "regexp_matches(body, $dprk, 'i') and regexp_matches(body, $act, 'i') as reporting "
            "from documents order by published, doc_id",
            {"dprk": keyword_pattern(keywords["dprk"]), "act": keyword_pattern(keywords["act"]),
             "north": NORTH}).df()
    frame["week"] = pd.to_datetime(frame["week"]).dt.date
    frame["published"] = pd.to_datetime(frame["published"]).dt.date
    return frame


def weekly_items(flags: pd.DataFrame) -> pd.DataFrame:
    """Per week with documents: documents, items naming the DPRK, reporting items."""
    return (flags.groupby("week").agg(documents=("doc_id", "size"), dprk_items=("names_dprk", "sum"),
                                      reporting_items=("reporting", "sum"))
            .astype(int).reset_index())


def event_visibility(events: pd.Series, items: pd.DataFrame) -> pd.DataFrame:
    """Per event week (events: event days by Monday): its tier (TIERS), and whether the following week holds a
    reporting item."""
    by_week = items.set_index("week")
    rows = []
    for week, days in sorted(events.items()):
        counts = by_week.loc[week] if week in by_week.index else None
        if counts is None or counts["documents"] == 0:
            tier = "feed_gap"
        elif counts["dprk_items"] == 0:
            tier = "no_dprk_item"
        elif counts["reporting_items"] == 0:
            tier = "not_reported"
        else:
            tier = "reported"
        following = week + timedelta(weeks=1)
        rows.append({"week": week, "events": int(days), "tier": tier,
                     "reported_next_week": bool(following in by_week.index
                                                and by_week.loc[following, "reporting_items"] > 0)})
    return pd.DataFrame(rows, columns=["week", "events", "tier", "reported_next_week"])


def load_judged_weeks(path: Path = JUDGED_WEEKS) -> dict[date, bool]:
    """A person's reading of each event week: does any of its items report a DPRK launch (yes/no)."""
    judged = {}
    for row in read_tsv(path):
        if row["judged"] not in ("yes", "no"):
            raise ValueError(f"{path.name}: judged must be yes or no, not {row['judged']!r}")
        judged[date.fromisoformat(row["week"])] = row["judged"] == "yes"
    return judged


def ceiling_measures(weeks: pd.DataFrame, judged: dict[date, bool] | None = None) -> pd.DataFrame:
    """Add the ceilings to weeks holding `events` (event days) and `reporting_items`: (a) oracle_count, (a′)
    oracle_judged (NaN without judgements; an event week left unjudged raises), (b) oracle_items, (c)
    keyword_items."""
    events, reporting = weeks["events"].astype(float), weeks["reporting_items"].astype(float)
    out = weeks.assign(oracle_count=np.where(reporting > 0, events, 0.0),
                       oracle_items=np.where(events > 0, reporting, 0.0),
                       keyword_items=reporting, oracle_judged=np.nan)
    if judged is not None:
        missing = [w for w, n in zip(weeks["week"], events) if n > 0 and w not in judged]
        if missing:
            raise ValueError(f"event weeks without a judgement: {', '.join(f'{w:%G-W%V}' for w in missing)}")
        out["oracle_judged"] = [n if n > 0 and judged[w] else 0.0 for w, n in zip(weeks["week"], events)]
    return out


def year_frame(db: Path, events: pd.Series, keywords: dict[str, list[str]], first_year: int, last_year: int,
               judged: dict[date, bool] | None = None) -> pd.DataFrame:
    """The pair's weeks read (weekly_measures: no feed gap) whose ISO year is in [first_year, last_year], with the
    week's events, item counts, the ceilings and the index's measures."""
    weeks = weekly_measures(db)
    weeks = weeks[weeks["week"].map(lambda w: first_year <= w.isocalendar()[0] <= last_year)]
    weeks = weeks.merge(weekly_items(document_flags(db, keywords)), on="week", how="left")
    weeks[["documents", "dprk_items", "reporting_items"]] = (
        weeks[["documents", "dprk_items", "reporting_items"]].fillna(0).astype(int))
    weeks["events"] = weeks["week"].map(lambda w: events.get(w, 0)).astype(float)
    return ceiling_measures(weeks.sort_values("week").reset_index(drop=True), judged)


def ceiling_correlations(weeks: pd.DataFrame, measures: tuple[str, ...] = COMPARED) -> dict[str, tuple]:
    """Per measure, over the weeks where it has a value (in time order): ρ, n, 95% interval, and the paired
    difference from intensity with its interval (variant_correlations, intensity as `today`). A measure with no
    value anywhere (an oracle without judgements) is left out."""
    present = tuple(m for m in measures if weeks[m].notna().any())
    result = {}
    for measure in present:
        valid = weeks[weeks[measure].notna()].assign(today=lambda f: f["intensity"]).sort_values("week")
        result[measure] = variant_correlations(valid.reset_index(drop=True), valid["events"].reset_index(drop=True),
                                               (measure,))[measure]
    return result


def label_sample(flags: pd.DataFrame, event_weeks: set[date], draw: str = "first",
                 per_stratum: int = SAMPLE_PER_STRATUM, seed: int = SAMPLE_SEED) -> pd.DataFrame:
    """The pre-registered draws (documents in published, doc_id order before drawing, fixed seed). `first`:
    `per_stratum` documents at random among those dated in event weeks and as many among the others. `second` (the
    addendum, as the first held no launch report): 2 x `per_stratum` at random among the documents with the word
    north (`says_north`), the first draw's left out."""
    rng = np.random.default_rng(seed)
    strata = flags.assign(stratum=flags["week"].map(lambda w: "event_week" if w in event_weeks else "other_week"))
    drawn = []
    for stratum in ("event_week", "other_week"):
        pool = strata[strata["stratum"] == stratum].reset_index(drop=True)
        drawn.append(pool.loc[sorted(rng.choice(len(pool), size=min(per_stratum, len(pool)), replace=False))])
    first = pd.concat(drawn, ignore_index=True).assign(draw="first")
    if draw == "first":
        return first
    if draw != "second":
        raise ValueError(f"draw must be first or second, not {draw!r}")
    rng = np.random.default_rng(seed)
    pool = flags[flags["says_north"] & ~flags["doc_id"].isin(first["doc_id"])].reset_index(drop=True)
    chosen = pool.loc[sorted(rng.choice(len(pool), size=min(2 * per_stratum, len(pool)), replace=False))]
    return chosen.assign(stratum="north_word", draw="second").reset_index(drop=True)


def precision_recall(labelled: pd.DataFrame, sizes: dict[str, int]) -> dict[str, dict[str, float]]:
    """Precision and recall of the keyword test (`reporting`) against the labels (`label` True/False), per draw and
    stratum ('first:event_week'), and per draw weighted to the documents it was drawn from ('first:weighted': each
    stratum's counts x its size in `sizes` / its sample)."""
    def counts(frame: pd.DataFrame, weight: float = 1.0) -> np.ndarray:
        hit, label = frame["reporting"].astype(bool), frame["label"].astype(bool)
        return weight * np.array([(hit & label).sum(), (hit & ~label).sum(), (~hit & label).sum(), len(frame)])

    def figures(c: np.ndarray) -> dict[str, float]:
        tp, fp, fn, n = c
        return {"tp": tp, "fp": fp, "fn": fn, "n": n,
                "precision": tp / (tp + fp) if tp + fp else float("nan"),
                "recall": tp / (tp + fn) if tp + fn else float("nan")}

    result = {}
    for draw, items in labelled.groupby("draw", sort=False):
        strata = dict(list(items.groupby("stratum")))
        result.update({f"{draw}:{stratum}": figures(counts(frame)) for stratum, frame in strata.items()})
        result[f"{draw}:weighted"] = figures(sum(counts(frame, sizes[stratum] / len(frame))
                                                 for stratum, frame in strata.items()))
    return result


def load_labels(path: Path = LABELS) -> pd.DataFrame:
    """The labelled items: doc_id, draw, stratum, label (yes/no -> bool)."""
    rows = read_tsv(path)
    bad = [r["label"] for r in rows if r["label"] not in ("yes", "no")]
    if bad:
        raise ValueError(f"{path.name}: label must be yes or no, not {bad[0]!r}")
    return pd.DataFrame([{"doc_id": r["doc_id"], "draw": r["draw"], "stratum": r["stratum"],
                          "label": r["label"] == "yes"} for r in rows])


def _cell(c: tuple, diff: bool = True) -> str:
    text = f"{c[0]:+.2f} [{c[2]:+.2f}, {c[3]:+.2f}] ({c[1]})"
    return text + (f" | {c[4]:+.2f} [{c[5]:+.2f}, {c[6]:+.2f}]" if diff else " | —")


def ceiling_report(rss_db: Path, judged: dict[date, bool] | None, labels: pd.DataFrame | None,
                   keywords: dict[str, list[str]]) -> str:
    """The eighth round on RSS 2022: visibility of each event, the keyword test's precision/recall on the labelled
    items, and the ceilings beside the index's measures on the whole year, tune and check."""
    events = nk_event_days(2022)
    weeks = year_frame(rss_db, events, keywords, 2021, 2022, judged)
    visible = event_visibility(events, weeks[["week", "documents", "dprk_items", "reporting_items"]])
    statements = weeks.set_index("week")["n_statements"]
    lines = [f"Eighth round: RSS 2022 ({len(weeks)} weeks read, {int(weeks['documents'].sum())} documents, "
             f"{int(weeks['reporting_items'].sum())} reporting items); events: `{primary_series(2022)}`, "
             f"{int(visible['events'].sum())} event days in {len(visible)} weeks",
             "", "| visibility of the event's ISO week | events | event weeks "
                 "| of them: reporting item the next week |",
             "|---|---:|---:|---:|"]
    for tier in TIERS:
        chosen = visible[visible["tier"] == tier]
        lines.append(f"| {TIER_LABELS[tier]} | {int(chosen['events'].sum())} | {len(chosen)} "
                     f"| {int(chosen['reported_next_week'].sum()) if tier != 'reported' else '—'} |")
    reported = visible[visible["tier"] == "reported"]
    silent = [w for w in reported["week"] if statements.get(w, 0) == 0]
    lines.append(f"Reported event weeks with no DPRK–ROK state-voice statement: {len(silent)} "
                 f"({sum(int(events[w]) for w in silent)} events)")
    if judged is not None:
        yes = [w for w in visible["week"] if judged[w]]
        agree = sum(judged[w] == (t == "reported") for w, t in zip(visible["week"], visible["tier"]))
        lines.append(f"Judged by hand: {len(yes)} of {len(visible)} event weeks report a launch "
                     f"({sum(int(events[w]) for w in yes)} events); the keyword test agrees on {agree} weeks")
    if labels is not None:
        flags = document_flags(rss_db, keywords)
        event_weeks = {w for w, n in events.items() if n > 0}
        sizes = {**flags["week"].map(lambda w: "event_week" if w in event_weeks else "other_week").value_counts(),
                 "north_word": int(flags["says_north"].sum())}
        pr = precision_recall(labels.merge(flags[["doc_id", "reporting"]], on="doc_id"), sizes)
        lines += ["", f"Documents: {sizes['event_week']} in event weeks, {sizes['other_week']} in the others, "
                      f"{sizes['north_word']} with the word north",
                  "| keyword test vs my labels (draw:stratum) | items | true pos. | false pos. | missed | precision | "
                  "recall |",
                  "|---|---:|---:|---:|---:|---:|---:|"]
        for key, figures in pr.items():
            lines.append(f"| {key} | {figures['n']:.0f} | {figures['tp']:.1f} | {figures['fp']:.1f} | "
                         f"{figures['fn']:.1f} | {figures['precision']:.2f} | {figures['recall']:.2f} |")
    for split in SPLITS:
        chosen = weeks[weeks["week"].map(lambda w, s=split: in_split(w, s)).astype(bool)].reset_index(drop=True)
        result = ceiling_correlations(chosen)
        lines += ["", f"RSS 2022 weeks: {split} ({len(chosen)} weeks, {int((chosen['events'] > 0).sum())} with an "
                      "event)", "| measure | ρ [95%] (weeks) | ρ − intensity [95%] |", "|---|---:|---:|"]
        for measure, c in result.items():
            lines.append(f"| {MEASURE_LABELS[measure]} | {_cell(c, measure != 'intensity')} |")
    lines.append(f"Intervals: moving-block bootstrap over the weeks in time order ({BLOCK_WEEKS}-week blocks, "
                 f"{RESAMPLES} resamples, fixed seed); differences paired over the same resamples.")
    return "\n".join(lines)


def other_corpora_report(keywords: dict[str, list[str]], rss2024_db: Path | None, kcna_db: Path | None) -> str:
    """(c) against intensity where the fourth round's rule also reads: RSS 2024 under each event series, KCNA
    2011–12 against its exercise and launch weeks."""
    from evaluation.index_events import kcna_event_weeks

    lines = ["(c) keyword count beside intensity on the other corpora of the fourth round's rule",
             "| corpus, events | weeks | event weeks | intensity ρ [95%] | (c) ρ [95%] | (c) − intensity [95%] |",
             "|---|---:|---:|---:|---:|---:|"]
    cases = []
    if rss2024_db:
        for name, (_, primary) in event_series(2024).items():
            cases.append((f"RSS 2024 `{name}`{' (primary)' if primary else ''}", rss2024_db,
                          nk_event_days(2024, series=name), 2024, 2024))
    if kcna_db:
        exercise = pd.Series({w: 1 for w in kcna_event_weeks()})
        # every week read, as index_events.kcna: 2010-W52 and 2013-W01 hold days of 2011 and 2012
        cases.append(("KCNA 2011–12, exercise and launch weeks", kcna_db, exercise, 2010, 2013))
    for title, db, events, first, last in cases:
        weeks = year_frame(db, events, keywords, first, last)
        c = ceiling_correlations(weeks, ("keyword_items", "intensity"))
        a, k = c["intensity"], c["keyword_items"]
        lines.append(f"| {title} | {len(weeks)} | {int((weeks['events'] > 0).sum())} "
                     f"| {a[0]:+.2f} [{a[2]:+.2f}, {a[3]:+.2f}] | {k[0]:+.2f} [{k[2]:+.2f}, {k[3]:+.2f}] "
                     f"| {k[4]:+.2f} [{k[5]:+.2f}, {k[6]:+.2f}] |")
    return "\n".join(lines)


def _sheet(flags: pd.DataFrame, texts: dict[str, str], header: str) -> str:
    """Items to read, without the keyword test's answer (labelling must not see it)."""
    lines = [header]
    for _, row in flags.iterrows():
        lines.append(f"{row['doc_id']}\t{row['published']}\t{texts[row['doc_id']]}")
    return "\n".join(lines)


def _texts(db: Path) -> dict[str, str]:
    with store.connect(db, read_only=True) as con:
        return dict(con.execute("select doc_id, regexp_replace(body, '\\s+', ' ', 'g') from documents").fetchall())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rss", type=Path, required=True, help="database built from RSS 2022")
    parser.add_argument("--rss2024", type=Path, default=None, help="database built from RSS 2024: (c) there too")
    parser.add_argument("--kcna", type=Path, default=None, help="database built from KCNA 2011-12: (c) there too")
    parser.add_argument("--label-sheet", choices=("first", "second"), default=None,
                        help="print a pre-registered draw of 40 items to label (doc_id, day, text), without the answer")
    parser.add_argument("--event-week-sheet", action="store_true",
                        help="print each event week's items naming the DPRK or with the word north, without the answer")
    args = parser.parse_args()
    keywords = load_keywords()
    if args.label_sheet or args.event_week_sheet:
        flags, texts = document_flags(args.rss, keywords), _texts(args.rss)
        events = nk_event_days(2022)
        event_weeks = {w for w, n in events.items() if n > 0}
        if args.label_sheet:
            sample = label_sample(flags, event_weeks, args.label_sheet)
            for stratum, frame in sample.groupby("stratum"):
                print(_sheet(frame, texts, f"## stratum {stratum}"))
        else:
            for week in sorted(event_weeks):
                chosen = flags[(flags["week"] == week) & (flags["names_dprk"] | flags["says_north"])]
                print(_sheet(chosen, texts, f"## {week} ({week:%G-W%V}): {int(events[week])} event days, "
                                            f"{int((flags['week'] == week).sum())} documents"))
        return
    judged = load_judged_weeks() if JUDGED_WEEKS.exists() else None
    labels = load_labels() if LABELS.exists() else None
    print(ceiling_report(args.rss, judged, labels, keywords))
    if args.rss2024 or args.kcna:
        print()
        print(other_corpora_report(keywords, args.rss2024, args.kcna))


if __name__ == "__main__":
    main()
