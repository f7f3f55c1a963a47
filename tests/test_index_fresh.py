"""Issue 15, ninth round: measures that count the days a DPRK launch is reported as fresh (evaluation.index_fresh) —
each against counts made by hand on items and runs of our own, and the pre-registered pick and switch rules. The
sentences are our own."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from evaluation.index_fresh import (FRESH_MEASURES, act_fresh_days, fresh_days, fresh_frame, item_days, onset_days,
                                    pick, switch)
from tension import run

KEYWORDS_HERE = {"dprk": ["north korea*", "pyongyang"], "act": ["missile*", "launch*", "fired"]}
W1 = date(2022, 1, 3)  # Monday of 2022-W01


def day(week: int, weekday: int) -> date:
    """The day of ISO week `week` of 2022, weekday 0 = Monday."""
    return W1 + timedelta(weeks=week - 1, days=weekday)


# (published, text) — what each item is, under KEYWORDS_HERE, is said beside it
ITEMS = [
    (day(2, 0), "North Korea fired a missile into the sea on Sunday, Seoul said."),  # fresh, names W01's Sunday
    (day(2, 0), "North Korea's missile launch on Sunday drew protests."),           # the same day again: once
    (day(2, 2), "North Korea fired two missiles yesterday, officials said."),        # fresh, W02 Tuesday
    (day(2, 3), "Pyongyang launched a rocket on Saturday, officials recalled."),     # Saturday 5 days back: stale
    (day(2, 4), "North Korea fired a missile, the military said."),                  # names no day: not fresh
    (day(2, 4), "Seoul announced on Thursday that it fired a missile in a drill."),  # no dprk term: not reporting
    (day(3, 0), "Pyongyang hosted a trade fair on Sunday."),                         # no act term: not reporting
    (day(3, 5), "North Korea fired a missile early Sunday, Tokyo said."),            # Saturday item: next day, W03
    (day(5, 1), "Analysts weighed North Korea's missile launches of the year."),     # reporting, not fresh
]


@pytest.fixture(scope="module")
def items_db(module_tmp) -> Path:
    folder = module_tmp("fresh")
    lines = [json.dumps({"id": f"i{n}", "text": text, "source": "Test wire", "published": str(published)})
             for n, (published, text) in enumerate(ITEMS)]
    (folder / "inbox.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = folder / "tension.duckdb"
    run.run_local([folder / "inbox.jsonl"], db)
    return db


def test_item_days_dates_each_item_by_the_day_its_text_names_and_keeps_the_keyword_test(items_db: Path) -> None:
    items = item_days(items_db, KEYWORDS_HERE).sort_values(["published", "doc_id"])
    by_text = dict(zip(items["body"].str[:31], zip(items["reporting"], items["named_day"])))
    assert by_text["North Korea fired a missile int"] == (True, day(1, 6))
    assert by_text["North Korea fired two missiles "] == (True, day(2, 1))
    assert by_text["Pyongyang launched a rocket on "] == (True, day(1, 5))
    assert by_text["North Korea fired a missile, th"][1] is None
    assert by_text["Seoul announced on Thursday tha"] == (False, day(2, 3))
    assert by_text["North Korea fired a missile ear"] == (True, day(3, 6))


def test_fresh_days_count_each_named_recent_day_once_in_its_own_week(items_db: Path) -> None:
    counts = fresh_days(item_days(items_db, KEYWORDS_HERE))
    # W01: the Sunday named by two Monday items (once); W02: Tuesday; W03: Sunday named a day ahead by a Saturday
    # item. Not counted: a day five days back, an item naming no day, an item without a dprk term, an analysis.
    assert counts.to_dict() == {day(1, 0): 1, day(2, 0): 1, day(3, 0): 1}


def test_onset_days_are_first_reporting_days_after_three_quiet_days() -> None:
    reporting = [day(1, 0), day(1, 1), day(1, 5), day(2, 1), day(2, 5), day(3, 2)]
    flags = pd.DataFrame({"doc_id": [f"d{n}" for n in range(len(reporting) + 1)],
                          "published": reporting + [day(1, 3)], "reporting": [True] * len(reporting) + [False]})
    # Monday W01 (nothing before), Saturday W01 (Tue..Fri: only a non-reporting item), Saturday W02 (Wed..Fri quiet),
    # Wednesday W03 (Sun..Tue quiet); not Tuesday W01 (Monday before) nor Tuesday W02 (Saturday is 3 days before)
    assert onset_days(flags).to_dict() == {day(1, 0): 2, day(2, 0): 1, day(3, 0): 1}


def test_act_fresh_days_count_dprk_acts_their_text_dates_as_recent(items_db: Path) -> None:
    counts = act_fresh_days(items_db)
    # the pipeline's DPRK acts toward the ROK dated by their own text within [P - 2, P + 1]: W01's Sunday (two
    # items, once), W02's Tuesday, W03's Sunday; the act five days back and the undated one do not count
    assert counts.to_dict() == {day(1, 0): 1, day(2, 0): 1, day(3, 0): 1}


def test_fresh_frame_puts_the_measures_on_the_weeks_read_with_zeros(items_db: Path) -> None:
    events = pd.Series({day(1, 0): 1, day(2, 0): 1, day(4, 0): 1})
    weeks = fresh_frame(items_db, events, KEYWORDS_HERE, 2021, 2022)
    # W04 is not read (no document): no row, as in every round; W05 holds only the analysis
    assert list(weeks["week"]) == [day(2, 0), day(3, 0), day(5, 0)]
    assert list(weeks["events"]) == [1.0, 0.0, 0.0]
    assert list(weeks["fresh_days"]) == [1.0, 1.0, 0.0]
    assert list(weeks["onset_days"]) == [1.0, 1.0, 1.0]
    assert list(weeks["act_fresh_days"]) == [1.0, 1.0, 0.0]
    assert weeks["intensity"].notna().all()


def _result(diff: float, low: float = 0.01) -> tuple:
    return (0.5 + diff, 30, 0.1, 0.9, diff, low, diff + 0.2)


def test_pick_takes_the_largest_mean_difference_on_tune_and_2024_launches_ties_to_the_first() -> None:
    results = {"rss2022:tune": {"fresh_days": _result(0.10), "act_fresh_days": _result(0.30),
                                "onset_days": _result(0.0)},
               "rss2024:missiles": {"fresh_days": _result(0.20), "act_fresh_days": _result(-0.10),
                                    "onset_days": _result(0.30)}}
    assert pick(results) == "fresh_days"  # 0.15 against 0.10 and 0.15: a tie goes to the first listed
    results["rss2022:tune"]["onset_days"] = _result(0.02)
    assert pick(results) == "onset_days"


def test_switch_needs_the_margin_on_both_pick_sets_the_interval_and_no_loss_on_the_guards() -> None:
    good = {"rss2022:tune": _result(0.06), "rss2024:missiles": _result(0.08, low=0.01),
            "rss2022:all": _result(0.0), "kcna": _result(0.02), "rss2024:dprk_acts": _result(0.01)}

    def with_(key: str, value: tuple) -> dict:
        return {k: {"m": v} for k, v in {**good, key: value}.items()}

    assert switch(with_("kcna", good["kcna"]), "m")[0]
    assert not switch(with_("rss2022:tune", _result(0.04)), "m")[0]
    assert not switch(with_("rss2024:missiles", _result(0.08, low=-0.01)), "m")[0]
    assert not switch(with_("rss2022:all", _result(-0.01)), "m")[0]
    assert not switch(with_("kcna", _result(-0.01)), "m")[0]
    assert not switch(with_("rss2024:dprk_acts", _result(-0.01)), "m")[0]
    assert len(switch(with_("kcna", good["kcna"]), "m")[1]) == 6  # one reason per condition


def test_fresh_measures_are_the_three_pre_registered() -> None:
    assert tuple(FRESH_MEASURES) == ("fresh_days", "act_fresh_days", "onset_days")
    assert np.all([isinstance(label, str) and label for label in FRESH_MEASURES.values()])
