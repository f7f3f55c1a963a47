"""Calibration: the scorer's raw value mapped onto the gold set's hostility classes, so that a score says how hostile
a statement is among statements.

The raw value (tanh of the cues and VADER, times the modality factor) ranks statements, but its size has no unit:
routine reports reached ±1 while explicit war threats sat at +0.7. The mapping is piecewise linear through anchors
read from tension/data/calibration.tsv: for each hostility class k with enough labelled statements, the median raw
value of the gold set's `tune` statements of class k is placed at k/3 (+3 threat/insult/force = +1.0, +2 hostile
≈ +0.67, +1 critical ≈ +0.33, 0 neutral = 0, and −1..−3 for cooperation), with the ends of the scale fixed
(raw ±1 → ±1). The anchors are fitted by `python -m evaluation.gold.hostility --fit-calibration` (medians made
increasing by pooling adjacent violators), never on the `check` half. The mapping is strictly increasing, so it
changes no ranking: Spearman and AUC are the same before and after it. docs/evaluation-scoring.md has the anchors
and the fit.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path

from tension.config import DATA_DIR, read_tsv

CALIBRATION_FILE = DATA_DIR / "calibration.tsv"


@dataclass(frozen=True)
class Calibration:
    """Anchor points (raw, calibrated), strictly increasing in both, from (−1, −1) to (1, 1)."""

    raw: tuple[float, ...]
    calibrated: tuple[float, ...]

    def __post_init__(self) -> None:
        pairs = list(zip(self.raw, self.calibrated))
        if len(pairs) < 2 or pairs[0] != (-1.0, -1.0) or pairs[-1] != (1.0, 1.0) or len(self.raw) != len(
                self.calibrated):
            raise ValueError(f"calibration must run from (-1, -1) to (1, 1): {pairs}")
        if any(b[0] <= a[0] or b[1] <= a[1] for a, b in zip(pairs, pairs[1:])):
            raise ValueError(f"calibration anchors must increase strictly: {pairs}")

    def __call__(self, value: float) -> float:
        """The calibrated value of a raw value in [−1, +1] (linear between anchors)."""
        value = max(-1.0, min(1.0, value))
        i = min(bisect_right(self.raw, value), len(self.raw) - 1)
        x0, x1, y0, y1 = self.raw[i - 1], self.raw[i], self.calibrated[i - 1], self.calibrated[i]
        return y0 + (value - x0) * (y1 - y0) / (x1 - x0)

    def key(self) -> str:
        """For the scorer version: the anchors."""
        return repr(tuple(zip(self.raw, self.calibrated)))


IDENTITY = Calibration((-1.0, 1.0), (-1.0, 1.0))


def load_calibration(path: Path = CALIBRATION_FILE) -> Calibration:
    """The anchors of the data file, with the ends of the scale."""
    rows = sorted((float(r["raw"]), float(r["calibrated"])) for r in read_tsv(path))
    return Calibration(tuple(r for r, _ in rows), tuple(c for _, c in rows))


def fit_anchors(raw_by_class: dict[int, list[float]], min_statements: int) -> list[tuple[int, float, int]]:
    """(class, anchor raw value, statements) for each class with at least `min_statements`: the median raw value,
    made increasing with the class by pooling adjacent violators (weighted by statements)."""
    blocks: list[list] = []  # [classes, weighted sum, weight]
    for k in sorted(raw_by_class):
        values = sorted(raw_by_class[k])
        if len(values) < min_statements:
            continue
        middle = len(values) // 2
        median = values[middle] if len(values) % 2 else (values[middle - 1] + values[middle]) / 2
        blocks.append([[k], median * len(values), len(values)])
        while len(blocks) > 1 and blocks[-2][1] / blocks[-2][2] >= blocks[-1][1] / blocks[-1][2]:
            last = blocks.pop()
            blocks[-1] = [blocks[-1][0] + last[0], blocks[-1][1] + last[1], blocks[-1][2] + last[2]]
    anchors = []
    for classes, total, weight in blocks:
        # a pooled block is one anchor, placed at its statements' mean class
        mean_class = sum(k * len(raw_by_class[k]) for k in classes) / weight
        anchors.append((round(mean_class, 3), round(total / weight, 4), weight))
    return anchors
