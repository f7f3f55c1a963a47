"""Does the weekly DPRK–ROK index react to what happens? Event weeks against the index, before and after a change.

    python -m evaluation.events                    # RSS 2022 vs nk_events, KCNA 2011-12 event windows
    python -m evaluation.events --before ed2d147   # the same figures for the scorer as of that commit, beside

The index here is METHODOLOGY.md §3's headline value computed in Python from `tension`'s own analysis of the corpus
(no database): per ISO week, the mean of the document means of the statements bearing on the pair, with one neutral
pseudo-document (k = 1). Two simplifications against the SQL views: every document counts (no near-duplicate
clusters; on RSS 2022 they move the index by < 0.01, docs/ingest-and-dedup.md), and every speaker kind counts.
Plain VADER beside it: −compound of stock vaderSentiment on the same statements, through the same formula.

- **RSS 2022** (1,146 feed items) against ../shared/data/nk_events (69 DPRK launches in 2022): Spearman between the
  week's index and its number of launches/attacks, over the weeks that have an index value (a week without
  statements has no value, never a zero).
- **KCNA 2011–12**: spread of the weekly index (standard deviation and interquartile range across weeks) and its
  response to Key Resolve 2011/2012, Ulchi Freedom Guardian 2011/2012 and the 13 April 2012 launch: the mean over
  the event's weeks minus the mean of the 4 weeks before, also in units of the weekly standard deviation.
- The cues that contribute most to the DPRK–ROK statements' hostility, summed (the house-vocabulary check).

Reusable by the index work: `weekly_index(rows)` and `event_counts(year)`.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from evaluation.baseline import BASELINE_COMMIT, run_worker
from evaluation.scoring import SHARED_DATA, spearman

PAIR = "PRK-KOR"
PRIOR_DOCUMENTS = 1  # k of METHODOLOGY.md §3
EVENT_TYPES = ("missile", "attack", "nuclear_test")
CORPORA = {
    "rss2022": ("rss_2022/rss_2022_korea_mentions.jsonl",
                ["text=title+description", "published=date_published", "url=link", "id=link"], []),
    "kcna": ("kcna_2011_2012/kcna_stories_2011_2012_southkorea_related.jsonl",
             ["text=story", "published=date", "title=title"], ["speaker=KCNA", "source=KCNA"]),
    # Issue 15's fourth round (evaluation.index_events --rss2024): the feed's lede is `description`; `source` is the
    # feed URL already.
    "rss2024": ("rss_2024/rss_2024_korea.jsonl",
                ["text=title+description", "published=published", "url=url", "id=id"], []),
}
# Dates of the exercises from the ROK/US announcements as reported at the time; the launch from nk_events.
KCNA_EVENTS = {
    "Key Resolve 2011": (date(2011, 2, 28), date(2011, 3, 10)),
    "Key Resolve 2012": (date(2012, 2, 27), date(2012, 3, 9)),
    "UFG 2011": (date(2011, 8, 16), date(2011, 8, 26)),
    "UFG 2012": (date(2012, 8, 20), date(2012, 8, 31)),
    "April 2012 launch": (date(2012, 4, 13), date(2012, 4, 13)),
}
BEFORE_WEEKS = 4
# KCNA's house names for the South's government and policy, found in the text itself (not by any scorer), so that
# every version is checked against the same count: does the index follow how often they are said?
EPITHETS = re.compile(r"\b(?:puppet|traitor|treacher|warmonger|war-thirsty|confrontation|imperialis|lackey|stooge|"
                      r"flunk|clique|fascis|war hawk|maniac)", re.I)


def week_of(day: date) -> date:
    """Monday of the ISO week."""
    return day - timedelta(days=day.weekday())


def statements(corpus: str, commit: str | None) -> pd.DataFrame:
    """The corpus's statements bearing on the pair, scored by the given version (None: the working tree)."""
    file, fields, defaults = CORPORA[corpus]
    args = ["statements", str(SHARED_DATA / file), *(f"--field={f}" for f in fields),
            *(f"--default={d}" for d in defaults)]
    rows = [json.loads(line) for line in run_worker(commit, args)]
    frame = pd.DataFrame([r for r in rows if PAIR in r["pair_ids"]])
    frame["week"] = pd.to_datetime(frame["published"]).dt.date.map(week_of)
    return frame


def weekly_index(rows: pd.DataFrame, column: str = "hostility") -> pd.Series:
    """Index per week: Σ document means / (documents + k)."""
    documents = rows.groupby(["week", "doc_id"])[column].mean().reset_index()
    grouped = documents.groupby("week")[column]
    return grouped.sum() / (grouped.count() + PRIOR_DOCUMENTS)


