"""What a new user found in dates and rejections (issue 15's "what users would expect", findings 5-8): an ambiguous
numeric date is refused, not read month-first; a dateline without a year names --default year=YYYY; a JSONL record
without a date names its fields and --field published first; a front-matter 'date:' asks whether 'published' was
meant; identical reasons are printed once with a count; the hint names the run's --db; a run that rejected every
document it read exits non-zero (a run that read nothing new exits 0). Real files, real readers, a real run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date

import pytest

from tension.run_summary import ALL_REJECTED_EXIT, rejection_lines
from tension.config import DEFAULT_DB
from tension.ingest.dates import parse_date
from tension.ingest.documents import Document, Rejection, read_documents

GOOD = "Pyongyang threatened Seoul with war over the drills."


def only(path, fields=None):
    [item] = read_documents([path], fields)
    return item


@pytest.mark.parametrize("text", ["02/03/2026", "2/3/2026", "02.03.2026", "12/11/2025"])
def test_an_ambiguous_numeric_date_is_refused(text):
    with pytest.raises(ValueError, match=f"ambiguous date {text}: write it as YYYY-MM-DD"):
        parse_date(text)


@pytest.mark.parametrize("text, day", [("13/03/2026", date(2026, 3, 13)), ("03/13/2026", date(2026, 3, 13)),
                                       ("03/03/2026", date(2026, 3, 3)), ("2026-03-02", date(2026, 3, 2)),
                                       ("20260302", date(2026, 3, 2)), ("2026-03-02T10:00:00Z", date(2026, 3, 2))])
def test_an_unambiguous_date_is_read(text, day):
    assert parse_date(text) == day


def test_front_matter_with_an_ambiguous_date_is_rejected_with_the_fix(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(f"---\npublished: 02/03/2026\n---\n{GOOD}\n")
    rejected = only(path)
    assert isinstance(rejected, Rejection)
    assert rejected.reason.startswith("ambiguous date 02/03/2026: write it as YYYY-MM-DD"), rejected.reason
    path.write_text(f"---\npublished: 13/03/2026\n---\n{GOOD}\n")
    assert only(path).published == date(2026, 3, 13)


def test_a_dateline_without_a_year_names_the_run_option(tmp_path):
    path = tmp_path / "wire.txt"
    path.write_text("SEOUL, Dec. 28 (Yonhap) -- Seoul said it would resume talks with Pyongyang.\n")
    reason = only(path).reason
    assert "has no year" in reason and "--default year=YYYY" in reason, reason


def test_a_front_matter_date_key_asks_for_published(tmp_path):
    path = tmp_path / "d.md"
    path.write_text(f"---\ndate: 2024-01-05\n---\n{GOOD}\n")
    reason = only(path).reason
    assert reason.startswith("no publication date (there is 'date: 2024-01-05': did you mean published?)"), reason


def test_a_jsonl_record_without_a_date_lists_its_fields_and_the_field_option_first(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"id": "a1", "body": GOOD, "when": "2024-01-05"}) + "\n")
    reason = only(path, {"text": "body"}).reason
    assert reason.startswith("no publication date: no 'published' field (the fields are: body, id, when); "
                             "name the field that holds the date with --field published=<name>"), reason
    assert isinstance(only(path, {"text": "body", "published": "when"}), Document)
    path.write_text(json.dumps({"id": "a1", "body": GOOD, "published": ""}) + "\n")
    assert only(path, {"text": "body"}).reason.startswith("no publication date: its 'published' field is empty")


def test_identical_reasons_are_grouped_and_the_hint_names_the_database():
    rejections = [("feed.jsonl", str(i), "no 'published' field") for i in range(1, 11)] + [("x.md", "", "no text")]
    lines = rejection_lines(rejections, "/tmp/other.duckdb")
    assert lines[0] == "  rejected 10 records: no 'published' field — first feed.jsonl:1, last feed.jsonl:10"
    assert lines[1] == "  rejected x.md: no text"
    assert lines[2] == ("  (all rejections with their files, lines and whole reasons: tension sql --db "
                        "/tmp/other.duckdb --format csv \"select * from rejected_documents\")")
    assert "--db" not in rejection_lines(rejections, DEFAULT_DB)[-1]
    assert rejection_lines([], "/tmp/other.duckdb") == []
    many = [("f.jsonl", str(i), f"reason {i}") for i in range(13)]
    assert rejection_lines(many, DEFAULT_DB)[10] == "  rejected 3 more for 3 other reasons"


@pytest.mark.slow
def test_a_run_that_rejects_every_document_exits_non_zero_and_a_run_with_nothing_new_exits_0(tmp_path):
    lines = [{"id": f"n{i}", "headline": f"Talks resumed ({i})."} for i in range(12)]  # no date at all
    path = tmp_path / "feed.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    db = tmp_path / "t.duckdb"
    command = [sys.executable, "-m", "tension.cli", "run", "-i", str(path), "--field", "text=headline",
               "--db", str(db), "--no-report"]
    env = {**os.environ, "PREFECT_LOGGING_LEVEL": "WARNING"}
    out = subprocess.run(command, capture_output=True, text=True, env=env)
    assert out.returncode == ALL_REJECTED_EXIT, (out.returncode, out.stdout, out.stderr)
    assert out.stdout.count("  rejected ") == 1, out.stdout  # twelve records, one reason: one line
    assert "  rejected 12 records: no publication date: no 'published' field (the fields are: headline, id)" \
        in out.stdout
    assert f"tension sql --db {db} --format csv" in out.stdout
    again = subprocess.run(command, capture_output=True, text=True, env=env)  # the file is unchanged: nothing read
    assert again.returncode == 0, (again.stdout, again.stderr)
    assert "documents: 0 read, 0 new, 0 rejected" in again.stdout


def test_one_cause_quoting_each_record_is_one_group():
    """Nine near-identical groups, one per quoted dateline, for one missing date mapping (session 21's tester):
    reasons that differ only in the record's text they quote are one group, which says the quote differs."""
    rejections = [("a.jsonl", str(n), f"no publication date: the dateline 'SEOUL, Dec. {20 + n % 3} (Wire)' has no "
                                      "year") for n in range(1, 7)]
    rejections.append(("a.jsonl", "7", "invalid JSON (ValueError)"))
    lines = rejection_lines(rejections, DEFAULT_DB)
    assert lines[0].startswith("  rejected 6 records: no publication date: the dateline 'SEOUL, Dec. ")
    assert "(the quoted text differs between 3 of them) — first a.jsonl:1, last a.jsonl:6" in lines[0]
    assert lines[1] == "  rejected a.jsonl:7: invalid JSON (ValueError)"
    fields = rejection_lines([("a.jsonl", "1", "no 'published' field"), ("a.jsonl", "2", "no 'text' field")], DEFAULT_DB)
    assert fields[:2] == ["  rejected a.jsonl:1: no 'published' field", "  rejected a.jsonl:2: no 'text' field"]
