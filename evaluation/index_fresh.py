"""Issue 15's ninth round: measures that tell a week in which a DPRK launch happened from a week that talks about
launches, by counting the days on which a launch is reported as fresh.

    python -m evaluation.index_fresh --rss /tmp/rss.duckdb --rss2024 /tmp/rss2024.duckdb --kcna /tmp/kcna.duckdb

(databases: `tension run` with the commands of evaluation/index_events.py's docstring). Pre-registered in
docs/evaluation-index.md ("Ninth round"). A *reporting item* is the eighth round's keyword test
(evaluation.index_ceiling, evaluation/data/launch_keywords.tsv); an item's *named day* is the pipeline's own dating
(tension.extract.when.occurred) read over the item's whole text as an act; an item or act is *fresh* when its day
lies within [publication − 2 days, publication + 1 day]. Per ISO week read (FRESH_MEASURES):
- fresh_days: distinct days, in their own ISO week, that a fresh reporting item names;
- act_fresh_days: distinct days `statements.occurred` of state-voice DPRK acts toward the ROK dated as fresh;
- onset_days: distinct publication days with a reporting item and none on the three days before.
Each beside intensity (the headline) and the eighth round's keyword count, with Spearman ρ, its moving-block
interval and the paired difference from intensity (index_ceiling.ceiling_correlations), on RSS 2022 tune / check /
whole year, RSS 2024 under both event series and KCNA 2011–12; then the pre-registered pick and switch rules.
"""

from __future__ import annotations

import argparse
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

from evaluation.events import PAIR, week_of as monday
from evaluation.index_ceiling import ceiling_correlations, document_flags, load_keywords, year_frame
from evaluation.index_events import (BLOCK_WEEKS, RESAMPLES, event_series, in_split, kcna_event_weeks,
                                     nk_event_days)
from tension.extract.when import occurred
from tension.warehouse import store

FRESH_MEASURES = {
    "fresh_days": "days a fresh reporting item names (keywords + the item's named day)",
    "act_fresh_days": "days of DPRK acts toward the ROK their text dates as fresh (the pipeline's statements)",
    "onset_days": "days with a reporting item after three days without one",
}
COMPARED = ("intensity", "keyword_items") + tuple(FRESH_MEASURES)
LABELS = {"intensity": "intensity (the headline)", "keyword_items": "(c) reporting items (eighth round)",
          **{name: f"`{name}`: {label}" for name, label in FRESH_MEASURES.items()}}
BEFORE, AFTER = 2, 1  # a fresh day lies in [published - BEFORE, published + AFTER]
QUIET_DAYS = 3  # an onset: no reporting item on the QUIET_DAYS days before
PICK_SETS = ("rss2022:tune", "rss2024:missiles")
MARGIN = 0.05
GUARDS = ("rss2022:all", "kcna", "rss2024:dprk_acts")
TITLES = {"rss2022:tune": "RSS 2022 tune (odd ISO weeks)", "rss2022:check": "RSS 2022 check (even ISO weeks)",
          "rss2022:all": "RSS 2022 whole year", "rss2024:missiles": "RSS 2024 `missiles` (launches only)",
          "rss2024:dprk_acts": "RSS 2024 `dprk_acts` (launches and balloons)",
          "kcna": "KCNA 2011–12, exercise and launch weeks"}


def is_fresh(day: date | None, published: date) -> bool:
    return day is not None and published - timedelta(days=BEFORE) <= day <= published + timedelta(days=AFTER)


def item_days(db: Path, keywords: dict[str, list[str]]) -> pd.DataFrame:
    """Every document with its publication day, the keyword test (`reporting`), its text and the day its text
    names (`named_day`: when.occurred over the whole text, read as an act; None when it names none)."""
    flags = document_flags(db, keywords)
    with store.connect(db, read_only=True) as con:
        bodies = dict(con.execute("select doc_id, body from documents").fetchall())
    flags["body"] = flags["doc_id"].map(bodies).fillna("")
    flags["named_day"] = [occurred(body, body, published, True)
                          for body, published in zip(flags["body"], flags["published"])]
    return flags


def _per_week(days: pd.Series) -> pd.Series:
    """Distinct days -> their number per ISO week (Monday), sorted."""
    days = pd.Series(sorted(set(days)), dtype=object)
    return days.map(monday).value_counts().sort_index() if len(days) else pd.Series(dtype=int)


def fresh_days(items: pd.DataFrame) -> pd.Series:
    """Per week: distinct days named by a fresh reporting item, each in its own ISO week."""
    chosen = items[items["reporting"]]
    return _per_week(pd.Series([d for d, p in zip(chosen["named_day"], chosen["published"]) if is_fresh(d, p)],
                               dtype=object))


def onset_days(items: pd.DataFrame, quiet: int = QUIET_DAYS) -> pd.Series:
    """Per week: distinct publication days with a reporting item and no reporting item on the `quiet` days
    before."""
    reporting = set(items.loc[items["reporting"].astype(bool), "published"])
    return _per_week(pd.Series([p for p in reporting
                                if not any(p - timedelta(days=k) in reporting for k in range(1, quiet + 1))],
                               dtype=object))


def act_fresh_days(db: Path, actor: str = "PRK", target: str = "KOR") -> pd.Series:
    """Per week: distinct days `occurred` of the pair's state-voice acts of `actor` toward `target` (in_index,
    is_act) that their text dates within [published - BEFORE, published + AFTER]."""
    with store.connect(db, read_only=True) as con:
        days = con.execute(
            "select distinct occurred from pair_statements "
            "where pair_id = $pair and in_index and is_act and source_country = $actor and target_country = $target "
            "and occurred between published - $before and published + $after",
            {"pair": PAIR, "actor": actor, "target": target, "before": BEFORE, "after": AFTER}).fetchall()
    return _per_week(pd.Series([d for (d,) in days], dtype=object))


