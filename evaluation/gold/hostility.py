"""Hostility on the double-labelled gold set: the scorer against the adjudicated class −3..+3 of each statement.

    python -m evaluation.gold.hostility                  # tune and check, per corpus and overall, three systems
    python -m evaluation.gold.hostility --errors 30      # the tune half's 30 largest disagreements (never check)

Each gold statement (evaluation/labels/gold/gold.tsv, `stmt` ≥ 1 with a hostility class) is scored from its unit's
text, cut from ../shared/data by evaluation.gold.units (never stored), under the modality the extractor gives that
text — as the pipeline scores a statement — by three systems: **scorer** (this tree), **ed2d147** (the scorer as of
main at ed2d147, run from that commit's code by evaluation/baseline.py) and **plain VADER** (−compound of stock
vaderSentiment). A unit with several statements gives each its own class and the same text score.

Metrics: Spearman(hostility, class) and AUC(class ≥ 2, i.e. hostile or worse, vs the rest), per split and corpus.
The `check` half is only ever reported as these summary figures. Until gold.tsv exists, the script falls back to
the tune rows of evaluation/labels/hostility.tsv (classes −1/0/+1; AUC of +1), and says so.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

from evaluation.baseline import BASELINE_COMMIT, run_worker
from evaluation.scoring import SHARED_DATA, auc, load_labels, spearman

GOLD = Path(__file__).resolve().parents[1] / "labels" / "gold" / "gold.tsv"
HOSTILE_CLASS = 2
SYSTEMS = ("scorer", BASELINE_COMMIT, "plain VADER")


def read_gold(path: Path = GOLD) -> pd.DataFrame:
    """Statements with a hostility class: unit_id, stmt, hostility (int)."""
    frame = pd.read_csv(path, sep="\t", comment="#", dtype=str, keep_default_na=False, quoting=3)
    frame = frame[(frame["stmt"] != "0") & (frame["hostility"].str.strip() != "")]
    return frame.assign(hostility=frame["hostility"].astype(int))[["unit_id", "stmt", "hostility"]]


def gold_rows() -> tuple[pd.DataFrame, int, str]:
    """(rows with unit_id, corpus, split, text, label; the positive threshold; a description of the set)."""
    if GOLD.exists():
        from evaluation.gold.units import sample, sha1

        units = {u["unit_id"]: u for u in sample()}
        gold = read_gold()
        gold["text"] = [units[u]["text"] for u in gold["unit_id"]]
        gold["corpus"] = [units[u]["corpus"] for u in gold["unit_id"]]
        gold["split"] = [units[u]["split"] for u in gold["unit_id"]]
        gold["sha1"] = [sha1(t)[:12] for t in gold["text"]]
        return gold.rename(columns={"hostility": "label"}), HOSTILE_CLASS, f"gold set {GOLD.name}, class −3..+3"
    labels = load_labels(SHARED_DATA)
    tune = labels[labels["set"] == "tune"].reset_index(drop=True)
    tune = tune.assign(unit_id=tune["id"], corpus=tune["source"], split="tune")
    return tune, 1, "FALLBACK: gold.tsv absent; evaluation/labels/hostility.tsv tune rows, class −1/0/+1"


def scores(texts: list[str]) -> pd.DataFrame:
    """Hostility of each text under the three systems."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    stdin = "".join(json.dumps({"text": t}) + "\n" for t in texts)
    now = [json.loads(line) for line in run_worker(None, ["score"], stdin)]
    before = [json.loads(line) for line in run_worker(BASELINE_COMMIT, ["score"], stdin)]
    plain = SentimentIntensityAnalyzer()
    return pd.DataFrame({
        "scorer": [r["hostility"] for r in now], BASELINE_COMMIT: [r["hostility"] for r in before],
        "plain VADER": [-plain.polarity_scores(t)["compound"] for t in texts],
        "modality": [r["modality"] for r in now], "cues": [r["cues"] for r in now],
        "version": [r["version"] for r in now],
    })


def table(rows: pd.DataFrame, positive: int) -> str:
    """Markdown: per split, per corpus and overall, n and (ρ, AUC) per system."""
    head = "| split | corpus | n | hostile | " + " | ".join(f"{s} ρ | {s} AUC" for s in SYSTEMS) + " |"
    lines = [head, "|---|---|---:|---:|" + "---:|---:|" * len(SYSTEMS)]
    for split in ("tune", "check"):
        part = rows[rows["split"] == split]
        groups = [(c, g) for c, g in part.groupby("corpus")] + [("all", part)]
        for corpus, group in groups:
            if not len(group):
                continue
            hostile = (group["label"] >= positive).to_numpy()
            cells = " | ".join(f"{spearman(group[s], group['label']):.3f} | {auc(group[s], hostile):.3f}"
                               for s in SYSTEMS)
            lines.append(f"| {split} | {corpus} | {len(group)} | {int(hostile.sum())} | {cells} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=int, default=0, help="print the tune half's N largest disagreements")
    args = parser.parse_args(argv)
    if not SHARED_DATA.exists():
        print(f"skipped: {SHARED_DATA} not present")
        return 0
    rows, positive, what = gold_rows()
    rows = pd.concat([rows.reset_index(drop=True), scores(rows["text"].tolist())], axis=1)
    print(f"{what}; {len(rows)} statements; scorer {rows['version'].iloc[0]}. ρ = Spearman(hostility, class); "
          f"AUC of class ≥ {positive} vs the rest.")
    print(table(rows, positive))
    if args.errors:
        tune = rows[rows["split"] == "tune"].copy()
        # rank disagreement: where the score's rank and the class's rank differ most
        tune["gap"] = tune["scorer"].rank(pct=True) - tune["label"].rank(pct=True)
        for r in tune.reindex(tune["gap"].abs().sort_values(ascending=False).index).head(args.errors).itertuples():
            cues = ", ".join(f"{c[0]} {c[1]:+.2f}" for c in r.cues)
            print(f"\n[{r.label:+d}] {r.scorer:+.2f} ({r.modality}) {r.unit_id}\n  {r.text[:300]}\n  cues: {cues}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
