"""What an operator met feeding weekly files to `tension run` one at a time (session 23): an empty weekly file
ignored without a word, a valid UTF-16 file rejected with a false reason, a CSV file named .jsonl rejected once per
line, a binary file named .jsonl rejected once per line of every batch after the first, rejections of files long
deleted from the inbox counted as outstanding in every later run. Real files in tmp_path, the real pipeline
(tension.run.run_local) into a real DuckDB file, and the real CLI for what the operator's cron sees."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tension import run
from tension.run_summary import skipped_lines
from tension.ingest.documents import Document, Rejection, read_documents
from tension.warehouse import store


def record(i: int) -> dict:
    return {"id": f"w{i}", "published": f"2024-04-0{i % 7 + 1}",
            "text": f"The foreign minister said on Tuesday that round {i} of the talks with the neighbouring state "
                    "would be held next month in the capital."}


def jsonl(n: int, start: int = 0) -> str:
    return "".join(json.dumps(record(i)) + "\n" for i in range(start, start + n))


def rejected(db: Path) -> dict:
    with store.connect(db, read_only=True) as con:
        rows = con.execute("select path, item, reason from rejected_documents").fetchall()
    return {(Path(path).name, item): reason for path, item, reason in rows}


def stored_files(db: Path) -> set[str]:
    with store.connect(db, read_only=True) as con:
        return {Path(r[0]).name for r in con.execute("select path from inbox_files").fetchall()}


# --- A. an empty weekly file -------------------------------------------------------------------------------------

def test_an_empty_or_blank_batch_file_is_rejected_with_its_reason_and_recorded(tmp_path):
    """An empty weekly drop is a failed fetch: it was in neither rejected_documents nor inbox_files, and the run
    said '0 read, 0 new, 0 rejected'."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "good_W14.jsonl").write_text(jsonl(2), encoding="utf-8")
    (inbox / "empty_W15.jsonl").write_bytes(b"")
    (inbox / "blank_W16.jsonl").write_bytes(b"\n  \n\n")
    db = tmp_path / "t.duckdb"
    first = run.run_local([inbox], db, batch_size=1, workers=2)
    assert first["documents_rejected"] == 2 and first["documents_new"] == 2
    reasons = rejected(db)
    assert reasons[("empty_W15.jsonl", "")] == "empty file (0 bytes)"
    assert reasons[("blank_W16.jsonl", "")] == "empty file (only whitespace)"
    assert len(reasons) == 2
    assert {"empty_W15.jsonl", "blank_W16.jsonl", "good_W14.jsonl"} <= stored_files(db)
    second = run.run_local([inbox], db)
    assert "2 documents rejected by earlier runs" in " ".join(skipped_lines(second, db))


def test_a_run_of_only_an_empty_file_exits_5_and_says_why(tmp_path):
    """What cron sees: the exit code of a run whose whole weekly drop was empty, and the reason on stdout. (In a
    process of its own, as cron runs it: a flow run inside CliRunner sets Prefect's logging up on CliRunner's streams,
    closed afterwards, and the next test's flow in this process failed writing its log.)"""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "empty_W15.jsonl").write_bytes(b"")
    result = subprocess.run([sys.executable, "-m", "tension.cli", "run", "-i", str(inbox), "--db",
                             str(tmp_path / "t.duckdb"), "--no-report", "--task-runner", "threads"],
                            capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=600)
    assert result.returncode == 5, result.stdout + result.stderr
    assert "0 read, 0 new, 1 rejected" in result.stdout
    assert "empty_W15.jsonl: empty file (0 bytes)" in result.stdout


# --- B. UTF-16 JSON lines ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_a_utf16_jsonl_file_is_read_whole(tmp_path, encoding):
    """A Windows tool's UTF-16 export (with or without its BOM) split at b'\\n' is cut in the middle of characters:
    'starts with a UTF-16 byte-order mark but is not valid utf-16 text', then 'invalid JSON' for every line."""
    path = tmp_path / "week.jsonl"
    path.write_bytes(jsonl(12).encode(encoding))
    items = list(read_documents([path]))
    assert [type(item) for item in items] == [Document] * 12, items[:2]
    assert [item.item for item in items] == [str(n) for n in range(1, 13)]
    assert "round 11 of the talks" in items[-1].text


