"""Rules of the thirty-third tuning round (branch h13ah): an act that sits only in an as clause after a main clause
with a row of its own is background to that news and gives no row (labelling guideline, adjudication decision 1: "a
since/after/while/as clause ... gets no row"); the main clause keeps its statement. Every sentence here is written
for these tests (never copied from the corpora). Figures: docs/evaluation-extraction.md, "Thirty-third tuning
round"."""

from __future__ import annotations

from datetime import date

from tension.extract.statements import extract_statements

_DAY = date(2025, 12, 29)


def _rows(ctx, text: str) -> list[tuple]:
    """(speaker text, speaker country, targets) of each pair statement of the text, in order."""
    return [(s.speaker, s.speaker_country, tuple(sorted(s.targets)))
            for s in extract_statements(text, _DAY, ctx.actors, ctx.lexicon, "") if s.targets]


# --- the shape the rule takes: the as clause's act gives no row ----------------------------------------------------

def test_allies_drills_in_an_as_clause_after_a_launch_give_no_row(ctx):
    # The reverse shape's twin: the launch is the news (its row stays); the allies' drills only time it.
    rows = _rows(ctx, "North Korea launched two cruise missiles on Tuesday as the United States and South Korea "
                      "wrapped up a week of naval drills.")
    assert any(r[1] == "PRK" for r in rows), rows
    assert not any(r[1] in ("KOR", "USA") for r in rows), rows


def test_a_leaders_meeting_in_an_as_clause_after_a_test_gives_no_row(ctx):
    # A leader chairing a party meeting while his country fires a missile: the launch's row, none for the meeting.
    rows = _rows(ctx, "North Korea fired a ballistic missile on Saturday for the twelfth time this month as "
                      "Kim Jong-un presides over a party meeting on next year's plans.")
    assert not any(r[0] == "Kim Jong-un" for r in rows), rows


def test_the_souths_aim_in_an_as_clause_after_a_main_clause_gives_no_row(ctx):
    # Seoul's standing aim, told only in the as clause of a sentence about a coming summit's agenda.
    rows = _rows(ctx, "Japan will hold talks with China next week as Seoul works to win Beijing's help in easing "
                  "tension with Pyongyang.")
    assert not any(r[1] == "KOR" for r in rows), rows


# --- counter-cases: these pass before and after the rule -------------------------------------------------------------

def test_a_launch_in_the_main_clause_stays_when_an_as_clause_follows(ctx):
    # The reverse shape (the brief's warning): the main clause is the act and must stay.
    rows = _rows(ctx, "North Korea fired a ballistic missile into the sea as the allies began their spring drills.")
    assert any(r[0] == "North Korea" and r[1] == "PRK" for r in rows), rows


def test_such_as_is_no_as_clause(ctx):
    # "such as" lists examples; the verb after the list is still the listed countries' act.
    rows = _rows(ctx, "Several states such as Japan have condemned North Korea's nuclear test.")
    assert any(r[1] == "JPN" and "PRK" in r[2] for r in rows), rows


def test_an_as_clause_that_speaks_keeps_its_row(ctx):
    # Speech in the as clause keeps its row, as the gold does for speech in an after clause.
    rows = _rows(ctx, "South Korea and the US began their drills on Monday as North Korea said it would respond without mercy.")
    assert any(r[1] == "PRK" for r in rows), rows
