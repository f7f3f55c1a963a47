"""What `tension --version` prints, for a bug report or an operator's log: the package version, the commit of the
checkout it runs from (an editable install; nothing for an installed wheel), and the extractor and scorer versions a
run records (runs.extractor_version, runs.scorer_version) — so a report can be matched to the runs it speaks of.
"""

from __future__ import annotations

import subprocess
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

# The folder holding the `tension` package: a checkout's root for an editable install, site-packages otherwise.
PACKAGE_ROOT = Path(__file__).resolve().parents[1]


def checkout_commit(root: Path = PACKAGE_ROOT) -> tuple[str, bool] | None:
    """The commit `root` has checked out and whether tracked files differ from it, when `root` is a git checkout's
    top folder (its own .git, file or folder); None otherwise, or when git cannot say (not installed, not a repository
    it trusts) — an installed package has no commit, and asking must never fail."""
    if not (root / ".git").exists():  # site-packages inside a checkout's .venv is not that checkout
        return None
    try:
        commit = _git(root, "rev-parse", "HEAD")
        changed = _git(root, "status", "--porcelain", "--untracked-files=no")
    except (OSError, subprocess.SubprocessError):
        return None
    return (commit, bool(changed)) if commit else None


def _git(root: Path, *args: str) -> str:
    """A git command's output in `root` (raises when git fails or is missing)."""
    done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=10, check=True)
    return done.stdout.strip()


def version_lines(root: Path = PACKAGE_ROOT) -> list[str]:
    """'tension 0.1.0', the checkout's commit (when there is one), 'extractor x-…', 'scorer 3-…'."""
    from tension.extract.version import extractor_version
    from tension.score.scorer import Scorer  # the packaged scorer, whose version a run stores

    try:
        package = version("tension")
    except PackageNotFoundError:  # run from a source tree that was never installed
        package = "(not installed)"
    lines = [f"tension {package}"]
    if found := checkout_commit(root):
        commit, changed = found
        lines.append(f"commit {commit} (the checkout {root}" + (", with uncommitted changes)" if changed else ")"))
    return lines + [f"extractor {extractor_version()}", f"scorer {Scorer().version}"]
