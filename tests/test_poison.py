"""Poison inputs (issue 17): a record built to break the parser or exhaust memory is rejected alone, with its file
and line, and the good records beside it are stored. Real files, the real pipeline, a real DuckDB file.

Peak memory for the full-size poisons (a 200 MB line, nesting 200,000 deep, an alias bomb) is measured by
`python -m bench.poison`, not here: timed and memory figures stay out of the test suite."""

from __future__ import annotations

import json
import os

from tension import run
from tension.ingest.documents import (
    MAX_DOCUMENT_CHARS, MAX_METADATA_BYTES, MAX_RECORD_BYTES, Document, Rejection, read_documents, read_jsonl,
)
from tension.warehouse import store

GOOD = "Pyongyang threatened Seoul with war over the drills."
ALIAS_BOMB = "\n".join(["a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
                       + [f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},"
                          f"*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]"
                          for i in range(8)]
                       + ["title: *i"])


def good_line(day: int, words: str = GOOD) -> str:
    return json.dumps({"text": f"{words} (item {day})", "published": f"2024-02-{day:02d}"})


def jsonl_with_poison(path) -> None:
    """Good lines 1, 3, 5, 7 around: nesting 200,000 deep, a line over the record cap, a text that is an object."""
    with open(path, "w") as handle:
        handle.write(good_line(1) + "\n")
        handle.write("[" * 200_000 + "]" * 200_000 + "\n")
        handle.write(good_line(3) + "\n")
        handle.write(json.dumps({"text": "x" * (MAX_RECORD_BYTES + 10), "published": "2024-02-04"}) + "\n")
        handle.write(good_line(5) + "\n")
        handle.write(json.dumps({"text": {"body": GOOD}, "published": "2024-02-06"}) + "\n")
        handle.write(good_line(7))  # no newline at the end


def by_item(items) -> tuple[list[Document], dict[str, str]]:
    items = list(items)
    docs = [i for i in items if isinstance(i, Document)]
    return docs, {i.item: i.reason for i in items if isinstance(i, Rejection)}


def test_poison_jsonl_lines_are_rejected_with_their_line_and_the_rest_is_read(tmp_path):
    path = tmp_path / "batch.jsonl"
    jsonl_with_poison(path)
    docs, rejected = by_item(read_jsonl(path))
    assert [d.item for d in docs] == ["1", "3", "5", "7"]
    assert rejected["2"].startswith("invalid JSON: nested too deeply")
    assert rejected["4"].startswith("record too large: a line of 4.0 MiB, over the 4 MiB limit per record")
    assert rejected["6"].startswith("field 'text' is an object, not text: map the field that holds the text")
    assert set(rejected) == {"2", "4", "6"}


def test_a_slice_starting_after_an_oversized_line_starts_at_the_right_line(tmp_path):
    path = tmp_path / "batch.jsonl"
    jsonl_with_poison(path)
    assert [i.item for i in read_jsonl(path, lines=(4, 6))] == ["4", "5"]
    assert [i.item for i in read_jsonl(path, lines=(5, 8))] == ["5", "6", "7"]  # from the offset remembered at 5


def test_alias_bomb_in_front_matter_is_refused_without_expanding_it(tmp_path):
    path = tmp_path / "bomb.md"
    path.write_text(f"---\npublished: 2024-02-01\n{ALIAS_BOMB}\n---\n{GOOD}\n")
    [item] = read_documents([path])
    assert isinstance(item, Rejection)
    assert item.reason.startswith("invalid front matter: YAML aliases (*name) are not allowed in metadata (line 3")


