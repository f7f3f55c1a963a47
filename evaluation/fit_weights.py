"""Fit the scorer's weights to labels on T1 and the pooled blind keys, cross-validated by document (issue 14,
round 48; docs/evaluation-scoring.md).

    python -m evaluation.fit_weights --db kcna=K.duckdb --db rss2022=R.duckdb --db rss2024=R24.duckdb \\
        --db yonhap=Y.duckdb --db ru_state=RU.duckdb          # build the table, 5-fold CV, the adopt rule's verdict
    python -m evaluation.fit_weights --db ... --t2             # ... and score T2 once with the fitted weights

Forty-six rounds set the cue weights by hand while reading labelled rows; the sixth round (evaluation/fit_scorer.py)
fitted 15 of the formula's numbers on T1 alone (183 statements) and did not keep them. This module fits on more
labels: gold T1 plus every pooled blind key (evaluation/blind_pool.py's pool: the non-targeted
evaluation/labels/blind/*_hostility.tsv keys found in the given databases, each key once), about 1,000 statements
from some 650 documents, all of which earlier rounds have read. T2 and the check half are not in the table.

**The feature table** (evaluation/fit_table.py; one row per statement, from the scorer's own parts:
tension/score/scorer.py scores each row once with IDENTITY calibration toward its targets and speaker country, under its
modality): per family of cue kinds (evaluation.fit_scorer.GROUPS: threat, force, posture, coercion, words, epithet,
insult, cooperation, name) the largest and the sum of its hostile contributions and of its cooperative ones; VADER's
compound; the modality and whether the text marks it at a cue; whether the cap applies. T1 statements take the modality
the extractor gives their unit's text (as evaluation.fit_scorer); pool statements the modality stored with their row.
Cut leads are scored on their own text (as evaluation.fit_scorer and evaluation.blind_pool's "this scorer").

**Two models**, each a few parameters, both compared with the current scorer on the same folds:

- `multipliers` (9 parameters): the scorer's formula unchanged, one multiplier per cue family (8; "name" fixed at 1)
  and VADER's weight (VADER_WEIGHT), fitted by evaluation.fit_scorer's coordinate search on
  ρ + AUC over the training folds, no penalty. Adoptable as it stands: a cue's contribution = weight × factor × its
  family's multiplier.
- `linear` (22 parameters + intercept): least squares (ridge, α = RIDGE) of the labelled class on the formula's own
  inputs split by family — each family's share of the hostile side and of the cooperative side as the scorer sums
  them (the strongest in full, the rest by REST_WEIGHT, the hostile side scaled to the cap where capped), VADER's
  part (VADER_WEIGHT × −compound where the scorer counts it), and whether a hypothetical or negated modality
  applies unmarked and whether the cap applied. It asks whether the formula's shape, not only its multipliers, is
  what the labels want.

**Cross-validation**: 5 folds by document (evaluation.fit_scorer.folds: a hash of corpus:document with its seed),
over T1 + pool. Each fold: fit on four, score the fifth with the fitted model and with the current scorer; ρ is
Spearman(score, class), AUC that of class ≥ 2 against the rest.

**The adopt rule, written before T2 was scored** (commit of this module, round 48): a model is adopted only if, on
the 5 held-out folds, its mean gain over the current scorer is larger than the standard deviation (ddof 1) of its
five per-fold gains, for ρ and for AUC both; and then, fitted on all of T1 + pool, its T2 ρ and AUC are each not
below the current scorer's (at three decimals). If both models pass the CV part, the one with the larger mean ρ
gain is taken to T2. T2 is scored only with `--t2`, once.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

from evaluation import fit_scorer as fs
from evaluation.fit_table import concat, gold_items, pool_items, statement_components

RIDGE = 1.0  # the linear model's ridge penalty on standardised-scale features (features are 0..~1; ~1,000 rows)
MULTIPLIER_NAMES = tuple(f"kind_{g}" for g in fs.GROUP_NAMES if g != "name") + ("vader_weight",)


# ------------------------------------------------------------------ the models


def linear_features(c: fs.Components, p: dict[str, float]) -> np.ndarray:
    """n × 22: each family's share of the hostile and of the cooperative side as the formula sums them (the cap
    scaling the hostile shares), VADER's part where the formula counts it, unmarked hypothetical / negated, capped."""
    rest = p["rest_weight"]
    n = len(c.label)
    rows = np.arange(n)
    top_h = c.hostile_max.argmax(axis=1)
    top_c = c.coop_min.argmin(axis=1)
    share_h = rest * c.hostile_sum
    share_h[rows, top_h] += (1 - rest) * c.hostile_max[rows, top_h]
    share_c = rest * c.coop_sum
    share_c[rows, top_c] += (1 - rest) * c.coop_min[rows, top_c]
    hostile = share_h.sum(axis=1)
    capped = c.cappable & (hostile > p["verbal_cap"])
    scale = np.where(capped, p["verbal_cap"] / np.where(hostile > 0, hostile, 1.0), 1.0)
    share_h = share_h * scale[:, None]
    has_coop = c.coop_min.min(axis=1) < 0
    tone = np.where((c.compound > 0) & ~has_coop, p["vader_weight"] * p["uncued_positive_tone"], p["vader_weight"])
    hyp = (c.modality == "hypothetical") & ~c.marked
    neg = (c.modality == "negated") & ~c.marked
    return np.column_stack([share_h, share_c, tone * -c.compound, hyp, neg, capped]).astype(float)


