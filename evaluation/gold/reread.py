"""How far today's guideline, applied afresh, is from the gold labels: two new labellers' blind re-reads of a random
sample of check units of batches 1–4, scored against the gold rows with the extraction scorer's own pairing.

    python -m evaluation.gold.reread                     # each re-read against gold, and the two against each other
    python -m evaluation.gold.reread --gold-sample F     # also write the gold rows of the sample's units to F

The system against the re-reads (the check half: summary only, to report):

    python -m evaluation.gold.extraction --labels evaluation/labels/reread/s21_a.tsv --split check
    python -m evaluation.gold.extraction --labels F --split check      # the gold rows of the same units

Reads labels only (evaluation/labels/reread/, evaluation/labels/gold/gold.tsv), no corpus text. The sample, the
labellers' rules and the figures are in evaluation/labels/reread/README.md.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from evaluation.gold.extraction import FIGURES, GOLD_FILE, Row, read_labels, score
from tension.config import load_pairs

REREAD_DIR = Path(__file__).resolve().parents[1] / "labels" / "reread"
REREADS = {"A": REREAD_DIR / "s21_a.tsv", "B": REREAD_DIR / "s21_b.tsv"}


def unit_ids(path: Path) -> list[str]:
    """The units a label file labels, in its order."""
    seen: dict[str, None] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#") and not line.startswith("unit_id\t"):
            seen.setdefault(line.split("\t", 1)[0], None)
    return list(seen)


def as_system(rows: dict[str, list[Row]]) -> dict[str, list[dict]]:
    """Label rows in the shape extraction.score reads a system's statements in."""
    return {unit: [{"speaker_country": r.country, "targets": sorted(r.targets), "speaker_kind": r.kind} for r in rs]
            for unit, rs in rows.items()}


def hostility_pairs(first: dict[str, list[Row]], second: dict[str, list[Row]], ids: list[str]) -> list[tuple[int, int]]:
    """Hostility classes of the statements two label sets share (same speaker country, same targets if possible)."""
    out = []
    for unit in ids:
        left = list(second.get(unit, []))
        for row in first.get(unit, []):
            match = ([r for r in left if r.country == row.country and r.targets == row.targets]
                     or [r for r in left if r.country == row.country])
            if match:
                left.remove(match[0])
                out.append((row.hostility, match[0].hostility))
    return out


def spearman(pairs: list[tuple[int, int]]) -> float:
    """Spearman's rho with average ranks for ties (pandas, as the hostility evaluation computes it)."""
    import pandas as pd

    frame = pd.DataFrame(pairs).rank()
    return float(frame[0].corr(frame[1]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold-sample", type=Path, help="write the gold rows of the re-read units to this file")
    a = ap.parse_args(argv)
    ids = unit_ids(REREADS["A"])
    gold, _ = read_labels(GOLD_FILE)
    rereads = {name: read_labels(path)[0] for name, path in REREADS.items()}
    pairs = load_pairs()
    comparisons = [("A against gold", gold, rereads["A"]), ("B against gold", gold, rereads["B"]),
                   ("A against B", rereads["B"], rereads["A"])]
    tallies = [score(reference, as_system(labels), ids, pairs) for _, reference, labels in comparisons]
    print(f"{len(ids)} re-read units (check half, batches 1–4); the second set is scored as if it were the system")
    print(f"  {'':36}" + "".join(f"{name:>26}" for name, _, _ in comparisons))
    for key, label in FIGURES:
        print(f"  {label:36}" + "".join(f"{t.figure(key):>17} {t.interval(key):>8}" for t in tallies))
    for name, reference, labels in comparisons:
        shared = hostility_pairs(reference, labels, ids)
        exact = sum(x == y for x, y in shared) / len(shared)
        within = sum(abs(x - y) <= 1 for x, y in shared) / len(shared)
        print(f"hostility class, {name}: {len(shared)} shared statements, the same class {exact:.2f}, "
              f"within one {within:.2f}, Spearman {spearman(shared):.3f}")
    if a.gold_sample:
        wanted = set(ids)
        lines = [line for line in GOLD_FILE.read_text(encoding="utf-8").splitlines(keepends=True)
                 if line.startswith(("#", "unit_id\t")) or line.split("\t", 1)[0] in wanted]
        a.gold_sample.write_text("".join(lines), encoding="utf-8")
        print(f"gold rows of the sample written to {a.gold_sample}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
