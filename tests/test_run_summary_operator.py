"""What a weekly run tells its operator about where its documents went and what an upgrade changed (session 23's
tester, an operator feeding one week's file at a time): a file that arrives after a later week's run is named as
late, with the weeks it changed; statements an upgrade scored again are counted, with the versions."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tension import run
from tension.run_summary import rescored_lines, summary_lines, weeks_lines
from tension.warehouse import store

from conftest import SEEDS

FIELDS = {"text": "body", "published": "day"}


def week_file(folder: Path, name: str, day: str, n: int) -> Path:
    """A JSONL file of `n` short news items of our own, all published on `day`."""
    path = folder / name
    lines = [json.dumps({"id": f"{name}-{i}", "day": day,
                         "body": f"North Korea fired a ballistic missile into the East Sea, item {i} of {name}, "
                                 f"South Korea's military said on day {day}."}) for i in range(n)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_file_that_arrives_after_a_later_weeks_run_is_named_late(tmp_path):
    inbox, db = tmp_path / "inbox", tmp_path / "t.duckdb"
    inbox.mkdir()
    week_file(inbox, "w02.jsonl", "2024-01-09", 3)
    first = run.run_local([inbox], db, fields=FIELDS)
    assert first["weeks_added"] == [("2024-W02", 3)] and first["late_weeks"] == []
    week_file(inbox, "w04.jsonl", "2024-01-23", 2)
    on_time = run.run_local([inbox], db, fields=FIELDS)
    assert on_time["weeks_added"] == [("2024-W04", 2)] and on_time["late_weeks"] == []
    assert not any(line.startswith("late:") for line in weeks_lines(on_time))
    week_file(inbox, "w03.jsonl", "2024-01-16", 4)  # a week's file that came after the next week's run
    late = run.run_local([inbox], db, fields=FIELDS)
    assert late["weeks_added"] == [("2024-W03", 4)] and late["late_weeks"] == ["2024-W03"]
    lines = weeks_lines(late)
    assert lines[0] == "documents added by week: 2024-W03 4"
    assert lines[1].startswith("late: 2024-W03 received documents after later weeks were stored")
    assert "tension report --week 2024-W03" in lines[1]
    with store.connect(db, read_only=True) as con:  # the runs table tells it too (an on-time run has no note)
        notes = [note for (note,) in con.execute("select note from runs order by started_at").fetchall()]
    assert notes == ["", "", "late: 2024-W03 received 4 documents after later weeks were stored (their figures "
                             "changed; reports written earlier were not)"]


def test_a_first_run_over_several_weeks_is_not_late(tmp_path):
    inbox, db = tmp_path / "inbox", tmp_path / "t.duckdb"
    inbox.mkdir()
    week_file(inbox, "a.jsonl", "2024-01-09", 2)
    week_file(inbox, "b.jsonl", "2024-01-23", 1)
    result = run.run_local([inbox], db, fields=FIELDS)
    assert result["weeks_added"] == [("2024-W02", 2), ("2024-W04", 1)] and result["late_weeks"] == []
    assert [line for line in summary_lines({**result, "report": None}, db, None) if line.startswith("late")] == []


def test_an_upgrade_that_scores_stored_statements_again_says_so(seed_run, tmp_path):
    db = tmp_path / "t.duckdb"
    shutil.copy(seed_run["database"], db)
    with store.connect(db) as con:  # as an older release left it: its scorer's version, no score under ours
        store.set_setting(con, "scorer_version", "3-older")
        con.execute("delete from scores")
        n = con.execute("select count(*) from statements").fetchone()[0]
    result = run.run_local([SEEDS], db)
    assert result["documents_seen"] == 0  # the seed is unchanged: nothing read, everything scored again
    assert result["rescored"] == n and result["scorer_before"] == "3-older"
    line, = rescored_lines(result)
    assert line.startswith(f"{n} stored statements scored again under this release's scorer {result['scorer_now']} "
                           "(they were scored under 3-older)")
    again = run.run_local([SEEDS], db)
    assert again["rescored"] == 0 and rescored_lines(again) == []


def test_runs_warns_when_a_runs_publication_failed(seed_run, tmp_path, monkeypatch):
    """The operator's full disk: the run said 'could not publish', and `tension runs` then listed only older runs,
    all completed, with nothing pending in sight."""
    from typer.testing import CliRunner

    from tension.cli import app
    from tension.warehouse import publish

    db = tmp_path / "t.duckdb"
    shutil.copy(seed_run["database"], db)
    run.run_local([SEEDS], db)  # a working copy next to the published file, everything published
    listed = CliRunner().invoke(app, ["runs", "--db", str(db)])
    assert listed.exit_code == 0 and "warning:" not in listed.stderr

    def full_disk(source, destination):
        raise OSError(28, "No space left on device")

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    week_file(inbox, "w02.jsonl", "2024-01-09", 2)
    monkeypatch.setattr(publish.shutil, "copyfile", full_disk)
    try:
        run.run_local([inbox], db, fields=FIELDS)
    except OSError as error:
        assert "could not publish" in str(error)
    else:
        raise AssertionError("the publication should have failed")
    monkeypatch.undo()
    listed = CliRunner().invoke(app, ["runs", "--db", str(db)])
    assert listed.exit_code == 0
    assert publish.unpublished(publish.Workspace(db))  # the failed run's id
    assert "stored changes that are not published yet" in listed.stderr and f"tension publish --db {db}" in listed.stderr
    run.publish_pending(db)
    assert "warning:" not in CliRunner().invoke(app, ["runs", "--db", str(db)]).stderr


def test_reread_names_the_files_an_older_extractor_read_that_are_gone(tmp_path):
    """The operator archived a week's file out of the inbox, upgraded and ran --reread: the run again said '11
    stored documents were read by an older extractor … run again with --reread', which could not help."""
    from tension.run_summary import extractor_lines

    inbox, archive, db = tmp_path / "inbox", tmp_path / "archive", tmp_path / "t.duckdb"
    inbox.mkdir()
    archive.mkdir()
    kept = week_file(inbox, "w02.jsonl", "2024-01-09", 2)
    moved = week_file(inbox, "w03.jsonl", "2024-01-16", 3)
    run.run_local([inbox], db, fields=FIELDS)
    with store.connect(store.working_copy(db)) as con:  # as an older release's extractor left them (runs read the
        con.execute("update documents set extractor_version = 'older'")  # working copy next to the published file)
    moved.rename(archive / moved.name)
    result = run.run_local([inbox], db, fields=FIELDS, reread=True)
    assert result["documents_reextracted"] == 2 and result["documents_stale"] == 3
    assert result["stale_files_gone"] == [str(moved)] and str(kept) not in result["stale_files_gone"]
    stale, gone = extractor_lines(result)[-2:]
    assert stale.startswith("3 stored documents were read by an older extractor")
    assert f"files are no longer where they were read ({moved})" in gone