LINEAR_NAMES = tuple([f"hostile_{g}" for g in fs.GROUP_NAMES] + [f"cooperative_{g}" for g in fs.GROUP_NAMES]
                     + ["vader_part", "hypothetical_unmarked", "negated_unmarked", "capped"])


def fit_linear(c: fs.Components, p0: dict[str, float]) -> np.ndarray:
    """Ridge least squares of the class on linear_features (intercept not penalised): the coefficients."""
    x = linear_features(c, p0)
    x1 = np.column_stack([np.ones(len(x)), x])
    penalty = RIDGE * np.eye(x1.shape[1])
    penalty[0, 0] = 0.0
    return np.linalg.solve(x1.T @ x1 + penalty, x1.T @ c.label.astype(float))


def predict_linear(c: fs.Components, p0: dict[str, float], beta: np.ndarray) -> np.ndarray:
    return beta[0] + linear_features(c, p0) @ beta[1:]


def fit_multipliers(c: fs.Components, p0: dict[str, float]) -> dict[str, float]:
    fs.FITTED["names"] = MULTIPLIER_NAMES
    try:
        return fs.fit(c, p0, 0.0)
    finally:
        fs.FITTED["names"] = ()


MODELS = {
    "multipliers": (fit_multipliers, lambda c, p0, fitted: fs.raw_values(c, fitted)),
    "linear": (fit_linear, predict_linear),
}


def fit_formula(c: fs.Components, p0: dict[str, float]) -> dict[str, float]:
    """All 15 of evaluation.fit_scorer's numbers, no penalty (a variant: not part of the adopt rule)."""
    return fs.fit(c, p0, 0.0)


# Beside the rule, for the record (printed, never taken to T2): the sixth round's 15 numbers fitted freely on the
# larger table.
VARIANTS = {"formula15": (fit_formula, lambda c, p0, fitted: fs.raw_values(c, fitted))}


def cross_validate(c: fs.Components, p0: dict[str, float], models: dict = MODELS) -> tuple[dict, dict]:
    """Per model: folds × (fitted ρ, fitted AUC, current ρ, current AUC) on the held-out fold; and each fold's fit."""
    fold = fs.folds(c.doc)
    out = {name: [] for name in models}
    fits = {name: [] for name in models}
    for k in range(fs.FOLDS):
        train, test = c.take(fold != k), c.take(fold == k)
        now = fs.metrics(fs.raw_values(test, p0), test.label)
        for name, (fit, predict) in models.items():
            fitted = fit(train, p0)
            fits[name].append({"fitted": fitted, "train": (*fs.metrics(predict(train, p0, fitted), train.label),
                                                           *fs.metrics(fs.raw_values(train, p0), train.label))})
            out[name].append((*fs.metrics(predict(test, p0, fitted), test.label), *now))
    return {name: np.array(rows) for name, rows in out.items()}, fits


