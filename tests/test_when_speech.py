"""Words are dated by their saying, end to end: the extractor keeps a sentence such as "Lavrov said Tuesday that ..."
whole as the statement's content, so the frame outside the content (where tension/extract/when.py looked) is empty;
the saying's day is then the phrase next to the reporting verb. Found by a new user: 1 of 24 RSS 2022 speech
statements naming a weekday was dated. Our own sentences, through the extractor and the row builder."""
from __future__ import annotations

from datetime import date

import pytest

from tension.extract.statements import extract_statements
from tension.records import statement_occurred

THURSDAY = date(2025, 3, 13)


def dated(ctx, text: str) -> list[tuple[bool, date | None]]:
    return [(s.is_act, statement_occurred(s, THURSDAY))
            for s in extract_statements(text, THURSDAY, ctx.actors, ctx.lexicon)]


@pytest.mark.parametrize("text, day", [
    ("Lavrov said Tuesday that Seoul was making a mistake by arming Ukraine.", date(2025, 3, 11)),
    ("\u201cSeoul is making a grave mistake,\u201d Lavrov said on Tuesday.", date(2025, 3, 11)),
    ("North Korea yesterday condemned South Korea for its drills.", date(2025, 3, 12)),
    ("Kim Jong Un on Thursday warned South Korea of a merciless response.", THURSDAY),
    ("Pyongyang on Tuesday strongly condemned the South's drills as a rehearsal for invasion.", date(2025, 3, 11)),
    ("South Korea's foreign ministry said in a statement on Wednesday that it protested to Russia.",
     date(2025, 3, 12)),
])
def test_the_saying_is_dated_by_the_day_next_to_its_verb(ctx, text, day) -> None:
    assert (False, day) in dated(ctx, text)


def test_a_day_inside_the_words_or_a_plan_dates_no_saying(ctx) -> None:
    # the day of what the words tell is the act's (its own row), not the saying's
    rows = dated(ctx, "Lavrov said the North fired a missile on Tuesday to warn Seoul.")
    assert (False, None) in rows and (True, date(2025, 3, 11)) in rows
    assert dated(ctx, "Lee said Seoul will respond to Moscow on Monday.") == [(False, None)]
    assert dated(ctx, "Lavrov said that since Monday Seoul has sent weapons to Ukraine.") == [(False, None)]
