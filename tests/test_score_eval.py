"""The scorer against the PETRARCH development records (Goldstein values): the issue's must-show margin.

Runs the same code as `python -m evaluation.scoring` on the development split only (the held-out split and the test
labels are reported by the command, never asserted on here, so tests cannot be tuned against them).
"""

from __future__ import annotations

import sys

import pytest

from tension.score.scorer import Scorer

from conftest import ROOT, SHARED_DATA, shared_file

if str(ROOT) not in sys.path:  # `pytest` run as a script does not put the repository root on the path
    sys.path.insert(0, str(ROOT))

from evaluation.scoring import auc, load_petrarch, metrics, spearman, split_key, system_scores  # noqa: E402


@pytest.fixture(scope="module")
def dev():
    shared_file("event_coding/PETR.UnitTest.records.flat.jsonl")
    shared_file("event_coding/PETR2_GSR_validation.flat.jsonl")
    records = load_petrarch(SHARED_DATA)
    return records[records["split"] == "dev"].reset_index(drop=True)


def test_metrics_on_known_values():
    assert spearman([1, 2, 3, 4], [10, 20, 30, 40]) == pytest.approx(1.0)
    assert spearman([1, 2, 3, 4], [4, 3, 2, 1]) == pytest.approx(-1.0)
    assert auc([0.9, 0.8, 0.1, 0.2], [True, True, False, False]) == 1.0
    assert auc([0.5, 0.5], [True, False]) == 0.5  # ties count half


def test_split_is_stable_and_keeps_near_duplicates_together(dev):
    assert 120 <= len(dev) <= 200
    records = load_petrarch(SHARED_DATA)
    assert (records.groupby(records["text"].map(split_key))["split"].nunique() == 1).all()


def test_combined_beats_plain_vader_by_a_quarter_on_dev(dev):
    scores = system_scores(Scorer(), dev["text"].tolist())
    result = metrics(dev, scores, (dev["goldstein"] <= -4).to_numpy())
    plain_rho, combined_rho = result["plain VADER"][0], result["combined"][0]
    assert combined_rho >= plain_rho + 0.25, result
    assert result["combined"][1] > result["plain VADER"][1], result


def test_evaluation_skips_without_shared_data(tmp_path, monkeypatch, capsys):
    import evaluation.scoring

    monkeypatch.setattr(evaluation.scoring, "SHARED_DATA", tmp_path / "no-shared-data")
    assert evaluation.scoring.main([]) == 0
    assert "skipped" in capsys.readouterr().out
