"""The gold set's sampler still gives the committed units, and batches 2, 3, 4 and 5 extend the set without overlap."""
from __future__ import annotations

import csv

import pytest

from evaluation.gold import units as sampler


def committed() -> dict[str, dict[str, str]]:
    with sampler.IDS_TSV.open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    return {r["unit_id"]: r for r in csv.DictReader(lines, delimiter="\t")}


@pytest.fixture(scope="module")
def sampled() -> list[dict]:
    if not sampler.DATA.is_dir():
        pytest.skip(f"{sampler.DATA} absent: the units' text is read from the shared corpora")
    return sampler.sample((1, 2, 3, 4, 5))


def test_committed_units_are_what_the_sampler_gives(sampled):
    rows = committed()
    mine = {u["unit_id"]: u for u in sampled if u["unit_id"] in rows}
    assert set(mine) == set(rows), "units.tsv names a unit the sampler no longer gives"
    for uid, row in rows.items():
        u = mine[uid]
        assert (str(u["start"]), str(u["end"]), u["split"], str(u["batch"])) == \
            (row["start"], row["end"], row["split"], row["batch"] or "1"), uid
        assert sampler.sha1(u["text"])[:12] == row["sha1"], f"{uid}: the corpus text changed"


def test_batch_two_takes_new_documents_and_keeps_the_split_rule(sampled):
    first = {(u["corpus"], u["doc_id"]) for u in sampled if u["batch"] == 1}
    second = {(u["corpus"], u["doc_id"]) for u in sampled if u["batch"] == 2}
    assert second and not first & second
    assert {c for c, _ in second} == set(sampler.BATCH2)
    assert "ru_state" in sampler.BATCH2, "Russia–ROK, the pair with the least data, is in every batch"
    for u in sampled:
        assert u["split"] == sampler.split_of(u["corpus"], u["doc_id"])


def test_batch_three_takes_documents_no_earlier_batch_had(sampled):
    earlier = {(u["corpus"], u["doc_id"]) for u in sampled if u["batch"] in (1, 2)}
    third = {(u["corpus"], u["doc_id"]) for u in sampled if u["batch"] == 3}
    assert third and not earlier & third
    assert {c for c, _ in third} == set(sampler.BATCH3)
    assert "ru_state" in sampler.BATCH3, "Russia–ROK, the pair with the least data, is in every batch"
    assert {"rss2022", "rss2024"} <= set(sampler.BATCH3), "batch 3 is the RSS feeds' (the index's validity corpora)"


def test_batch_four_takes_documents_no_earlier_batch_had(sampled):
    earlier = {(u["corpus"], u["doc_id"]) for u in sampled if u["batch"] in (1, 2, 3)}
    fourth = {(u["corpus"], u["doc_id"]) for u in sampled if u["batch"] == 4}
    assert fourth and not earlier & fourth
    assert {c for c, _ in fourth} == set(sampler.BATCH4)
    assert "ru_state" in sampler.BATCH4, "Russia–ROK, the pair with the least data, is in every batch"


def test_batch_five_takes_documents_no_earlier_batch_had(sampled):
    earlier = {(u["corpus"], u["doc_id"]) for u in sampled if u["batch"] in (1, 2, 3, 4)}
    fifth = {(u["corpus"], u["doc_id"]) for u in sampled if u["batch"] == 5}
    assert fifth and not earlier & fifth
    assert {c for c, _ in fifth} == set(sampler.BATCH5)
    assert "ru_state" in sampler.BATCH5, "Russia–ROK, the pair with the least data, is in every batch"
    assert sum(1 for c, _ in fifth if c == "ru_state") == 40
