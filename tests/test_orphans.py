"""No process left behind (issue 17, point 5): SIGKILL of the flow process alone (`tension run` with worker
processes) or of `tension serve` ends everything they started — workers, the multiprocessing resource tracker,
the Prefect API server — within seconds, instead of leaving them running under PID 1."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import psutil
import pytest

from conftest import ROOT
from flows.api import free_port, healthy

TEXT = ("Pyongyang threatened Seoul with war over the drills, the foreign ministry said. Seoul condemned the launch "
        "as a grave provocation. ") * 3


def descendants(pid: int) -> list[psutil.Process]:
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


def command_line(process: psutil.Process) -> str:
    try:
        return " ".join(process.cmdline())
    except psutil.Error:  # ended since it was listed
        return ""


def wait_for(condition, timeout: float, interval: float = 0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if found := condition():
            return found
        time.sleep(interval)
    return condition()


def alive(processes: list[psutil.Process]) -> list[str]:
    left = []
    for process in processes:
        try:
            if process.is_running() and process.status() != psutil.STATUS_ZOMBIE:
                left.append(f"{process.pid} {' '.join(process.cmdline())[:150]}")
        except psutil.NoSuchProcess:
            pass
    return left


def kill_and_check(process: subprocess.Popen, started: list[psutil.Process]) -> None:
    os.kill(process.pid, signal.SIGKILL)  # the flow process alone, not its group
    process.wait(timeout=30)
    left = wait_for(lambda: not alive(started), timeout=30)
    for survivor in alive(started):  # clean up before failing, so one failure does not leak into other tests
        psutil.Process(int(survivor.split()[0])).kill()
    assert left, f"left running after SIGKILL of {process.pid}: {alive(started)}"


@pytest.mark.skipif(sys.platform != "linux", reason="parent-death handling is Linux-specific")
def test_sigkill_of_the_flow_process_leaves_no_worker(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    with open(inbox / "batch.jsonl", "w") as handle:  # enough work that workers are busy when the kill comes
        for number in range(20_000):
            handle.write(json.dumps({"text": f"{TEXT} Item {number}.", "published": "2024-02-01"}) + "\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    env["PREFECT_HOME"] = str(tmp_path / "prefect-home")
    run = subprocess.Popen(
        [sys.executable, "-m", "tension.cli", "run", "--inbox", str(inbox), "--db", str(tmp_path / "t.duckdb"),
         "--no-report", "--task-runner", "processes", "--workers", "2", "--batch-size", "2000"],
        cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        def both_workers_and_the_tracker() -> list:
            found = [command_line(p) for p in descendants(run.pid)]
            workers = [c for c in found if "spawn_main" in c]
            return found if len(workers) >= 2 and any("resource_tracker" in c for c in found) else []

        seen = wait_for(both_workers_and_the_tracker, timeout=180)
        assert run.poll() is None, "the run ended before its workers could be seen"
        assert seen, [command_line(p) for p in descendants(run.pid)]
        started = descendants(run.pid)  # workers, the resource tracker, the API server
    except BaseException:
        run.kill()
        raise
    kill_and_check(run, started)


@pytest.mark.skipif(sys.platform != "linux", reason="parent-death handling is Linux-specific")
def test_sigkill_of_serve_stops_its_prefect_server(tmp_path):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API")}
    env.update(PREFECT_HOME=str(tmp_path / "prefect-home"), PYTHONUNBUFFERED="1")
    serve = subprocess.Popen(
        [sys.executable, "-m", "tension.cli", "serve", "--port", str(port), "--db", str(tmp_path / "t.duckdb"),
         "--reports", str(tmp_path / "reports"), "--inbox", str(tmp_path)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    api = f"http://127.0.0.1:{port}/api"
    try:
        assert wait_for(lambda: healthy(api), timeout=180, interval=1), "the Prefect server did not start"
        started = descendants(serve.pid)
        assert started
    except BaseException:
        serve.kill()
        raise
    kill_and_check(serve, started)
    assert not healthy(api)
