"""A statement its text dates to another day than its item's ("fired on Sunday" in a Monday item) counts in that
day's week (statement_scores.effective_date); the report says so under the publication date, and says nothing
when the two are the same day or the text names no day."""
from __future__ import annotations

import pandas as pd

from tension.reporting.pairs import happened_on


def test_another_day_is_named_under_the_publication_date():
    monday = pd.Timestamp("2022-01-31")
    assert "happened Sun 30 Jan" in happened_on(monday, pd.Timestamp("2022-01-30").date())


def test_the_same_day_or_no_day_adds_nothing():
    monday = pd.Timestamp("2022-01-31")
    assert happened_on(monday, pd.Timestamp("2022-01-31").date()) == ""
    assert happened_on(monday, None) == ""
    assert happened_on(monday, pd.NaT) == ""
