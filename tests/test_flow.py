"""The Prefect flow end to end on the seed, under Prefect's test harness (a real, temporary API)."""

from __future__ import annotations

import shutil

import pytest
from prefect.testing.utilities import prefect_test_harness

from tension.warehouse import store

from conftest import SEEDS

pytestmark = pytest.mark.slow  # Prefect's test harness starts a real API server


@pytest.fixture(scope="module")
def harness():
    with prefect_test_harness():
        yield


def test_flow_writes_database_and_report_and_reruns_add_nothing(harness, tmp_path):
    from flows.weekly import tension_flow

    inbox = tmp_path / "inbox"
    shutil.copytree(SEEDS, inbox)
    db, reports = tmp_path / "data" / "t.duckdb", tmp_path / "reports"
    first = tension_flow(inbox=[str(inbox)], db=str(db), reports=str(reports))
    assert first["documents_new"] == 1 and first["statements_added"] > 10
    assert first["report"].endswith("all_2024-W05.pdf")
    assert (reports / "all_2024-W05.pdf").stat().st_size > 10_000
    with store.connect(db, read_only=True) as con:
        weekly = con.execute(
            "select pair_id, n_statements, index_value from weekly_index where iso_week = '2024-W05' order by 1"
        ).fetchall()
        before = con.execute("select (select count(*) from documents), (select count(*) from statements), "
                             "(select count(*) from scores)").fetchone()
    assert [w[0] for w in weekly] == ["PRK-KOR", "RUS-KOR"]
    assert all(w[1] > 0 and w[2] is not None for w in weekly)

    second = tension_flow(inbox=[str(inbox)], db=str(db), reports=str(reports))
    assert second["documents_new"] == 0 and second["statements_added"] == 0
    with store.connect(db, read_only=True) as con:
        after = con.execute("select (select count(*) from documents), (select count(*) from statements), "
                            "(select count(*) from scores)").fetchone()
    assert after == before


def test_a_served_run_logs_what_tension_run_prints_and_fails_when_everything_is_rejected(harness, tmp_path):
    """A served or deployed run has only its log: the summary `tension run` prints goes there (session 23's
    operator saw 'Completed' and no word when every record of a CSV named .jsonl was rejected)."""
    import logging

    from flows.weekly import EveryDocumentRejected, tension_flow

    class Kept(logging.Handler):  # the flow run's own logger, whatever level this process's Prefect was set up with
        def __init__(self) -> None:
            super().__init__(logging.INFO)
            self.messages: list[str] = []

        def emit(self, record: logging.LogRecord) -> None:
            self.messages.append(record.getMessage())

    logger, kept = logging.getLogger("prefect.flow_runs"), Kept()
    level = logger.level
    logger.addHandler(kept)
    logger.setLevel(logging.INFO)
    try:
        inbox = tmp_path / "inbox"
        shutil.copytree(SEEDS, inbox)
        db, reports = tmp_path / "t.duckdb", tmp_path / "reports"
        tension_flow(inbox=[str(inbox)], db=str(db), reports=str(reports), make_report=False)
        assert "documents: 1 read, 1 new, 0 rejected; statements added: 13" in kept.messages
        assert any(message.startswith("DPRK–ROK 2024-W05: ") for message in kept.messages)

        bad = tmp_path / "bad"
        bad.mkdir()
        (bad / "week.jsonl").write_text('{"body": "no date here"}\n{"body": "nor here"}\n', encoding="utf-8")
        kept.messages.clear()
        with pytest.raises(EveryDocumentRejected, match="every document read was rejected"):
            tension_flow(inbox=[str(bad)], db=str(db), reports=str(reports), make_report=False,
                         fields={"text": "body"})
        assert "documents: 0 read, 0 new, 2 rejected; statements added: 0" in kept.messages
        assert any(message.startswith("  rejected 2 records: ") for message in kept.messages)
        assert any("Finished in state Failed(" in message for message in kept.messages)
    finally:
        logger.removeHandler(kept)
        logger.setLevel(level)


def test_a_served_run_rewrites_the_report_of_a_week_a_late_file_changed(harness, tmp_path):
    """The flow (`tension run`, `tension serve`, a work pool's run) hands finish the reports folder and the report
    step the weeks to write again: a late file for a week whose report is in the folder rewrites it."""
    from flows.weekly import tension_flow
    from tension import run

    from test_run_summary_operator import FIELDS, week_file

    inbox, db, reports = tmp_path / "inbox", tmp_path / "t.duckdb", tmp_path / "reports"
    inbox.mkdir()
    week_file(inbox, "w02.jsonl", "2024-01-14", 1)
    run.run_local([inbox], db, fields=FIELDS, reports=reports)
    w02 = reports / "all_2024-W02.pdf"
    before = w02.stat().st_mtime_ns
    week_file(inbox, "w04.jsonl", "2024-01-28", 1)
    run.run_local([inbox], db, fields=FIELDS)
    week_file(inbox, "w02b.jsonl", "2024-01-13", 1)
    late = tension_flow(inbox=[str(inbox)], db=str(db), reports=str(reports), fields=FIELDS, log_summary=False)
    assert late["late_weeks"] == ["2024-W02"] and late["reports_rewritten"] == [["2024-W02", str(w02)]]
    assert w02.stat().st_mtime_ns > before and late["report"] == str(reports / "all_2024-W04.pdf")
    with store.connect(db, read_only=True) as con:
        note = con.execute("select note from runs order by started_at desc limit 1").fetchone()[0]
    assert note.endswith("(their figures changed; the report written earlier for 2024-W02 was written again)")
