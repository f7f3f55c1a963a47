"""Does the DPRK–ROK index follow events? Spearman between each weekly measure and the week's dated events.

    tension run -i ../shared/data/rss_2022/rss_2022_korea_mentions.jsonl --field text=title+description \\
        --field published=date_published --field url=link --field id=link --db /tmp/rss.duckdb --no-report
    tension run -i ../shared/data/kcna_2011_2012/kcna_stories_2011_2012_southkorea_related.jsonl \\
        --field text=story --field published=date --default speaker=KCNA --default source=KCNA \\
        --db /tmp/kcna.duckdb --no-report
    python -m evaluation.index_events --rss /tmp/rss.duckdb --kcna /tmp/kcna.duckdb

evaluation/events.py (the scoring issue's) recomputes the index in Python from `tension statements`; this script
reads the measures from the published databases through the views analysts use (tension_index('week')), so
what is measured is what the report prints. Per ISO week of the DPRK–ROK pair:
- tone index (index_value): mean of document means shrunk by one neutral document (NULL without statements);
- intensity: 100 x the sum of hostility over hostile statements / typical weekly coverage (a year's mean of documents
  read; 0 when read and nothing hostile, NULL in a gap);
- statement count: pair statements of the week (0 when read);
- plain VADER weekly mean: −compound of stock vaderSentiment on the same statements, averaged (NULL without).
Events: RSS 2022 against ../shared/data/nk_events (distinct dates of DPRK missile launches, attacks and nuclear
tests per week: 37 in 2022); KCNA 2011–12 against evaluation/data/kcna_2011_2012_events.tsv (a week is an event
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

from evaluation.events import EVENT_TYPES, PAIR, week_of as monday
from evaluation.scoring import SHARED_DATA, spearman
from tension.config import read_tsv
from tension.warehouse import store

KCNA_EVENTS = Path(__file__).parent / "data" / "kcna_2011_2012_events.tsv"
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
            "select week_start as week, content from pair_statements where pair_id = ? "
            "and (? = 'all' or counts_in_index)", [PAIR, voices]).df()
    analyzer = SentimentIntensityAnalyzer()
    statements["plain_vader"] = [-analyzer.polarity_scores(text)["compound"] for text in statements["content"]]
    vader = statements.groupby("week")["plain_vader"].mean()
    weeks["week"] = pd.to_datetime(weeks["week"]).dt.date
    vader.index = pd.to_datetime(vader.index).date
    return weeks.assign(plain_vader=weeks["week"].map(vader))


def nk_event_days(year: int, data_dir: Path = SHARED_DATA) -> pd.Series:
    """Distinct event dates (missile, attack, nuclear test) per ISO week (Monday) of `year`: nk_events has one row
    per missile, so a salvo of eight is one event here (its README: count events, not rows), unlike
    evaluation.events.event_counts, which counts rows."""
    with open(data_dir / "nk_events" / "nk_events.csv", encoding="utf-8") as handle:
        days = {date.fromisoformat(r["date"]) for r in csv.DictReader(handle)
                if r["type"] in EVENT_TYPES and r["date"].startswith(str(year))}
    return pd.Series([monday(d) for d in days]).value_counts()


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


def correlations(weeks: pd.DataFrame, events: pd.Series, intervals: bool = True) -> dict[str, tuple]:
    """Per measure: Spearman ρ with the events, the number of weeks it was computed over, and its 95% interval by
    a moving-block bootstrap over those weeks (in time order; NaN, NaN without `intervals`)."""
    result = {}
    for measure in MEASURES + ("n_hostile", "hostile_sum", "intensity_own_week", "coverage_documents"):
        valid = weeks[weeks[measure].notna()].sort_values("week")
        x, y = valid[measure].to_numpy(float), events[valid.index].to_numpy(float)
        interval = (spearman_interval(x, y, block_samples(len(valid))) if intervals
                    else (float("nan"), float("nan")))
        result[measure] = (spearman(x, y), len(valid), *interval)
    return result


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
    args = parser.parse_args()
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


if __name__ == "__main__":
    main()
