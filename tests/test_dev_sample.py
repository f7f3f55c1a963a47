"""evaluation.dev_sample: random samples of a development database that never read a gold document.

The documents are our own sentences; their ids are a real gold document id of evaluation/labels/gold/units.tsv (in the
repository, no corpus text) and made-up links; the hashed form RSS 2022's gold ids take is checked on its own."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from evaluation import dev_sample
from tension import run

from conftest import PAIR_SENTENCES

FIELDS = {"id": "id", "text": "text", "published": "published"}
SENTENCES = [
    *PAIR_SENTENCES,
    "South Korea's unification ministry said North Korean athletes played a football match in Seoul on Sunday.",
]


def a_gold_id() -> str:
    """A real gold document id (a Russian state media item's, tune or check: the tool leaves both out)."""
    return sorted(i for i in dev_sample.gold_ids() if i.startswith("ru"))[0]


@pytest.fixture(scope="module")
def dev_db(module_tmp) -> tuple[Path, dict]:
    plain = a_gold_id()
    items = [{"id": plain, "text": SENTENCES[0], "published": "2024-03-04"}]
    items += [{"id": f"https://example.org/item-{k}", "text": text, "published": "2024-03-05"}
              for k, text in enumerate(SENTENCES[1:])]
    folder = module_tmp("dev_sample")
    inbox = folder / "items.jsonl"
    inbox.write_text("".join(json.dumps(item) + "\n" for item in items), encoding="utf-8")
    db = folder / "dev.duckdb"
    run.run_local([inbox], db, fields=FIELDS)
    return db, {"plain": plain, "inbox": inbox}


def test_a_sample_never_holds_a_statement_of_a_gold_document(dev_db) -> None:
    db, info = dev_db
    rows = dev_sample.sample(db, seed=3, rows=100)
    assert rows, "the non-gold documents give pair statements"
    assert not any("strike Seoul" in row["content"] for row in rows)  # the gold document's own statement
    # and without the filter the same database does hold it: the filter, not the data, leaves it out
    everything = dev_sample.sample(db, seed=3, rows=100, ids=set())
    assert any("strike Seoul" in row["content"] for row in everything)


def test_a_hashed_gold_id_is_recognised_like_rss_2022s() -> None:
    link = "https://example.org/news/2022/launch"
    ids = {hashlib.sha1(link.encode("utf-8")).hexdigest()[:12]}
    assert dev_sample.is_gold(link, ids)
    assert not dev_sample.is_gold("https://example.org/news/2022/other", ids)
    assert not dev_sample.is_gold(None, ids)


def test_the_same_seed_draws_the_same_rows_and_another_seed_may_not(dev_db) -> None:
    db, _ = dev_db
    first = [r["statement_id"] for r in dev_sample.sample(db, seed=5, rows=3)]
    again = [r["statement_id"] for r in dev_sample.sample(db, seed=5, rows=3)]
    assert first == again and len(first) == 3


def test_a_corpus_copy_leaves_out_exactly_the_gold_items(dev_db, tmp_path) -> None:
    _, info = dev_db
    out = tmp_path / "copy.jsonl"
    kept, dropped = dev_sample.copy_corpus(info["inbox"], out)
    assert (kept, dropped) == (7, 1)
    assert info["plain"] not in out.read_text(encoding="utf-8")


def test_a_near_zero_draw_holds_exactly_the_rows_below_the_limit_and_prints_them_blind(dev_db, capsys) -> None:
    # round 32: counting the statements a scorer leaves near zero means labelling them before reading their scores
    db, _ = dev_db
    everything = dev_sample.sample(db, seed=3, rows=100)
    near = [r["statement_id"] for r in everything if abs(r["hostility"]) < 0.05]
    assert near and len(near) < len(everything), "the sentences give rows on both sides of the limit"
    drawn = dev_sample.sample(db, seed=3, rows=100, below=0.05)
    assert sorted(r["statement_id"] for r in drawn) == sorted(near)
    assert dev_sample.main(["--db", str(db), "--seed", "3", "--below", "0.05"]) == 0
    printed = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line.strip()]
    assert sorted(r["statement_id"] for r in printed) == sorted(near)
    assert all("hostility" not in r for r in printed), "a blind draw does not show the scores it was drawn by"


def test_the_judge_seed_and_a_missing_database_are_refused_with_a_reason(tmp_path, capsys) -> None:
    with pytest.raises(SystemExit):
        dev_sample.main(["--db", str(tmp_path / "none.duckdb"), "--seed", "3"])
    assert "not found" in capsys.readouterr().err
    db = tmp_path / "empty.duckdb"
    db.touch()
    with pytest.raises(SystemExit):
        dev_sample.main(["--db", str(db), "--seed", "42"])
    assert "judge sample" in capsys.readouterr().err


def test_a_blind_draw_prints_each_rows_text_and_none_of_the_systems_answer(dev_db, tmp_path, capsys) -> None:
    # round 44: the rows of a count are labelled from their text before the system's columns are read; the tool
    # prints the text and keeps the columns in --out for the comparison afterwards
    db, _ = dev_db
    out = tmp_path / "drawn.jsonl"
    assert dev_sample.main(["--db", str(db), "--seed", "3", "--rows", "3", "--blind", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    kept = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(kept) == 3 and all(row["direction"] and row["speaker"] for row in kept), "--out keeps every column"
    for row in kept:
        assert row["statement_id"] in printed
        assert row["source_sentence"].strip() in printed, "the sentence itself is printed"
    for answer in ("→", "speaker", "state_media", "government", "attribution", "hostility"):
        assert answer not in printed, f"a blind draw shows none of the system's answer ({answer!r})"


def test_the_text_before_a_sentence_is_cut_to_the_length_asked_for(dev_db) -> None:
    db, _ = dev_db
    row = dev_sample.sample(db, seed=3, rows=1)[0]
    shown = dev_sample.blind_text(db, [row], before=10)[0]
    assert shown["statement_id"] == row["statement_id"]
    assert shown["sentence"].strip() == row["source_sentence"].strip()
    assert len(shown["before"]) <= 10
