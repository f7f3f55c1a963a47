"""Bad input loses nothing: one inbox holding a good document and broken files of the kinds tests/test_bad_input.py
does not make (random bytes named .txt, invalid UTF-8 mostly in ASCII, a JSON-lines file cut off mid-record, a PDF
that is only a header, a page with no text, a feed with no items, an undated text), run twice through the real
pipeline into a DuckDB file: the good documents are stored, every broken file is rejected with a reason a user can
act on, listed where `tension run` says, and the second run adds no row to any table but `runs`."""

from __future__ import annotations

import logging
import random

from tension import run
from tension.run_summary import skipped_lines
from tension.ingest.documents import read_documents
from tension.warehouse import store

GOOD = ("---\npublished: 2024-03-04\n---\nSeoul, March 4 -- The South Korean foreign ministry on Monday condemned "
        "North Korea for launching a ballistic missile, calling it a grave provocation.\n")
RECORD = ('{"id": "r1", "published": "2024-03-05", "text": "The ministry in Seoul condemned Pyongyang for the '
          'launch."}\n')

# file name -> (the bytes, the start of its rejection reason)
BROKEN = {
    "empty.txt": (b"", "empty file (0 bytes)"),
    "noise.txt": (random.Random(12).randbytes(3000), "binary file: "),
    # (a shorter run of stray bytes among ASCII words is read as UTF-8 with them replaced: test_ingest_stray_bytes)
    "latin.txt": (b"Pyongyang, March 4, 2024 -- The minister said \xff\xfe\x80\x80 the talks \xc3\x28 would \xa0\xa1"
                  b"\xfe\xff go on. \xff\xff\xff\xff\xff\n", "not UTF-8 text"),
    "header.pdf": (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pa",
                   "truncated PDF: no %%EOF marker"),
    "blank.html": (b"<html><head><title></title><script>var x = 1;</script></head><body><div></div></body></html>",
                   "no article text found in the HTML page"),
    "quiet.rss": (b'<?xml version="1.0"?><rss version="2.0"><channel><title>A feed</title><link>http://example.org'
                  b'</link><description>d</description></channel></rss>', "an RSS/Atom feed with no items"),
    "undated.txt": (b"The foreign minister said talks with Pyongyang would go on despite the tests.\n",
                    "no publication date"),
}


def build_inbox(tmp_path):
    """The good document, a JSON-lines file whose first record is whole and whose second is cut off, the rest."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "good.md").write_text(GOOD, encoding="utf-8")
    (inbox / "cut.jsonl").write_text(RECORD + RECORD.replace("r1", "r2")[:40], encoding="utf-8")
    for name, (content, _) in BROKEN.items():
        (inbox / name).write_bytes(content)
    return inbox


def every_table(db):
    """Every table's rows but the runs log (each run adds its own row there, as it should)."""
    with store.connect(db, read_only=True) as con:
        tables = [r[0] for r in con.execute("select table_name from duckdb_tables() where table_name not in "
                                            "('runs', 'publication_state', 'settings') order by 1").fetchall()]
        return {t: sorted(map(repr, con.execute(f'select * from "{t}"').fetchall())) for t in tables}


