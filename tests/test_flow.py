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


def test_a_served_run_logs_what_tension_run_prints_and_fails_when_everything_is_rejected(harness, tmp_path, capfd):
    """A served or deployed run has only its log: the summary `tension run` prints goes there (session 23's
    operator saw 'Completed' and no word when every record of a CSV named .jsonl was rejected)."""
    from flows.weekly import EveryDocumentRejected, tension_flow

    inbox = tmp_path / "inbox"
    shutil.copytree(SEEDS, inbox)
    db, reports = tmp_path / "t.duckdb", tmp_path / "reports"
    tension_flow(inbox=[str(inbox)], db=str(db), reports=str(reports), make_report=False)
    logged = capfd.readouterr().err  # Prefect's console handler: what `tension serve` shows
    assert " - documents: 1 read, 1 new, 0 rejected; statements added: 13\n" in logged
    assert " - DPRK–ROK 2024-W05: " in logged

    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "week.jsonl").write_text('{"body": "no date here"}\n{"body": "nor here"}\n', encoding="utf-8")
    with pytest.raises(EveryDocumentRejected, match="every document read was rejected"):
        tension_flow(inbox=[str(bad)], db=str(db), reports=str(reports), make_report=False, fields={"text": "body"})
    logged = capfd.readouterr().err
    assert " - documents: 0 read, 0 new, 2 rejected; statements added: 0\n" in logged, logged
    assert " -   rejected 2 records: " in logged
    assert "Finished in state Failed(" in logged
