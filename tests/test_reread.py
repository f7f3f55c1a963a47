"""A file is read again when the options it is read with change, and a file read again in full drops the rejections
it no longer earns: a corrected --field is not skipped as "unchanged", and the data-quality counts do not keep the
mistake. Real pipeline (run_local), real DuckDB file."""

from __future__ import annotations

import json
import os

import duckdb

from tension import run

LINES = [{"id": f"n{i}", "date_published": f"2024-01-{10 + i}",
          "headline": f"North Korea fired a ballistic missile into the sea, Seoul said ({i})."} for i in range(3)]


def feed(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "feed.jsonl").write_text("".join(json.dumps(line) + "\n" for line in LINES))
    return inbox


def counts(db):
    with duckdb.connect(str(db), read_only=True) as con:
        return (con.execute("select count(*) from documents").fetchone()[0],
                con.execute("select count(*) from rejected_documents").fetchone()[0])


def test_a_corrected_field_mapping_reads_the_file_again_and_clears_its_rejections(tmp_path):
    inbox, db = feed(tmp_path), tmp_path / "t.duckdb"
    wrong = run.run_local([inbox], db, fields={"text": "headlin", "published": "date_published"})
    assert wrong["documents_new"] == 0 and counts(db) == (0, 3)  # every line rejected: no 'headlin' field
    right = run.run_local([inbox], db, fields={"text": "headline", "published": "date_published"})
    assert right["documents_new"] == 3  # read again: the options changed, not the file
    assert counts(db) == (3, 0)  # and the three rejections of the wrong mapping are gone
    again = run.run_local([inbox], db, fields={"text": "headline", "published": "date_published"})
    assert again["documents_seen"] == 0 and counts(db) == (3, 0)  # same file, same options: skipped


def test_the_reading_signature_is_empty_without_options_and_stable_with_them():
    assert run.reading_signature() == "" and run.reading_signature({}, {}) == ""
    one = run.reading_signature({"text": "story", "published": "date"}, {"speaker": "KCNA"})
    assert one == run.reading_signature({"published": "date", "text": "story"}, {"speaker": "KCNA"})
    assert one != run.reading_signature({"text": "story", "published": "date"}, {})


def test_a_file_read_without_options_is_skipped_when_unchanged(tmp_path):
    inbox, db = feed(tmp_path), tmp_path / "plain.duckdb"
    note = inbox / "note.md"
    note.write_text("---\npublished: 2024-01-12\n---\nSeoul said it would hold talks with Pyongyang.\n")
    assert run.run_local([note], db)["documents_new"] == 1
    assert run.run_local([note], db)["documents_seen"] == 0  # no options: the signature is '' as before


def test_the_cli_counts_many_rejections_by_reason_and_says_when_all_were_rejected(tmp_path):
    import subprocess
    import sys

    lines = [{"id": f"n{i}", "date_published": "2024-01-10", "headline": f"Talks resumed ({i})."} for i in range(15)]
    path = tmp_path / "feed.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    out = subprocess.run([sys.executable, "-m", "tension.cli", "run", "-i", str(path), "--field", "text=headlin",
                          "--db", str(tmp_path / "t.duckdb"), "--no-report"], capture_output=True, text=True,
                         env={**os.environ, "PREFECT_LOGGING_LEVEL": "WARNING"})
    assert out.returncode == 5, out.stderr  # every document read was rejected: a scheduled batch must notice
    assert out.stdout.count("  rejected ") == 1  # fifteen records, one reason: one line with the count
    assert "rejected 15 records: no 'headlin' field" in out.stdout
    assert "every document was rejected" in out.stdout


def test_a_default_year_dates_a_wire_dateline_without_one(tmp_path):
    """--default year=2025: the year of 'SEOUL, Dec. 28 (Yonhap)' for every file of the run, under the file's own."""
    inbox = tmp_path / "wire"
    inbox.mkdir()
    (inbox / "a.txt").write_text("SEOUL, Dec. 28 (Yonhap) -- Seoul said it would resume talks with Pyongyang.\n")
    (inbox / "b.txt").write_text("SEOUL, Dec. 29 (Yonhap) -- Seoul called the launch a grave provocation.\n")
    (inbox / "b.txt.meta.yaml").write_text("year: 2024\n")  # the file's own year wins
    db = tmp_path / "t.duckdb"
    result = run.run_local([inbox], db, defaults={"year": "2025"})
    assert result["documents_new"] == 2 and not result["rejections"]
    with duckdb.connect(str(db), read_only=True) as con:
        days = sorted(str(d) for (d,) in con.execute("select published from documents").fetchall())
    assert days == ["2024-12-29", "2025-12-28"]
    # without it: rejected, saying how to fix (a database of its own folder: two in one would share one export)
    undated = run.run_local([inbox / "a.txt"], tmp_path / "u" / "u.duckdb")
    assert undated["documents_new"] == 0 and "has no year" in undated["rejections"][0][2]


def test_a_sidecar_added_to_fix_a_rejected_file_reads_it_again(tmp_path):
    """The rejection of a text with no date says to add '<file>.meta.yaml' with 'published:'; the file itself does
    not change, so its signature must include the sidecar (found by a new user: the fix was ignored, 'unchanged')."""
    inbox, db = tmp_path / "inbox", tmp_path / "side.duckdb"
    inbox.mkdir()
    story = inbox / "story.txt"
    story.write_text("Seoul said it would hold talks with Pyongyang next month.\n")
    first = run.run_local([inbox], db)
    assert first["documents_new"] == 0 and counts(db) == (0, 1)  # no date: rejected
    (inbox / "story.txt.meta.yaml").write_text("published: 2024-01-12\n")
    fixed = run.run_local([inbox], db)
    assert fixed["documents_new"] == 1 and counts(db) == (1, 0)  # read again, the rejection gone
    assert run.run_local([inbox], db)["documents_seen"] == 0  # unchanged file and sidecar: skipped


def test_a_batch_files_sidecar_mapping_added_later_is_applied(tmp_path):
    inbox, db = tmp_path / "inbox", tmp_path / "map.duckdb"
    inbox.mkdir()
    lines = [{"id": f"s{i}", "date": f"2024-01-{10 + i}", "story": f"Pyongyang warned Seoul again ({i})."}
             for i in range(2)]
    (inbox / "r.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines))
    assert run.run_local([inbox], db)["documents_new"] == 0 and counts(db) == (0, 2)  # no 'text' field
    (inbox / "r.jsonl.meta.yaml").write_text("fields: {text: story, published: date}\n")
    assert run.run_local([inbox], db)["documents_new"] == 2 and counts(db) == (2, 0)
