"""Hostility on the double-labelled gold set: the scorer against the adjudicated class −3..+3 of each statement.

    python -m evaluation.gold.hostility                  # the tune half, per corpus and overall, three systems
    python -m evaluation.gold.hostility --split parts     # the tune half's two parts by document, T1 and T2
    python -m evaluation.gold.hostility --split t1 --errors 30   # T1's 30 largest disagreements
    python -m evaluation.gold.hostility --split t2 --errors 30 --errors-of t2  # T2's (T2 then optimistic)
    python -m evaluation.gold.hostility --split t2 --near-zero 0.05  # T2's statements scored |h| < 0.05: counts only
    python -m evaluation.gold.hostility --split check    # the check half's summary (once, at the end of a piece of work)
    python -m evaluation.gold.hostility --fit-calibration  # write tension/data/calibration.tsv from the tune half

Each gold statement (evaluation/labels/gold/gold.tsv, `stmt` ≥ 1 with a hostility class) is scored from its unit's
text, cut from ../shared/data by evaluation.gold.units (never stored), under the modality the extractor gives that
text — as the pipeline scores a statement — by three systems: **scorer** (this tree), **ed2d147** (the scorer as of
main at ed2d147, run from that commit's code by evaluation/baseline.py) and **plain VADER** (−compound of stock
vaderSentiment). A unit with several statements gives each its own class and the same text score.

A cut lead (round 29): a unit after its document's headline whose text the feed cut before its end (the extractor's
`_cut_off`), in a document whose headline unit holds a labelled statement of the same speaker country, is scored as
the pipeline scores such a lead — with its headline unit's text too, the larger in magnitude unless a cue of the
unit's own words points the other way (tension/score/cut_lead.py) — in the corpora whose as-run mapping reads the
title (evaluation/gold/as_run.py); the headline's text comes from evaluation.gold.units like every unit's.
`--per-unit` prints the old definition (each unit's text alone) beside, as the system "unit alone". The calibration
fit (`--fit-calibration`) still reads each unit's text alone.

The tune half is split once more by document (evaluation.gold.extraction.tune_part, the extraction's split): errors
are read on one part and the other is held out, so a change is kept only if the held-out part does not get worse.
By default errors are listed for T1 (T2 held out); `--errors-of t2` lists T2's instead, for a round that swaps the
roles (T1 then is the guard, and T2's figures are optimistic from then on). The check half's errors are never listed.
`--near-zero H` (round 32) counts the statements scored |hostility| < H by corpus and class — those a scorer leaves
among the neutral ones whatever their class — on a tune part, and lists them for the part `--errors-of` names; the
check half is never counted.

Metrics: Spearman(hostility, class) and AUC(class ≥ 2, i.e. hostile or worse, vs the rest), per split and corpus.
Only the half asked for is scored (`--split`, default tune): the `check` half is scored only when asked, and only
ever reported as these summary figures — its errors are never listed. Until gold.tsv exists, the script falls back to
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
from evaluation.gold.extraction import tune_part
from evaluation.scoring import SHARED_DATA, auc, load_labels, spearman

GOLD = Path(__file__).resolve().parents[1] / "labels" / "gold" / "gold.tsv"
HOSTILE_CLASS = 2
MIN_ANCHOR_STATEMENTS = 20  # statements per calibration bin (a smaller bin's mean class is noise)
# The highest an anchor may be placed: not at ±1, which is the end of the scale (raw ±1), so that the mapping stays
# strictly increasing up to it; 0.9 reads as class 2.7, which rounds to 3.
TOP_ANCHOR = 0.9
SYSTEMS = ("scorer", BASELINE_COMMIT, "plain VADER")
PER_UNIT = "unit alone"  # this tree's scorer on each unit's text alone, cut leads too (before round 29; --per-unit)


def read_gold(path: Path = GOLD) -> pd.DataFrame:
    """Statements with a hostility class: unit_id, stmt, hostility (int)."""
    frame = pd.read_csv(path, sep="\t", comment="#", dtype=str, keep_default_na=False, quoting=3)
    frame = frame[(frame["stmt"] != "0") & (frame["hostility"].str.strip() != "")]
    return frame.assign(hostility=frame["hostility"].astype(int))[["unit_id", "stmt", "hostility", "targets",
                                                                   "speaker_country"]]


def gold_rows() -> tuple[pd.DataFrame, int, str]:
    """(rows with unit_id, corpus, split, text, label; the positive threshold; a description of the set)."""
    if GOLD.exists():
        from evaluation.gold.units import sample, sha1

        units = {u["unit_id"]: u for u in sample()}
        gold = read_gold()
        gold["text"] = [units[u]["text"] for u in gold["unit_id"]]
        gold["corpus"] = [units[u]["corpus"] for u in gold["unit_id"]]
        gold["split"] = [units[u]["split"] for u in gold["unit_id"]]
        gold["doc_id"] = [units[u]["doc_id"] for u in gold["unit_id"]]
        gold["batch"] = [str(units[u]["batch"]) for u in gold["unit_id"]]  # folds by document (evaluation/fit_scorer.py)
        # T1 (errors may be read) or T2 (held out within tune), the same split by document as the extraction's
        gold["part"] = [tune_part(units[u]["corpus"], units[u]["doc_id"]) if units[u]["split"] == "tune" else ""
                        for u in gold["unit_id"]]
        gold["sha1"] = [sha1(t)[:12] for t in gold["text"]]
        gold["headline"] = headline_texts(gold, units)
        return gold.rename(columns={"hostility": "label"}), HOSTILE_CLASS, f"gold set {GOLD.name}, class −3..+3"
    labels = load_labels(SHARED_DATA)
    tune = labels[labels["set"] == "tune"].reset_index(drop=True)
    tune = tune.assign(unit_id=tune["id"], corpus=tune["source"], split="tune",
                       part=[tune_part(c, u) for c, u in zip(tune["source"], tune["id"])])
    return tune, 1, "FALLBACK: gold.tsv absent; evaluation/labels/hostility.tsv tune rows, class −1/0/+1"


def headline_texts(gold: pd.DataFrame, units: dict[str, dict]) -> list[str]:
    """For each gold statement of a cut lead, its document's headline unit text (the pipeline's conditions: the unit
    follows the headline, the feed cut it, the headline is no finished sentence and holds a labelled statement of the
    same speaker country); "" for every other statement."""
    from evaluation.gold.as_run import AS_RUN
    from tension.extract.targets import _cut_off
    from tension.score.cut_lead import HEADLINE_ENDS

    # only where the pipeline reads a headline before the unit: the corpus as users run it reads its title in the
    # text (not Yonhap's, whose labelled title production never reads)
    titled = {corpus for corpus, mapping in AS_RUN.items() if "title" in mapping.read()}
    titles = {units[u]["doc_id"]: u for u in gold["unit_id"]
              if units[u]["field"] == "title" and units[u].get("corpus", "") in titled}
    speakers: dict[str, set[str]] = {}
    for unit_id, speaker in zip(gold["unit_id"], gold["speaker_country"]):
        speakers.setdefault(unit_id, set()).update(_codes(speaker))
    found = []
    for unit_id, speaker in zip(gold["unit_id"], gold["speaker_country"]):
        unit = units[unit_id]
        title = titles.get(unit["doc_id"])
        headline = units[title]["text"] if title else ""
        found.append(headline if headline and unit["field"] != "title" and _cut_off(unit["text"]) and
                     not headline.rstrip().endswith(HEADLINE_ENDS) and
                     set(_codes(speaker)) & speakers.get(title, set()) else "")
    return found


def baseline_scores(texts: list[str], stdin: str) -> list[dict]:
    """The baseline commit's scores of `texts`, kept in a cache file outside the repository (the commit's code does
    not change, so its scores of the same texts do not either)."""
    import hashlib
    import tempfile

    key = hashlib.sha256(stdin.encode()).hexdigest()[:16]
    cache = Path(tempfile.gettempdir()) / f"tension-gold-{BASELINE_COMMIT}-{key}.jsonl"
    if cache.exists():
        lines = cache.read_text(encoding="utf-8").splitlines()
    else:
        lines = run_worker(BASELINE_COMMIT, ["score"], stdin)
        cache.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [json.loads(line) for line in lines]


def _codes(cell: str) -> list[str]:
    return [c for c in cell.split(",") if c and c != "-"]


def scores(texts: list[str], targets: list[str] | None = None, speakers: list[str] | None = None,
           headlines: list[str] | None = None, per_unit: bool = False) -> pd.DataFrame:
    """Hostility of each text under the three systems. This tree's scorer is given each statement's labelled targets
    and speaker country (comma-separated ISO codes, "-" for none), so it scores toward the statement's targets as the
    pipeline does with the extractor's, and a cut lead's headline text (`headlines`, "" for none); the baseline and
    plain VADER score the text alone. `per_unit`: this tree's scorer on the text alone too (PER_UNIT)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    stdin = "".join(json.dumps({"text": t}) + "\n" for t in texts)
    targets = targets or [""] * len(texts)
    speakers = speakers or [""] * len(texts)
    headlines = headlines or [""] * len(texts)
    lines = [{"text": t, "targets": _codes(g), "speaker_country": (_codes(s) or [""])[0]}
             for t, g, s in zip(texts, targets, speakers)]
    directed = "".join(json.dumps({**line, **({"headline": h} if h else {})}) + "\n"
                       for line, h in zip(lines, headlines))
    now = [json.loads(line) for line in run_worker(None, ["score"], directed)]
    alone = ([json.loads(line)["hostility"] for line in run_worker(None, ["score"], "".join(
        json.dumps(line) + "\n" for line in lines))] if per_unit else None)
    before = baseline_scores(texts, stdin)
    plain = SentimentIntensityAnalyzer()
    return pd.DataFrame({
        "scorer": [r["hostility"] for r in now], BASELINE_COMMIT: [r["hostility"] for r in before],
        "plain VADER": [-plain.polarity_scores(t)["compound"] for t in texts],
        "modality": [r["modality"] for r in now], "cues": [r["cues"] for r in now],
        "version": [r["scorer_version"] for r in now], "cut_lead": [bool(r.get("cut_lead")) for r in now],
        **({PER_UNIT: alone} if alone is not None else {}),
    })


