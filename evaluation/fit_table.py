"""The feature table of evaluation/fit_weights.py (issue 14, round 48): each labelled statement (gold T1 or T2, the
pooled blind keys, round 48's fresh draw) scored once by the real scorer, its parts per family of cue kinds. Split
from evaluation/fit_weights.py (session 26), unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from evaluation import fit_scorer as fs


def statement_components(items: list[dict]) -> fs.Components:
    """Each item (text, modality, targets, speaker, label, doc, part) scored once by the real scorer; its parts."""
    from tension.score.calibration import IDENTITY
    from tension.score.rules import lifts_cap
    from tension.score.scorer import MODALITY_FACTORS, Scorer

    scorer = Scorer(calibration=IDENTITY)
    n, g = len(items), len(fs.GROUP_NAMES)
    hmax, hsum, cmin, csum = (np.zeros((n, g)) for _ in range(4))
    compound, raw = np.zeros(n), np.zeros(n)
    marked, cappable = np.zeros(n, bool), np.zeros(n, bool)
    for i, item in enumerate(items):
        score = scorer.score(item["text"], item["modality"], item["targets"] or None, item["speaker"])
        hostile = False
        for cue in score.cues:
            c, k = cue["contribution"], fs.GROUP_NAMES.index(fs.KIND_GROUP[cue["kind"]])
            if c > 0:
                hmax[i, k] = max(hmax[i, k], c)
                hsum[i, k] += c
                hostile = True
            elif c < 0:
                cmin[i, k] = min(cmin[i, k], c)
                csum[i, k] += c
        compound[i] = score.vader_compound
        marked[i] = score.modality_factor != MODALITY_FACTORS.get(item["modality"], 1.0)
        cappable[i] = hostile and not any(lifts_cap(cue) for cue in score.cues)
        raw[i] = score.raw_hostility
    return fs.Components(np.array([it["label"] for it in items], int), hmax, hsum, cmin, csum, compound,
                         np.array([it["modality"] for it in items]), marked, cappable, raw,
                         np.array([it["doc"] for it in items]), np.array([it["part"] for it in items]))


def gold_items(parts: tuple[str, ...]) -> list[dict]:
    """The gold tune statements of `parts` (t1, t2), with the modality the extractor gives their unit's text."""
    from evaluation.gold.hostility import _codes, gold_rows
    from tension.extract.statements import modality, outside_quotes

    rows, _, _ = gold_rows()
    rows = rows[(rows["split"] == "tune") & rows["part"].isin(parts)]  # the check half is never read
    return [{"text": text, "modality": modality(outside_quotes(text), False), "targets": _codes(target),
             "speaker": (_codes(speaker) or [None])[0], "label": int(label), "doc": f"{corpus}:{doc}", "part": part}
            for text, target, speaker, label, corpus, doc, part in zip(
                rows["text"], rows["targets"], rows["speaker_country"], rows["label"], rows["corpus"],
                rows["doc_id"], rows["part"])]


# Round 48's own blind draw (evaluation/labels/blind/2568cea_h14ay_hostility.tsv, labelled after the fit and the T2
# run): fresh text, never in the fitted table; scored with `--fresh`.
FRESH = ("h14ay",)


def pool_items(paths: dict[str, str], keys: Path = None, fresh: bool = False) -> tuple[list[dict], dict]:
    """The pooled blind keys (evaluation.blind_pool's pool, each key once, FRESH left out) found in the databases;
    counts. With `fresh`, only the FRESH draw's keys instead."""
    import duckdb

    from evaluation import blind_pool
    from evaluation.dev_sample import gold_ids, is_gold

    ids = gold_ids()
    cons = {c: blind_pool.Rows(duckdb.connect(p, read_only=True)) for c, p in paths.items()}
    items, seen = [], set()
    counts = {"keys": 0, "found": 0, "duplicate": 0, "gold": 0}
    for path in sorted((keys or blind_pool.BLIND).glob("*_hostility.tsv")):
        if any(t in path.name for t in blind_pool.TARGETED) or fresh != any(t in path.name for t in FRESH):
            continue
        for key in blind_pool.read_keys(path):
            if key["corpus"] not in cons:
                continue
            counts["keys"] += 1
            row = cons[key["corpus"]].find(key)
            if row is None:
                continue
            counts["found"] += 1
            ident = (key["corpus"], key["external_id"], key["char_start"], key["char_end"], key["direction"])
            if ident in seen:
                counts["duplicate"] += 1
                continue
            seen.add(ident)
            if is_gold(key["external_id"], ids):
                counts["gold"] += 1
                continue
            _, content, modality, targets, country = row
            targets = json.loads(targets) if isinstance(targets, str) else list(targets or [])
            items.append({"text": content, "modality": modality, "targets": targets, "speaker": country,
                          "label": int(key["class"]), "doc": f"{key['corpus']}:{key['external_id']}",
                          "part": "fresh" if fresh else "pool"})
    return items, counts


def concat(a: fs.Components, b: fs.Components) -> fs.Components:
    return fs.Components(**{k: np.concatenate([getattr(a, k), getattr(b, k)]) for k in a.__dict__})
