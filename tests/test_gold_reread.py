"""The re-read of session 21 (evaluation/labels/reread/): two readers' labels of every check unit of batches 1–4
(each reader two fresh labellers: the random sample, then the rest), each unit labelled once by each reader, in the
gold set's format; and the comparison runs on them (labels only: no ../shared/data needed)."""

from __future__ import annotations

import csv

from evaluation.gold import reread
from evaluation.gold.extraction import COLUMNS, GOLD_FILE, read_labels

UNITS = reread.REREAD_DIR.parents[0] / "gold" / "units.tsv"


def _units() -> dict[str, dict]:
    lines = [line for line in UNITS.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return {r["unit_id"]: r for r in csv.DictReader(lines, delimiter="\t")}


def test_both_readers_label_every_check_unit_of_batches_1_to_4_once_each() -> None:
    units = _units()
    wanted = {u for u, r in units.items() if r["split"] == "check" and r["batch"] in {"1", "2", "3", "4"}}
    for paths in reread.READERS.values():
        ids = [u for path in paths for u in reread.unit_ids(path)]
        assert len(ids) == len(set(ids)) and set(ids) == wanted
    assert reread.unit_ids(reread.READERS["1"][0]) == reread.unit_ids(reread.READERS["2"][0])  # the sample


def test_rereads_are_in_the_gold_format_with_short_notes() -> None:
    for path in [p for paths in reread.READERS.values() for p in paths]:
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
        rows = list(csv.DictReader(lines, delimiter="\t"))
        assert list(rows[0]) == list(COLUMNS), path.name
        for r in rows:
            assert len(r["speaker"]) <= 60 and len(r["note"]) <= 80, r
            if r["stmt"] not in ("", "0"):
                assert r["speaker_kind"] and r["modality"] and r["hostility"].lstrip("-").isdigit(), r


def test_a_label_set_scored_against_itself_is_right_everywhere() -> None:
    # the comparison's plumbing: the labels as the "system" of matching.score against the same labels
    labels = reread.read_reader(reread.READERS["1"])
    ids = [u for path in reread.READERS["1"] for u in reread.unit_ids(path)]
    tally = reread.score(labels, reread.as_system(labels), ids, reread.load_pairs())
    right, of = tally.n["all four R"]
    assert of > 50 and right == of
    shared = reread.hostility_pairs(labels, labels, ids)
    assert abs(reread.spearman(shared) - 1.0) < 1e-9


def test_the_comparison_prints_each_reader_against_gold_and_writes_the_files(capsys, tmp_path) -> None:
    assert GOLD_FILE.exists()
    assert reread.main(["--write", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "reader 1 against gold" in out and "all four, gold pair statements" in out and "Spearman" in out
    for name in ("reader_1.tsv", "reader_2.tsv", "gold.tsv"):
        rows, labelled = read_labels(tmp_path / name)
        assert len(labelled) > 700 and rows, name