def table(rows: pd.DataFrame, positive: int, systems: tuple[str, ...] = SYSTEMS) -> str:
    """Markdown: per split, per corpus and overall, n and (ρ, AUC) per system."""
    head = "| split | corpus | n | hostile | " + " | ".join(f"{s} ρ | {s} AUC" for s in systems) + " |"
    lines = [head, "|---|---|---:|---:|" + "---:|---:|" * len(systems)]
    for split in ("tune", "t1", "t2", "check"):
        part = rows[rows["split"] == split] if split in ("tune", "check") else rows[rows["part"] == split]
        if split in ("t1", "t2") and (rows["part"] == "").all():
            continue
        groups = [(c, g) for c, g in part.groupby("corpus")] + [("all", part)]
        for corpus, group in groups:
            if not len(group):
                continue
            hostile = (group["label"] >= positive).to_numpy()
            cells = " | ".join(f"{spearman(group[s], group['label']):.3f} | {auc(group[s], hostile):.3f}"
                               for s in systems)
            lines.append(f"| {split} | {corpus} | {len(group)} | {int(hostile.sum())} | {cells} |")
    return "\n".join(lines)


INTERVAL_RESAMPLES = 1000


def intervals(rows: pd.DataFrame, positive: int, resamples: int = INTERVAL_RESAMPLES) -> str:
    """The scorer's ρ and AUC over all corpora of each split present, with 95% intervals from a bootstrap that
    resamples whole documents (statements of one document share its text and rise and fall together)."""
    lines = []
    documents = rows["doc_id"] if "doc_id" in rows else rows["unit_id"]
    for split in ("tune", "t1", "t2", "check"):
        part = rows[rows["split"] == split] if split in ("tune", "check") else rows[rows["part"] == split]
        if not len(part):
            continue
        score, label = part["scorer"].to_numpy(float), part["label"].to_numpy(float)
        groups = [np.flatnonzero(documents.loc[part.index].to_numpy() == d)
                  for d in pd.unique(documents.loc[part.index])]
        rng = np.random.default_rng(2026)
        rhos, aucs = [], []
        for _ in range(resamples):
            rows_ = np.concatenate([groups[i] for i in rng.integers(0, len(groups), len(groups))])
            rhos.append(spearman(score[rows_], label[rows_]))
            aucs.append(auc(score[rows_], label[rows_] >= positive))
        (r_lo, r_hi), (a_lo, a_hi) = np.nanpercentile(rhos, [2.5, 97.5]), np.nanpercentile(aucs, [2.5, 97.5])
        lines.append(f"{split}: scorer ρ {spearman(score, label):.3f} [{r_lo:.3f}, {r_hi:.3f}], AUC "
                     f"{auc(score, label >= positive):.3f} [{a_lo:.3f}, {a_hi:.3f}] ({len(part)} statements, "
                     f"{len(groups)} documents)")
    return (f"95% intervals, {resamples} bootstrap resamples of whole documents (fixed seed):\n"
            + "\n".join(lines)) if lines else ""


