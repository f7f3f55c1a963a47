"""A Ctrl-C that arrives while DuckDB runs a statement stops the run: DuckDB turns the signal into
"RuntimeError: Query interrupted" and loses the KeyboardInterrupt, and in a Prefect task that error was retried, so the
run went on (seen: `tension run` interrupted while storing a batch finished the run). store.interrupts_kept gives the
interrupt back; the flow's tasks that run DuckDB in the flow's process run in it."""

from __future__ import annotations

import inspect
import subprocess
import sys

import duckdb
import pytest

from conftest import ROOT
from tension.warehouse.store import interrupts_kept

# In a fresh interpreter (pytest's own process, like any that has imported pyarrow, as tension does, sees the
# interrupt only when the statement ends — DuckDB's error is the same then; a statement of a few seconds keeps it
# short, and the Ctrl-C lands 0.3 s into it).
SCRIPT = """
import os, signal, sys, threading
import duckdb
from tension.warehouse.store import interrupts_kept
# as a terminal's process has it, whatever this test's process passed on (an ignored or blocked SIGINT is inherited)
signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
signal.signal(signal.SIGINT, signal.default_int_handler)
threading.Timer(0.3, lambda: os.kill(os.getpid(), signal.SIGINT)).start()
con = duckdb.connect()
con.execute("set enable_progress_bar = false")  # (its bar goes to stdout when a statement runs long)
try:
    if sys.argv[1] == "kept":
        with interrupts_kept():
            con.execute(LONG).fetchall()
    else:
        con.execute(LONG).fetchall()
except BaseException as error:
    print(type(error).__name__, error)
"""
LONG = "select count(*) from range(10000000) a, range(100) b where a.range * b.range % 7 = 3"  # seconds


def _interrupted(mode: str) -> str:
    code = SCRIPT.replace("LONG", repr(LONG))
    out = subprocess.run([sys.executable, "-c", code, mode], cwd=ROOT, capture_output=True, text=True,
                         timeout=600).stdout.strip()
    return out.splitlines()[-1] if out else out  # the error's line: on a loaded host DuckDB may print more before it


def test_duckdb_alone_turns_a_ctrl_c_into_a_runtime_error() -> None:
    # the premise: if a DuckDB release stops doing this, interrupts_kept is no longer needed
    assert _interrupted("alone") == "RuntimeError Query interrupted"


def test_a_ctrl_c_during_a_statement_is_a_keyboard_interrupt_again() -> None:
    assert _interrupted("kept") == "KeyboardInterrupt"


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
        assert "with run.interrupts_kept():" in inspect.getsource(task.fn), task.name
    assert "with run.interrupts_kept(), run.workspace(db)" in inspect.getsource(weekly.tension_flow.fn)