def test_alias_bomb_in_a_sidecar_is_refused(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(GOOD)
    (tmp_path / "a.txt.meta.yaml").write_text(f"published: 2024-02-01\n{ALIAS_BOMB}\n")
    [item] = read_documents([path])
    assert item.reason.startswith("invalid sidecar a.txt.meta.yaml: YAML aliases (*name) are not allowed")


def test_anchors_without_aliases_and_plain_metadata_still_read(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(f"---\npublished: &day 2024-02-01\ntitle: Drills\n---\n{GOOD}\n")
    [doc] = read_documents([path])
    assert isinstance(doc, Document) and doc.title == "Drills"


def test_front_matter_nested_or_oversized_is_a_reason_not_a_crash(tmp_path):
    deep = tmp_path / "deep.md"
    deep.write_text("---\npublished: 2024-02-01\ntitle: " + "[" * 20_000 + "]" * 20_000 + f"\n---\n{GOOD}\n")
    big = tmp_path / "big.md"
    big.write_text("---\npublished: 2024-02-01\ntitle: " + "x" * (MAX_METADATA_BYTES + 1) + f"\n---\n{GOOD}\n")
    listed = {p.name: i.reason for p in (deep, big) for i in read_documents([p])}
    assert listed["deep.md"] == "invalid front matter: nested too deeply"
    assert listed["big.md"] == "front matter too large: no closing '---' line within 64 KiB"


def test_metadata_that_is_a_list_or_mapping_is_refused_by_name(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(f"---\npublished: 2024-02-01\ntitle: [a, b]\n---\n{GOOD}\n")
    [item] = read_documents([path])
    assert item.reason == "field 'title' is a list, not text: give it a plain string value"


def test_a_document_over_the_length_cap_is_rejected(tmp_path):
    path = tmp_path / "long.md"
    path.write_text("---\npublished: 2024-02-01\n---\n" + (GOOD + " ") * (MAX_DOCUMENT_CHARS // len(GOOD)))
    [item] = read_documents([path])
    assert item.reason.startswith("document too long: 1,0") and "over the limit of 1,000,000 per document" in item.reason


def test_csv_poison_rows_are_rejected_alone(tmp_path):
    path = tmp_path / "batch.csv"
    rows = ["text,published", f"{GOOD},2024-02-01", '"x" trailing,2024-02-02', f"{GOOD} again,2024-02-03",
            "x" * (MAX_RECORD_BYTES + 1) + ",2024-02-04", f"{GOOD} once more,2024-02-05",
            f'"{GOOD} never closed,2024-02-06', f"{GOOD} swallowed,2024-02-07"]
    path.write_text("\n".join(rows) + "\n")
    docs, rejected = by_item(read_documents([path]))
    assert [d.item for d in docs] == ["2", "4", "6"]
    assert rejected["3"].startswith("invalid CSV row: ")
    assert rejected["5"].startswith("CSV row too large: a field over the 4 MiB limit per record (lines 5..5)")
    assert rejected["7"] == ("invalid CSV: a quoted field opened on line 7 is never closed (an unmatched '\"'); "
                             "the rest of the file, lines 7..8, was read as that one field")


def test_a_csv_without_the_text_column_says_how_to_map_it(tmp_path):
    path = tmp_path / "batch.csv"
    path.write_text(f"story,published\n{GOOD},2024-02-01\n{GOOD} again,2024-02-02\n")
    [item] = read_documents([path])
    assert item.item == "" and item.reason == (
        "no 'text' field holding the text (the fields are: published, story); name the field that holds it with "
        "--field text=<name>, or 'fields: {text: <name>}' in a sidecar")
    [doc, _] = read_documents([path], {"text": "story"})
    assert isinstance(doc, Document)


def test_poison_beside_good_records_through_the_pipeline(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    jsonl_with_poison(inbox / "batch.jsonl")
    (inbox / "bomb.md").write_text(f"---\npublished: 2024-02-01\n{ALIAS_BOMB}\n---\n{GOOD}\n")
    (inbox / "good.md").write_text(f"---\npublished: 2024-02-02\n---\nSeoul condemned the launch.\n")
    db = tmp_path / "t.duckdb"
    first = run.run_local([inbox], db, batch_size=3)
    with store.connect(db, read_only=True) as con:
        stored = sorted(con.execute("select path, item from documents").fetchall())
        rejected = {(os.path.basename(p), i): r for p, i, r in
                    con.execute("select path, item, reason from rejected_documents").fetchall()}
        longest = con.execute("select max(length(body)) from documents").fetchone()[0]
    assert [(os.path.basename(p), i) for p, i in stored] == [
        ("batch.jsonl", "1"), ("batch.jsonl", "3"), ("batch.jsonl", "5"), ("batch.jsonl", "7"), ("good.md", "")]
    assert set(rejected) == {("batch.jsonl", "2"), ("batch.jsonl", "4"), ("batch.jsonl", "6"), ("bomb.md", "")}
    assert longest < 100
    assert first["documents_new"] == 5 and first["documents_rejected"] == 4
    again = run.run_local([inbox], db, batch_size=3)
    assert again["documents_new"] == 0 and again["documents_rejected"] == 0