def fresh_frame(db: Path, events: pd.Series, keywords: dict[str, list[str]], first_year: int,
                last_year: int) -> pd.DataFrame:
    """The eighth round's year_frame (weeks read, events, intensity, keyword count) with the three measures (0 in
    a week read without a qualifying day)."""
    weeks = year_frame(db, events, keywords, first_year, last_year)
    items = item_days(db, keywords)
    for name, counts in (("fresh_days", fresh_days(items)), ("act_fresh_days", act_fresh_days(db)),
                         ("onset_days", onset_days(items))):
        weeks[name] = weeks["week"].map(lambda w, c=counts: c.get(w, 0)).astype(float)
    return weeks


def data_sets(rss_db: Path, rss2024_db: Path, kcna_db: Path) -> dict[str, pd.DataFrame]:
    """The weeks of every data set the rules read, keyed as TITLES."""
    keywords = load_keywords()
    rss = fresh_frame(rss_db, nk_event_days(2022), keywords, 2021, 2022)  # 2021-W52 holds 1-2 January 2022
    frames = {f"rss2022:{split}": rss[rss["week"].map(lambda w, s=split: in_split(w, s)).astype(bool)]
              .reset_index(drop=True) for split in ("tune", "check", "all")}
    for name in event_series(2024):
        frames[f"rss2024:{name}"] = fresh_frame(rss2024_db, nk_event_days(2024, series=name), keywords, 2024, 2024)
    exercise = pd.Series({w: 1 for w in kcna_event_weeks()})
    frames["kcna"] = fresh_frame(kcna_db, exercise, keywords, 2010, 2013)  # every week read, as index_events.kcna
    return frames


def pick(results: dict[str, dict[str, tuple]]) -> str:
    """The pre-registered pick: the measure with the largest mean paired difference from intensity over PICK_SETS;
    a tie goes to the one listed first in FRESH_MEASURES."""
    means = {name: sum(results[key][name][4] for key in PICK_SETS) / len(PICK_SETS) for name in FRESH_MEASURES}
    best = max(means.values())
    return next(name for name in FRESH_MEASURES if means[name] == best)


def switch(results: dict[str, dict[str, tuple]], name: str) -> tuple[bool, list[str]]:
    """The pre-registered switch rule for the picked measure: ≥ MARGIN over intensity on each pick set, the paired
    interval on RSS 2024 `missiles` above 0, and no loss (difference ≥ 0) on each guard. Returns (passes, one line
    per condition)."""
    checks = [(f"{TITLES.get(key, key)}: {results[key][name][4]:+.2f} ≥ +{MARGIN}", results[key][name][4] >= MARGIN)
              for key in PICK_SETS]
    low, high = results["rss2024:missiles"][name][5:7]
    checks.append((f"interval of the difference on RSS 2024 `missiles` [{low:+.2f}, {high:+.2f}] excludes 0",
                   low > 0))
    checks += [(f"{TITLES.get(key, key)}: {results[key][name][4]:+.2f} ≥ 0", results[key][name][4] >= 0)
               for key in GUARDS]
    return all(ok for _, ok in checks), [f"{text}: {'yes' if ok else 'NO'}" for text, ok in checks]


def nonzero_without_event(weeks: pd.DataFrame, measure: str) -> int:
    return int(((weeks["events"] == 0) & (weeks[measure] > 0)).sum())


def report(frames: dict[str, pd.DataFrame]) -> str:
    results = {key: ceiling_correlations(frame, COMPARED) for key, frame in frames.items()}
    lines = ["Ninth round: days a DPRK launch is reported as fresh (DPRK–ROK; weeks read only)"]
    for key, title in TITLES.items():
        frame = frames[key]
        free = int((frame["events"] == 0).sum())
        lines += ["", f"{title}: {len(frame)} weeks, {int((frame['events'] > 0).sum())} with an event",
                  f"| measure | ρ [95%] (weeks) | ρ − intensity [95%] | non-zero in the {free} weeks without "
                  "an event |", "|---|---:|---:|---:|"]
        for name in COMPARED:
            c = results[key][name]
            diff = "—" if name == "intensity" else f"{c[4]:+.2f} [{c[5]:+.2f}, {c[6]:+.2f}]"
            lines.append(f"| {LABELS[name]} | {c[0]:+.2f} [{c[2]:+.2f}, {c[3]:+.2f}] ({c[1]}) | {diff} "
                         f"| {nonzero_without_event(frame, name)} |")
    picked = pick(results)
    means = {n: sum(results[k][n][4] for k in PICK_SETS) / len(PICK_SETS) for n in FRESH_MEASURES}
    passes, reasons = switch(results, picked)
    lines += ["", "Pick (largest mean difference from intensity on RSS 2022 tune and RSS 2024 `missiles`): "
              + ", ".join(f"`{n}` {m:+.3f}" for n, m in means.items()) + f" -> `{picked}`",
              f"Switch rule for `{picked}`: {'PASSES' if passes else 'does not pass'}"]
    lines += [f"- {r}" for r in reasons]
    lines.append(f"Intervals: moving-block bootstrap over the weeks in time order ({BLOCK_WEEKS}-week blocks, "
                 f"{RESAMPLES} resamples, fixed seed); differences paired over the same resamples.")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rss", type=Path, required=True, help="database built from RSS 2022")
    parser.add_argument("--rss2024", type=Path, required=True, help="database built from RSS 2024")
    parser.add_argument("--kcna", type=Path, required=True, help="database built from KCNA 2011-12")
    args = parser.parse_args()
    print(report(data_sets(args.rss, args.rss2024, args.kcna)))


if __name__ == "__main__":
    main()