def with_plain_vader(rows: pd.DataFrame) -> pd.DataFrame:
    """`rows` with plain VADER's hostility (−compound of the stock analyzer) of each statement's content."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    return rows.assign(plain_vader=[-analyzer.polarity_scores(t)["compound"] for t in rows["content"]])


def event_counts(year: int, data_dir: Path = SHARED_DATA) -> Counter:
    """DPRK launches/attacks/nuclear tests per ISO week (Monday) of `year`."""
    events = pd.read_csv(data_dir / "nk_events" / "nk_events.csv")
    events = events[events["type"].isin(EVENT_TYPES) & events["date"].str.startswith(str(year))]
    return Counter(week_of(date.fromisoformat(d)) for d in events["date"])


def rss_figures(rows: pd.DataFrame) -> dict:
    """Spearman of the weekly index (and plain VADER's) with the week's number of events, RSS 2022."""
    counts = event_counts(2022)
    index, vader = weekly_index(rows), weekly_index(rows, "plain_vader")
    events = [counts.get(week, 0) for week in index.index]
    return {"weeks": len(index), "event_weeks": sum(e > 0 for e in events), "statements": len(rows),
            "index_rho": spearman(index.to_numpy(), events), "vader_rho": spearman(vader.to_numpy(), events)}


def kcna_figures(rows: pd.DataFrame) -> dict:
    """Spread across weeks and the response to each event window."""
    index = weekly_index(rows)
    epithets = rows.assign(epithets=rows["content"].map(lambda t: len(EPITHETS.findall(t))))
    rate = epithets.groupby("week")["epithets"].mean().reindex(index.index)
    result = {"weeks": len(index), "statements": len(rows), "mean": index.mean(), "sd": index.std(),
              "iqr": index.quantile(0.75) - index.quantile(0.25),
              "epithet_rate_rho": spearman(index.to_numpy(), rate.to_numpy()),
              "epithet_share": epithet_share(rows)}
    for name, (first, last) in KCNA_EVENTS.items():
        weeks = [w for w in index.index if week_of(first) <= w <= week_of(last)]
        before = [w for w in index.index if week_of(first) - timedelta(weeks=BEFORE_WEEKS) <= w < week_of(first)]
        change = index[weeks].mean() - index[before].mean()
        result[name] = (index[weeks].mean(), change, change / index.std())
    return result


def top_cues(rows: pd.DataFrame, limit: int = 8) -> list[tuple[str, float]]:
    """Cues with the largest summed effective contribution over the statements (either sign): what each cue added to
    its statement's cue_sum (under formula 3 the strongest cue of a side counts in full, the others by REST_WEIGHT)."""
    sums: dict[str, float] = defaultdict(float)
    for cues in rows["cues"]:
        for cue, _contribution, _kind, effective in cues:
            sums[cue] += effective
    return sorted(sums.items(), key=lambda kv: -abs(kv[1]))[:limit]


def epithet_share(rows: pd.DataFrame) -> float:
    """Share of the statements' summed hostile effective contributions that comes from cues matching an epithet."""
    epithet = hostile = 0.0
    for cues in rows["cues"]:
        for cue, _contribution, _kind, effective in cues:
            if effective > 0:
                hostile += effective
                epithet += effective if EPITHETS.search(cue.replace("~", "").replace("*", "")) else 0.0
    return epithet / hostile if hostile else float("nan")


def report(commit: str | None) -> dict:
    """Every figure for one version."""
    rss = with_plain_vader(statements("rss2022", commit))
    kcna = statements("kcna", commit)
    return {"version": rss["scorer_version"].iloc[0], "rss": rss_figures(rss), "kcna": kcna_figures(kcna),
            "kcna_top_cues": top_cues(kcna)}


def format_report(results: list[dict]) -> str:
    """Markdown tables, one column per version."""
    heads = [r["version"] for r in results]
    lines = ["| RSS 2022, DPRK–ROK | " + " | ".join(heads) + " |", "|---|" + "---:|" * len(heads)]
    for key in ("statements", "weeks", "event_weeks"):
        lines.append(f"| {key} | " + " | ".join(str(r["rss"][key]) for r in results) + " |")
    lines.append("| ρ(weekly index, launches) | " + " | ".join(f"{r['rss']['index_rho']:+.3f}" for r in results) + " |")
    lines.append("| ρ(plain VADER weekly, launches) | " + " | ".join(f"{r['rss']['vader_rho']:+.3f}" for r in results)
                 + " |")
    lines += ["", "| KCNA 2011–12, DPRK–ROK | " + " | ".join(heads) + " |", "|---|" + "---:|" * len(heads)]
    for key in ("statements", "weeks"):
        lines.append(f"| {key} | " + " | ".join(str(r["kcna"][key]) for r in results) + " |")
    for key in ("mean", "sd", "iqr"):
        lines.append(f"| weekly {key} | " + " | ".join(f"{r['kcna'][key]:.3f}" for r in results) + " |")
    lines.append("| ρ(weekly index, epithets per statement) | " + " | ".join(
        f"{r['kcna']['epithet_rate_rho']:+.3f}" for r in results) + " |")
    lines.append("| epithets' share of the hostile cue weight | " + " | ".join(
        f"{r['kcna']['epithet_share']:.1%}" for r in results) + " |")
    for name in KCNA_EVENTS:
        lines.append(f"| {name}: level, change vs 4 weeks before (in weekly SDs) | " + " | ".join(
            f"{r['kcna'][name][0]:+.2f}, {r['kcna'][name][1]:+.3f} ({r['kcna'][name][2]:+.2f})" for r in results) + " |")
    for r in results:
        lines += ["", f"KCNA DPRK–ROK top cues, summed contribution, {r['version']}: "
                  + ", ".join(f"{cue} {total:+.0f}" for cue, total in r["kcna_top_cues"])]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", nargs="?", const=BASELINE_COMMIT, default=None,
                        help=f"also run the scorer as of this commit (default {BASELINE_COMMIT})")
    parser.add_argument("--variant", action="append", default=[],
                        help="also run the `tension` package in this folder (an experiment), beside")
    args = parser.parse_args(argv)
    if not SHARED_DATA.exists():
        print(f"skipped: {SHARED_DATA} not present")
        return 0
    results = ([report(args.before)] if args.before else []) + [report(v) for v in args.variant] + [report(None)]
    print(format_report(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