def test_a_deleted_published_file_is_not_blamed_on_an_interrupted_run(tmp_path):
    """The operator deleted the published database between runs: `tension runs` said a run 'stopped before publishing
    (interrupted?)'. The working copy records that it was published: the file is missing, not unpublished."""
    import pytest

    inbox, db = tmp_path / "inbox", tmp_path / "t.duckdb"
    inbox.mkdir()
    week_file(inbox, "w02.jsonl", "2024-01-09", 1)
    run.run_local([inbox], db, fields=FIELDS)
    db.unlink()
    with pytest.raises(FileNotFoundError, match="it was published before and is missing now") as error:
        store.connect(db, read_only=True)
    assert "interrupted" not in str(error.value) and f"tension publish --db {db}" in str(error.value)


def test_a_late_file_rewrites_the_report_its_week_already_has(tmp_path):
    """The operator expected the reports folder to be right after a run: a week's file that came after the next
    week's run changed 2024-W02, whose report the first run had written, and the run said 'a report written earlier
    for it is not rewritten'. Now the run writes that report again; a late week with no report stays without one."""
    from test_report import pdf_text

    inbox, db, reports = tmp_path / "inbox", tmp_path / "t.duckdb", tmp_path / "reports"
    inbox.mkdir()
    week_file(inbox, "w02.jsonl", "2024-01-14", 3)  # a Sunday: 2024-W02 is complete, and reported
    first = run.run_local([inbox], db, fields=FIELDS, reports=reports)
    w02 = reports / "all_2024-W02.pdf"
    assert first["report"] == str(w02) and first["reports_rewritten"] == []
    assert "1 of 7 days read" in pdf_text(w02)
    week_file(inbox, "w04.jsonl", "2024-01-28", 2)
    assert run.run_local([inbox], db, fields=FIELDS, reports=reports)["report"] == str(reports / "all_2024-W04.pdf")
    week_file(inbox, "w02b.jsonl", "2024-01-13", 4)  # late: W02 (reported by the first run) and W03 (never reported)
    week_file(inbox, "w03.jsonl", "2024-01-20", 1)
    late = run.run_local([inbox], db, fields=FIELDS, reports=reports)
    assert late["late_weeks"] == ["2024-W02", "2024-W03"] and late["report"] == str(reports / "all_2024-W04.pdf")
    assert late["reports_rewritten"] == [["2024-W02", str(w02)]] and late["reports_not_rewritten"] == []
    assert "2 of 7 days read" in pdf_text(w02)  # the late file's Saturday is in it now
    assert not (reports / "all_2024-W03.pdf").exists()
    said, = [line for line in summary_lines(late, db, None) if line.startswith("late:")]
    assert said.endswith(f"the report written earlier for 2024-W02 was written again: {w02}; no report had been "
                         "written for 2024-W03 (to write one: tension report --week 2024-W03)")
    with store.connect(db, read_only=True) as con:
        note = con.execute("select note from runs order by started_at desc limit 1").fetchone()[0]
    assert note == ("late: 2024-W02 received 4 documents, 2024-W03 received 1 document after later weeks were stored "
                    "(their figures changed; the report written earlier for 2024-W02 was written again; no report had "
                    "been written for 2024-W03)")


