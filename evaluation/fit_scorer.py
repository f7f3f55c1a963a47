"""Fit a handful of the scorer's free numbers on the gold set's T1, judge them on T2 (issue 14, sixth round).

    python -m evaluation.fit_scorer            # components, λ by 5-fold CV in T1, fit on T1, T1/T2, CV over tune
    python -m evaluation.fit_scorer --quick    # one λ (the default), no cross-validation

The scorer's ranking is decided by a few numbers besides the cue weights: one multiplier per kind of cue, VADER's
weight, the weight of a side's cues after its strongest (REST_WEIGHT), the words/posture cap (VERBAL_CAP), the
modality factors of hypothetical and negated statements, VADER's positive tone without a cooperative cue
(UNCUED_POSITIVE_TONE) and how much a cooperative cue counts beside a hostile one. PARAMETERS lists them with their
current values (the constants of tension/score/scorer.py and rules.py; 1 for the multipliers).
docs/evaluation-scoring.md (sixth round) has the figures: the fit was not kept.

Each gold tune statement is scored once by the real scorer (its real cues, markers, directions, modality) with
every parameter at its table value, and kept as its **components**: per group of cue kinds, the largest and the sum
of its hostile contributions and of its cooperative ones; VADER's compound; the statement modality and whether the
text marks it at a cue; whether the cap applies to it. The formula (tension/score/scorer.py's docstring) is then
recomputed from these for any parameter values without re-running the extraction or the cue matching; at the table
values it gives the scorer's raw value exactly (checked: the largest difference is printed). Calibration is strictly
increasing and changes no ranking, so it is left out.

Objective on a set of statements: Spearman(raw, class) + AUC(class ≥ 2) − λ Σ ((p − p₀) / s)², with p₀ the current
value and s the parameter's scale (PARAMETERS: a step that changes the parameter's meaning noticeably). Fitted by
coordinate search over a fixed grid per parameter (the objective is a step function of the parameters: ranks), passes
in a fixed order until a pass changes nothing; ties go to the value nearest p₀. No random choice is made; the folds
are a hash of (corpus, document id) with the seed FOLD_SEED.

λ is chosen by 5-fold cross-validation **within T1** (folds by document): for each λ of LAMBDAS the fit on 4 folds is
scored on the fifth, and the λ with the best mean held-out objective (without the penalty) is used for the fit on
all of T1. T2 is then scored once with the fitted and with the current parameters. Beside it, a 5-fold
cross-validation over the whole tune half (folds by document) says how much a fit gains on statements it did not
see against the current values. The check half is never read here.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import sys
from dataclasses import dataclass

import numpy as np

HOSTILE_CLASS = 2
FOLDS = 5
FOLD_SEED = "fit-scorer-2026"
LAMBDAS = (0.0, 0.003, 0.01, 0.03, 0.1, 0.3)
DEFAULT_LAMBDA = 0.01
MAX_PASSES = 8

# Cue kinds grouped by what they are; one multiplier per group. "name" (history and names, weights 0..0.15) is
# fixed at 1.
GROUPS = {
    "threat": ("threat",),
    "force": ("military", "fight", "assault", "transfer"),
    "posture": ("posture",),
    "coercion": ("coercion", "complaint"),  # complaint: the CAMEO 114 rows, kind coercion before the seventh round
    "words": ("accusation", "tension", "rejection", "demand"),
    "epithet": ("epithet",),
    "insult": ("insult",),
    "cooperation": ("cooperation", "diplomacy", "agreement", "aid"),
    "name": ("name",),
}
GROUP_NAMES = tuple(GROUPS)
KIND_GROUP = {kind: g for g, kinds in GROUPS.items() for kind in kinds}


@dataclass(frozen=True)
class Parameter:
    name: str
    meaning: str
    scale: float  # the penalty's unit
    grid: tuple[float, ...]


def _grid(low: float, high: float, step: float) -> tuple[float, ...]:
    return tuple(round(low + i * step, 4) for i in range(int(round((high - low) / step)) + 1))


MULTIPLIER_GRID = _grid(0.4, 2.0, 0.05)
PARAMETERS = (
    *(Parameter(f"kind_{g}", f"multiplier of the weights of the {g} cues ({', '.join(GROUPS[g])})", 0.5,
                MULTIPLIER_GRID) for g in GROUP_NAMES if g != "name"),
    Parameter("vader_weight", "VADER_WEIGHT: weight of −compound in the formula", 0.1, _grid(0.0, 0.6, 0.02)),
    Parameter("uncued_positive_tone", "UNCUED_POSITIVE_TONE: share of VADER's weight for a positive tone without a "
              "cooperative cue", 0.5, _grid(0.0, 1.0, 0.1)),
    Parameter("rest_weight", "REST_WEIGHT: weight of a side's cues after its strongest", 0.25, _grid(0.0, 0.7, 0.05)),
    Parameter("verbal_cap", "VERBAL_CAP: most cue_sum of words or force posture alone", 0.25, _grid(0.3, 1.2, 0.05)),
    Parameter("hypothetical", "modality factor of a hypothetical statement", 0.25, _grid(0.0, 1.0, 0.05)),
    Parameter("negated", "modality factor of a negated statement", 0.25, _grid(0.0, 1.0, 0.05)),
    Parameter("cooperative_beside_hostile", "factor of the cooperative side's sum in a statement with a hostile cue",
              0.5, _grid(0.0, 1.5, 0.1)),
)
NAMES = tuple(p.name for p in PARAMETERS)


def current_parameters() -> dict[str, float]:
    """The values the scorer uses now."""
    from tension.score import rules, scorer

    values = {f"kind_{g}": 1.0 for g in GROUP_NAMES if g != "name"}
    values.update(vader_weight=scorer.VADER_WEIGHT, uncued_positive_tone=scorer.UNCUED_POSITIVE_TONE,
                  rest_weight=rules.REST_WEIGHT, verbal_cap=rules.VERBAL_CAP,
                  hypothetical=scorer.MODALITY_FACTORS["hypothetical"], negated=scorer.MODALITY_FACTORS["negated"],
                  cooperative_beside_hostile=1.0)
    return values


# ------------------------------------------------------------------ components


@dataclass
class Components:
    """Per statement (arrays of n, or n × groups): what the formula needs besides the parameters."""

    label: np.ndarray
    hostile_max: np.ndarray  # n × G: largest hostile contribution of the group (0 if none)
    hostile_sum: np.ndarray
    coop_min: np.ndarray  # n × G: most cooperative (negative) contribution of the group (0 if none)
    coop_sum: np.ndarray
    compound: np.ndarray
    modality: np.ndarray  # str
    marked: np.ndarray  # bool: the text marks the statement modality at a cue (factor 1)
    cappable: np.ndarray  # bool: there is a hostile cue and none is an act that lifts the cap (rules.lifts_cap)
    raw: np.ndarray  # the scorer's raw value at the current parameters (for the identity check)
    doc: np.ndarray  # "corpus:doc_id"
    part: np.ndarray  # t1 / t2

    def take(self, mask: np.ndarray) -> "Components":
        return Components(**{k: v[mask] for k, v in self.__dict__.items()})


def components(rows) -> Components:
    """Score each row (a gold tune statement) once with the real scorer and keep its parts."""
    from evaluation.gold.hostility import _codes
    from tension.extract.statements import modality, outside_quotes
    from tension.score.calibration import IDENTITY
    from tension.score.rules import lifts_cap
    from tension.score.scorer import MODALITY_FACTORS, Scorer

    scorer = Scorer(calibration=IDENTITY)
    n, g = len(rows), len(GROUP_NAMES)
    hmax, hsum, cmin, csum = (np.zeros((n, g)) for _ in range(4))
    compound, raw = np.zeros(n), np.zeros(n)
    modal, marked, cappable = [], np.zeros(n, bool), np.zeros(n, bool)
    for i, (text, target, speaker) in enumerate(zip(rows["text"], rows["targets"], rows["speaker_country"])):
        found = modality(outside_quotes(text), False)
        score = scorer.score(text, found, _codes(target), (_codes(speaker) or [None])[0])
        hostile_kinds = []
        for cue in score.cues:
            c, k = cue["contribution"], GROUP_NAMES.index(KIND_GROUP[cue["kind"]])
            if c > 0:
                hmax[i, k] = max(hmax[i, k], c)
                hsum[i, k] += c
                hostile_kinds.append(cue["kind"])
            elif c < 0:
                cmin[i, k] = min(cmin[i, k], c)
                csum[i, k] += c
        compound[i] = score.vader_compound
        modal.append(found)
        marked[i] = score.modality_factor != MODALITY_FACTORS.get(found, 1.0)
        cappable[i] = bool(hostile_kinds) and not any(lifts_cap(cue) for cue in score.cues)  # only an act lifts it
        raw[i] = score.raw_hostility
    return Components(rows["label"].to_numpy(int), hmax, hsum, cmin, csum, compound, np.array(modal), marked,
                      cappable, raw, (rows["corpus"] + ":" + rows["doc_id"]).to_numpy(), rows["part"].to_numpy())


def multipliers(p: dict[str, float]) -> np.ndarray:
    return np.array([p.get(f"kind_{g}", 1.0) for g in GROUP_NAMES])


def raw_values(c: Components, p: dict[str, float]) -> np.ndarray:
    """The formula of tension/score/scorer.py from the components, under parameters `p`."""
    m = multipliers(p)
    rest = p["rest_weight"]
    hmax, hsum = c.hostile_max * m, c.hostile_sum * m
    cmin, csum = c.coop_min * m, c.coop_sum * m
    strongest_h, total_h = hmax.max(axis=1), hsum.sum(axis=1)
    strongest_c, total_c = cmin.min(axis=1), csum.sum(axis=1)
    hostile = strongest_h + rest * (total_h - strongest_h)
    cooperative = strongest_c + rest * (total_c - strongest_c)
    has_hostile, has_coop = strongest_h > 0, strongest_c < 0
    cooperative = np.where(has_hostile, cooperative * p["cooperative_beside_hostile"], cooperative)
    hostile = np.where(c.cappable & (hostile > p["verbal_cap"]), p["verbal_cap"], hostile)  # the hostile side only
    cue_sum = hostile + cooperative
    weight = np.where((c.compound > 0) & ~has_coop, p["vader_weight"] * p["uncued_positive_tone"], p["vader_weight"])
    factor = np.ones(len(c.label))
    for name in ("hypothetical", "negated"):
        factor = np.where((c.modality == name) & ~c.marked, p[name], factor)
    return np.clip(np.tanh(cue_sum + weight * -c.compound) * factor, -1.0, 1.0)


# ------------------------------------------------------------------ metrics


def _ranks(x: np.ndarray) -> np.ndarray:
    """Average ranks (1-based; ties share their mean), as pandas' rank()."""
    order = np.argsort(x, kind="mergesort")
    xs = x[order]
    starts = np.r_[0, np.flatnonzero(xs[1:] != xs[:-1]) + 1]
    ends = np.r_[starts[1:], len(xs)]
    mean = (starts + ends + 1) / 2.0
    ranks = np.empty(len(x))
    ranks[order] = np.repeat(mean, ends - starts)
    return ranks