def test_each_broken_file_is_rejected_with_its_reason_and_a_second_run_adds_nothing(tmp_path):
    inbox = build_inbox(tmp_path)
    db = tmp_path / "t.duckdb"
    first = run.run_local([inbox], db)
    with store.connect(db, read_only=True) as con:
        stored = {r[0] for r in con.execute("select path from documents").fetchall()}
        rejected = {(r[0].rsplit("/", 1)[-1], r[1]): r[2]
                    for r in con.execute("select path, item, reason from rejected_documents").fetchall()}
    assert {p.rsplit("/", 1)[-1] for p in stored} == {"good.md", "cut.jsonl"}
    assert first["documents_new"] == 2 and first["statements_added"] >= 1
    for name, (_, reason) in BROKEN.items():
        assert rejected.get((name, ""), "").startswith(reason), (name, rejected.get((name, "")))
    assert set(rejected) == {(name, "") for name in BROKEN} | {("cut.jsonl", "2")}
    # the cut record says what happened to the file, not where json.loads stopped in a line the user never sees
    assert rejected[("cut.jsonl", "2")].startswith("invalid JSON, the file's last line is cut short")
    assert "line 1 column" not in rejected[("cut.jsonl", "2")]

    tables = every_table(db)
    second = run.run_local([inbox], db)
    assert (second["documents_seen"], second["documents_new"], second["statements_added"]) == (0, 0, 0)
    assert every_table(db) == tables
    # a run that reads nothing new still says where the earlier rejections are listed
    assert second["files_unchanged"] == len(BROKEN) + 2
    lines = skipped_lines(second, db)
    assert len(lines) == 1 and f"{len(BROKEN) + 1} documents rejected by earlier runs" in lines[0]
    assert "select * from rejected_documents" in lines[0] and str(db) in lines[0]


def test_a_record_repeated_in_the_input_is_said_to_be_stored_once(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.jsonl").write_text(RECORD, encoding="utf-8")
    (inbox / "b.jsonl").write_text(RECORD, encoding="utf-8")
    result = run.run_local([inbox], tmp_path / "t.duckdb", batch_size=1)  # (copies in two batches)
    assert (result["documents_seen"], result["documents_new"], result["documents_rejected"]) == (2, 1, 0)
    assert skipped_lines(result, tmp_path / "t.duckdb") == [
        "1 document read was stored already (the same document twice in the input, or stored by an earlier run): "
        "kept once"]


def test_a_record_repeated_within_one_batch_is_counted_as_read_and_said_to_be_stored_once(tmp_path):
    """The copy a batch drops before analysis (one doc_id twice in one batch) was missing from 'read' with no line
    saying so: three records read, 'documents: 2 read'."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    other = RECORD.replace('"r1"', '"r2"').replace("launch.", "test.")
    (inbox / "a.jsonl").write_text(RECORD + RECORD.replace('"r1"', '"r1b"') + other, encoding="utf-8")
    db = tmp_path / "t.duckdb"
    result = run.run_local([inbox], db)
    assert (result["documents_seen"], result["documents_new"], result["documents_rejected"]) == (3, 2, 0)
    assert skipped_lines(result, db) == [
        "1 document read was stored already (the same document twice in the input, or stored by an earlier run): "
        "kept once"]
    with store.connect(db, read_only=True) as con:
        assert con.execute("select count(*), max(documents_seen) from documents, runs").fetchone() == (2, 3)


def test_a_page_without_text_warns_nothing_on_the_console(tmp_path, caplog):
    """trafilatura logged 'discarding data: None' (no file, nothing to do) into the run's output; the page's own
    rejection says what is wrong."""
    page = tmp_path / "blank.html"
    page.write_bytes(BROKEN["blank.html"][0])
    with caplog.at_level(logging.WARNING):
        found = list(read_documents([page]))
    assert found[0].reason.startswith("no article text found")
    assert not [r for r in caplog.records if r.name.startswith("trafilatura")]


def test_the_plan_line_says_what_the_run_is_about_to_read(tmp_path):
    """Logged before the first batch's silent stretch; it said '(0 files unchanged since last stored)' on a first
    run, and nothing of how many files or workers."""
    inbox = build_inbox(tmp_path)
    (inbox / "cut.jsonl").unlink()  # (a JSON-lines file is cut into a multiple of the workers)
    batches, unchanged = run.plan_counted([inbox], 2000, {}, 2)
    assert run.plan_line(batches, unchanged, 2) == "1 batch to analyse from 8 new or changed files, 1 at a time"
    batches, unchanged = run.plan_counted([inbox], 3, {}, 2)
    assert run.plan_line(batches, 0, 2) == "3 batches to analyse from 8 new or changed files, 2 at a time"
    assert run.plan_line([], 9, 2) == "nothing new to read: 9 files unchanged since last read"
    assert run.plan_line(batches, 1, 2).endswith("; 1 file unchanged since last read")
