"""A company is a civic voice, not its country's state (guideline: companies are civic). Headlines of Russian state
media about Korean business in Russia read "South Korean car giant ..." and were counted as Seoul's acts toward
Russia; the heads that name a company (giant, maker, automaker, conglomerate, ...) are rows of speaker_kinds.tsv.
Our own sentences; the counter-cases keep a state's offices and a plain country as the state."""
from __future__ import annotations

from datetime import date

from tests.conftest import voices_on

DAY = date(2024, 5, 2)


def test_a_company_named_by_its_head_is_civic(ctx) -> None:
    assert voices_on(ctx, "A South Korean tech giant opened a second factory in Russia.", DAY) == \
        [("KOR", "civic", ("RUS",))]
    assert voices_on(ctx, "South Korean automaker expands its sales network across Russia", DAY) == \
        [("KOR", "civic", ("RUS",))]
    assert voices_on(ctx, "A Russian shipbuilder signed a contract with South Korea's navy.", DAY)[0][:2] == \
        ("RUS", "civic")


def test_trade_figures_are_no_state_voice(ctx) -> None:
    [(country, kind, _)] = voices_on(ctx, "Russian imports of cosmetics from South Korea reach a new high", DAY)
    assert (country, kind) == ("RUS", "people")


def test_the_state_and_its_offices_stay_the_state(ctx) -> None:
    assert voices_on(ctx, "South Korea's foreign ministry summoned the Russian ambassador on Thursday.", DAY) == \
        [("KOR", "government", ("RUS",))]
    assert ("KOR", "government", ("RUS",)) in voices_on(ctx, "South Korea imposed new export controls on Russia.", DAY)
