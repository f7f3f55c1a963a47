"""The seed article's must-have statements, checked through the same records `tension statements` prints."""

from __future__ import annotations

import json
import os

import pytest

from tension.ingest.documents import list_inbox, read_documents
from tension.analyse import analyse_document
from tension.records import statement_json

from conftest import ROOT, SEEDS

GOLDEN = ROOT / "tests" / "golden" / "seed_statements.jsonl"


@pytest.fixture(scope="module")
def records(ctx):
    [doc] = list(read_documents(list_inbox([SEEDS])))
    item = analyse_document(doc, ctx)
    return [statement_json(doc, s, sc, ctx.pairs) for s, sc in zip(item.statements, item.scores)]


def having(records, fragment):
    found = [r for r in records if fragment in r["content"]]
    assert found, f"no statement contains {fragment!r}"
    return found


def in_pair(record, pair_id):
    return [p for p in record["pairs"] if p["pair_id"] == pair_id]


def test_zakharova_brazen_policy(records):
    [rec] = having(records, "brazen policy")
    assert rec["speaker_actor"] == "Maria Zakharova" and rec["speaker_country"] == "RUS"
    assert "KOR" in rec["targets"]
    assert in_pair(rec, "RUS-KOR")[0]["direction"] == "RUS→KOR"
    assert rec["hostility"] > 0.2


def test_zakharova_bargaining_chip_via_she(records):
    [rec] = having(records, "small bargaining chip")
    assert rec["speaker"] == "she" and rec["speaker_actor"] == "Maria Zakharova"
    assert rec["speaker_country"] == "RUS" and "KOR" in rec["targets"]
    assert in_pair(rec, "RUS-KOR") and rec["hostility"] > 0.2


def test_chung_grave_position(records):
    [rec] = having(records, "grave position")
    assert rec["speaker_country"] == "KOR" and "RUS" in rec["targets"]
    assert in_pair(rec, "RUS-KOR")[0]["direction"] == "KOR→RUS"
    assert rec["hostility"] > 0.2


def test_summoning_zinoviev(records):
    [rec] = having(records, "summoned Russian Ambassador Georgy Zinoviev")
    assert rec["speaker_country"] == "KOR" and rec["targets"] == ["RUS"]
    assert in_pair(rec, "RUS-KOR")[0]["direction"] == "KOR→RUS"
    assert rec["hostility"] > 0.3


def test_principal_enemy_is_the_most_hostile_statement(records):
    [rec] = having(records, "principal enemy")
    assert rec["speaker_country"] == "PRK" and rec["targets"] == ["KOR"]
    assert in_pair(rec, "PRK-KOR")[0]["direction"] == "PRK→KOR"
    assert rec["hostility"] == max(r["hostility"] for r in records)


def test_rudenko_visit_and_meeting_are_not_hostile(records):
    visit = [r for r in having(records, "Rudenko visited South Korea") if in_pair(r, "RUS-KOR")]
    meeting = [r for r in having(records, "met his South Korean counterpart") if in_pair(r, "RUS-KOR")]
    assert visit and meeting
    assert all(r["hostility"] <= 0.1 for r in visit + meeting)
    # Rudenko's act, reported by the ministry, which only passes the fact on (no statement of its own).
    assert {r["speaker_country"] for r in visit} == {"RUS"}
    assert {r["reported_by"] for r in visit} == {"Seoul's foreign ministry"}


def test_weapons_accusation_by_seoul_and_washington(records):
    found = having(records, "accuse of shipping weapons")
    assert {r["speaker_country"] for r in found} == {"KOR", "USA"}
    assert all("PRK" in r["targets"] and r["hostility"] > 0 for r in found)
    kor = next(r for r in found if r["speaker_country"] == "KOR")
    assert in_pair(kor, "PRK-KOR")[0]["direction"] == "KOR→PRK"


def test_credit_and_related_article_make_no_statements(records):
    for rec in records:
        assert "EPA" not in rec["content"] and "Bloomberg" not in rec["content"]
        assert "Related article" not in rec["content"] and "People watch" not in rec["content"]


def test_golden_file(records):
    """Pins every statement; regenerate deliberately with UPDATE_GOLDEN=1 and review the diff."""
    keep = ("seq", "sentence_index", "content", "speaker", "speaker_actor", "speaker_country", "targets", "pairs",
            "modality", "is_act", "attribution", "hostility", "speaker_kind", "reported_by", "targets_inferred")
    lines = [json.dumps({k: r[k] for k in keep}, ensure_ascii=False, sort_keys=True) for r in records]
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert GOLDEN.read_text(encoding="utf-8").splitlines() == lines
