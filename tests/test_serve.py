"""`tension serve`: starts a Prefect server on loopback, registers the scheduled deployment, stops on Ctrl-C."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from conftest import ROOT
from flows.api import free_port
from flows.serve import deployment_name

pytestmark = pytest.mark.slow  # a real `tension serve` process and its Prefect server

def post(url: str, body: dict) -> list[dict]:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"content-type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)

def test_serve_registers_the_schedule_and_stops_cleanly_on_ctrl_c(tmp_path):
    port = free_port()
    # Hourly, half an hour from now: no run falls due while the test runs (a "*/5" schedule started a run when the
    # test crossed a five-minute mark, and that serve process then ignored Ctrl-C: session 10's full run).
    minute = (time.gmtime().tm_min + 30) % 60
    cron = f"{minute} * * * *"
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update(PREFECT_HOME=str(tmp_path / "prefect-home"), PYTHONUNBUFFERED="1")
    serve = subprocess.Popen(
        [sys.executable, "-m", "tension.cli", "serve", "--cron", cron, "--timezone", "Asia/Seoul",
         "--port", str(port), "--db", str(tmp_path / "t.duckdb"), "--reports", str(tmp_path / "reports")],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    output = []
    try:
        deadline = time.monotonic() + 120
        for line in serve.stdout:
            output.append(line)
            if "being served" in line or time.monotonic() > deadline:
                break
        assert any("being served" in line for line in output), "".join(output)
        api = f"http://127.0.0.1:{port}/api"
        [deployment] = post(f"{api}/deployments/filter", {"deployments": {"name": {"any_": [deployment_name()]}}})
        [schedule] = deployment["schedules"]
        assert schedule["schedule"]["cron"] == cron
        assert schedule["schedule"]["timezone"] == "Asia/Seoul"
        assert deployment["parameters"]["db"] == str(tmp_path / "t.duckdb")
        scheduled = []
        for _ in range(60):  # the server's scheduler fills in the next runs within seconds
            scheduled = post(f"{api}/flow_runs/filter", {"flow_runs": {
                "deployment_id": {"any_": [deployment["id"]]}, "state": {"type": {"any_": ["SCHEDULED"]}}}})
            if scheduled:
                break
            time.sleep(1)
        assert scheduled, "no scheduled runs were created"
        minutes = {run["expected_start_time"][14:16] for run in scheduled}
        assert minutes == {f"{minute:02d}"}  # (Seoul is a whole number of hours from UTC)
    finally:
        serve.send_signal(signal.SIGINT)
        rest, _ = serve.communicate(timeout=60)
        output.append(rest)
    assert serve.returncode == 0, "".join(output)[-3000:]
    assert "stopped" in "".join(output)
    # Prefect's own hint lacks the API address another shell needs: ours gives it
    assert (f"PREFECT_API_URL=http://127.0.0.1:{port}/api prefect deployment run 'tension-weekly/{deployment_name()}'"
            in "".join(output))
    with socket.socket() as sock:  # the server we started is gone
        assert sock.connect_ex(("127.0.0.1", port)) != 0


def test_served_deployment_cannot_take_over_the_work_pool_deployment():
    """prefect.yaml's deployments (with their work pool) and `tension serve`'s are different deployments on a
    shared server: re-registering one never rewrites the other."""
    import yaml

    config = yaml.safe_load((ROOT / "prefect.yaml").read_text())
    assert deployment_name() not in {d["name"] for d in config["deployments"]}
    assert deployment_name().startswith("serve-")


def test_the_worker_finds_its_clone_when_it_runs_not_when_deploying():
    """`prefect deploy` fills `{{ $VAR }}` from the deploying machine's environment and keeps it in the deployment;
    the worker's clone is read by a pull step on the worker (checked with a real server: deployed with
    TENSION_HOME=/deploying/machine/path, the worker with TENSION_HOME elsewhere ran the flow there)."""
    import yaml

    config = yaml.safe_load((ROOT / "prefect.yaml").read_text())
    steps = config["pull"]
    assert "{{ $" not in json.dumps(steps)
    [(shell, reader), (step, directory)] = [next(iter(s.items())) for s in steps]
    assert shell.endswith("run_shell_script") and reader["script"] == "printenv TENSION_HOME"
    assert step.endswith("set_working_directory") and directory["directory"] == "{{ tension-home.stdout }}"
