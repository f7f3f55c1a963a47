"""Calibration: the scorer's raw value mapped onto the gold set's hostility classes, so that a score says how hostile
a statement is among statements.

The raw value (tanh of the cues and VADER, times the modality factor) ranks statements, but its size has no unit:
routine reports reached ±1 while explicit war threats sat at +0.7. The mapping is piecewise linear through anchors
read from tension/data/calibration.tsv: a raw value is placed at the mean hostility class of the gold set's `tune`
statements with about that raw value, divided by 3 (+3 threat/insult/force = +1.0, +2 hostile ≈ +0.67, +1 critical
≈ +0.33, 0 neutral = 0, and −1..−3 for cooperation): E[class | raw] / 3, in bins of at least 20 statements on each
side of 0, with raw 0 and the ends of the scale fixed (0 → 0, ±1 → ±1). The anchors are fitted by
`python -m evaluation.gold.hostility --fit-calibration` (`fit_expected_class`: adjacent violators pooled), never on
the `check` half. The mapping is strictly increasing, so it
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


def _pool(blocks: list[list[tuple[float, int]]], first: int, second: int) -> None:
    """Merge blocks[second] into blocks[first] (neighbours), in place."""
    blocks[first] = sorted(blocks[first] + blocks[second])
    del blocks[second]


def _mean_class(block: list[tuple[float, int]]) -> float:
    return sum(k for _, k in block) / len(block)


def _median_raw(block: list[tuple[float, int]]) -> float:
    values = sorted(raw for raw, _ in block)
    middle = len(values) // 2
    return values[middle] if len(values) % 2 else (values[middle - 1] + values[middle]) / 2


def _side(points: list[tuple[float, int]], min_statements: int, sign: int) -> list[list[tuple[float, int]]]:
    """Blocks of consecutive statements (by raw value) of one side of 0, each of at least `min_statements`, pooled
    until their mean class increases strictly with their median raw value and has the side's sign."""
    points = sorted(points)
    count = len(points) // min_statements
    if not count:
        return []
    size, extra = divmod(len(points), count)
    blocks, at = [], 0
    for i in range(count):  # equal-count bins, the first `extra` one statement larger
        end = at + size + (i < extra)
        blocks.append(points[at:end])
        at = end
        while len(blocks) > 1 and (_mean_class(blocks[-2]) >= _mean_class(blocks[-1])
                                   or _median_raw(blocks[-2]) >= _median_raw(blocks[-1])):
            _pool(blocks, -2, -1)
    # a block on the cooperative side must read cooperative (< 0) and one on the hostile side hostile (> 0)
    while blocks and sign < 0 and _mean_class(blocks[-1]) >= 0:
        if len(blocks) == 1:
            return []
        _pool(blocks, -2, -1)
    while blocks and sign > 0 and _mean_class(blocks[0]) <= 0:
        if len(blocks) == 1:
            return []
        _pool(blocks, 0, 1)
    return blocks


def fit_expected_class(points: list[tuple[float, int]], min_statements: int, top: float = 0.9
                       ) -> list[tuple[float, float, int, float, float, float]]:
    """Anchors placing a raw value at the mean class of the labelled statements with about that raw value, / 3:
    (raw, calibrated, statements, lowest raw, highest raw, mean class) per block.

    `points` are (raw value, class) of the gold tune statements. On each side of 0 the statements are cut, in order
    of raw value, into bins of at least `min_statements`; a bin's anchor is (its median raw value, its mean class /
    3, at most `top`), bins pooled with their neighbour until the anchors increase strictly (adjacent violators). Raw
    0 (no cue, no tone) stays at 0 and the ends at ±1, which the caller adds. This is E[class | raw], the usual
    sense of calibration; the median raw value of each class (E[raw | class]) was used before and was steep where
    the classes overlap: the cooperative classes' medians sat at raw −0.02, so every faint cooperative cue read as
    class −2."""
    anchors = []
    for sign in (-1, 1):
        for block in _side([p for p in points if p[0] * sign > 0], min_statements, sign):
            mean = _mean_class(block)
            calibrated = max(-top, min(top, mean / 3))
            anchors.append((round(_median_raw(block), 4), round(calibrated, 4), len(block), block[0][0], block[-1][0],
                            round(mean, 3)))
    return anchors
