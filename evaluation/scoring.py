"""Evaluate the hostility scorer against Goldstein values and hand labels, side by side with plain VADER.

    python -m evaluation.scoring            # dev and held-out PETRARCH records, plus the hand-labelled statements
    python -m evaluation.scoring --dev-only   # only what tuning may look at

Data (read from ../shared/data, never copied): the PETRARCH-2 unit-test records and the PETR-2 GSR validation
records, whose expected CAMEO codings carry Goldstein values; and evaluation/labels/hostility.tsv, hand labels keyed to
(file, document id, character span) of Yonhap and KCNA text. See docs/evaluation-scoring.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

import numpy as np
import pandas as pd

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from tension.config import read_tsv
from tension.score.scorer import Scorer, combine

from evaluation import SHARED_DATA  # noqa: E402
LABELS_FILE = Path(__file__).resolve().parent / "labels" / "hostility.tsv"
PETRARCH_FILES = ("event_coding/PETR.UnitTest.records.flat.jsonl", "event_coding/PETR2_GSR_validation.flat.jsonl")
HOSTILE_GOLDSTEIN = -4.0  # a record is "hostile" when its mean Goldstein is at or below this (reject, threaten...)
HELDOUT_SHARE = 4  # of 10 buckets: about 40% of the PETRARCH records are held out
SYSTEMS = ("plain VADER", "lexicon only", "VADER only", "combined")
BOOTSTRAP_RESAMPLES = 1000


def split_key(text: str) -> str:
    """The first five words: PETRARCH's test records come in near-duplicate variants that share their opening."""
    return " ".join(re.findall(r"\w+", text.lower())[:5])


def heldout(text: str) -> bool:
    """Held-out or dev, by a hash of the split key: near-duplicate variants land on the same side."""
    return int(hashlib.sha256(split_key(text).encode()).hexdigest()[:8], 16) % 10 < HELDOUT_SHARE


def load_petrarch(data_dir: Path = SHARED_DATA) -> pd.DataFrame:
    """Records with at least one Goldstein-valued coding; a sentence's Goldstein is the mean over its codings."""
    rows = []
    for name in PETRARCH_FILES:
        for line in (data_dir / name).read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            values = [e["goldstein"] for e in record["expected"] if e.get("goldstein") is not None]
            if values:
                rows.append({
                    "id": record["id"], "text": record["text"], "goldstein": float(np.mean(values)),
                    "split": "heldout" if heldout(record["text"]) else "dev",
                })
    return pd.DataFrame(rows)


def document_id(doc: dict) -> str:
    """A shared document's id (the RSS items have none: their link is the id)."""
    return str(doc.get("id") or doc.get("link"))


def load_labels(data_dir: Path = SHARED_DATA, labels: Path = LABELS_FILE) -> pd.DataFrame:
    """Hand-labelled statements, their text cut from the shared documents by field and character span."""
    rows = read_tsv(labels)
    docs: dict[tuple[str, str], dict] = {}
    for file in {r["file"] for r in rows}:
        for line in (data_dir / file).read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            docs[(file, document_id(doc))] = doc
    return pd.DataFrame([{
        "id": f"{r['doc_id']}:{r['field']}:{r['start']}-{r['end']}", "source": r["file"].split("/")[0],
        "cluster": r["doc_id"],
        "set": r["set"],
        "text": (docs[(r["file"], r["doc_id"])].get(r["field"]) or "")[int(r["start"]) : int(r["end"])],
        "label": int(r["label"]), "goldstein": float(r["goldstein"]) if r["goldstein"] else np.nan,
    } for r in rows])


def spearman(x, y) -> float:
    """Rank correlation: Pearson correlation of average ranks (ties share their mean rank)."""
    rx, ry = pd.Series(x).rank().to_numpy(), pd.Series(y).rank().to_numpy()
    return float(np.corrcoef(rx, ry)[0, 1])


