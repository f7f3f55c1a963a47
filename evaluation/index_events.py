"""Does the DPRK–ROK index follow events? Spearman between each weekly measure and the week's dated events.

    tension run -i ../shared/data/rss_2022/rss_2022_korea_mentions.jsonl --field text=title+description \\
        --field published=date_published --field url=link --field id=link --db /tmp/rss/rss.duckdb --no-report
    tension run -i ../shared/data/kcna_2011_2012/kcna_stories_2011_2012_southkorea_related.jsonl \\
        --field text=title+story --field published=date --default speaker=KCNA --default source=KCNA \\
        --db /tmp/kcna/kcna.duckdb --no-report
    python -m evaluation.index_events --rss /tmp/rss/rss.duckdb --kcna /tmp/kcna/kcna.duckdb
    python -m evaluation.index_events --rss /tmp/rss/rss.duckdb --kcna /tmp/kcna/kcna.duckdb --split tune --variants
    tension run -i ../shared/data/rss_2024/rss_2024_korea.jsonl --field text=title+description \\
        --field published=published --field url=url --field id=id --db /tmp/rss2024/rss2024.duckdb --no-report
    python -m evaluation.index_events --rss /tmp/rss/rss.duckdb --kcna /tmp/kcna/kcna.duckdb \\
        --rss2024 /tmp/rss2024/rss2024.duckdb

Each database in a folder of its own: a run publishes its Parquet export beside its database (DIR/parquet), and a
second database in the same folder is refused ("holds the Parquet export of another database"). Without
../shared/data (or TENSION_SHARED_DATA) the script says "skipped" with the reason and exits 0, as the other
evaluation scripts do.

--variants also prints issue 15's third-round intensity variants (VARIANTS) with the paired difference from today's
intensity, and intensity's flag under each baseline (FLAG_BASELINES) against event weeks (docs/evaluation-index.md).
--before-rss OLD_RSS --before-kcna OLD_KCNA (with --rss/--kcna the dated databases) prints issue 15's fifth round
instead: every measure before and after statements are counted in the week they happened or were said
(statements.occurred), ρ to three decimals, how many statements were dated, and, with --split tune, the
pre-registered rule's decision (docs/evaluation-index.md).
--days (with --rss2024) prints issue 15's seventh round instead: measures that count event DAYS (DAY_MEASURES)
beside `today` and `is_act` on RSS 2022 tune/check/whole year, KCNA and RSS 2024, and its pre-registered rule's
decision (docs/evaluation-index.md).
--rss2024 also prints the fourth round: the measures on RSS 2024, a year no measure was chosen on, against the 2024
event series of evaluation/data/nk_event_series.tsv, and the pre-registered rule's decision on the headline.
The eighth round (how high any measure from the RSS 2022 feed can go: `python -m evaluation.index_ceiling`) is in
evaluation/index_ceiling.py; the ninth round (days a launch is reported as fresh: `python -m evaluation.index_fresh`)
in evaluation/index_fresh.py. The rounds' measures and rules (third, fourth, fifth and seventh) are in
evaluation/index_rounds.py; this module holds the weekly measures, the event series and the statistics they share.

evaluation/events.py (the scoring issue's) recomputes the index in Python from `tension statements`; this script
reads the measures from the published databases through the views analysts use (tension_index('week')), so
what is measured is what the report prints. Per ISO week of the DPRK–ROK pair:
- tone index (index_value): mean of document means shrunk by one neutral document (NULL without statements);
- intensity: 100 x the sum of hostility over hostile statements / typical weekly coverage (a year's mean of documents
  read; 0 when read and nothing hostile, NULL in a gap);
- statement count: pair statements of the week (0 when read);
- plain VADER weekly mean: −compound of stock vaderSentiment on the same statements, averaged (NULL without).
Events: RSS 2022 against ../shared/data/nk_events (distinct dates of DPRK missile launches, attacks and nuclear
tests per week: 37 in 2022; which types count per year is evaluation/data/nk_event_series.tsv); KCNA 2011–12 against evaluation/data/kcna_2011_2012_events.tsv (a week is an event
week when it overlaps an exercise or the launch: 1, else 0). Spearman over the weeks where the measure has a value,
with a 95% interval from a moving-block bootstrap of those weeks (4-week blocks: neighbouring weeks share news).
"""

