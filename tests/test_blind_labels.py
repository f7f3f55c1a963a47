"""The blind-labelled draws kept under evaluation/labels/blind/: keys only, well formed, and every key a document of
its corpus (so a later session can find the labelled sentence again). Two kinds of file: hostility classes of drawn
pair rows (`*_hostility.tsv`, session 18) and attribution labels of whole drawn items (or, from round 59, drawn runs
of sentences) joined with the system's pair rows (`*_attribution.tsv`, session 20)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from evaluation import SHARED_DATA

BLIND = Path(__file__).resolve().parents[1] / "evaluation" / "labels" / "blind"
CORPORA = {  # corpus -> (file under ../shared/data, the field the run took as external_id)
    "kcna": ("kcna_2011_2012/kcna_stories_2011_2012_southkorea_related.jsonl", "id"),
    "rss2022": ("rss_2022/rss_2022_korea_mentions.jsonl", "link"),
    "rss2024": ("rss_2024/rss_2024_korea.jsonl", "id"),  # round 38 (h14al)
    "yonhap": ("yonhap_2025_12/baram_english_korea_pairs.jsonl", "id"),
    "ru_state": ("ru_state_media_korea/ru_state_media_korea.jsonl", "id"),  # round 41 (h14ar)
}


def _rows(path: Path) -> list[dict]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


ATTRIBUTION_COLUMNS = ["corpus", "draw_seed", "doc_id", "external_id", "sentence", "char_start", "char_end",
                       "direction", "label_kind", "label_sure", "system_kind", "verdict", "note"]
VERDICTS = {"right", "kind", "targets", "direction", "direction_reversed_row", "missed", "should_not_exist", "unclear",
            "labelled_unclear_no_system_row", "no_pair_statement", "drawn_run"}
KINDS = {"government", "military", "state_media", "party_legislature", "civic", "media", "academic",
         "diaspora_foreign", "people", "opposition"}


def test_each_blind_file_is_of_a_known_kind() -> None:
    for path in BLIND.glob("*.tsv"):
        assert path.name.endswith(("_hostility.tsv", "_attribution.tsv")), path.name


def test_each_attribution_file_holds_keys_and_verdicts_and_no_text() -> None:
    files = sorted(BLIND.glob("*_attribution.tsv"))
    assert files, "evaluation/labels/blind/ holds round 55's attribution labels"
    for path in files:
        rows = _rows(path)
        assert rows and list(rows[0]) == ATTRIBUTION_COLUMNS, path.name
        keys = [(r["doc_id"], r["sentence"], r["direction"]) for r in rows]
        assert len(set(keys)) == len(keys), f"{path.name}: a key listed twice"
        for r in rows:
            assert r["corpus"] in CORPORA and r["verdict"] in VERDICTS and len(r["note"]) <= 80, r
            if r["verdict"] in {"no_pair_statement", "drawn_run"}:
                # a drawn item or run: no_pair_statement when it holds none; drawn_run (round 59: runs of sentences
                # drawn from long KCNA stories) keeps which sentences were labelled, its span covering them
                assert r["sentence"] == r["direction"] == "-", r
                if r["verdict"] == "drawn_run":
                    assert 0 <= int(r["char_start"]) < int(r["char_end"]), r
                continue
            assert 0 <= int(r["char_start"]) < int(r["char_end"]) and int(r["sentence"]) >= 0, r
            assert r["direction"].count("→") == 1, r
            assert r["label_kind"] in KINDS | {"-"} and r["system_kind"] in KINDS | {"-"}, r
            assert r["label_sure"] in {"1", "u", "-"}, r
            # a verdict on a system row needs the system's row; a miss needs our sure label and no system row
            if r["verdict"] in {"right", "kind", "targets", "should_not_exist", "unclear"}:
                assert r["system_kind"] != "-", r
            if r["verdict"] == "missed":
                assert r["label_sure"] == "1" and r["system_kind"] == "-", r


def test_each_blind_file_holds_keys_and_classes_and_no_text() -> None:
    files = sorted(BLIND.glob("*_hostility.tsv"))
    assert files, "evaluation/labels/blind/ holds the session-18 draws"
    for path in files:
        rows = _rows(path)
        assert rows and set(rows[0]) == {"corpus", "draw", "statement_id", "external_id", "char_start", "char_end",
                                         "direction", "class"}, path.name
        # a pair row is a statement and a direction: one statement toward two countries is two rows (round 37)
        assert len({(r["statement_id"], r["direction"]) for r in rows}) == len(rows), f"{path.name}: a row labelled twice"
        for r in rows:
            assert r["corpus"] in CORPORA and int(r["class"]) in range(-3, 4), r
            assert 0 <= int(r["char_start"]) < int(r["char_end"]), r
            assert r["direction"].count("→") == 1, r


def test_every_key_is_a_document_of_its_corpus() -> None:
    wanted: dict[str, set[str]] = {}
    for path in BLIND.glob("*.tsv"):
        for r in _rows(path):
            wanted.setdefault(r["corpus"], set()).add(r["external_id"])
    for corpus, ids in wanted.items():
        name, field = CORPORA[corpus]
        source = SHARED_DATA / name
        if not source.exists():
            pytest.skip(f"../shared/data absent ({source}): the keys cannot be looked up")
        found = {str(json.loads(line).get(field)) for line in source.open(encoding="utf-8") if line.strip()}
        assert ids <= found, f"{corpus}: keys not in the corpus: {sorted(ids - found)[:3]}"
