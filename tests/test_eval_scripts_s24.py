"""Evaluation and bench scripts a reviewer ran from a fresh clone (session 24's findings 9 and 14):
evaluation.index_events without ../shared/data says "skipped" with the reason and exits 0, as the other evaluation
scripts do; bench.run's small runs do not default to 10,000,000 synthetic weekly rows."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_index_events_without_the_shared_data_is_skipped_with_its_reason(tmp_path: Path) -> None:
    env = {**os.environ, "TENSION_SHARED_DATA": str(tmp_path / "absent")}
    out = subprocess.run([sys.executable, "-m", "evaluation.index_events", "--rss", str(tmp_path / "rss.duckdb"),
                          "--kcna", str(tmp_path / "kcna.duckdb")], capture_output=True, text=True, env=env, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("skipped: ") and "nk_events" in out.stdout, out.stdout
    assert "Traceback" not in out.stderr


def test_index_events_docstring_puts_each_database_in_a_folder_of_its_own() -> None:
    """Two databases in one folder share its parquet/ export, and the second `tension run` refuses it."""
    from evaluation import index_events

    folders = [word.rsplit("/", 1)[0] for word in index_events.__doc__.split() if word.endswith(".duckdb")]
    databases = {word for word in index_events.__doc__.split() if word.endswith(".duckdb")}
    assert len(databases) == 3
    assert len({folder for folder in folders}) == 3, folders


def test_a_small_bench_run_does_not_default_to_ten_million_weekly_rows() -> None:
    from bench import run

    assert run.parse_args(["--sizes", "1000"]).weekly_rows == 100_000
    assert run.parse_args([]).weekly_rows == 10_000_000
    assert run.parse_args(["--sizes", "1000", "--weekly-rows", "0"]).weekly_rows == 0