from __future__ import annotations

import argparse
import csv
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from evaluation.events import PAIR, week_of as monday
from evaluation.scoring import SHARED_DATA, spearman
from tension.config import read_tsv
from tension.warehouse import store

KCNA_EVENTS = Path(__file__).parent / "data" / "kcna_2011_2012_events.tsv"
EVENT_SERIES = Path(__file__).parent / "data" / "nk_event_series.tsv"
MEASURES = ("index_value", "intensity", "n_statements", "plain_vader")


def weekly_measures(db: Path, voices: str = "state") -> pd.DataFrame:
    """The pair's weeks (those with documents read) with every measure, plain VADER included."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    with store.connect(db, read_only=True) as con:
        weeks = con.execute(
            "select period_start as week, index_value, intensity, n_statements, n_hostile, hostile_sum, "
            "coverage_documents, 100.0 * hostile_sum / coverage_documents as intensity_own_week "
            "from tension_index('week', voices := ?, pair := ?) where not feed_gap",
            [voices, PAIR]).df()
        statements = con.execute(
            "select week_start as week, content from pair_statements where pair_id = ? and not repeats_lead "
            "and (? = 'all' or counts_in_index)", [PAIR, voices]).df()
    analyzer = SentimentIntensityAnalyzer()
    statements["plain_vader"] = [-analyzer.polarity_scores(text)["compound"] for text in statements["content"]]
    vader = statements.groupby("week")["plain_vader"].mean()
    weeks["week"] = pd.to_datetime(weeks["week"]).dt.date
    vader.index = pd.to_datetime(vader.index).date
    return weeks.assign(plain_vader=weeks["week"].map(vader))


def event_series(year: int, path: Path = EVENT_SERIES) -> dict[str, tuple[frozenset[str], bool]]:
    """Per event series of `year` (evaluation/data/nk_event_series.tsv): the nk_events types it counts, and whether
    it is the year's primary series (the one a decision rule reads)."""
    types: dict[str, set[str]] = {}
    primary: dict[str, set[str]] = {}
    for row in read_tsv(path):
        if int(row["year"]) == year:
            types.setdefault(row["series"], set()).add(row["type"])
            primary.setdefault(row["series"], set()).add(row["primary"])
    if not types:
        raise ValueError(f"{path.name} has no event series for {year}")
    for name, marks in primary.items():
        if len(marks) != 1 or not marks <= {"yes", "no"}:
            raise ValueError(f"{path.name}: series {name} of {year} must be primary 'yes' or 'no' on every row")
    chosen = [name for name, marks in primary.items() if marks == {"yes"}]
    if len(chosen) != 1:
        raise ValueError(f"{path.name}: {year} needs exactly one primary series, not {len(chosen)}")
    return {name: (frozenset(kinds), name == chosen[0]) for name, kinds in types.items()}


def primary_series(year: int, path: Path = EVENT_SERIES) -> str:
    """The name of `year`'s primary event series."""
    return next(name for name, (_, primary) in event_series(year, path).items() if primary)


def nk_event_days(year: int, data_dir: Path = SHARED_DATA, series: str | None = None) -> pd.Series:
    """DPRK events per ISO week (Monday) of `year`: distinct (date, type) of nk_events among the types of the
    year's `series` (default: its primary one; evaluation/data/nk_event_series.tsv). nk_events has one row per
    missile and per balloon find, so a salvo of eight is one event here (its README: count events, not rows),
    unlike evaluation.events.event_counts, which counts rows; a launch and a balloon wave on the same day are two."""
    kinds = event_series(year)[series or primary_series(year)][0]
    with open(data_dir / "nk_events" / "nk_events.csv", encoding="utf-8") as handle:
        events = {(date.fromisoformat(r["date"]), r["type"]) for r in csv.DictReader(handle)
                  if r["type"] in kinds and r["date"].startswith(str(year))}
    return pd.Series([monday(d) for d, _ in events], dtype=object).value_counts()


def kcna_event_weeks(path: Path = KCNA_EVENTS) -> set[date]:
    """Mondays of the weeks that overlap an exercise or the launch."""
    weeks = set()
    for row in read_tsv(path):
        first, last = date.fromisoformat(row["first_day"]), date.fromisoformat(row["last_day"])
        day = monday(first)
        while day <= last:
            weeks.add(day)
            day += timedelta(weeks=1)
    return weeks