def metrics(raw: np.ndarray, label: np.ndarray) -> tuple[float, float]:
    """(Spearman(raw, class), AUC(class ≥ 2)) as evaluation.scoring computes them."""
    r = _ranks(raw)
    rl = _ranks(label.astype(float))
    rho = float(np.corrcoef(r, rl)[0, 1]) if r.std() > 0 else 0.0
    pos = label >= HOSTILE_CLASS
    n_pos, n_neg = int(pos.sum()), int((~pos).sum())
    auc = float((r[pos].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)) if n_pos and n_neg else float("nan")
    return rho, auc


def penalty(p: dict[str, float], p0: dict[str, float]) -> float:
    return sum(((p[q.name] - p0[q.name]) / q.scale) ** 2 for q in PARAMETERS)


TAU = 0.05  # the smooth objective's width: raw values this far apart are told apart (about one weak cue's step)


def smooth_metrics(raw: np.ndarray, label: np.ndarray) -> float:
    """A smooth stand-in for ρ + AUC: over the ordered pairs of statements (class i > class j), the mean of
    σ((raw_i − raw_j) / TAU) (soft concordance), plus the same over the pairs (class ≥ 2, class < 2) (soft AUC).
    A rank metric changes in steps when two statements swap; this one moves with the margin between them, so a
    parameter is not moved to flip a few near-ties."""
    diff = (raw[:, None] - raw[None, :]) / TAU
    sig = 0.5 * (1.0 + np.tanh(diff / 2.0))  # the logistic function, without overflow
    ordered = label[:, None] > label[None, :]
    pos = label >= HOSTILE_CLASS
    hostile = pos[:, None] & ~pos[None, :]
    return float(sig[ordered].mean() + (sig[hostile].mean() if hostile.any() else 0.0))


