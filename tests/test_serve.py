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

pytestmark = pytest.mark.slow  # a real `tension serve` process and its Prefect server

def post(url: str, body: dict) -> list[dict]:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"content-type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)

def test_serve_registers_the_schedule_and_stops_cleanly_on_ctrl_c(tmp_path):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update(PREFECT_HOME=str(tmp_path / "prefect-home"), PYTHONUNBUFFERED="1")
    serve = subprocess.Popen(
        [sys.executable, "-m", "tension.cli", "serve", "--cron", "*/5 * * * *", "--timezone", "Asia/Seoul",
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
        [deployment] = post(f"{api}/deployments/filter", {"deployments": {"name": {"any_": ["weekly"]}}})
        [schedule] = deployment["schedules"]
        assert schedule["schedule"]["cron"] == "*/5 * * * *"
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
        assert all(int(m) % 5 == 0 for m in minutes)
    finally:
        serve.send_signal(signal.SIGINT)
        rest, _ = serve.communicate(timeout=60)
        output.append(rest)
    assert serve.returncode == 0, "".join(output)[-3000:]
    assert "stopped" in "".join(output)
    with socket.socket() as sock:  # the server we started is gone
        assert sock.connect_ex(("127.0.0.1", port)) != 0
