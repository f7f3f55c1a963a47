"""Run evaluation/worker.py under the working tree's `tension` or under an older commit's, for before/after figures.

An older version is the `tension` package as of a commit, unpacked once with `git archive` into
/tmp/tension-baseline-<commit>/ (outside the repository; nothing is installed). The worker runs as a separate
process with that folder first on PYTHONPATH and a neutral working directory, so neither version's modules can leak
into the other.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
WORKER = Path(__file__).resolve().parent / "worker.py"
BASELINE_COMMIT = "ed2d147"  # main when issue 14 started: the scorer "as of today" in its figures


def tree(commit: str | None) -> Path:
    """The folder whose `tension` package runs: the repository for None, a folder given by its path, else the
    unpacked commit."""
    if commit is None:
        return REPO
    if Path(commit).is_dir():  # a folder holding a `tension` package (a variant made for an experiment)
        return Path(commit)
    folder = Path(tempfile.gettempdir()) / f"tension-baseline-{commit}"
    if not (folder / "tension" / "__init__.py").exists():
        archive = subprocess.run(["git", "-C", str(REPO), "archive", commit, "tension"], check=True,
                                 capture_output=True).stdout
        folder.mkdir(parents=True, exist_ok=True)
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(folder, filter="data")
    return folder


def run_worker(commit: str | None, args: list[str], stdin: str = "") -> list[str]:
    """Output lines of `worker.py args` run under the given version."""
    env = {**os.environ, "PYTHONPATH": str(tree(commit))}
    done = subprocess.run([sys.executable, str(WORKER), *args], input=stdin, capture_output=True, text=True,
                          env=env, cwd=tempfile.gettempdir(), check=False)
    if done.returncode:
        raise RuntimeError(f"worker failed under {commit or 'working tree'}: {done.stderr[-2000:]}")
    return done.stdout.splitlines()
