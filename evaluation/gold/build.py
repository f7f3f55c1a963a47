"""Assemble the adjudicated gold set: labeller A's rows where A and B agree on every scored field, the adjudicator's
rows where they do not.

    python -m evaluation.gold.build        # writes evaluation/labels/gold/gold.tsv

Agreement is decided by evaluation.gold.agreement.disagreements (statements paired within a unit; speaker country,
kind, targets, direction, modality, hostility class and whether a reporter is given must all match; speaker wording
and notes may differ). Every unit of units.tsv must be covered, exactly once.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from evaluation.gold.agreement import FIELDS, GOLD_DIR, disagreements, label_files, read_labels, units
from tension.config import load_pairs


def raw_rows(paths: list[Path]) -> dict[str, list[dict[str, str]]]:
    """Label rows as written, per unit."""
    out: dict[str, list[dict[str, str]]] = {}
    for path in paths:
        with path.open(encoding="utf-8", newline="") as fh:
            lines = [line for line in fh if line.strip() and not line.startswith("#")]
        for r in csv.DictReader(lines, delimiter="\t"):
            out.setdefault(r["unit_id"], []).append({k: (r.get(k) or "").strip() for k in FIELDS})
    return out


def build(folder: Path = GOLD_DIR) -> tuple[list[dict[str, str]], dict[str, int]]:
    """The gold rows in units.tsv order, and how many units came from agreement and from adjudication."""
    files_a, files_b = label_files("a", folder), label_files("b", folder)
    a, _ = read_labels(files_a)
    b, _ = read_labels(files_b)
    order = list(units(folder))
    disputed = set(disagreements(a, b, order, load_pairs()))
    rows_a = raw_rows(files_a)
    adjudicated = raw_rows(sorted(folder.glob("adjudicated*.tsv")))
    missing = sorted(disputed - set(adjudicated))
    if missing:
        raise SystemExit(f"build: {len(missing)} disputed units have no adjudicated rows, e.g. {missing[:3]}")
    gold = []
    for uid in order:
        if uid in disputed:
            gold += adjudicated[uid]
        else:
            gold += [{**r, "note": ""} for r in rows_a[uid]]
    return gold, {"units": len(order), "agreed": len(order) - len(disputed), "adjudicated": len(disputed)}


def main() -> int:
    gold, counts = build()
    path = GOLD_DIR / "gold.tsv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("# Adjudicated gold set: labeller A's rows where A and B agree, adjudicated rows elsewhere. "
                 "Written by `python -m evaluation.gold.build`; do not edit by hand.\n")
        writer = csv.DictWriter(fh, FIELDS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(gold)
    statements = sum(1 for r in gold if r["stmt"] not in ("", "0"))
    print(f"{path}: {counts['units']} units ({counts['agreed']} agreed, {counts['adjudicated']} adjudicated), "
          f"{statements} statements")
    return 0


if __name__ == "__main__":
    sys.exit(main())
