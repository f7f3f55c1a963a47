"""Ctrl-C in the terminal of a `tension run` (SIGINT to its whole process group, worker processes included) stops the
run at once and says what was kept. Before: the workers' KeyboardInterrupt broke their pool, and the flow process,
stopped, waited at exit for workers nobody told to end — the run hung until SIGKILL (session 21's tester, 4 of 4
tries with the processes runner, the default for inboxes over a few MB)."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time

import duckdb
import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow  # real runs of the flow, with worker processes

SENTENCES = [
    "The defence ministry in Seoul said it had tracked an artillery drill across the border on Tuesday.",
    "A spokesman in Pyongyang accused the South of staging provocations and warned of a firm answer.",
    "Moscow's envoy met the unification minister to discuss fishing rights and a rail link.",
]


def _inbox(folder, count: int = 12000):
    folder.mkdir()
    with open(folder / "reports.jsonl", "w") as handle:
        for n in range(count):
            text = " ".join(SENTENCES[(n + k) % len(SENTENCES)] for k in range(1 + n % 3))
            handle.write(json.dumps({"id": f"r{n}", "text": f"{text} Item {n}.",
                                     "published": f"2024-0{1 + n % 9}-{1 + n % 28:02d}"}) + "\n")
    return folder


def _tension(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tension.cli", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=600, **kwargs)


def test_ctrl_c_stops_a_run_with_worker_processes_and_nothing_is_lost(tmp_path):
    inbox, db = _inbox(tmp_path / "inbox"), tmp_path / "db" / "t.duckdb"
    args = ["run", "-i", str(inbox), "--db", str(db), "--no-report", "--task-runner", "processes", "--workers", "2",
            "--batch-size", "1000"]
    log = tmp_path / "run.log"
    with open(log, "w") as out:
        process = subprocess.Popen([sys.executable, "-m", "tension.cli", *args], cwd=ROOT, stdout=out,
                                   stderr=subprocess.STDOUT, text=True, start_new_session=True,
                                   env={**os.environ, "PREFECT_LOGGING_LEVEL": "INFO"},  # the batch lines
                                   preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        deadline = time.monotonic() + 300
        while not re.search(r"batch 1/\d+ stored", log.read_text()):  # stopped part-way, as a user would
            assert process.poll() is None and time.monotonic() < deadline, log.read_text()[-3000:]
            time.sleep(0.2)
        os.killpg(process.pid, signal.SIGINT)  # a terminal's Ctrl-C: the whole process group
        process.wait(timeout=90)  # a hang guard only (it hung until SIGKILL before)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    output = log.read_text()
    assert process.returncode == 130, output[-3000:]
    assert "stopped: Ctrl-C ended the run" in output and f"tension publish --db {db}" in output
    assert "Traceback" not in output and "Exception in thread" not in output, output[-3000:]

    # nothing published yet; the message says why and what to do
    refused = _tension("sql", "select count(*) from documents", "--db", str(db))
    assert refused.returncode == 2 and "tension publish --db" in refused.stderr, refused.stderr

    # the next run keeps what was stored and stores the rest, once
    again = _tension(*args)
    assert again.returncode == 0, again.stdout[-3000:] + again.stderr[-3000:]
    with duckdb.connect(str(db), read_only=True) as con:
        documents, distinct = con.execute("select count(*), count(distinct doc_id) from documents").fetchone()
        statements, keys = con.execute(
            "select count(*), count(distinct (doc_id, seq)) from statements").fetchone()
    assert documents == distinct == 12000
    assert statements == keys > 0
