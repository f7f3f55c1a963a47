"""Deployment of the weekly flow: a cron schedule served by this process, against a real Prefect API.

`flow.serve` cannot schedule against Prefect's ephemeral API (it warns and nothing ever runs), so when no
server is configured (PREFECT_API_URL unset) we start `prefect server start` on loopback for as long as we
serve, and stop it on exit. Its database lives in PREFECT_HOME, so past runs stay visible in the UI.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from prefect.schedules import Cron
from prefect.settings import PREFECT_API_URL, temporary_settings

from flows.api import die_with_parent, free_port, stop, wait_until_healthy
from tension.config import SCHEDULE_CRON, SCHEDULE_TIMEZONE


def deployment_name() -> str:
    """The served deployment's name, 'serve-<host>': never prefect.yaml's 'weekly', whose work pool a served
    deployment of the same name would replace on a team server, nor another machine's `tension serve`."""
    return f"serve-{socket.gethostname()}"


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
        # Stopped with `tension serve` even when that is killed outright, instead of left listening on its port.
        preexec_fn=die_with_parent if sys.platform == "linux" else None,
    )
    try:
        wait_until_healthy(server, api_url, startup_timeout, interval=0.5)
        os.environ["PREFECT_API_URL"] = api_url  # for flow-run subprocesses
        with temporary_settings(updates={PREFECT_API_URL: api_url}):  # for this process (settings are cached)
            yield api_url
    finally:
        os.environ.pop("PREFECT_API_URL", None)
        stop(server)


def serve_weekly(parameters: dict, cron: str = SCHEDULE_CRON, timezone: str = SCHEDULE_TIMEZONE) -> None:
    """Register the weekly deployment with its schedule and run scheduled flow runs until interrupted."""
    from flows.weekly import tension_flow

    tension_flow.serve(
        name=deployment_name(),
        schedules=[Cron(cron, timezone=timezone)],
        parameters=parameters,
        description="Weekly tension index: ingest the inbox, score, publish the database, write the report.",
        tags=["tension"],
        pause_on_shutdown=False,
    )
