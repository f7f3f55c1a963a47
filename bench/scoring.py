"""Micro-benchmark of scoring alone on real KCNA sentences, one core, in CPU seconds.

    python -m bench.scoring                      # 5,000 sentences, best of 3
    python -m bench.scoring --sentences 20000 --repeat 5 --profile

Sentences are taken as `bench/run.py`'s vader_reference takes them: `clean_text` + `split_sentences` on the "story"
field of ../shared/data/kcna_2011_2012. Four lines, each timed with `time.process_time` (the machine is shared, so
CPU time, not wall time), best of the repeats:

    stock VADER     plain vaderSentiment SentimentIntensityAnalyzer().polarity_scores (the issue-7 reference)
    our VADER       Scorer().vader.polarity_scores (tension.score.vader's analyzer, with the domain lexicon)
    find_cues       Scorer().find_cues alone (the chunk-memoised tokens, both automata, markers)
    Scorer.score    the whole score of one statement (one tokenization shared by VADER's compound and the cues)

The timed passes repeat the same sentences, so the chunk memo is warm: a first pass over new text costs more.

and each line's ratio of sentences/s to stock VADER's (> 1 is faster than plain VADER).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import time
from pathlib import Path
from typing import Callable

from evaluation import SHARED_DATA

ROOT = Path(__file__).resolve().parents[1]
KCNA = SHARED_DATA / "kcna_2011_2012" / "kcna_stories_2011_2012_southkorea_related.jsonl"


def load_sentences(path: Path, limit: int) -> list[str]:
    """The first `limit` KCNA sentences, split as the pipeline splits them."""
    from tension.ingest.clean import clean_text
    from tension.extract.statements import load_lexicon, split_sentences

    abbreviations = load_lexicon().abbreviations
    sentences: list[str] = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            body = clean_text(json.loads(line)["story"] or "").body
            sentences.extend(s.text for s in split_sentences(body, abbreviations))
            if len(sentences) >= limit:
                break
    return sentences[:limit]


def cpu_seconds(function: Callable[[str], object], sentences: list[str], repeat: int) -> float:
    """Least CPU time of `repeat` passes of `function` over every sentence."""
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        for sentence in sentences:
            function(sentence)
        best = min(best, time.process_time() - started)
    return best


def main(argv: list[str] | None = None) -> int:
    """Print CPU seconds and sentences/s per line; exit 0 with a message when the KCNA file is absent."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sentences", type=int, default=5000, help="how many KCNA sentences (default 5000)")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes per line; the least is kept (default 3)")
    parser.add_argument("--profile", action="store_true", help="also print a cProfile of one Scorer.score pass")
    args = parser.parse_args(argv)
    if not KCNA.exists():
        print(f"skipped: {KCNA} is absent (../shared/data is not checked out)")
        return 0

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from tension.score.scorer import Scorer

    sentences = load_sentences(KCNA, args.sentences)
    stock = SentimentIntensityAnalyzer()
    scorer = Scorer()
    lines = [
        ("stock VADER", stock.polarity_scores),
        ("our VADER", scorer.vader.polarity_scores),
        ("find_cues", scorer.find_cues),
        ("Scorer.score", scorer.score),
    ]
    for _, function in lines:  # warm the memos (chunk tokens, cue candidates) outside the timed passes
        function(sentences[0])
    mean_chars = sum(map(len, sentences)) / len(sentences)
    print(f"{len(sentences):,} KCNA sentences (mean {mean_chars:.0f} chars), one core, CPU seconds, "
          f"best of {args.repeat}")
    reference = None
    for name, function in lines:
        seconds = cpu_seconds(function, sentences, args.repeat)
        per_second = len(sentences) / seconds
        reference = reference or per_second
        print(f"{name:<14} {seconds:8.3f} s  {per_second:9,.0f} sentences/s  {per_second / reference:5.2f}x stock VADER")
    if args.profile:
        profile = cProfile.Profile()
        profile.runcall(lambda: [scorer.score(s) for s in sentences])
        pstats.Stats(profile, stream=sys.stdout).sort_stats("tottime").print_stats(20)
    return 0


if __name__ == "__main__":
    sys.exit(main())
