"""Deployment of the weekly flow: a cron schedule served by this process, against a real Prefect API.

`flow.serve` cannot schedule against Prefect's ephemeral API (it warns and nothing ever runs), so when no
server is configured (PREFECT_API_URL unset) we start `prefect server start` on loopback for as long as we
serve, and stop it on exit. Its database lives in PREFECT_HOME, so past runs stay visible in the UI.

Ctrl-C is ours, not Prefect's: left to Prefect, SIGINT sent to this process alone (`kill -INT`, a supervisor) while
a run was in progress waited, without a word, until the run ended — minutes on a large inbox — while a terminal's
Ctrl-C (the whole process group, the run's process too) crashed the run and still printed a bare "stopped". Now
SIGINT stops as SIGTERM does: the run in progress is abandoned at once (Prefect cancels it; batches are committed
whole, so the working copy keeps the batches it stored and the next run publishes them) and the caller is told so.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

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


@dataclass
class Stopped:
    """How serving ended: when Ctrl-C came (None: it did not — SIGTERM, or the runner ended by itself), and how many
    flow runs it abandoned."""

    interrupted_at: datetime | None = None
    abandoned: int = 0


@contextmanager
def ctrl_c_stops(stopped: Stopped) -> Iterator[None]:
    """While the block runs, SIGINT stops serving as SIGTERM does — Prefect's runner cancels the flow runs in
    progress and returns — and records when; before the runner has begun it raises KeyboardInterrupt. Further
    SIGINTs are ignored while it stops (a second Ctrl-C broke the shutdown half-way, with tracebacks). Left alone
    when SIGINT was ignored when this process started (a background job of a non-interactive shell): then only
    SIGTERM stops it, as its starter meant."""
    if signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        yield
        return

    def interrupt(signum: int, frame: object) -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        stopped.interrupted_at = datetime.now(UTC)
        os.write(2, b"Ctrl-C: stopping (a run in progress is abandoned)\n")  # print() may be mid-write here
        runner_stops = signal.getsignal(signal.SIGTERM)
        if not callable(runner_stops):
            raise KeyboardInterrupt  # the runner has not begun: nothing runs yet
        runner_stops(signal.SIGTERM, frame)  # Prefect's Runner.handle_sigterm: cancel runs, end the polling loop

    previous = signal.signal(signal.SIGINT, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def runs_stopped_since(moment: datetime) -> int:
    """How many flow runs of this process's deployment the API shows cancelled, crashed or still running or pending
    since `moment`: the runs a Ctrl-C or a SIGTERM abandoned. Asked of the API, not read off child processes: a run's
    process outlives its 'Completed' by a moment, and a run that had finished is not abandoned."""
    from prefect import get_client
    from prefect.client.schemas.filters import (
        DeploymentFilter, DeploymentFilterName, FlowRunFilter, FlowRunFilterState, FlowRunFilterStateType,
    )
    from prefect.client.schemas.objects import StateType

    # (RUNNING and PENDING too: a run SIGTERM stopped is left Running by Prefect — the operator's finding)
    ended = FlowRunFilterStateType(any_=[StateType.CANCELLED, StateType.CANCELLING, StateType.CRASHED,
                                         StateType.RUNNING, StateType.PENDING])
    with get_client(sync_client=True) as client:
        runs = client.read_flow_runs(
            deployment_filter=DeploymentFilter(name=DeploymentFilterName(any_=[deployment_name()])),
            flow_run_filter=FlowRunFilter(state=FlowRunFilterState(type=ended)))
    return sum(1 for run in runs if run.state and run.state.timestamp >= moment)


def serve_weekly(parameters: dict, cron: str = SCHEDULE_CRON, timezone: str = SCHEDULE_TIMEZONE) -> Stopped:
    """Register the weekly deployment with its schedule and run scheduled flow runs until Ctrl-C (or SIGTERM);
    how it stopped."""
    from flows.weekly import tension_flow

    stopped = Stopped()
    began = datetime.now(UTC)
    with ctrl_c_stops(stopped):
        # asyncio.run, inside, installs its own SIGINT handler only over Python's default: ours stays.
        tension_flow.serve(
            name=deployment_name(),
            schedules=[Cron(cron, timezone=timezone)],
            parameters=parameters,
            description="Weekly tension index: ingest the inbox, score, publish the database, write the report.",
            tags=["tension"],
            pause_on_shutdown=False,
        )
    # Ctrl-C: the runs it abandoned; SIGTERM (Prefect's own handler, which we cannot wrap before the runner sets it):
    # the runs of this serving that did not end, left Running or cancelled
    stopped.abandoned = runs_stopped_since(stopped.interrupted_at or began)
    return stopped