def test_a_late_week_that_is_the_runs_own_report_is_written_once(tmp_path):
    """`tension run --week 2024-W02` after a late file for W02: the run's report is that week's; it counts as written
    again, and is not built twice."""
    inbox, db, reports = tmp_path / "inbox", tmp_path / "t.duckdb", tmp_path / "reports"
    inbox.mkdir()
    week_file(inbox, "w02.jsonl", "2024-01-14", 1)
    week_file(inbox, "w04.jsonl", "2024-01-28", 1)
    run.run_local([inbox], db, fields=FIELDS, reports=reports, week="2024-W02")
    w02 = reports / "all_2024-W02.pdf"
    before = w02.stat().st_mtime_ns
    week_file(inbox, "w02b.jsonl", "2024-01-13", 1)
    late = run.run_local([inbox], db, fields=FIELDS, reports=reports, week="2024-W02")
    assert late["report"] == str(w02) and late["reports_rewritten"] == [["2024-W02", str(w02)]]
    assert w02.stat().st_mtime_ns > before
    assert sorted(p.name for p in reports.glob("*.pdf")) == ["all_2024-W02.pdf"]


def test_a_run_that_writes_no_report_says_the_late_weeks_reports_are_as_they_were(tmp_path):
    """--no-report (the flow's make_report off): no report is written, none written again, and the run says so."""
    inbox, db, reports = tmp_path / "inbox", tmp_path / "t.duckdb", tmp_path / "reports"
    inbox.mkdir()
    week_file(inbox, "w02.jsonl", "2024-01-14", 1)
    run.run_local([inbox], db, fields=FIELDS, reports=reports)
    w02 = reports / "all_2024-W02.pdf"
    before = w02.stat().st_mtime_ns
    week_file(inbox, "w04.jsonl", "2024-01-28", 1)
    run.run_local([inbox], db, fields=FIELDS)
    week_file(inbox, "w02b.jsonl", "2024-01-13", 1)
    late = run.run_local([inbox], db, fields=FIELDS)  # no reports folder: the run writes no report
    assert "reports_rewritten" not in late and w02.stat().st_mtime_ns == before
    assert weeks_lines(late)[1].endswith("a report written earlier for it is not rewritten (to write it now: tension "
                                         "report --week 2024-W02)")


def test_a_reread_of_earlier_weeks_is_not_late_and_adds_nothing(tmp_path):
    """Session 25's tester ran --reread after an actor-file change: every earlier week was named 'late' ('received
    documents after later weeks were stored') and 'added', though the run only extracted stored documents again. A
    week's documents read again are not new; a new file for an earlier week in the same run still is late."""
    inbox, db = tmp_path / "inbox", tmp_path / "t.duckdb"
    inbox.mkdir()
    week_file(inbox, "w02.jsonl", "2024-01-09", 2)
    week_file(inbox, "w04.jsonl", "2024-01-23", 1)
    run.run_local([inbox], db, fields=FIELDS)
    with store.connect(store.working_copy(db)) as con:  # as an older release's extractor left them
        con.execute("update documents set extractor_version = 'older' where published < '2024-01-20'")
    again = run.run_local([inbox], db, fields=FIELDS, reread=True)
    assert again["documents_reextracted"] == 2
    assert again["weeks_added"] == [] and again["late_weeks"] == []
    assert not any(line.startswith(("late:", "documents added by week")) for line in weeks_lines(again))
    with store.connect(store.working_copy(db)) as con:
        con.execute("update documents set extractor_version = 'older' where published < '2024-01-20'")
    week_file(inbox, "w03.jsonl", "2024-01-16", 3)  # a late week's file, in a run that also reads W02 again
    mixed = run.run_local([inbox], db, fields=FIELDS, reread=True)
    assert mixed["documents_reextracted"] == 2
    assert mixed["weeks_added"] == [("2024-W03", 3)] and mixed["late_weeks"] == ["2024-W03"]