OBJECTIVES = {"rank": lambda raw, label: sum(metrics(raw, label)), "smooth": smooth_metrics}
OBJECTIVE = {"name": "rank"}  # set by --objective
FITTED: dict[str, tuple[str, ...]] = {"names": ()}  # set by --only: the parameters fitted (all when empty)


def objective(c: Components, p: dict[str, float], p0: dict[str, float], lam: float) -> float:
    return OBJECTIVES[OBJECTIVE["name"]](raw_values(c, p), c.label) - lam * penalty(p, p0)


def fit(c: Components, p0: dict[str, float], lam: float) -> dict[str, float]:
    """Coordinate search from p0 over each parameter's grid (and p0's own value), in PARAMETERS order, until a pass
    changes nothing (at most MAX_PASSES). Ties go to the value nearest p0."""
    p = dict(p0)
    best = objective(c, p, p0, lam)
    for _ in range(MAX_PASSES):
        changed = False
        for q in PARAMETERS:
            if FITTED["names"] and q.name not in FITTED["names"]:
                continue  # held at p0
            values = sorted(set(q.grid) | {p0[q.name]}, key=lambda v: (abs(v - p0[q.name]), v))
            for v in values:
                if v == p[q.name]:
                    continue
                trial = {**p, q.name: v}
                value = objective(c, trial, p0, lam)
                if value > best + 1e-12:
                    best, p, changed = value, trial, True
        if not changed:
            break
    return p


