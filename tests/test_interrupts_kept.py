"""A Ctrl-C that arrives while DuckDB runs a statement stops the run: DuckDB turns the signal into
"RuntimeError: Query interrupted" and loses the KeyboardInterrupt, and in a Prefect task that error was retried, so the
run went on (seen: `tension run` interrupted while storing a batch finished the run). store.interrupts_kept gives the
interrupt back; the flow's tasks that run DuckDB in the flow's process run in it."""

from __future__ import annotations

import inspect
import os
import signal
import threading

import duckdb
import pytest

from tension.warehouse.store import interrupts_kept

LONG = "select count(*) from range(200000000) a, range(100) b where a.range * b.range % 7 = 3"  # minutes


def _ctrl_c_soon() -> threading.Timer:
    timer = threading.Timer(0.3, lambda: os.kill(os.getpid(), signal.SIGINT))
    timer.start()
    return timer


def test_duckdb_alone_turns_a_ctrl_c_into_a_runtime_error() -> None:
    # the premise: if a DuckDB release stops doing this, interrupts_kept is no longer needed
    con = duckdb.connect()
    _ctrl_c_soon()
    with pytest.raises(RuntimeError, match="Query interrupted"):
        con.execute(LONG).fetchall()


def test_a_ctrl_c_during_a_statement_is_a_keyboard_interrupt_again() -> None:
    con = duckdb.connect()
    _ctrl_c_soon()
    with pytest.raises(KeyboardInterrupt):
        with interrupts_kept():
            con.execute(LONG).fetchall()


def test_other_errors_pass_through_unchanged() -> None:
    con = duckdb.connect()
    with pytest.raises(duckdb.CatalogException):
        with interrupts_kept():
            con.execute("select * from no_such_table")
    with pytest.raises(RuntimeError, match="something else"):
        with interrupts_kept():
            raise RuntimeError("something else")


def test_the_flow_tasks_that_write_the_database_keep_interrupts() -> None:
    from flows import weekly

    for task in (weekly.prepare, weekly.store, weekly.finish, weekly.publish, weekly.report):
        assert "with interrupts_kept():" in inspect.getsource(task.fn), task.name
    assert "with interrupts_kept(), run.workspace(db)" in inspect.getsource(weekly.tension_flow.fn)
