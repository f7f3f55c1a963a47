"""Issue 13, attribution round 58 (branch h13bh), from round 57's note: KCNA spells the South's presidential compound
"Chongwadae" (one word), which the dictionary did not know, so a sentence whose only name of the South is that
spelling (an epithet for the South's president or his office) gave no KOR target. Every sentence here is written for
these tests (never copied from the corpora). Figures: docs/evaluation-extraction.md, "Fifty-eighth tuning round"."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from tension.extract.statements import extract_statements

KCNA_DAY = date(2011, 9, 14)
ACTORS_TSV = Path(__file__).parent.parent / "tension" / "data" / "actors.tsv"


def _rows(ctx, text: str, day: date = KCNA_DAY, speaker: str = "KCNA") -> list[tuple]:
    """(speaker actor, speaker country, targets) of each statement of the text, in order."""
    return [(s.speaker_actor, s.speaker_country, tuple(s.targets))
            for s in extract_statements(text, day, ctx.actors, ctx.lexicon, speaker)]


@pytest.mark.parametrize("text", [
    "The master of Chongwadae is going reckless in his confrontation moves against the fellow countrymen.",
    "Chongwadae and its hangers-on are spreading wild rumours to slander the dignity of the DPRK.",
    "Such confrontation madness is what the owner of Chongwadae is now pursuing day and night.",
])
def test_kcna_epithet_naming_only_the_compound_targets_the_south(ctx, text):
    assert _rows(ctx, text) == [("KCNA", "PRK", ("KOR",))]


def test_the_compound_as_a_speakers_seat(ctx):
    rows = _rows(ctx, "The talks will open in Panmunjom next month, Chongwadae said.", speaker="")
    assert [r[1] for r in rows] == ["KOR"], rows


def test_every_spelling_of_the_compound_is_one_row_shape():
    """KCNA's spelling is written as the compound's other rows are (same actor, country, kind, role, no dates)."""
    with ACTORS_TSV.open(encoding="utf-8") as handle:
        rows = {r["alias"]: r for r in csv.DictReader(handle, delimiter="\t")}
    shape = lambda r: (r["actor"], r["country"], r["kind"], r["role"], r["valid_from"], r["valid_to"], r["ambiguous"])
    assert "Chongwadae" in rows
    assert {shape(rows[a]) for a in ("Blue House", "Cheong Wa Dae", "Chongwadae")} == {shape(rows["Blue House"])}
    assert rows["Chongwadae"]["source"]
