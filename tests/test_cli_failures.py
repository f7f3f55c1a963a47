"""A run that fails where the CLI says why in one line (an OSError: a report folder it cannot write) shows that line
only: no Prefect task or flow traceback before it on the console. The real flow in a real `tension run` process, on
the API of Prefect's test harness, its stderr read as a user sees it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from prefect.testing.utilities import prefect_test_harness

from conftest import ROOT, SEED_TEXT

pytestmark = pytest.mark.slow  # Prefect's test harness starts a real API server; each run is a new process


@pytest.fixture(scope="module")
def api_url():
    from prefect.settings import PREFECT_API_URL

    with prefect_test_harness():
        yield PREFECT_API_URL.value()


def run_into_unwritable_reports(tmp_path, api_url: str, **env: str) -> tuple[subprocess.CompletedProcess, str]:
    """`tension run` on the seed whose --reports lies under a file: the run publishes, then the report task fails."""
    (tmp_path / "afile").write_text("a file where the report folder should be")
    reports = tmp_path / "afile" / "reports"
    done = subprocess.run(
        [sys.executable, "-m", "tension.cli", "run", "-i", str(SEED_TEXT), "--db", str(tmp_path / "t.duckdb"),
         "--reports", str(reports), "--task-runner", "threads", "--workers", "1"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
        # (Prefect's INFO lines are on stderr on a terminal only, or when asked for: session 23)
        env={**os.environ, "PYTHONPATH": str(ROOT), "PREFECT_API_URL": api_url, "PREFECT_LOGGING_LEVEL": "INFO", **env},
    )
    return done, str(reports)


def test_a_report_folder_that_cannot_be_written_is_one_line_without_traceback(api_url, tmp_path):
    done, reports = run_into_unwritable_reports(tmp_path, api_url)
    assert done.returncode == 1, done.stderr[-3000:]
    lines = done.stderr.strip().splitlines()
    assert lines[-1] == f"error: [Errno 20] Not a directory: '{reports}'"
    # the flow ran up to its report task, and Prefect's console said so as it does for every run
    assert any("Task run 'publish-" in line and "Finished in state Completed()" in line for line in lines)
    assert "Traceback" not in done.stderr and "NotADirectoryError" not in done.stderr, done.stderr[-3000:]
    assert sum("Not a directory" in line for line in lines) == 1  # the CLI's line, not repeated by Prefect's
    assert "Traceback" not in done.stdout


def test_the_traceback_is_on_the_console_at_debug_level(api_url, tmp_path):
    done, _ = run_into_unwritable_reports(tmp_path, api_url, PREFECT_LOGGING_LEVEL="DEBUG")
    assert done.returncode == 1
    assert "Traceback" in done.stderr and "NotADirectoryError" in done.stderr
    assert done.stderr.strip().splitlines()[-1].startswith("error: [Errno 20] Not a directory")