def near_zero(rows: pd.DataFrame, limit: float, listed_part: str) -> str:
    """The statements scored |hostility| < limit: a table of counts by corpus and class, then the statements of
    `listed_part` (the part whose errors may be read) among them, their class first."""
    near = rows[rows["scorer"].abs() < limit]
    classes = sorted(near["label"].unique())
    out = [f"\nnear zero (|hostility| < {limit:g}): {len(near)} of {len(rows)} statements, by corpus and class",
           "| corpus | n | " + " | ".join(f"{c:+d}" for c in classes) + " |",
           "|---|---:|" + "---:|" * len(classes)]
    for corpus, group in [*near.groupby("corpus"), ("all", near)]:
        counts = group["label"].value_counts()
        out.append(f"| {corpus} | {len(group)} | " + " | ".join(str(int(counts.get(c, 0))) for c in classes) + " |")
    for r in near[near["part"] == listed_part].sort_values(["label", "corpus"]).itertuples():
        cues = ", ".join(f"{c[0]} {c[1]:+.2f}" for c in r.cues)
        who = f"{getattr(r, 'speaker_country', '')}→{getattr(r, 'targets', '')}"
        out.append(f"[{r.label:+d}] {r.scorer:+.3f} {r.corpus} {r.unit_id} {who}\n  {r.text[:300]}\n  cues: {cues}")
    return "\n".join(out)


