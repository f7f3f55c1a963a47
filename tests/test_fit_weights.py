"""evaluation/fit_weights.py (issue 14, round 48): its table of statement parts is the scorer's own (given the
modality, as the pool's stored rows give it), its linear features sum to the scorer's cue_sum family by family (the
cap included), the adopt rule's CV part asks for a gain larger than its fold-to-fold spread, and the round's own blind
draw stays out of the fitted pool. Real Scorer, real VADER; sentences written here."""
from __future__ import annotations

import numpy as np
import pytest

from evaluation import fit_scorer as fs
from evaluation import fit_table as ft
from evaluation import fit_weights as fw

ITEMS = [  # (text, modality, targets, speaker country, class)
    ("Pyongyang threatened to turn Seoul into a sea of fire.", "threat_or_future", ["KOR"], "PRK", 3),
    ("The spokesman denounced the reckless provocation and the aggression of the warmongers.", "asserted", ["USA"],
     "PRK", 2),
    ("The puppet traitors, lackeys and warmongers were accused of confrontation and of hostile acts.", "asserted",
     ["KOR"], "PRK", 2),  # words alone over the cap
    ("The ministry called him a diplomatic idiot and human scum.", "asserted", ["KOR"], "PRK", 3),
    ("The two leaders held talks and signed an agreement on trade cooperation.", "asserted", ["CHN"], "RUS", -2),
    ("Despite the talks, the army shelled the island and warned of war.", "asserted", ["KOR"], "PRK", 3),
    ("The North could fire a missile if the drills go ahead.", "hypothetical", ["KOR"], "KOR", 1),
    ("Officials denied the awful rumours about the leader.", "negated", [], None, 0),
    ("The minister praised the wonderful and successful festival.", "asserted", [], None, 0),
    ("Heavy rain fell on the capital on Monday.", "asserted", [], None, 0),
]


@pytest.fixture(scope="module")
def table() -> fs.Components:
    return ft.statement_components([
        {"text": t, "modality": m, "targets": g, "speaker": s, "label": c, "doc": f"own:{i // 2}", "part": "pool"}
        for i, (t, m, g, s, c) in enumerate(ITEMS)])


def test_the_table_gives_the_scorers_raw_value_under_the_given_modality(table):
    from tension.score.calibration import IDENTITY
    from tension.score.scorer import Scorer

    scorer = Scorer(calibration=IDENTITY)
    own = [scorer.score(t, m, g or None, s).raw_hostility for t, m, g, s, _ in ITEMS]
    assert np.abs(table.raw - np.array(own)).max() < 1e-9
    assert np.abs(fs.raw_values(table, fs.current_parameters()) - table.raw).max() < 1e-3
    assert list(table.modality) == [m for _, m, _, _, _ in ITEMS]  # not re-read from the text


def test_the_linear_features_sum_to_the_scorers_cue_sum(table):
    """Each family's share of the hostile and the cooperative side adds up to the cue_sum the scorer formed: the
    strongest in full, the rest by REST_WEIGHT, the hostile side at the cap where it was capped."""
    from tension.score.calibration import IDENTITY
    from tension.score.scorer import Scorer

    scorer = Scorer(calibration=IDENTITY)
    scores = [scorer.score(t, m, g or None, s) for t, m, g, s, _ in ITEMS]
    x = fw.linear_features(table, fs.current_parameters())
    groups = len(fs.GROUP_NAMES)
    assert x.shape == (len(ITEMS), len(fw.LINEAR_NAMES))
    summed = x[:, :2 * groups].sum(axis=1)
    assert np.abs(summed - np.array([s.cue_sum for s in scores])).max() < 1e-3
    capped = x[:, fw.LINEAR_NAMES.index("capped")].astype(bool)
    assert capped.any() and list(capped) == [s.capped for s in scores]


def test_the_linear_fit_recovers_a_linear_class(table):
    """On labels that are a linear function of the features, least squares with a small ridge finds it again."""
    p0 = fs.current_parameters()
    x = fw.linear_features(table, p0)
    beta = np.zeros(x.shape[1] + 1)
    beta[1:1 + 2 * len(fs.GROUP_NAMES)] = 4.0  # the class as four times the cue_sum, VADER's part twice that
    beta[1 + fw.LINEAR_NAMES.index("vader_part")] = 8.0
    made = fs.Components(**{**table.__dict__, "label": np.round(beta[0] + x @ beta[1:]).astype(int)})
    fitted = fw.predict_linear(made, p0, fw.fit_linear(made, p0))
    assert fs.metrics(fitted, made.label)[0] > 0.9


def test_the_adopt_rule_asks_for_a_gain_beyond_the_spread():
    steady = np.array([[0.71, 0.91, 0.70, 0.90]] * 4 + [[0.72, 0.92, 0.70, 0.90]])  # +0.01..0.02 in every fold
    noisy = np.array([[0.75, 0.93, 0.70, 0.90], [0.66, 0.88, 0.70, 0.90], [0.74, 0.92, 0.70, 0.90],
                      [0.69, 0.89, 0.70, 0.90], [0.73, 0.92, 0.70, 0.90]])  # +0.014 mean, spread 0.037
    assert fw.verdict(steady)[0]
    ok, figures = fw.verdict(noisy)
    assert not ok and figures["mean"][0] > 0 and figures["sd"][0] > figures["mean"][0]
    better_rho_only = steady.copy()
    better_rho_only[:, 1] = 0.90  # AUC not raised: the rule asks for both
    assert not fw.verdict(better_rho_only)[0]


def test_the_multiplier_model_moves_only_its_ten_numbers(table):
    p0 = fs.current_parameters()
    fitted = fw.fit_multipliers(table, p0)
    assert {n for n in fs.NAMES if fitted[n] != p0[n]} <= set(fw.MULTIPLIER_NAMES)
    assert fs.FITTED["names"] == ()  # evaluation.fit_scorer's own switch left as it was
    assert fs.objective(table, fitted, p0, 0.0) >= fs.objective(table, p0, p0, 0.0)


def test_the_rounds_own_draw_is_not_in_the_pool():
    from evaluation.blind_pool import BLIND

    assert any(any(t in p.name for t in ft.FRESH) for p in BLIND.glob("*_hostility.tsv"))
    assert ft.pool_items({}, fresh=False) == ([], {"keys": 0, "found": 0, "duplicate": 0, "gold": 0})