BLOCK_WEEKS = 4  # news about an event runs on for weeks, so neighbouring weeks are resampled together
RESAMPLES = 2000


def block_samples(n: int, block: int = BLOCK_WEEKS, resamples: int = RESAMPLES, seed: int = 2026) -> np.ndarray:
    """Row indices of moving-block bootstrap samples of a series of n weeks: each sample strings together
    random runs of `block` consecutive weeks until it is n long. Fixed seed: the same intervals on every run."""
    rng = np.random.default_rng(seed)
    starts = rng.integers(0, max(n - block + 1, 1), size=(resamples, -(-n // block)))
    return (starts[:, :, None] + np.arange(block)).reshape(resamples, -1)[:, :n] % max(n, 1)


def spearman_interval(x: np.ndarray, y: np.ndarray, samples: np.ndarray) -> tuple[float, float]:
    """95% percentile interval of Spearman ρ over the bootstrap samples (a sample with a constant side is
    skipped: its ρ is undefined)."""
    values = []
    for rows in samples:
        xs, ys = x[rows], y[rows]
        if np.ptp(xs) > 0 and np.ptp(ys) > 0:
            values.append(spearman(xs, ys))
    if not values:
        return (float("nan"), float("nan"))
    low, high = np.percentile(values, [2.5, 97.5])
    return (float(low), float(high))


def measure_correlations(weeks: pd.DataFrame, events: pd.Series, measures: tuple[str, ...],
                         intervals: bool = True) -> dict[str, tuple]:
    """Per measure: Spearman ρ with the events (aligned on the index of `weeks`), the number of weeks it was
    computed over (those where it has a value), and its 95% interval by a moving-block bootstrap over those weeks
    in time order (NaN, NaN without `intervals`)."""
    result = {}
    for measure in measures:
        valid = weeks[weeks[measure].notna()].sort_values("week")
        x, y = valid[measure].to_numpy(float), events[valid.index].to_numpy(float)
        interval = (spearman_interval(x, y, block_samples(len(valid))) if intervals
                    else (float("nan"), float("nan")))
        result[measure] = (spearman(x, y), len(valid), *interval)
    return result


def correlations(weeks: pd.DataFrame, events: pd.Series, intervals: bool = True) -> dict[str, tuple]:
    """measure_correlations over the measures of the first rounds and the parts of intensity."""
    return measure_correlations(weeks, events, MEASURES + ("n_hostile", "hostile_sum", "intensity_own_week",
                                                           "coverage_documents"), intervals)


SPLITS = ("all", "tune", "check")


def in_split(week: date, split: str) -> bool:
    """RSS 2022's weeks are split once, before any variant is tried: odd ISO weeks tune, even ISO weeks check.
    Variants are chosen on tune only; check and the whole year are reported."""
    if split == "all":
        return True
    odd = week.isocalendar()[1] % 2 == 1
    return odd if split == "tune" else not odd


def rss_2022(db: Path, voices: str = "state", lag: int = 0, split: str = "all") -> dict[str, tuple[float, int]]:
    """lag 1: a week's events are those of the week and of the week before (news runs on after an event).
    split: 'tune' (odd ISO weeks), 'check' (even ISO weeks) or 'all'."""
    weeks = weekly_measures(db, voices)
    weeks = weeks[pd.to_datetime(weeks["week"]).dt.year.ge(2021)]  # 2021-W52 holds 1-2 January 2022
    counts = nk_event_days(2022)
    events = sum(weeks["week"].map(lambda w, k=k: counts.get(w - timedelta(weeks=k), 0)) for k in range(lag + 1))
    chosen = weeks["week"].map(lambda w: in_split(w, split)).astype(bool)
    return correlations(weeks[chosen], events[chosen].astype(float))


def kcna(db: Path, voices: str = "state") -> dict[str, tuple[float, int]]:
    weeks = weekly_measures(db, voices)
    event_weeks = kcna_event_weeks()
    return correlations(weeks, weeks["week"].map(lambda w: float(w in event_weeks)))


# Intensity variants of issue 15's third round, pre-registered in the branch's first commit and chosen on RSS tune
# weeks only (docs/evaluation-index.md). Each is 100 x Σ over the week's documents of a document's hostile mass /
# typical coverage (tension_index's typical_coverage), 0 in a week read without one, NULL in a gap: they differ only
# in which statements count and how a document's statements are combined. Statement columns available: h (positive
# part of hostility), state (counts_in_index), force (a non-negated cue of positive contribution whose CAMEO root is
# 15 force posture, 18 assault, 19 fight or 20 mass violence: launches, drills, strikes), act (the extractor's
# is_act), reported (reported_by set), inferred (targets_inferred).


LABELS = {"index_value": "tone index", "intensity": "intensity (per 100 documents of typical coverage)",
          "n_statements": "statement count", "plain_vader": "plain VADER weekly mean",
          "n_hostile": "hostile statements (count)", "hostile_sum": "hostile sum (no denominator)",
          "intensity_own_week": "hostile sum per 100 documents of the week itself",
          "coverage_documents": "documents read (coverage alone)"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rss", type=Path, required=True, help="database built from RSS 2022")
    parser.add_argument("--kcna", type=Path, required=True, help="database built from KCNA 2011-12")
    parser.add_argument("--voices", default="state", choices=("state", "all"))
    parser.add_argument("--lag", type=int, default=0, help="RSS: also count the events of this many weeks before")
    parser.add_argument("--split", default="all", choices=SPLITS,
                        help="RSS weeks: tune (odd ISO weeks: choose variants here), check (even ISO weeks), all")
    parser.add_argument("--variants", action="store_true",
                        help="also print issue 15's third-round intensity variants and flag baselines")
    parser.add_argument("--rss2024", type=Path, default=None,
                        help="database built from RSS 2024: also print issue 15's fourth round (out of sample) "
                             "and apply its pre-registered rule")
    parser.add_argument("--before-rss", type=Path, default=None,
                        help="RSS 2022 database of main before issue 15's dating (with --before-kcna): print the "
                             "fifth round's before/after table (--rss/--kcna are after) and its rule")
    parser.add_argument("--before-kcna", type=Path, default=None, help="KCNA 2011-12 database of main before the dating")
    parser.add_argument("--days", action="store_true",
                        help="with --rss2024: print issue 15's seventh round instead (measures that count "
                             "event days) and apply its pre-registered rule")
    args = parser.parse_args()
    events = SHARED_DATA / "nk_events" / "nk_events.csv"
    if not events.exists():
        print(f"skipped: {events} not present (the dated DPRK events live in ../shared/data, or the folder "
              "TENSION_SHARED_DATA names)")
        return
    from evaluation.index_days import days_report
    from evaluation.index_rounds import fifth_round_report, fourth_round_report, variants_report

    if args.days:
        if not args.rss2024:
            parser.error("--days needs --rss2024")
        print(days_report(args.rss, args.kcna, args.rss2024))
        return
    if args.before_rss and args.before_kcna:
        print(fifth_round_report(args.before_rss, args.before_kcna, args.rss, args.kcna, args.split, args.voices))
        return
    rss, kc = rss_2022(args.rss, args.voices, args.lag, args.split), kcna(args.kcna, args.voices)
    print(f"RSS 2022 weeks: {args.split}")
    print("| DPRK–ROK weekly measure | RSS 2022: ρ with DPRK event days [95% interval] (weeks) "
          "| KCNA 2011–12: ρ with event weeks [95% interval] (weeks) |\n|---|---:|---:|")

    def cell(rho: float, n: int, low: float, high: float) -> str:
        return f"{rho:+.2f} [{low:+.2f}, {high:+.2f}] ({n})"

    for measure, label in LABELS.items():
        print(f"| {label} | {cell(*rss[measure])} | {cell(*kc[measure])} |")
    print(f"Intervals: moving-block bootstrap over the weeks in time order ({BLOCK_WEEKS}-week blocks, "
          f"{RESAMPLES} resamples, fixed seed); neighbouring weeks share news, so weeks are not independent.")
    if args.variants:
        print()
        print(variants_report(args.rss, args.kcna, args.split, args.lag))
    if args.rss2024:
        print()
        print(fourth_round_report(args.rss2024, args.rss, args.kcna))


if __name__ == "__main__":
    main()
