"""Shared fixtures: the real dictionaries and scorer (built once), the seed article, paths to ../shared data."""

from __future__ import annotations

from pathlib import Path

import pytest

from tension.analyse import Context, build_context

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_TEXT = SEEDS / "000_e318909af9d05ecd.txt"
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def ctx() -> Context:
    """The packaged actor dictionary, lexicons, real VADER scorer and default pairs."""
    return build_context()


def shared_file(relative: str) -> Path:
    """A file under ../shared/data, or skip the test with the reason (a user's clone has no ../shared)."""
    path = SHARED_DATA / relative
    if not path.exists():
        pytest.skip(f"{path} not present (../shared/data is only available in the project's CI and dev machines)")
    return path