def test_a_utf16_jsonl_file_cut_into_line_ranges_is_read_once(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "week.jsonl").write_bytes(jsonl(30).encode("utf-16"))
    db = tmp_path / "t.duckdb"
    result = run.run_local([inbox], db, batch_size=5, workers=2)
    assert (result["documents_seen"], result["documents_new"], result["documents_rejected"]) == (30, 30, 0)
    assert rejected(db) == {}


def test_a_utf16_file_with_a_broken_line_keeps_the_other_lines(tmp_path):
    path = tmp_path / "week.jsonl"
    text = jsonl(2) + '{"id": "cut", "text": "The min\n' + jsonl(1, start=5)
    path.write_bytes(text.encode("utf-16"))
    items = list(read_documents([path]))
    assert [type(item) for item in items] == [Document, Document, Rejection, Document]
    assert items[2].item == "3" and items[2].reason.startswith("invalid JSON")


# --- C. a CSV file named .jsonl ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("separator", "suffix"), [(",", ".csv"), ("\t", ".tsv")])
def test_a_csv_file_named_jsonl_is_one_file_level_rejection_saying_so(tmp_path, separator, suffix):
    path = tmp_path / "table_W15.jsonl"
    rows = [["id", "text", "published"]] + [[str(i), f"Words of row {i}", "2024-04-02"] for i in range(6)]
    path.write_text("".join(separator.join(row) + "\n" for row in rows), encoding="utf-8")
    items = list(read_documents([path]))
    assert len(items) == 1 and items[0].item == "", items
    assert "looks like CSV" in items[0].reason and f"rename it to {suffix}" in items[0].reason, items[0].reason


def test_a_jsonl_file_whose_first_line_is_broken_still_reads_the_rest(tmp_path):
    """Only a file that looks like CSV is refused whole: one broken line is that line's rejection."""
    path = tmp_path / "week.jsonl"
    path.write_text("this line, is not, JSON\n" + jsonl(3), encoding="utf-8")
    items = list(read_documents([path]))
    assert [type(item) for item in items] == [Rejection, Document, Document, Document]


# --- D. a binary file named .jsonl, and rejections of files gone from the inbox -----------------------------------

