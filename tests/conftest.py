"""Shared fixtures: the real dictionaries and scorer (built once), the seed article, one real run of the seeds (shared
read-only), paths to ../shared data."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from tension.analyse import Context, build_context

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_TEXT = SEEDS / "000_e318909af9d05ecd.txt"
from evaluation import SHARED_DATA  # noqa: E402  ($TENSION_SHARED_DATA or ../shared/data)


@pytest.fixture(autouse=True)
def _prefect_logging_level_kept():
    """`tension run` off a terminal sets PREFECT_LOGGING_LEVEL=WARNING in its own process (cli_pipeline.
    quiet_unless_terminal); under CliRunner that process is the test's, and a later test's subprocess (`tension serve`,
    a run waited on by its INFO lines) inherited it. Put back after each test."""
    before = os.environ.get("PREFECT_LOGGING_LEVEL")
    yield
    if before is None:
        os.environ.pop("PREFECT_LOGGING_LEVEL", None)
    else:
        os.environ["PREFECT_LOGGING_LEVEL"] = before


@pytest.fixture(scope="session")
def ctx() -> Context:
    """The packaged actor dictionary, lexicons, real VADER scorer and default pairs."""
    return build_context()


@pytest.fixture(scope="module")
def module_tmp(tmp_path_factory: pytest.TempPathFactory):
    """`tmp_path_factory.mktemp` for a module's fixtures, with the folders removed when the module ends: their
    databases (several MB each) otherwise stay until the whole session ends, and on CI they filled the disk."""
    made: list[Path] = []

    def mktemp(name: str) -> Path:
        made.append(tmp_path_factory.mktemp(name))
        return made[-1]

    yield mktemp
    for folder in made:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def seed_run(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """seeds/ through a whole run (tension.run.run_local: the flow's steps without Prefect), published with its
    Parquet export. Shared by the tests of the session: read it, never write to it (copy it first)."""
    from tension import run

    db = tmp_path_factory.mktemp("seed_run") / "tension.duckdb"
    return run.run_local([SEEDS], db)


def shared_file(relative: str) -> Path:
    """A file under ../shared/data, or skip the test with the reason (a user's clone has no ../shared)."""
    path = SHARED_DATA / relative
    if not path.exists():
        pytest.skip(f"{path} not present (../shared/data is only available in the project's CI and dev machines)")
    return path


def gold_or_skip() -> None:
    """Skip the test, with the reason, unless the corpora and the gold set it scores are there."""
    from evaluation.gold.hostility import GOLD

    if not SHARED_DATA.exists() or not GOLD.exists():
        pytest.skip(f"corpora or gold set absent: {SHARED_DATA}, {GOLD}")


def voices_on(ctx, text: str, day, speaker: str = "") -> list[tuple]:
    """(speaker country, kind, sorted targets) of every statement `text` gives when published on `day`."""
    from tension.extract.statements import extract_statements

    return [(s.speaker_country, s.speaker_kind, tuple(sorted(s.targets)))
            for s in extract_statements(text, day, ctx.actors, ctx.lexicon, speaker)]


# Seven short DPRK–ROK sentences of our own, each one pair row or two (a threat, a condemnation, an accusation, a call
# for talks, a warning, an offer of aid, an insult): the tiny databases of the evaluation tools' tests start from them.
PAIR_SENTENCES = (
    "North Korea called South Korea its principal enemy and threatened to strike Seoul.",
    "South Korea's foreign ministry condemned North Korea's missile launch on Tuesday.",
    "Pyongyang accused Seoul of staging provocative drills near the border.",
    "Seoul urged Pyongyang to return to talks without preconditions.",
    "The North Korean army warned the South of merciless retaliation.",
    "South Korean President Lee offered humanitarian aid to North Korea.",
    "North Korea denounced South Korea as a puppet of Washington.",
)
KCNA_DAY = date(2011, 10, 31)  # a day of the KCNA archive: extraction tests that read a story as KCNA's release


def kcna_voices(ctx, text: str, speaker: str = "KCNA", day: date = KCNA_DAY) -> list[tuple]:
    """voices_on for a story published as KCNA's own release (the speaker and day as arguments when not)."""
    return voices_on(ctx, text, day, speaker)


@pytest.fixture(scope="session")
def scorer():
    """One Scorer for the scoring tests (it keeps no state between statements but a memo of pure values)."""
    from tension.score.scorer import Scorer

    return Scorer()


def scored(scorer, text: str):
    """The score under the modality the extractor gives the text, as the pipeline scores a statement."""
    from tension.extract.statements import modality, outside_quotes

    return scorer.score(text, modality(outside_quotes(text), False))


def cue_of(result, fragment: str) -> dict:
    """The one cue of a score whose matched text contains `fragment`."""
    [cue] = [c for c in result.cues if fragment.lower() in c["matched"].lower()]
    return cue


def cooperative(score) -> list[dict]:
    """The cooperative cues of a score (negative weight), whatever they contribute after the rules."""
    return [c for c in score.cues if c["weight"] < 0]
