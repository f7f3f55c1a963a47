"""Issue 15, seventh round: measures that count event DAYS (evaluation.index_events --days), each against a
computation by hand from the statements a real pipeline run stored, and the fourth round's rule applied to them.
The sentences are our own."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from evaluation.index_days import DAY_COMPARED, DAY_MEASURES, day_measures, day_weeks
from evaluation.index_rounds import fourth_round_decision, variant_measures
from tension import run
from tension.warehouse import store

MONDAY = date(2024, 1, 1)  # 2024-W01
# Per ISO week of 2024: per day of the week (0 = Monday), the documents published that day (each text differs: a
# document's id comes from its text, so a text told twice would be one document).
DOCUMENTS = {
    # One launch told by three items on one day, and a quiet item two days later.
    1: {1: ["North Korea fired a ballistic missile toward South Korea.",
            "North Korea fired a ballistic missile into the sea off South Korea, the military said.",
            "North Korea launched a missile at South Korea, alarming Seoul."],
        3: ["The weather in Busan was mild and sunny this week."]},
    # Launches on three days, each told once.
    2: {0: ["North Korea fired a short-range ballistic missile toward South Korea at dawn."],
        2: ["North Korea fired artillery shells toward South Korea near the border."],
        4: ["North Korea launched two cruise missiles toward South Korea."]},
    # Words only: a threat, and the South's condemnation.
    3: {1: ["North Korea threatened to attack South Korea."],
        5: ["South Korea's foreign ministry condemned North Korea for its provocations."]},
    # Nothing about the pair.
    4: {2: ["A new bakery opened near the city hall in Daegu."]},
    # week 5: nothing read (a gap)
    6: {0: ["A museum in Gwangju reopened after a year of renovation work."]},
}


@pytest.fixture(scope="module")
def pipeline_db(module_tmp) -> Path:
    """The documents above through a whole run (tension.run.run_local), as the evaluation reads a database."""
    folder = module_tmp("idx15")
    lines = [json.dumps({"id": f"w{week}d{day}i{i}", "text": text, "source": "Test wire",
                         "published": str(MONDAY + timedelta(weeks=week - 1, days=day))})
             for week, days in DOCUMENTS.items() for day, texts in days.items() for i, text in enumerate(texts)]
    (folder / "inbox.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = folder / "tension.duckdb"
    run.run_local([folder / "inbox.jsonl"], db)
    return db


def hostile_rows(db: Path) -> pd.DataFrame:
    """The rows the day measures read, selected here in pandas: state voices, not a repeated headline, h > 0."""
    with store.connect(db, read_only=True) as con:
        rows = con.execute("select week_start as week, effective_date as day, published, occurred, hostility as h, "
                           "is_act, source_country, target_country, counts_in_index, repeats_lead "
                           "from pair_statements where pair_id = 'PRK-KOR'").df()
    rows = rows[rows["counts_in_index"] & ~rows["repeats_lead"] & (rows["h"] > 0)].copy()
    rows["week"] = pd.to_datetime(rows["week"]).dt.date
    rows["day"] = pd.to_datetime(rows["day"]).dt.date
    rows["act"] = rows["is_act"].fillna(False).astype(bool)
    rows["toward"] = rows["act"] & (rows["source_country"] == "PRK") & (rows["target_country"] == "KOR")
    return rows


# Each measure in words, as pandas over one week's hostile rows.
BY_HAND = {
    "act_days": lambda r: r.loc[r.toward, "day"].nunique(),
    "hostile_days": lambda r: r["day"].nunique(),
    "act_days_max": lambda r: r[r.toward].groupby("day")["h"].max().sum(),
    "act_days_pair": lambda r: r.loc[r.act, "day"].nunique(),
}


def test_day_measures_match_a_computation_by_hand(pipeline_db: Path) -> None:
    frame = day_measures(pipeline_db).set_index("week")
    rows = hostile_rows(pipeline_db)
    weeks = [MONDAY + timedelta(weeks=k) for k in range(6)]
    assert list(frame.index) == weeks
    gap = MONDAY + timedelta(weeks=4)
    assert frame.loc[gap, list(DAY_MEASURES)].isna().all()  # a week with nothing read is a gap, never 0
    for week in weeks:
        if week == gap:
            continue
        week_rows = rows[rows["week"] == week]
        for name, by_hand in BY_HAND.items():
            assert frame.loc[week, name] == pytest.approx(by_hand(week_rows) if len(week_rows) else 0.0), name
        published_days = {MONDAY + timedelta(weeks=week_of_year - 1, days=day)
                          for week_of_year, days in DOCUMENTS.items() for day in days}
        days_read = sum(week <= day < week + timedelta(days=7) for day in published_days)
        assert frame.loc[week, "days_covered"] == days_read
        assert frame.loc[week, "act_day_share"] == pytest.approx(frame.loc[week, "act_days"] / days_read)


def test_a_launch_told_three_times_is_one_day_and_three_launches_are_three(pipeline_db: Path) -> None:
    """The round's point: intensity sums the items about one launch; the day count does not."""
    frame = day_measures(pipeline_db).set_index("week")
    rows = hostile_rows(pipeline_db)
    one_launch, three_launches = MONDAY, MONDAY + timedelta(weeks=1)
    # Every item names no day, so each statement's day is its publication day.
    assert rows["occurred"].isna().all()
    assert rows.loc[rows["week"] == one_launch, "toward"].sum() >= 2  # the launch is told by several items
    assert frame.loc[one_launch, "act_days"] == 1
    assert frame.loc[three_launches, "act_days"] == 3 == frame.loc[three_launches, "act_days_pair"]
    # Words are no act: the threat week has hostile days but no act day; the week about a bakery has none.
    words, quiet = MONDAY + timedelta(weeks=2), MONDAY + timedelta(weeks=3)
    assert frame.loc[words, "act_days"] == 0 and frame.loc[words, "hostile_days"] >= 1
    assert frame.loc[quiet, list(DAY_MEASURES)].eq(0).all()
    # act_days_max is at most one h per day, so never above the week's sum of acts (`is_act` before its scaling).
    assert (frame["act_days_max"].dropna() <= frame["act_days"].dropna() + 1e-9).all()


