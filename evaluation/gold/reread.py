"""How far today's guideline, applied afresh, is from the gold labels: two blind re-reads of every check unit of
batches 1–4 (first a random sample of 117 units, then the other 651), scored against the gold rows with the
extraction scorer's own pairing.

    python -m evaluation.gold.reread                     # each re-read against gold, and the two against each other
    python -m evaluation.gold.reread --sample            # the random sample of 117 units alone
    python -m evaluation.gold.reread --write DIR         # also write reader_1.tsv, reader_2.tsv and gold.tsv of the
                                                         # same units to DIR, for the system's figures below

The system against the re-reads (the check half: summary only, to report):

    python -m evaluation.gold.extraction --labels DIR/reader_1.tsv --split check [--as-run]
    python -m evaluation.gold.extraction --labels DIR/gold.tsv --split check       # the gold rows of the same units

Reads labels only (evaluation/labels/reread/, evaluation/labels/gold/gold.tsv), no corpus text. The sample, the
labellers' rules and the figures are in evaluation/labels/reread/README.md.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from evaluation.gold.extraction import GOLD_FILE, read_labels
from evaluation.gold.matching import FIGURES, Row, score
from tension.config import load_pairs

REREAD_DIR = Path(__file__).resolve().parents[1] / "labels" / "reread"
# Two readers: labeller A (the sample) with C (the rest), and B with D; each pair of files labels disjoint units.
READERS = {"1": (REREAD_DIR / "s21_a.tsv", REREAD_DIR / "s21_c.tsv"),
           "2": (REREAD_DIR / "s21_b.tsv", REREAD_DIR / "s21_d.tsv")}
SAMPLE = REREAD_DIR / "s21_a.tsv"  # its units: the random sample


def unit_ids(path: Path) -> list[str]:
    """The units a label file labels, in its order."""
    seen: dict[str, None] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#") and not line.startswith("unit_id\t"):
            seen.setdefault(line.split("\t", 1)[0], None)
    return list(seen)


def read_reader(paths) -> dict[str, list[Row]]:
    """One reader's rows over all its files."""
    rows: dict[str, list[Row]] = {}
    for path in paths:
        rows.update(read_labels(path)[0])
    return rows


def as_system(rows: dict[str, list[Row]]) -> dict[str, list[dict]]:
    """Label rows in the shape matching.score reads a system's statements in."""
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
    ap.add_argument("--sample", action="store_true", help="only the random sample of 117 units (session 21's first)")
    ap.add_argument("--write", type=Path, metavar="DIR",
                    help="write reader_1.tsv, reader_2.tsv and gold.tsv (the gold rows of the same units) to DIR")
    a = ap.parse_args(argv)
    ids = unit_ids(SAMPLE) if a.sample else [u for paths in [READERS["1"]] for p in paths for u in unit_ids(p)]
    gold, _ = read_labels(GOLD_FILE)
    readers = {name: read_reader(paths) for name, paths in READERS.items()}
    pairs = load_pairs()
    comparisons = [("reader 1 against gold", gold, readers["1"]), ("reader 2 against gold", gold, readers["2"]),
                   ("reader 1 against 2", readers["2"], readers["1"])]
    tallies = [score(reference, as_system(labels), ids, pairs) for _, reference, labels in comparisons]
    print(f"{len(ids)} re-read units (check half, batches 1–4"
          + (", the random sample" if a.sample else "") + "); the second set is scored as if it were the system")
    print(f"  {'':36}" + "".join(f"{name:>26}" for name, _, _ in comparisons))
    for key, label in FIGURES:
        print(f"  {label:36}" + "".join(f"{t.figure(key):>17} {t.interval(key):>8}" for t in tallies))
    for name, reference, labels in comparisons:
        shared = hostility_pairs(reference, labels, ids)
        exact = sum(x == y for x, y in shared) / len(shared)
        within = sum(abs(x - y) <= 1 for x, y in shared) / len(shared)
        print(f"hostility class, {name}: {len(shared)} shared statements, the same class {exact:.2f}, "
              f"within one {within:.2f}, Spearman {spearman(shared):.3f}")
    if a.write:
        a.write.mkdir(parents=True, exist_ok=True)
        wanted = set(ids)
        header = [line for line in GOLD_FILE.read_text(encoding="utf-8").splitlines(keepends=True)
                  if line.startswith("unit_id\t")]
        for name, paths in READERS.items():
            lines = [line for p in paths for line in p.read_text(encoding="utf-8").splitlines(keepends=True)
                     if not line.startswith(("#", "unit_id\t")) and line.split("\t", 1)[0] in wanted]
            (a.write / f"reader_{name}.tsv").write_text("".join(header + lines), encoding="utf-8")
        lines = [line for line in GOLD_FILE.read_text(encoding="utf-8").splitlines(keepends=True)
                 if line.startswith(("#", "unit_id\t")) or line.split("\t", 1)[0] in wanted]
        (a.write / "gold.tsv").write_text("".join(lines), encoding="utf-8")
        print(f"written to {a.write}: reader_1.tsv, reader_2.tsv, gold.tsv")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
