"""The block-bootstrap intervals that evaluation.index_events prints beside each weekly ρ."""

import numpy as np

from evaluation.index_events import block_samples, spearman_interval
from evaluation.scoring import spearman


def test_block_samples_are_runs_of_consecutive_weeks_of_the_right_length():
    samples = block_samples(10, block=4, resamples=50, seed=1)
    assert samples.shape == (50, 10)
    assert samples.min() >= 0 and samples.max() <= 9
    # Each sample is made of runs of consecutive weeks: within a block, week i is followed by week i + 1.
    first_block = samples[:, :4]
    assert (np.diff(first_block, axis=1) == 1).all()


def test_block_samples_are_reproducible():
    assert (block_samples(30, seed=7) == block_samples(30, seed=7)).all()
    assert not (block_samples(30, seed=7) == block_samples(30, seed=8)).all()


def test_interval_holds_the_estimate_and_is_wider_for_a_weak_relation():
    rng = np.random.default_rng(0)
    x = np.arange(52, dtype=float)
    strong = x + rng.normal(0, 5, 52)
    weak = x + rng.normal(0, 60, 52)
    samples = block_samples(52)
    low_s, high_s = spearman_interval(x, strong, samples)
    low_w, high_w = spearman_interval(x, weak, samples)
    assert low_s <= spearman(x, strong) <= high_s
    assert low_w <= spearman(x, weak) <= high_w
    assert high_w - low_w > high_s - low_s
    assert low_s > 0.8


def test_a_constant_series_has_no_interval():
    low, high = spearman_interval(np.arange(8.0), np.zeros(8), block_samples(8))
    assert np.isnan(low) and np.isnan(high)


def test_wilson_interval_of_a_share():
    from evaluation.gold.matching import wilson

    low, high = wilson(57, 100)
    assert 0.47 < low < 0.48 and 0.66 < high < 0.67  # the textbook values for 57/100: 0.472, 0.663
    assert wilson(0, 10)[0] == 0.0 and abs(wilson(10, 10)[1] - 1.0) < 1e-12
    # More statements, a narrower interval around the same share.
    assert wilson(570, 1000)[1] - wilson(570, 1000)[0] < high - low


def test_hostility_intervals_resample_whole_documents():
    import pandas as pd

    from evaluation.gold.hostility import intervals

    rng = np.random.default_rng(3)
    label = rng.integers(-1, 4, 120)
    rows = pd.DataFrame({"split": "check", "part": "", "doc_id": [f"d{i // 4}" for i in range(120)],
                         "unit_id": [f"u{i}" for i in range(120)], "label": label,
                         "scorer": label / 3 + rng.normal(0, 0.3, 120)})
    text = intervals(rows, positive=2, resamples=200)
    assert "check: scorer ρ" in text and "(120 statements, 30 documents)" in text
    rho, low, high = (float(x) for x in
                      text.split("ρ ")[1].split(", AUC")[0].replace("[", "").replace("]", "").replace(",", "").split())
    assert low < rho < high and high - low < 0.3
    assert intervals(rows.assign(split="tune", part="t1").iloc[:0], positive=2) == ""