def fit_calibration(rows: pd.DataFrame) -> str:
    """Fit the calibration anchors on the tune half (the scorer's raw value, i.e. without calibration) and write
    them; returns the table written."""
    from tension.extract.modality import modality
    from tension.extract.statements import outside_quotes
    from tension.score.calibration import CALIBRATION_FILE, IDENTITY, fit_expected_class
    from tension.score.scorer import Scorer

    tune = rows[rows["split"] == "tune"]
    scorer = Scorer(calibration=IDENTITY)
    # each statement toward its labelled targets, as `scores` gives them to this tree's scorer
    targets = tune["targets"] if "targets" in tune else [""] * len(tune)
    speakers = tune["speaker_country"] if "speaker_country" in tune else [""] * len(tune)
    points = [(scorer.score(text, modality(outside_quotes(text), False), _codes(target),
                            (_codes(speaker) or [None])[0]).hostility, int(label))
              for text, label, target, speaker in zip(tune["text"], tune["label"], targets, speakers)]
    anchors = fit_expected_class(points, MIN_ANCHOR_STATEMENTS, TOP_ANCHOR)
    lines = CALIBRATION_FILE.read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")] + ["class\traw\tcalibrated\tn\tsource"]
    body = ["-\t-1\t-1\t0\tend of the scale"]
    zero = f"0\t0\t0\t{sum(r == 0 for r, _ in points)}\tno cue and no tone: neutral by definition"
    for raw, calibrated, n, low, high, mean in anchors:
        if raw > 0 and zero not in body:
            body.append(zero)
        body.append(f"{mean:g}\t{raw:g}\t{calibrated:g}\t{n}\tthe {n} gold tune statements with raw {low:+.3f} .. "
                    f"{high:+.3f}: median raw {raw:+.4f}, mean class {mean:+.3f}, placed at mean class / 3")
    if zero not in body:
        body.append(zero)
    body.append("-\t1\t1\t0\tend of the scale")
    CALIBRATION_FILE.write_text("\n".join(header + body) + "\n", encoding="utf-8")
    return "\n".join(body)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("tune", "t1", "t2", "parts", "check", "both"), default="tune",
                        help="which half to score (default tune; t1/t2: the tune half's parts by document, parts: "
                        "both; check only once, at the end of a piece of work)")
    parser.add_argument("--errors", type=int, default=0,
                        help="print the N largest disagreements of the part named by --errors-of (never the check "
                        "half's)")
    parser.add_argument("--errors-of", choices=("t1", "t2"), default="t1",
                        help="whose errors --errors lists (default t1). Reading T2's errors makes T2 optimistic: "
                        "T1 becomes the held-out guard")
    parser.add_argument("--near-zero", type=float, metavar="H",
                        help="count the statements scored |hostility| < H by corpus and class (a tune part; listed "
                        "for the part --errors-of names, never the check half's)")
    parser.add_argument("--per-unit", action="store_true",
                        help=f"also score each unit's text alone, cut leads too (the definition before round 29), "
                        f"printed as the system '{PER_UNIT}'")
    parser.add_argument("--fit-calibration", action="store_true", help="fit and write the calibration anchors (tune)")
    parser.add_argument("--batch", choices=("1", "2", "3", "4", "5", "all"), default="all",
                        help="statements of batch 1 (the first 836 units), batch 2 (the extension), batch 3 "
                             "(session 6), batch 4 (session 11), batch 5 (session 19) or all (default)")
    args = parser.parse_args(argv)
    if args.errors and args.split not in ("tune", args.errors_of, "parts"):  # before anything is read or scored
        parser.error(f"--errors lists {args.errors_of.upper()} only (never the check half): use it with --split "
                     f"{args.errors_of} (or tune, parts)")
    if args.near_zero is not None and args.split in ("check", "both"):
        parser.error("--near-zero counts a tune part only (never the check half): use it with --split t1, t2, tune "
                     "or parts")
    if not SHARED_DATA.exists():
        print(f"skipped: {SHARED_DATA} not present")
        return 0
    rows, positive, what = gold_rows()
    if args.batch != "all" and "batch" in rows:
        rows = rows[rows["batch"] == args.batch].reset_index(drop=True)
        what += f", batch {args.batch}"
    if args.fit_calibration:
        print(fit_calibration(rows))
        return 0
    if args.split in ("t1", "t2"):
        rows = rows[rows["part"] == args.split]
    elif args.split in ("tune", "parts"):
        rows = rows[rows["split"] == "tune"]
    elif args.split != "both":
        rows = rows[rows["split"] == args.split]
    rows = pd.concat([rows.reset_index(drop=True), scores(
        rows["text"].tolist(), *([rows[c].tolist() for c in ("targets", "speaker_country")] if "targets" in rows
                                 else [None, None]), rows["headline"].tolist() if "headline" in rows else None,
        args.per_unit)], axis=1)
    print(f"{what}; {len(rows)} statements; scorer {rows['version'].iloc[0]}. ρ = Spearman(hostility, class); "
          f"AUC of class ≥ {positive} vs the rest.")
    print(table(rows, positive, SYSTEMS + ((PER_UNIT,) if args.per_unit else ())))
    if "headline" in rows:
        print(f"cut leads scored with their headline: {int(rows['cut_lead'].sum())} of "
              f"{int((rows['headline'] != '').sum())} cut-lead statements took the headline's score")
    print(intervals(rows, positive))
    if args.near_zero is not None:
        print(near_zero(rows, args.near_zero, args.errors_of))
    if args.errors:
        tune = rows[rows["part"] == args.errors_of].copy()  # one part of tune: the other is held out
        # rank disagreement: where the score's rank and the class's rank differ most
        tune["gap"] = tune["scorer"].rank(pct=True) - tune["label"].rank(pct=True)
        for r in tune.reindex(tune["gap"].abs().sort_values(ascending=False).index).head(args.errors).itertuples():
            cues = ", ".join(f"{c[0]} {c[1]:+.2f}" for c in r.cues)
            with_headline = " (with headline)" if r.cut_lead else ""
            print(f"\n[{r.label:+d}] {r.scorer:+.2f}{with_headline} ({r.modality}) {r.unit_id} "
                  f"{getattr(r, 'speaker_country', '')}→{getattr(r, 'targets', '')}\n  {r.text[:300]}\n  cues: {cues}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
