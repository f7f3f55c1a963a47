"""The weekly flow run once from this process (`tension run`): Prefect's settings for a machine of its own, the local
API server started first, the task runner chosen, then the flow.

Nothing here imports Prefect at module level: the API server must be starting before Prefect is imported
(flows/api.py), and `tension serve` shares the settings.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
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
    raise RunnerChoiceError("choose auto (the default: processes for more than a few MB of input, threads below), "
                            "threads, processes or a Dask address such as tcp://10.0.0.5:8786")


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
    from tension.warehouse.publish import RunInProgress

    with _console_without_tracebacks_of((OSError, RunInProgress)):
        return tension_flow.with_options(task_runner=runner)(**parameters, workers=workers, log_summary=False)


class _HandledFailures(logging.Filter):
    """Keeps off the console Prefect's records of a failure whose exception the caller reports in one line itself:
    the task's and the flow's tracebacks, and the 'Finished in state Failed(...)' lines that repeat the message.
    They still reach the run's log on the Prefect API, and the console too at debug level (PREFECT_LOGGING_LEVEL=
    DEBUG)."""

    def __init__(self, handled: tuple[type[BaseException], ...]) -> None:
        super().__init__()
        self.handled, self.messages = handled, set()

    def filter(self, record: logging.LogRecord) -> bool:  # noqa: D102 - logging hook
        if logging.getLogger("prefect").isEnabledFor(logging.DEBUG):
            return True
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, self.handled):
            self.messages.add(str(error))
            return False
        if self.messages and "Finished in state Failed" in (message := record.getMessage()):
            return not any(known in message for known in self.messages)
        return True


@contextmanager
def _console_without_tracebacks_of(handled: tuple[type[BaseException], ...]) -> Iterator[None]:
    """While the block runs, Prefect's console shows no traceback of a `handled` failure: `tension run` says what
    went wrong in one line ('error: ...'), and a traceback from inside Prefect's task engine before it only buries
    that line (a report folder that cannot be written, a published file that cannot be replaced)."""
    from prefect.logging.handlers import PrefectConsoleHandler

    loggers = [logging.getLogger(), *(logger for logger in logging.Logger.manager.loggerDict.values()
                                      if isinstance(logger, logging.Logger))]
    consoles = {handler for logger in loggers for handler in logger.handlers
                if isinstance(handler, PrefectConsoleHandler)}
    quiet = _HandledFailures(handled)
    for handler in consoles:
        handler.addFilter(quiet)
    try:
        yield
    finally:
        for handler in consoles:
            handler.removeFilter(quiet)


def _inbox_bytes(paths: list[Path]) -> int:
    return sum(f.stat().st_size for p in paths for f in ([p] if p.is_file() else p.rglob("*")) if f.is_file())
