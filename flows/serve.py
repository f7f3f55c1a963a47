"""Deployment of the weekly flow: a cron schedule served by this process, against a real Prefect API.

`flow.serve` cannot schedule against Prefect's ephemeral API (it warns and nothing ever runs), so when no
server is configured (PREFECT_API_URL unset) we start `prefect server start` on loopback for as long as we
serve, and stop it on exit. Its database lives in PREFECT_HOME, so past runs stay visible in the UI.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager

from prefect.schedules import Cron
from prefect.settings import PREFECT_API_URL, temporary_settings

DEFAULT_CRON = "0 6 * * 1"  # Monday 06:00
DEFAULT_TIMEZONE = "Asia/Seoul"
DEPLOYMENT_NAME = "weekly"


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _healthy(api_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{api_url}/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


@contextmanager
def prefect_api(port: int | None = None, startup_timeout: float = 90.0) -> Iterator[str]:
    """The configured Prefect API, or a server started on loopback for the duration of the block."""
    configured = os.environ.get("PREFECT_API_URL")
    if configured:
        yield configured
        return
    port = port or free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    server = subprocess.Popen(
        [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port),
         "--analytics-off"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    try:
        deadline = time.monotonic() + startup_timeout
        while not _healthy(api_url):
            if server.poll() is not None:
                raise RuntimeError(f"prefect server exited with code {server.returncode} while starting")
            if time.monotonic() > deadline:
                raise RuntimeError(f"prefect server did not answer on {api_url} within {startup_timeout:.0f} s")
            time.sleep(0.5)
        os.environ["PREFECT_API_URL"] = api_url  # for flow-run subprocesses
        with temporary_settings(updates={PREFECT_API_URL: api_url}):  # for this process (settings are cached)
            yield api_url
    finally:
        os.environ.pop("PREFECT_API_URL", None)
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)


def serve_weekly(parameters: dict, cron: str = DEFAULT_CRON, timezone: str = DEFAULT_TIMEZONE) -> None:
    """Register the weekly deployment with its schedule and run scheduled flow runs until interrupted."""
    from flows.weekly import tension_flow

    tension_flow.serve(
        name=DEPLOYMENT_NAME,
        schedules=[Cron(cron, timezone=timezone)],
        parameters=parameters,
        description="Weekly tension index: ingest the inbox, score, publish the database, write the report.",
        tags=["tension"],
        pause_on_shutdown=False,
    )
