"""`tension --version`: what a bug report needs — the package version, the checkout's commit (an editable install),
and the extractor and scorer versions a run stores in `runs` (session 24's reviewer: it printed the package version
only, 'tension 0.1.0', the same for every commit)."""

from __future__ import annotations

import json
import subprocess
from importlib.metadata import version
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tension import run
from tension.cli import app
from tension.version_info import PACKAGE_ROOT, checkout_commit, version_lines
from tension.warehouse import store


def git(folder: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, check=True).stdout.strip()


def test_version_names_the_versions_a_run_stores(tmp_path):
    inbox, db = tmp_path / "inbox", tmp_path / "t.duckdb"
    inbox.mkdir()
    (inbox / "a.jsonl").write_text(json.dumps({"id": "1", "day": "2024-01-09", "body": "North Korea fired a missile, "
                                               "South Korea's military said."}) + "\n", encoding="utf-8")
    run.run_local([inbox], db, fields={"text": "body", "published": "day"})
    with store.connect(db, read_only=True) as con:
        extractor, scorer = con.execute("select extractor_version, scorer_version from runs").fetchone()
    printed = CliRunner().invoke(app, ["--version"])
    assert printed.exit_code == 0
    lines = printed.output.splitlines()
    assert lines[0] == f"tension {version('tension')}"  # the first line as it always was: scripts read it
    assert lines[-2:] == [f"extractor {extractor}", f"scorer {scorer}"]


def test_version_names_the_commit_of_the_checkout_it_runs_from():
    if not (PACKAGE_ROOT / ".git").exists():
        pytest.skip(f"the package is not run from a git checkout ({PACKAGE_ROOT}): no commit to name")
    lines = CliRunner().invoke(app, ["--version"]).output.splitlines()
    commit = git(PACKAGE_ROOT, "rev-parse", "HEAD")
    assert lines[1].startswith(f"commit {commit} (the checkout {PACKAGE_ROOT}")


def test_a_package_outside_a_checkout_has_no_commit_line_and_no_error(tmp_path):
    # site-packages inside a checkout's .venv: git would answer for the enclosing checkout, which is not the package's
    inside = tmp_path / ".venv" / "lib" / "site-packages"
    inside.mkdir(parents=True)
    git(tmp_path, "init", "-q")
    assert checkout_commit(inside) is None
    lines = version_lines(inside)
    assert lines[0].startswith("tension ") and [line for line in lines if line.startswith("commit")] == []
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / ".git").write_text("gitdir: /nowhere\n", encoding="utf-8")  # git fails there
    assert checkout_commit(tmp_path / "broken") is None


def test_a_checkout_with_uncommitted_changes_says_so(tmp_path):
    git(tmp_path, "init", "-q")
    (tmp_path / "a.txt").write_text("one\n", encoding="utf-8")
    git(tmp_path, "add", "a.txt")
    git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "one")
    head = git(tmp_path, "rev-parse", "HEAD")
    assert checkout_commit(tmp_path) == (head, False)
    (tmp_path / "untracked.txt").write_text("not a change of the checkout's code\n", encoding="utf-8")
    assert checkout_commit(tmp_path) == (head, False)
    (tmp_path / "a.txt").write_text("two\n", encoding="utf-8")
    assert checkout_commit(tmp_path) == (head, True)
    assert f"commit {head} (the checkout {tmp_path}, with uncommitted changes)" in version_lines(tmp_path)