def pdf_like(lines: int) -> bytes:
    return b"%PDF-1.4\n" + b"".join(b"%d 0 obj << /Length 2 >> stream\nxx\nendstream endobj\n" % i
                                   for i in range(lines // 3)) + b"%%EOF\n"


def test_a_binary_file_named_jsonl_is_one_rejection_however_it_is_cut(tmp_path):
    """A PDF renamed .jsonl gave its file-level reason in its first line range and one 'invalid JSON' row per line
    in every other range (208 rows)."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "doc.jsonl").write_bytes(pdf_like(300))
    (inbox / "table.jsonl").write_text("id,text,published\n" + "".join(f"{i},Some words,2024-04-02\n"
                                                                        for i in range(200)), encoding="utf-8")
    db = tmp_path / "t.duckdb"
    run.run_local([inbox], db, batch_size=20, workers=2)
    reasons = rejected(db)
    assert set(reasons) == {("doc.jsonl", ""), ("table.jsonl", "")}, sorted(reasons)[:5]
    assert reasons[("doc.jsonl", "")].startswith("binary file: the content looks like a PDF document")
    assert "rename it to .pdf" in reasons[("doc.jsonl", "")]


def test_rejections_of_files_no_longer_in_the_inbox_are_not_counted_as_outstanding(tmp_path):
    """After the bad files were deleted, every later run still said '213 documents rejected by earlier runs'.
    They stay in rejected_documents (nothing is lost), but only files still in the inbox are outstanding."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "good.jsonl").write_text(jsonl(2), encoding="utf-8")
    (inbox / "bad.jsonl").write_text('{"id": "x", "text": "no date here at all in this record"}\n', encoding="utf-8")
    (inbox / "gone.jsonl").write_bytes(pdf_like(30))
    db = tmp_path / "t.duckdb"
    run.run_local([inbox], db)
    (inbox / "gone.jsonl").unlink()
    later = run.run_local([inbox], db)
    lines = " ".join(skipped_lines(later, db))
    assert "1 document rejected by earlier runs" in lines, lines
    assert ("gone.jsonl", "") in rejected(db)  # kept, queryable
    (inbox / "bad.jsonl").unlink()
    assert "rejected by earlier runs" not in " ".join(skipped_lines(run.run_local([inbox], db), db))


# --- E. operator basics --------------------------------------------------------------------------------------------

def test_version():
    from importlib.metadata import version

    from typer.testing import CliRunner

    from tension.cli import app

    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.splitlines()[0] == f"tension {version('tension')}"


@pytest.mark.slow
def test_a_scheduled_run_that_succeeds_writes_nothing_to_stderr(tmp_path):
    """cron mails whatever a job prints: every successful run wrote ~14 Prefect INFO lines to stderr. Without a
    terminal the CLI is quiet unless PREFECT_LOGGING_LEVEL says otherwise; errors still reach stderr."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "good.jsonl").write_text(jsonl(3), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_LOGGING_LEVEL"}
    command = [sys.executable, "-m", "tension.cli", "run", "-i", str(inbox), "--db", str(tmp_path / "t.duckdb"),
               "--no-report", "--task-runner", "threads"]
    done = subprocess.run(command, capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "INFO" not in done.stderr, done.stderr
    assert "documents: 3 read, 3 new, 0 rejected" in done.stdout
    loud = subprocess.run(command, capture_output=True, text=True, env={**env, "PREFECT_LOGGING_LEVEL": "INFO"},
                          stdin=subprocess.DEVNULL, timeout=600)
    assert loud.returncode == 0 and "INFO" in loud.stderr


def test_run_check_lists_what_a_run_would_read_and_refuse_and_stores_nothing(tmp_path):
    """The operator's dry run: which files are new, changed, refused whole — no flow, no row written."""
    from typer.testing import CliRunner

    from tension.cli import app

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "w14.jsonl").write_text(jsonl(2), encoding="utf-8")
    (inbox / "w15.jsonl").write_text(jsonl(2, start=10), encoding="utf-8")
    db = tmp_path / "t.duckdb"
    before = CliRunner().invoke(app, ["run", "--check", "-i", str(inbox), "--db", str(db)])
    assert before.exit_code == 0, before.output
    assert "check: 2 files to read (2 new," in before.output and not db.exists()
    run.run_local([inbox], db)
    (inbox / "w15.jsonl").write_text(jsonl(3, start=10), encoding="utf-8")
    (inbox / "w16.jsonl").write_text(jsonl(1, start=20), encoding="utf-8")
    (inbox / "w17.jsonl").write_bytes(b"")
    (inbox / "w18.jsonl").write_text("id,text,published\n1,Words,2024-04-02\n2,More words,2024-04-03\n")
    with store.connect(db, read_only=True) as con:
        runs = con.execute("select count(*) from runs").fetchone()[0]
    result = CliRunner().invoke(app, ["run", "--check", "-i", str(inbox), "--db", str(db)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert f"changed: {inbox / 'w15.jsonl'}" in lines and f"new: {inbox / 'w16.jsonl'}" in lines
    assert f"refused: {inbox / 'w17.jsonl'}: empty file (0 bytes)" in lines
    assert any(line.startswith(f"refused: {inbox / 'w18.jsonl'}: not JSON lines: the content looks like CSV")
               for line in lines)
    assert lines[-1].startswith("check: 2 files to read (1 new, 1 changed, 0 stored under other --field/--default "
                                "options), 2 refused, 1 unchanged; nothing stored")
    with store.connect(db, read_only=True) as con:
        assert con.execute("select count(*) from runs").fetchone()[0] == runs