def folds(docs: np.ndarray) -> np.ndarray:
    """Fold 0..FOLDS-1 of each statement, by document (a hash with FOLD_SEED: the same every run)."""
    return np.array([int(hashlib.sha1(f"{FOLD_SEED}:{d}".encode()).hexdigest(), 16) % FOLDS for d in docs])


def cross_validate(c: Components, p0: dict[str, float], lam: float) -> dict:
    """Per fold: fit on the other folds, score the held-out fold with the fitted and with the current values."""
    fold = folds(c.doc)
    out, fitted = [], []
    for k in range(FOLDS):
        train, test = c.take(fold != k), c.take(fold == k)
        p = fit(train, p0, lam)
        fitted.append(p)
        out.append((metrics(raw_values(test, p), test.label), metrics(raw_values(test, p0), test.label),
                    metrics(raw_values(train, p), train.label), metrics(raw_values(train, p0), train.label)))
    arr = np.array(out)  # folds × (fitted held-out, current held-out, fitted train, current train) × (ρ, AUC)
    return {"mean": arr.mean(axis=0), "folds": arr, "fitted": fitted}


def _values_by_fold(cv: dict, p0: dict[str, float]) -> str:
    """The fitted values of each fold (only the parameters some fold moved): how stable the fit is."""
    moved = [q.name for q in PARAMETERS if any(p[q.name] != p0[q.name] for p in cv["fitted"])]
    if not moved:
        return "(no fold moved any parameter)"
    lines = ["| parameter | current | " + " | ".join(f"fold {k}" for k in range(FOLDS)) + " |",
             "|---|---:|" + "---:|" * FOLDS]
    lines += [f"| {n} | {p0[n]:g} | " + " | ".join(f"{p[n]:g}" for p in cv["fitted"]) + " |" for n in moved]
    return "\n".join(lines)