def transfer(c: fs.Components, p0: dict[str, float], train_mask: np.ndarray, models: dict = MODELS) -> dict:
    """Fit on the rows of `train_mask`, score the others: (fitted ρ, AUC, current ρ, AUC) per model."""
    train, test = c.take(train_mask), c.take(~train_mask)
    now = fs.metrics(fs.raw_values(test, p0), test.label)
    return {name: (*fs.metrics(predict(test, p0, fit(train, p0)), test.label), *now)
            for name, (fit, predict) in models.items()}


def verdict(rows: np.ndarray) -> tuple[bool, dict]:
    """The adopt rule's CV part: mean gain > SD (ddof 1) of the per-fold gains, for ρ and for AUC."""
    gains = rows[:, :2] - rows[:, 2:]
    mean, sd = gains.mean(axis=0), gains.std(axis=0, ddof=1)
    return bool((mean > sd).all()), {"mean": mean, "sd": sd, "gains": gains}


def variants(c: fs.Components, p0: dict[str, float]) -> None:
    """Beside the rule (never taken to T2): the 15 numbers' free fit in the same folds; fits across sources and
    corpora, each scored against the current scorer on the rows it did not see."""
    both = {**MODELS, **VARIANTS}
    rows = cross_validate(c, p0, VARIANTS)[0]["formula15"]
    ok, v = verdict(rows)
    m = rows.mean(axis=0)
    print(f"\nformula15 (variant), 5-fold CV: fitted {_fmt(m[:2])}, current {_fmt(m[2:])}, gain "
          f"{v['mean'][0]:+.3f} / {v['mean'][1]:+.3f}, SD {v['sd'][0]:.3f} / {v['sd'][1]:.3f}")
    corpus = np.array([d.split(":", 1)[0] for d in c.doc])
    print("\n| fitted on | scored on | n | model | fitted ρ / AUC | current ρ / AUC |\n|---|---|---:|---|---:|---:|")
    splits = [("T1", "pool", c.part == "t1"), ("pool", "T1", c.part == "pool")]
    splits += [(f"all but {k}", k, corpus != k) for k in sorted(set(corpus))]
    for fitted_on, scored_on, mask in splits:
        if (~mask).sum() < 20:
            continue
        for name, r in transfer(c, p0, mask, both).items():
            print(f"| {fitted_on} | {scored_on} | {int((~mask).sum())} | {name} | {_fmt(r[:2])} | {_fmt(r[2:])} |")


def gain_interval(c: fs.Components, now: np.ndarray, fitted: np.ndarray, resamples: int = 1000,
                  seed: int = 48) -> tuple[np.ndarray, np.ndarray]:
    """95% interval of the (ρ, AUC) gain of `fitted` over `now`, resampling whole documents (seeded)."""
    rng = np.random.default_rng(seed)
    docs = np.unique(c.doc)
    rows = {d: np.flatnonzero(c.doc == d) for d in docs}
    gains = []
    for _ in range(resamples):
        take = np.concatenate([rows[d] for d in rng.choice(docs, len(docs))])
        label = c.label[take]
        if len(set(label >= fs.HOSTILE_CLASS)) < 2:
            continue
        gains.append(np.subtract(fs.metrics(fitted[take], label), fs.metrics(now[take], label)))
    return np.percentile(gains, 2.5, axis=0), np.percentile(gains, 97.5, axis=0)


