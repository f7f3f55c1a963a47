"""The weekly flow run once from this process (`tension run`): Prefect's settings for a machine of its own, the local
API server started first, the task runner chosen, then the flow.

Nothing here imports Prefect at module level: the API server must be starting before Prefect is imported
(flows/api.py), and `tension serve` shares the settings.
"""

from __future__ import annotations

import os
from pathlib import Path

# Worker processes take a few seconds to start: worth it only for more than this much input.
PROCESSES_ABOVE_BYTES = 5_000_000


class RunnerChoiceError(ValueError):
    """A --task-runner value that is neither threads, processes nor a usable Dask address."""


class ApiUnavailable(RuntimeError):
    """The local Prefect API server did not start."""


def quiet_local_prefect() -> None:
    """Settings for a Prefect server started on this machine; set before Prefect reads its settings."""
    # This machine may have no network: the server must not try to phone home.
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    # The ephemeral server gets 20 s to start by default; a busy 2-core machine can need more.
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")


def task_runner(choice: str, workers: int, inbox: list[Path]):
    """auto (processes for more than a few MB of input, else threads), threads, processes, or a Dask scheduler
    address (tcp://host:8786) through prefect-dask."""
    from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner

    if choice == "auto":
        choice = "processes" if _inbox_bytes(inbox) > PROCESSES_ABOVE_BYTES else "threads"
    if choice == "threads":
        return ThreadPoolTaskRunner(max_workers=workers)
    if choice == "processes":
        from flows.api import exit_with_parent  # a worker ends when this process is gone, even by SIGKILL

        return ProcessPoolTaskRunner(max_workers=workers, initializer=exit_with_parent, initargs=(os.getpid(),))
    if "://" in choice:
        try:
            from prefect_dask import DaskTaskRunner
        except ImportError:
            raise RunnerChoiceError("a Dask address needs prefect-dask: pip install 'tension[dask]'") from None
        return DaskTaskRunner(address=choice)
    raise RunnerChoiceError("choose auto (the default: processes), threads, processes or a Dask address such as "
                            "tcp://10.0.0.5:8786")


def run_once(parameters: dict, runner_choice: str = "auto", workers: int | None = None) -> dict:
    """Run the weekly flow once with `parameters` (tension_flow's), on the local API unless Prefect is configured
    otherwise. Raises ApiUnavailable if the API server does not start, RunnerChoiceError for an unknown runner,
    publish.RunInProgress if another run holds the database."""
    from flows.api import start_local_api

    quiet_local_prefect()
    api_ready = start_local_api()  # the API server loads while Prefect and the flow are imported
    workers = workers or os.cpu_count() or 2
    runner = task_runner(runner_choice, workers, [Path(p) for p in parameters.get("inbox") or []])
    from flows.weekly import tension_flow

    try:
        api_ready()
    except RuntimeError as error:
        raise ApiUnavailable(str(error)) from None
    return tension_flow.with_options(task_runner=runner)(**parameters, workers=workers)


def _inbox_bytes(paths: list[Path]) -> int:
    return sum(f.stat().st_size for p in paths for f in ([p] if p.is_file() else p.rglob("*")) if f.is_file())