def auc(scores, positive) -> float:
    """Area under the ROC curve by Mann–Whitney: P(score of a positive > score of a negative), ties count half."""
    scores, positive = np.asarray(scores, float), np.asarray(positive, bool)
    ranks = pd.Series(scores).rank().to_numpy()
    n_pos, n_neg = positive.sum(), (~positive).sum()
    if not n_pos or not n_neg:
        return float("nan")
    return float((ranks[positive].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def system_scores(scorer: Scorer, texts: list[str]) -> pd.DataFrame:
    """Hostility of each text under the four systems compared (plain VADER: −compound of an unmodified analyzer)."""
    plain = SentimentIntensityAnalyzer()
    rows = []
    for text in texts:
        score = scorer.score(text)
        rows.append({
            "plain VADER": -plain.polarity_scores(text)["compound"],
            "lexicon only": combine(score.cue_sum, score.vader_compound, score.modality_factor, use_vader=False),
            "VADER only": combine(score.cue_sum, score.vader_compound, score.modality_factor, use_cues=False),
            "combined": score.hostility,
        })
    return pd.DataFrame(rows)


def metrics(frame: pd.DataFrame, scores: pd.DataFrame, hostile) -> dict[str, tuple[float, float]]:
    """(Spearman of −hostility with Goldstein, AUC of hostile vs not) per system."""
    keep = frame["goldstein"].notna().to_numpy()
    return {
        name: (spearman(-scores[name][keep], frame["goldstein"][keep]), auc(scores[name], hostile))
        for name in SYSTEMS
    }


def bootstrap_gain(frame: pd.DataFrame, scores: pd.DataFrame, clusters: pd.Series,
                   resamples: int = BOOTSTRAP_RESAMPLES) -> tuple[float, float]:
    """95% interval of ρ(combined) − ρ(plain VADER), resampling whole clusters (near-duplicates, documents)."""
    keep = frame["goldstein"].notna().to_numpy()
    goldstein, combined = frame["goldstein"].to_numpy()[keep], scores["combined"].to_numpy()[keep]
    plain, cluster = scores["plain VADER"].to_numpy()[keep], clusters.to_numpy()[keep]
    members = [np.flatnonzero(cluster == c) for c in pd.unique(cluster)]
    rng = np.random.default_rng(0)
    gains = []
    for _ in range(resamples):
        rows = np.concatenate([members[i] for i in rng.integers(0, len(members), len(members))])
        gains.append(spearman(-combined[rows], goldstein[rows]) - spearman(-plain[rows], goldstein[rows]))
    low, high = np.nanpercentile(gains, [2.5, 97.5])
    return float(low), float(high)


def evaluate(scorer: Scorer, data_dir: Path, heldout_too: bool) -> list[tuple[str, int, dict]]:
    """One row per evaluation set: (name, n, metrics by system). Held-out sets only when `heldout_too`."""
    sets: list[tuple[str, pd.DataFrame, pd.Series]] = []
    petrarch = load_petrarch(data_dir)
    for split in ("dev", "heldout") if heldout_too else ("dev",):
        part = petrarch[petrarch["split"] == split].reset_index(drop=True)
        part["cluster"] = part["text"].map(split_key)
        sets.append((f"PETRARCH {split}", part, part["goldstein"] <= HOSTILE_GOLDSTEIN))
    own = load_labels(data_dir) if LABELS_FILE.exists() else pd.DataFrame(columns=["set", "source"])
    groups = [("own labels, tune (RSS 2022)", own[own["set"] == "tune"])]
    if heldout_too:  # the test labels are never looked at while tuning
        test = own[own["set"] == "test"]
        groups += [("own labels, test (Yonhap + KCNA)", test)]
        groups += [(f"own labels, test ({source.split('_')[0]})", part) for source, part in test.groupby("source")]
    for name, part in groups:
        part = part.reset_index(drop=True)
        if len(part):
            sets.append((name, part, part["label"] == 1))
    results = []
    for name, part, hostile in sets:
        scores = system_scores(scorer, part["text"].tolist())
        values = metrics(part, scores, hostile.to_numpy())
        values["gain"] = bootstrap_gain(part, scores, part["cluster"])
        results.append((name, len(part), values))
    return results


def format_table(results: list[tuple[str, int, dict]]) -> str:
    """A Markdown table: one row per set, Spearman and AUC per system."""
    head = "| set | n | " + " | ".join(f"{s} ρ | {s} AUC" for s in SYSTEMS) + " | ρ gain, 95% CI |"
    rule = "|---|---:|" + "---:|---:|" * len(SYSTEMS) + "---:|"
    lines = [head, rule]
    for name, n, values in results:
        cells = " | ".join(f"{values[s][0]:.3f} | {values[s][1]:.3f}" for s in SYSTEMS)
        gain = values["combined"][0] - values["plain VADER"][0]
        low, high = values["gain"]
        lines.append(f"| {name} | {n} | {cells} | {gain:+.3f} [{low:+.2f}, {high:+.2f}] |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the evaluation table (skips with a message when ../shared/data is absent)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev-only", action="store_true", help="only the sets tuning may look at")
    args = parser.parse_args(argv)
    if not SHARED_DATA.exists():
        print(f"skipped: {SHARED_DATA} not present (the evaluation data lives in ../shared/data)")
        return 0
    scorer = Scorer()
    print(f"scorer {scorer.version}. ρ = Spearman(−hostility, Goldstein), a PETRARCH sentence's Goldstein being "
          f"the mean over its expected codings (own labels: the labeller's Goldstein-like value). AUC of hostile vs "
          f"not: hostile = mean Goldstein ≤ {HOSTILE_GOLDSTEIN:g} (PETRARCH) or label +1 (own labels). ρ gain = "
          f"combined − plain VADER, 95% interval from {BOOTSTRAP_RESAMPLES} cluster bootstrap resamples.")
    print(format_table(evaluate(scorer, SHARED_DATA, heldout_too=not args.dev_only)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