def _fmt(pair) -> str:
    return f"{pair[0]:.3f} / {pair[1]:.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    parser.add_argument("--db", action="append", default=[], metavar="CORPUS=PATH",
                        help="a whole-corpus database of one corpus (as evaluation.blind_pool); repeat for each")
    parser.add_argument("--t2", action="store_true", help="score T2 once with the models fitted on T1 + pool")
    parser.add_argument("--fresh", action="store_true", help="score round 48's own blind draw (FRESH) with the "
                        "models fitted on T1 + pool")
    parser.add_argument("--variants", action="store_true", help="also: the 15 numbers' free fit in the same CV, "
                        "fits across sources (T1 -> pool, pool -> T1) and corpora (each left out in turn)")
    args = parser.parse_args(argv)
    from evaluation.scoring import SHARED_DATA

    if not SHARED_DATA.exists():
        print(f"skipped: {SHARED_DATA} not present")
        return 0
    paths = dict(item.split("=", 1) for item in args.db)
    if missing := [p for p in paths.values() if not Path(p).exists()]:
        parser.error(f"no database at {', '.join(missing)}")
    p0 = fs.current_parameters()
    t1 = statement_components(gold_items(("t1",)))
    pool_list, counts = pool_items(paths) if paths else ([], {})
    c = concat(t1, statement_components(pool_list)) if pool_list else t1
    print(f"T1 {len(t1.label)} statements; pool {len(pool_list)} ({counts}); documents {len(set(c.doc))}")
    print(f"largest |components formula − scorer raw| at the current values: "
          f"{float(np.abs(fs.raw_values(c, p0) - c.raw).max()):.5f}")
    print(f"classes: " + ", ".join(f"{k}: {int((c.label == k).sum())}" for k in range(-3, 4)))
    print(f"current scorer on all of T1 + pool: {_fmt(fs.metrics(c.raw, c.label))}; T1 "
          f"{_fmt(fs.metrics(t1.raw, t1.label))}; pool {_fmt(fs.metrics(c.raw[c.part == 'pool'], c.label[c.part == 'pool']))}")
    cv, fits = cross_validate(c, p0)
    fold = fs.folds(c.doc)
    chosen = None
    for name, rows in cv.items():
        ok, v = verdict(rows)
        print(f"\n{name}: 5-fold CV by document over T1 + pool, held out")
        print("| fold | n | fitted ρ / AUC | current ρ / AUC | gain ρ / AUC |\n|---:|---:|---:|---:|---:|")
        for k, r in enumerate(rows):
            print(f"| {k} | {int((fold == k).sum())} | {_fmt(r[:2])} | {_fmt(r[2:])} | "
                  f"{r[0] - r[2]:+.3f} / {r[1] - r[3]:+.3f} |")
        m = rows.mean(axis=0)
        print(f"| mean | | {_fmt(m[:2])} | {_fmt(m[2:])} | {v['mean'][0]:+.3f} / {v['mean'][1]:+.3f} |")
        print(f"| SD of the gains | | | | {v['sd'][0]:.3f} / {v['sd'][1]:.3f} |")
        train = np.array([f["train"] for f in fits[name]]).mean(axis=0)
        print(f"on the four fifths each fold was fitted on (mean): fitted {_fmt(train[:2])}, current "
              f"{_fmt(train[2:])}, gain {train[0] - train[2]:+.3f} / {train[1] - train[3]:+.3f}")
        print(f"CV part of the adopt rule (mean gain > SD, ρ and AUC): {'passes' if ok else 'fails'}")
        if ok and (chosen is None or v["mean"][0] > chosen[1]):
            chosen = (name, v["mean"][0])
    print("\nmultipliers fitted on each fold's four fifths (how stable the fit is):")
    print("| multiplier | current | " + " | ".join(f"fold {k}" for k in range(fs.FOLDS)) + " |\n|---|---:|"
          + "---:|" * fs.FOLDS)
    for name in MULTIPLIER_NAMES:
        print(f"| {name} | {p0[name]:g} | " + " | ".join(f"{f['fitted'][name]:g}" for f in fits["multipliers"])
              + " |")
    if args.variants:
        variants(c, p0)
    fitted = {name: fit(c, p0) for name, (fit, _) in MODELS.items()}
    print("\nfitted on all of T1 + pool:")
    print("| multiplier | current | fitted |\n|---|---:|---:|")
    for name in MULTIPLIER_NAMES:
        print(f"| {name} | {p0[name]:g} | {fitted['multipliers'][name]:g} |")
    print("| linear coefficient | value |\n|---|---:|")
    for name, value in zip(("intercept", *LINEAR_NAMES), fitted["linear"]):
        print(f"| {name} | {value:+.3f} |")
    print("\nfitted on all of T1 + pool and scored on the same rows (in-sample; what the features can reach): "
          + "; ".join(f"{name} {_fmt(fs.metrics(predict(c, p0, fitted[name]), c.label))}"
                      for name, (_, predict) in MODELS.items()) + f"; current {_fmt(fs.metrics(c.raw, c.label))}")
    hostile_cue = c.hostile_max.max(axis=1) > 0
    coop_cue = c.coop_min.min(axis=1) < 0
    print("\nwhat the features hold, by labelled class (T1 + pool): what no weight on them can reorder")
    print("| class | n | no cue counted | a hostile cue | hostile cues all words or posture (the cap applies) | a cooperative cue | mean raw |\n"
          "|---:|---:|---:|---:|---:|---:|---:|")
    for k in range(-3, 4):
        m = c.label == k
        if m.any():
            print(f"| {k} | {int(m.sum())} | {int((m & ~hostile_cue & ~coop_cue).sum())} | "
                  f"{int((m & hostile_cue).sum())} | {int((m & c.cappable & hostile_cue).sum())} | "
                  f"{int((m & coop_cue).sum())} | {c.raw[m].mean():+.3f} |")
    print(f"\nmodel taken to T2: {chosen[0] if chosen else 'none (no model passes the CV part: rejected)'}")
    if args.fresh:
        items, _ = pool_items(paths, fresh=True)
        fresh = statement_components(items)
        now = fs.metrics(fs.raw_values(fresh, p0), fresh.label)
        print(f"\nfresh blind draw ({len(fresh.label)} statements), current {_fmt(now)}")
        for name, (_, predict) in MODELS.items():
            got = fs.metrics(predict(fresh, p0, fitted[name]), fresh.label)
            low, high = gain_interval(fresh, fs.raw_values(fresh, p0), predict(fresh, p0, fitted[name]))
            print(f"  {name}: {_fmt(got)} (ρ {got[0] - now[0]:+.3f} [{low[0]:+.3f}, {high[0]:+.3f}], AUC "
                  f"{got[1] - now[1]:+.3f} [{low[1]:+.3f}, {high[1]:+.3f}]; 95% bootstrap of documents)")
    if args.t2:
        t2 = statement_components(gold_items(("t2",)))
        now = fs.metrics(fs.raw_values(t2, p0), t2.label)
        print(f"\nT2 ({len(t2.label)} statements), current {_fmt(now)}")
        for name, (_, predict) in MODELS.items():
            got = fs.metrics(predict(t2, p0, fitted[name]), t2.label)
            holds = round(got[0], 3) >= round(now[0], 3) and round(got[1], 3) >= round(now[1], 3)
            print(f"  {name}: {_fmt(got)} (ρ {got[0] - now[0]:+.3f}, AUC {got[1] - now[1]:+.3f}); T2 does "
                  f"{'not fall' if holds else 'fall'}")
        if chosen:
            got = fs.metrics(MODELS[chosen[0]][1](t2, p0, fitted[chosen[0]]), t2.label)
            adopt = round(got[0], 3) >= round(now[0], 3) and round(got[1], 3) >= round(now[1], 3)
            print(f"verdict: {'ADOPT' if adopt else 'reject'} {chosen[0]}")
        else:
            print("verdict: reject (no model passed the CV part)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
