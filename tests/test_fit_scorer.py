"""evaluation/fit_scorer.py (issue 14, sixth round): the formula it recomputes from a statement's components is the
scorer's own, at the current values and when a parameter moves; its metrics are evaluation.scoring's; its fit is
deterministic and held by the penalty. Real Scorer, real VADER, the extractor's modality; sentences written here."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from evaluation import fit_scorer as fs
from evaluation.scoring import auc, spearman

SENTENCES = [  # (text, targets, speaker country, class)
    ("Pyongyang threatened to turn Seoul into a sea of fire.", "KOR", "PRK", 3),
    ("The North fired two ballistic missiles into the sea, the military said.", "KOR", "KOR", 3),
    ("The allies staged large war games and a show of force near the border.", "PRK", "USA", 2),
    ("The spokesman denounced the reckless provocation and the aggression of the warmongers.", "USA", "PRK", 2),
    ("The ministry called him a diplomatic idiot and human scum.", "KOR", "PRK", 3),
    ("Seoul summoned the ambassador to lodge a protest over the remarks.", "RUS", "KOR", 2),
    ("The two leaders held talks and signed an agreement on trade cooperation.", "CHN", "RUS", -2),
    ("The minister praised the wonderful and successful festival.", "", "", 0),
    ("Pyongyang did not threaten Seoul, the official said.", "KOR", "PRK", 0),
    ("The North could fire a missile if the drills go ahead.", "KOR", "KOR", 1),
    ("Despite the talks, the army shelled the island and warned of war.", "KOR", "PRK", 3),
    ("The puppet traitors and the puppet group were criticised again.", "KOR", "PRK", 1),
    ("Heavy rain fell on the capital on Monday.", "", "", 0),
    ("The situation could become terrible and dangerous.", "", "", 1),  # hypothetical, not marked at a cue
    ("Officials denied the awful rumours about the leader.", "", "", 0),  # negated, no cue
    ("The envoy arrived in Beijing for a state visit and bilateral talks.", "CHN", "PRK", -1),
]


@pytest.fixture(scope="module")
def components() -> fs.Components:
    rows = pd.DataFrame(SENTENCES, columns=["text", "targets", "speaker_country", "label"])
    rows["corpus"], rows["doc_id"], rows["part"] = "own", [f"d{i // 2}" for i in range(len(rows))], "t1"
    return fs.components(rows)



def test_the_components_give_the_scorers_raw_value(components):
    assert len(components.label) == len(SENTENCES)
    assert components.hostile_max.any() and components.coop_min.any() and components.cappable.any()
    assert np.abs(fs.raw_values(components, fs.current_parameters()) - components.raw).max() < 1e-3


@pytest.mark.parametrize("name, value, module, constant", [
    ("vader_weight", 0.45, "scorer", "VADER_WEIGHT"),
    ("rest_weight", 0.6, "rules", "REST_WEIGHT"),
    ("verbal_cap", 0.35, "scorer", "VERBAL_CAP"),
    ("hypothetical", 0.9, "scorer", "hypothetical"),
    ("negated", 0.1, "scorer", "negated"),
])
def test_a_moved_parameter_moves_the_formula_as_it_moves_the_scorer(components, monkeypatch, name, value, module,
                                                                  constant):
    """The same change made in the scorer's own constants gives the raw values the components formula gives."""
    from tension.score import rules, scorer

    if constant in ("hypothetical", "negated"):
        monkeypatch.setitem(scorer.MODALITY_FACTORS, constant, value)
    else:
        monkeypatch.setattr(scorer if module == "scorer" else rules, constant, value)
    rows = pd.DataFrame(SENTENCES, columns=["text", "targets", "speaker_country", "label"])
    rows["corpus"], rows["doc_id"], rows["part"] = "own", "d", "t1"
    moved = fs.components(rows).raw  # the scorer under the changed constant
    monkeypatch.undo()
    predicted = fs.raw_values(components, {**fs.current_parameters(), name: value})
    assert np.abs(predicted - moved).max() < 1e-3
    assert np.abs(predicted - components.raw).max() > 1e-3  # the change does change something here


def test_a_kind_multiplier_scales_only_its_kind(components):
    p0 = fs.current_parameters()
    doubled = fs.raw_values(components, {**p0, "kind_insult": 2.0})
    now = fs.raw_values(components, p0)
    insult = components.hostile_max[:, fs.GROUP_NAMES.index("insult")] > 0
    assert insult.any()
    assert (doubled[insult] >= now[insult]).all() and (doubled[insult] > now[insult]).any()
    assert np.array_equal(doubled[~insult], now[~insult])


def test_the_metrics_are_those_of_evaluation_scoring():
    rng = np.random.default_rng(14)
    for _ in range(20):
        raw = np.round(rng.normal(size=60), 1)  # rounded: ties
        label = rng.integers(-3, 4, size=60)
        rho, area = fs.metrics(raw, label)
        assert rho == pytest.approx(spearman(raw, label), abs=1e-12)
        assert area == pytest.approx(auc(raw, label >= fs.HOSTILE_CLASS), abs=1e-12)


def test_the_fit_is_deterministic_and_held_by_the_penalty(components):
    p0 = fs.current_parameters()
    assert fs.fit(components, p0, 1000.0) == p0  # any move costs more than ρ + AUC can gain
    free = fs.fit(components, p0, 0.0)
    assert free == fs.fit(components, p0, 0.0)
    assert fs.objective(components, free, p0, 0.0) >= fs.objective(components, p0, p0, 0.0)
    assert set(free) == set(fs.NAMES)


def test_folds_are_by_document():
    docs = np.array([f"kcna:{i // 3}" for i in range(60)])
    fold = fs.folds(docs)
    assert set(fold) <= set(range(fs.FOLDS))
    for doc in set(docs):
        assert len(set(fold[docs == doc])) == 1
    assert np.array_equal(fold, fs.folds(docs))
