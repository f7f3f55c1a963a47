"""The re-read of session 21 (evaluation/labels/reread/): two fresh labellers' labels of the same random sample of
check units of batches 1–4, each unit labelled once by each, in the gold set's format; and the comparison runs on them
(labels only: no ../shared/data needed)."""

from __future__ import annotations

import csv

from evaluation.gold import reread
from evaluation.gold.extraction import COLUMNS, GOLD_FILE, read_labels

UNITS = reread.REREAD_DIR.parents[0] / "gold" / "units.tsv"


def _units() -> dict[str, dict]:
    lines = [line for line in UNITS.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return {r["unit_id"]: r for r in csv.DictReader(lines, delimiter="\t")}


def test_both_rereads_label_the_same_check_units_of_batches_1_to_4_once_each() -> None:
    units = _units()
    a, b = (reread.unit_ids(path) for path in reread.REREADS.values())
    assert a == b and len(a) == len(set(a)) > 100
    for unit in a:
        assert units[unit]["split"] == "check" and units[unit]["batch"] in {"1", "2", "3", "4"}, unit


def test_rereads_are_in_the_gold_format_with_short_notes() -> None:
    for path in reread.REREADS.values():
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
        rows = list(csv.DictReader(lines, delimiter="\t"))
        assert list(rows[0]) == list(COLUMNS), path.name
        for r in rows:
            assert len(r["speaker"]) <= 60 and len(r["note"]) <= 80, r
            if r["stmt"] not in ("", "0"):
                assert r["speaker_kind"] and r["modality"] and r["hostility"].lstrip("-").isdigit(), r


def test_a_label_set_scored_against_itself_is_right_everywhere() -> None:
    # the comparison's plumbing: the labels as the "system" of extraction.score against the same labels
    labels, _ = read_labels(reread.REREADS["A"])
    ids = reread.unit_ids(reread.REREADS["A"])
    tally = reread.score(labels, reread.as_system(labels), ids, reread.load_pairs())
    right, of = tally.n["all four R"]
    assert of > 50 and right == of
    shared = reread.hostility_pairs(labels, labels, ids)
    assert abs(reread.spearman(shared) - 1.0) < 1e-9


def test_the_comparison_prints_each_reread_against_gold(capsys) -> None:
    assert GOLD_FILE.exists()
    assert reread.main([]) == 0
    out = capsys.readouterr().out
    assert "A against gold" in out and "all four, gold pair statements" in out and "Spearman" in out
