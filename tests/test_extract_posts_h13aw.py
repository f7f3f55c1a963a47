"""Round 48 (h13aw, issue 13): the one met in talks named by a state post of a country ("held talks with the minister
of foreign affairs of <country> <name>") is that country's side of the talks, as "talks with <country>" and "<X>'s
meeting with the ambassador of <country>" already were. Sentences written for these tests (never copied from the
corpora); figures: docs/evaluation-extraction.md, "Forty-eighth tuning round"."""

from __future__ import annotations

from datetime import date

from conftest import voices_on

DAY = date(2024, 1, 10)


def rows(ctx, text: str) -> set[tuple]:
    return {(v[0], v[2]) for v in voices_on(ctx, text, DAY)}


def test_talks_with_a_post_of_a_country_give_that_country_its_side(ctx):
    for text in ("Lavrov held talks with the Minister of Foreign Affairs of the Republic of Korea Park Min.",
                 "Lavrov held talks with the ambassador of South Korea.",
                 "lavrov held talks with minister of foreign affairs of korea park min"):
        found = rows(ctx, text)
        assert ("RUS", ("KOR",)) in found and ("KOR", ("RUS",)) in found, (text, found)


def test_a_post_of_no_state_or_a_topic_gives_no_side(ctx):
    # the country is a topic of the talks, not the side met
    found = rows(ctx, "Lavrov held talks with the ambassador about the situation of South Korea.")
    assert ("KOR", ("RUS",)) not in found, found
    found = rows(ctx, "Lavrov held talks with students of South Korea.")
    assert ("KOR", ("RUS",)) not in found, found
