"""Micro-benchmark of statement extraction alone on real KCNA text, one core.

    python -m bench.extraction                  # 1,500 stories, best of 3
    python -m bench.extraction --stories 4535 --repeat 5 --profile

Reads the KCNA stories in ../shared/data, cleans each with `tension.clean.clean_text` (which turns the archive's
", \\r, " paragraph breaks into blank lines), then times `extract_statements` over all of them. Cleaning, loading
the dictionary and counting sentences happen outside the timed loop. Prints sentences/s and statements/s of the
best of the repeats (the least disturbed by other work on the machine) and the median, so noise is visible.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import statistics
import sys
import time
from datetime import date
from pathlib import Path

from evaluation import SHARED_DATA

ROOT = Path(__file__).resolve().parents[1]
KCNA = SHARED_DATA / "kcna_2011_2012" / "kcna_stories_2011_2012_southkorea_related.jsonl"
SPEAKER = "KCNA"  # each release speaks as the agency, as `make bench` runs it


def load_stories(path: Path, limit: int) -> list[tuple[str, date]]:
    """The first `limit` stories as (cleaned body, date)."""
    from tension.ingest.clean import clean_text

    stories = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            stories.append((clean_text(record["story"] or "").body, date.fromisoformat(record["date"])))
            if len(stories) >= limit:
                break
    return stories


def time_extraction(stories: list[tuple[str, date]], actors, lexicon) -> tuple[float, int]:
    """Seconds to extract every story once, and the number of statements found."""
    from tension.extract.statements import extract_statements

    found = 0
    started = time.process_time()  # CPU time: the machine is shared, and wall time counts the others' work
    for body, published in stories:
        found += len(extract_statements(body, published, actors, lexicon, SPEAKER))
    return time.process_time() - started, found


def time_cleaning(path: Path, limit: int) -> float:
    """CPU seconds to clean the first `limit` stories once (the other half of extraction's cost)."""
    from tension.ingest.clean import clean_text

    with path.open(encoding="utf-8") as lines:
        raws = [json.loads(line)["story"] or "" for _, line in zip(range(limit), lines)]
    started = time.process_time()
    for raw in raws:
        clean_text(raw)
    return time.process_time() - started


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures; exit 0 with a message when the KCNA file is absent."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stories", type=int, default=1500, help="how many KCNA stories (default 1500)")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes; the best is reported (default 3)")
    parser.add_argument("--profile", action="store_true", help="also print a cProfile of one more pass")
    args = parser.parse_args(argv)
    if not KCNA.exists():
        print(f"bench.extraction: skipped: {KCNA} is absent (../shared/data is only on the project's machines)")
        return 0
    from tension.extract.actors import load_actors
    from tension.extract.statements import load_lexicon, split_sentences

    stories = load_stories(KCNA, args.stories)
    actors, lexicon = load_actors(), load_lexicon()
    sentences = sum(len(split_sentences(body, lexicon.abbreviations)) for body, _ in stories)
    characters = sum(len(body) for body, _ in stories)
    time_extraction(stories[:50], actors, lexicon)  # warm-up: first-use compilation, caches
    runs = [time_extraction(stories, actors, lexicon) for _ in range(args.repeat)]
    best = min(seconds for seconds, _ in runs)
    median = statistics.median(seconds for seconds, _ in runs)
    statements = runs[0][1]
    print(f"extract_statements on {len(stories):,} KCNA stories: {sentences:,} sentences "
          f"(mean {characters / sentences:.0f} chars), {statements:,} statements")
    print(f"  best of {args.repeat}: {best:.2f} s  {sentences / best:,.0f} sentences/s  "
          f"{statements / best:,.0f} statements/s  {len(stories) / best:,.0f} stories/s")
    print(f"  median:    {median:.2f} s  {sentences / median:,.0f} sentences/s")
    cleaning = min(time_cleaning(KCNA, args.stories) for _ in range(args.repeat))
    print(f"  clean_text: {cleaning:.2f} s (best of {args.repeat}); with extraction "
          f"{sentences / (best + cleaning):,.0f} sentences/s")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        time_extraction(stories, actors, lexicon)
        profiler.disable()
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(25)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
