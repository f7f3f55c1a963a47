"""Input and error gaps of issue 17, point 6: each one as it was reported, and what it does now."""

from __future__ import annotations

import json
import os
from datetime import date

from typer.testing import CliRunner

from tension.cli import app
from tension.ingest.documents import Document, Rejection, list_inbox, read_documents

GOOD = "Pyongyang threatened Seoul with war over the drills."
runner = CliRunner()


def only(path, fields=None):
    [item] = read_documents([path], fields)
    return item


def test_front_matter_with_windows_or_old_mac_line_ends(tmp_path):
    for name, end in (("crlf.md", "\r\n"), ("cr.md", "\r")):
        text = end.join(["---", "published: 2024-02-01", "title: Drills", "---", GOOD, "", "Seoul replied."]) + end
        (tmp_path / name).write_bytes(text.encode())
        doc = only(tmp_path / name)
        assert isinstance(doc, Document), doc
        assert (doc.published, doc.title, doc.date_source) == (date(2024, 2, 1), "Drills", "front matter")
        assert "\r" not in doc.text and doc.text.startswith(GOOD)


def test_utf16_without_a_byte_order_mark_is_text(tmp_path):
    text = f"---\npublished: 2024-02-01\n---\n{GOOD} 북한\n"
    for encoding in ("utf-16-le", "utf-16-be"):
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(text.encode(encoding))
        doc = only(path)
        assert isinstance(doc, Document), doc
        assert doc.text == f"{GOOD} 북한\n"


def test_binary_data_is_still_binary(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(256)) * 4)
    assert only(path).reason.startswith("binary file: the content looks like binary data")


def test_an_unreadable_date_names_the_field_it_came_from(tmp_path):
    (tmp_path / "a.md").write_text(f"---\npublished: 2024-02-01 25:00\n---\n{GOOD}\n")
    (tmp_path / "b.jsonl").write_text(json.dumps({"story": GOOD, "date": "2024-02-01T25:00"}) + "\n")
    dateline = "SEOUL, Dec. 28 (Yonhap) -- " + GOOD
    (tmp_path / "c.jsonl").write_text(json.dumps({"text": dateline, "retrieved": "2024-02-01T25:00"}) + "\n"
                                      + json.dumps({"text": dateline, "year": "MMXXIV"}) + "\n")
    assert only(tmp_path / "a.md").reason == (
        "unreadable publication date '2024-02-01 25:00' in 'published' (front matter): hour must be in 0..23: "
        "2024-02-01 25:00; write it as YYYY-MM-DD")
    assert only(tmp_path / "b.jsonl", {"text": "story", "published": "date"}).reason.startswith(
        "unreadable publication date '2024-02-01T25:00' in 'published' (field date): hour must be in 0..23")
    reasons = [r.reason for r in read_documents([tmp_path / "c.jsonl"])]
    assert reasons == [
        "dateline 'SEOUL, Dec. 28 (Yonhap)' gives no valid date: unreadable 'retrieved' date '2024-02-01T25:00': "
        "hour must be in 0..23: 2024-02-01T25:00",
        "dateline 'SEOUL, Dec. 28 (Yonhap)' gives no valid date: unreadable 'year' 'MMXXIV': write it as four "
        "digits, e.g. 2025"]


def test_a_rejection_reason_does_not_change_from_run_to_run(tmp_path):
    # /dev/stdin resolves through /proc/<pid>/fd: a reason carrying the PID looked new on every run.
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "stdin.txt").symlink_to("/proc/self/status")
    [path] = list_inbox([inbox])
    reason = only_in(path, inbox)
    assert reason == "symlink points outside the inbox (to /proc/self/status); copy the file into the inbox instead"
    assert str(os.getpid()) not in reason


def only_in(path, inbox) -> str:
    [item] = read_documents([path], inbox=inbox)
    return item.reason


def test_a_file_name_with_a_newline_is_printed_escaped(tmp_path):
    path = tmp_path / "a\nrejected other.txt: forged"
    path.write_bytes(b"")
    rejection = only(path)
    assert isinstance(rejection, Rejection)
    assert "\n" not in rejection.where() and rejection.where().endswith("a\\nrejected other.txt: forged")
    assert Rejection("x\u2028y.jsonl", "3", "r").where() == "x\\u2028y.jsonl:3"


def test_score_file_is_one_text_per_newline(tmp_path):
    texts = ["Seoul protested\vthe launch.", "Moscow\fwarned Seoul.", "Pyongyang\u2028threatened war.",
             "Seoul and Moscow signed a treaty."]
    path = tmp_path / "lines.txt"
    path.write_text("\r\n".join(texts) + "\r\n", newline="")
    result = runner.invoke(app, ["score", "--file", str(path)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.split("\n") if line]
    assert [r["content"] for r in records] == texts


def test_score_file_missing_or_not_utf8_is_a_usage_error(tmp_path):
    missing = runner.invoke(app, ["score", "--file", str(tmp_path / "none.txt")])
    assert missing.exit_code == 2 and "cannot read" in missing.output and "No such file" in missing.output
    assert "Traceback" not in missing.output
    korean = tmp_path / "kr.txt"
    korean.write_bytes("북한이 미사일을 발사했다".encode("cp949"))
    bad = runner.invoke(app, ["score", "--file", str(korean)])
    assert bad.exit_code == 2 and "is not UTF-8 text" in " ".join(bad.output.split())