def test_day_weeks_are_the_weeks_read_with_today_and_is_act(pipeline_db: Path) -> None:
    weeks = day_weeks(pipeline_db)
    variants = variant_measures(pipeline_db, ("today", "is_act")).dropna(subset=["today"])
    assert list(weeks["week"]) == list(variants["week"]) and len(weeks) == 5
    assert set(DAY_COMPARED) <= set(weeks.columns)
    assert weeks[list(DAY_COMPARED)].notna().all().all()
    assert np.allclose(weeks["today"], variants["today"]) and np.allclose(weeks["is_act"], variants["is_act"])


def candidate(diff: float, low: float, high: float) -> tuple:
    """A variant_correlations row: ρ, n, ρ's interval, difference from today and its interval (only 4-6 read)."""
    return (0.5 + diff, 29, 0.0, 0.9, diff, low, high)


def test_the_fourth_rounds_rule_decides_among_the_day_measures() -> None:
    names = tuple(DAY_MEASURES)
    flat = {name: candidate(0.0, -0.1, 0.1) for name in names}

    def decide(primary: dict, rss2022: dict | None = None, kcna: dict | None = None) -> tuple[str, list[str]]:
        rss2024 = {"missiles": {"primary": False, "candidates": {n: candidate(0.3, 0.1, 0.5) for n in names}},
                   "dprk_acts": {"primary": True, "candidates": {**flat, **primary}}}
        level = {name: candidate(0.0, 0, 0) for name in names}
        return fourth_round_decision(rss2024, {**level, **(rss2022 or {})}, {**level, **(kcna or {})}, names)

    headline, reasons = decide({})
    assert headline == "today" and len(reasons) == len(names)  # the secondary series never decides
    assert [r.split("`")[1] for r in reasons] == list(names)
    assert decide({"act_days": candidate(0.08, 0.01, 0.2)})[0] == "act_days"
    assert decide({"act_days": candidate(0.08, 0.01, 0.2), "act_day_share": candidate(0.12, 0.02, 0.3)})[0] \
        == "act_day_share"
    assert decide({"act_days": candidate(0.08, -0.01, 0.2)})[0] == "today"
    assert decide({"act_days": candidate(0.04, 0.01, 0.2)})[0] == "today"
    assert decide({"act_days": candidate(0.08, 0.01, 0.2)}, rss2022={"act_days": candidate(-0.01, 0, 0)})[0] \
        == "today"
    assert decide({"act_days": candidate(0.08, 0.01, 0.2)}, kcna={"act_days": candidate(-0.01, 0, 0)})[0] == "today"
