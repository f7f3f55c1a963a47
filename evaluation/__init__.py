"""Evaluation against labelled and dated real data (the corpora live outside the repository).

SHARED_DATA: the project's corpora, ../shared/data next to the repository, or the folder the environment variable
TENSION_SHARED_DATA names (a clone elsewhere: `TENSION_SHARED_DATA=/work/shared/data python -m evaluation...`).
Tests, benchmarks and every evaluation script read it from here.
"""
import os
from pathlib import Path

SHARED_DATA = Path(os.environ.get("TENSION_SHARED_DATA") or Path(__file__).resolve().parents[2] / "shared" / "data")