def _fmt(pair) -> str:
    return f"{pair[0]:.3f} / {pair[1]:.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help=f"λ = {DEFAULT_LAMBDA}, no cross-validation")
    parser.add_argument("--lambda", dest="lam", type=float, help="use this λ instead of choosing it by CV in T1")
    parser.add_argument("--objective", choices=tuple(OBJECTIVES), default="rank",
                        help="what the fit maximises: ρ + AUC (rank) or their smooth stand-in (smooth); the held-out "
                        "figures are always ρ and AUC")
    parser.add_argument("--only", help="fit only the parameters whose names start with one of these "
                        "(comma-separated), e.g. kind_ or vader_weight,rest_weight; the others stay at p0")
    args = parser.parse_args(argv)
    OBJECTIVE["name"] = args.objective
    if args.only:
        FITTED["names"] = tuple(n for n in NAMES if any(n.startswith(prefix) for prefix in args.only.split(",")))
        print(f"fitting only: {', '.join(FITTED['names'])}")
    from evaluation.gold.hostility import gold_rows
    from evaluation.scoring import SHARED_DATA

    if not SHARED_DATA.exists():
        print(f"skipped: {SHARED_DATA} not present")
        return 0
    rows, positive, what = gold_rows()
    if "doc_id" not in rows:
        print(f"skipped: {what}")
        return 0
    tune = rows[rows["split"] == "tune"].reset_index(drop=True)  # the check half is never read
    c = components(tune)
    p0 = current_parameters()
    drift = float(np.abs(raw_values(c, p0) - c.raw).max())
    print(f"{len(c.label)} tune statements (T1 {int((c.part == 't1').sum())}, T2 {int((c.part == 't2').sum())}); "
          f"largest |components formula − scorer raw| at the current values: {drift:.5f}")
    t1, t2 = c.take(c.part == "t1"), c.take(c.part == "t2")
    lam = DEFAULT_LAMBDA if args.quick else args.lam
    if lam is None:
        print(f"\nλ by {FOLDS}-fold CV within T1 (folds by document), held-out mean ρ / AUC:")
        print("| λ | fitted held-out | current held-out | fitted train | current train |\n|---:|---:|---:|---:|---:|")
        best, unpenalised = None, None
        for candidate in LAMBDAS:
            cv = cross_validate(t1, p0, candidate)
            if candidate == 0.0:
                unpenalised = cv
            m = cv["mean"]
            print(f"| {candidate:g} | {_fmt(m[0])} | {_fmt(m[1])} | {_fmt(m[2])} | {_fmt(m[3])} |")
            gain = m[0].sum()
            if best is None or gain > best[0] + 1e-9:
                best = (gain, candidate)
        lam = best[1]
        print(f"chosen λ = {lam:g}")
        if unpenalised is not None:
            print(f"\nvalues fitted without a penalty (λ = 0) on each 4/5 of T1:\n{_values_by_fold(unpenalised, p0)}")
    p = fit(t1, p0, lam)
    print(f"\nfitted on T1 with λ = {lam:g} (penalty at the fit {penalty(p, p0):.3f}):")
    print("| parameter | current | fitted | scale | meaning |\n|---|---:|---:|---:|---|")
    for q in PARAMETERS:
        mark = " **" if p[q.name] != p0[q.name] else ""
        print(f"| {q.name}{mark} | {p0[q.name]:g} | {p[q.name]:g} | {q.scale:g} | {q.meaning} |")
    print("\n| set | n | current ρ / AUC | fitted ρ / AUC |\n|---|---:|---:|---:|")
    for name, part in (("T1 (fitted on)", t1), ("T2 (held out)", t2), ("tune", c)):
        print(f"| {name} | {len(part.label)} | {_fmt(metrics(raw_values(part, p0), part.label))} | "
              f"{_fmt(metrics(raw_values(part, p), part.label))} |")
    now, fitted = metrics(raw_values(t2, p0), t2.label), metrics(raw_values(t2, p), t2.label)
    keep = fitted[0] >= now[0] and fitted[1] >= now[1] and max(fitted[0] - now[0], fitted[1] - now[1]) >= 0.005
    print(f"\nT2 rule (both not worse, one better by ≥ 0.005): {'KEEP' if keep else 'do not keep'} "
          f"(ρ {fitted[0] - now[0]:+.3f}, AUC {fitted[1] - now[1]:+.3f})")
    if not args.quick:
        cv = cross_validate(c, p0, lam)
        print(f"\n{FOLDS}-fold CV over tune (folds by document), λ = {lam:g}:")
        print("| fold | n | fitted held-out | current held-out | fitted train | current train |\n"
              "|---:|---:|---:|---:|---:|---:|")
        fold = folds(c.doc)
        for k, r in enumerate(cv["folds"]):
            print(f"| {k} | {int((fold == k).sum())} | {_fmt(r[0])} | {_fmt(r[1])} | {_fmt(r[2])} | {_fmt(r[3])} |")
        m = cv["mean"]
        print(f"| mean | | {_fmt(m[0])} | {_fmt(m[1])} | {_fmt(m[2])} | {_fmt(m[3])} |")
        if lam != 0.0:
            free = cross_validate(c, p0, 0.0)["mean"]
            print(f"| mean, λ = 0 (no penalty) | | {_fmt(free[0])} | {_fmt(free[1])} | {_fmt(free[2])} | "
                  f"{_fmt(free[3])} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
