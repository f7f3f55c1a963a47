"""A real local Dask cluster (issue 17, point 4): a scheduler and two workers started in another directory run the
analysis of `tension run --task-runner tcp://...` with relative --inbox and --db, and the tables and Parquet rows
equal those of the default runner; when the workers cannot see the inbox (a mount namespace hides it from them
only), the run exits non-zero and leaves the file to the next run instead of recording it as stored.

Needs the `dask` extra (pip install -e '.[dask]'); the second test also needs `unshare` (Linux mount namespaces)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from contextlib import contextmanager

import duckdb
import pytest

from conftest import ROOT
from flows.api import free_port
from test_crash import parquet_rows, tables

pytestmark = pytest.mark.slow  # a real Dask cluster and real tension run processes

distributed = pytest.importorskip("distributed", reason="the Dask tests need the dask extra: pip install -e '.[dask]'")
pytest.importorskip("prefect_dask", reason="the Dask tests need the dask extra: pip install -e '.[dask]'")

TEXTS = ["North Korea's foreign ministry denounced the South Korean military drills as a rehearsal for invasion.",
         "Seoul condemned the missile launch as a grave provocation, the Joint Chiefs of Staff said.",
         "Russia's foreign ministry warned Seoul that arms supplies to Ukraine would destroy relations."]


def can_hide_folders() -> bool:
    if sys.platform != "linux" or not shutil.which("unshare"):
        return False
    probe = subprocess.run(["unshare", "-m", "--propagation", "private", "true"], capture_output=True)
    return probe.returncode == 0


@contextmanager
def cluster(folder, hide=None):
    """A scheduler and two single-threaded workers started in `folder`; `hide`: a folder the workers see empty."""
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    bin_dir = os.path.dirname(sys.executable)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    env["PATH"] = f"{bin_dir}:{env.get('PATH', '')}"
    worker = [sys.executable, "-m", "distributed.cli.dask_worker", address, "--nthreads", "1", "--no-dashboard",
              "--local-directory", str(folder)]
    if hide is not None:
        worker = ["unshare", "-m", "--propagation", "private", "sh", "-c",
                  f'mount -t tmpfs none "$0" && exec "$@"', str(hide), *worker]
    processes = [subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
                                   "--port", str(port), "--no-dashboard"], cwd=folder, env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)]
    try:
        processes += [subprocess.Popen(worker, cwd=folder, env=env, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL, start_new_session=True) for _ in range(2)]
        with distributed.Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=120)
        yield address
    finally:
        for process in reversed(processes):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def tension_run(cwd, runner: str, db: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    env["PREFECT_HOME"] = str(cwd / "prefect-home")
    return subprocess.run(
        [sys.executable, "-m", "tension.cli", "run", "--inbox", "inbox", "--db", db, "--no-report",
         "--task-runner", runner, "--workers", "2", "--batch-size", "50"],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=900)


def make_inbox(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    shutil.copy(ROOT / "seeds" / "000_e318909af9d05ecd.txt", inbox)
    shutil.copy(ROOT / "seeds" / "000_e318909af9d05ecd.meta.yaml", inbox)
    with open(inbox / "batch.jsonl", "w") as handle:
        for n in range(200):
            handle.write(json.dumps({"text": f"{TEXTS[n % 3]} {TEXTS[(n + 1) % 3]} Report {n}.",
                                     "published": f"2024-02-{1 + n % 28:02d}"}) + "\n")
    return inbox


def test_a_dask_cluster_started_elsewhere_gives_the_default_runners_tables(tmp_path):
    make_inbox(tmp_path)
    default = tension_run(tmp_path, "threads", "default/t.duckdb")
    assert default.returncode == 0, default.stderr[-3000:]
    (tmp_path / "dask").mkdir()
    # The workers share nothing with the flow but the inbox: where the database and its staging folder live is
    # an empty folder to them when they can be kept from it, so staged batches must come back through Dask.
    with cluster(tmp_path / "elsewhere", hide=tmp_path / "dask" if can_hide_folders() else None) as address:
        dask = tension_run(tmp_path, address, "dask/t.duckdb")
    assert dask.returncode == 0, dask.stderr[-3000:]
    assert tables(tmp_path / "dask" / "t.duckdb") == tables(tmp_path / "default" / "t.duckdb")
    assert parquet_rows(tmp_path / "dask" / "parquet") == parquet_rows(tmp_path / "default" / "parquet")
    with duckdb.connect(str(tmp_path / "dask" / "t.duckdb"), read_only=True) as con:
        assert con.execute("select count(*) from documents").fetchone()[0] == 201


@pytest.mark.skipif(not can_hide_folders(), reason="needs unshare with mount namespaces (Linux, privileges)")
def test_workers_that_cannot_see_the_inbox_fail_the_run_and_leave_the_file(tmp_path):
    inbox = make_inbox(tmp_path)
    with cluster(tmp_path / "elsewhere", hide=inbox) as address:
        blind = tension_run(tmp_path, address, "data/t.duckdb")
    assert blind.returncode != 0
    assert "could not be read by the workers" in blind.stdout + blind.stderr
    # the command's last word is its own message and exit 1 (Prefect's log above it keeps the failed flow's trace)
    assert blind.returncode == 1 and blind.stderr.strip().splitlines()[-1].startswith("error: 2 file(s) could not be "
                                                                                       "read"), blind.stderr[-3000:]
    db = tmp_path / "data" / "t.duckdb"
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from inbox_files").fetchone()[0] == 0
        assert con.execute("select count(*) from rejected_documents").fetchone()[0] == 0
        assert con.execute("select count(*) from documents").fetchone()[0] == 0
    sighted = tension_run(tmp_path, "threads", "data/t.duckdb")
    assert sighted.returncode == 0, sighted.stderr[-3000:]
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select count(*) from documents").fetchone()[0] == 201
        assert con.execute("select count(*) from inbox_files").fetchone()[0] == 2
