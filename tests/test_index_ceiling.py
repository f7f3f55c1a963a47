"""Issue 15, eighth round: the ceiling of any measure built from a feed (evaluation.index_ceiling) — the keyword test,
the visibility of each event, the oracles and the labelled draws, each against counts made by hand. The sentences
are our own."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest

from conftest import shared_file
from evaluation.index_ceiling import (COMPARED, JUDGED_WEEKS, KEYWORDS, LABELS, ceiling_correlations,
                                      ceiling_measures, document_flags, event_visibility, keyword_pattern,
                                      label_sample, load_judged_weeks, load_keywords, load_labels,
                                      precision_recall, weekly_items, year_frame)
from tension import run
from tension.config import read_tsv

KEYWORDS_HERE = {"dprk": ["north korea*", "n. korea*", "pyongyang"], "act": ["missile*", "launch*", "fired"]}

# (text, whether it names the DPRK, whether it reports a launch) under KEYWORDS_HERE
CASES = [
    ("North Korea fired a missile into the sea on Sunday.", True, True),
    ("N. Korea launches two projectiles, Seoul says.", True, True),
    ("NORTH KOREAN missiles flew over the strait.", True, True),
    ("Pyongyang hosted a football match.", True, False),
    ("Seoul launched a new subway line.", False, False),            # an act word without the DPRK
    ("The missiles of the North were on parade.", False, False),    # "the North" is not a dprk term here
    ("North Korea's firedamp mines were inspected.", True, False),  # "fired" is a whole word, not a prefix
    ("Northern Koreans fired a salute.", False, False),  # "north korea*" needs "north" as a word
]


@pytest.mark.parametrize("text, names, reports", CASES)
def test_keyword_pattern_matches_whole_words_in_duckdb_and_python_alike(text: str, names: bool,
                                                                         reports: bool) -> None:
    dprk, act = keyword_pattern(KEYWORDS_HERE["dprk"]), keyword_pattern(KEYWORDS_HERE["act"])
    with duckdb.connect() as con:
        in_duckdb = con.execute("select regexp_matches($t, $d, 'i'), regexp_matches($t, $d, 'i') and "
                                "regexp_matches($t, $a, 'i')", {"t": text, "d": dprk, "a": act}).fetchone()
    in_python = (bool(re.search(dprk, text, re.I)), bool(re.search(dprk, text, re.I) and re.search(act, text, re.I)))
    assert in_duckdb == in_python == (names, reports)


MONDAY = date(2022, 1, 3)  # 2022-W01
# Per ISO week of 2022: the documents published on its Monday (+ i days). Week 4 is not read (a feed gap).
DOCUMENTS = {
    1: ["North Korea fired a ballistic missile toward South Korea.",
        "North Korea launched two missiles into the sea, the South Korean military said.",
        "A new bakery opened near the city hall in Daegu."],
    2: ["Pyongyang held a mass rally against South Korea.",
        "The weather in Busan was mild and sunny this week."],
    3: ["A museum in Gwangju reopened after a year of renovation work."],
    5: ["N. Korea fired artillery shells and a missile near the border with South Korea."],
}
HAND = pd.DataFrame({"week": [MONDAY + timedelta(weeks=k - 1) for k in (1, 2, 3, 5)],
                     "documents": [3, 2, 1, 1], "dprk_items": [2, 1, 0, 1], "reporting_items": [2, 0, 0, 1]})


@pytest.fixture(scope="module")
def pipeline_db(module_tmp) -> Path:
    """The documents above through a whole run (tension.run.run_local), as the evaluation reads a database."""
    folder = module_tmp("ceiling")
    lines = [json.dumps({"id": f"w{week}i{i}", "text": text, "source": "Test wire",
                         "published": str(MONDAY + timedelta(weeks=week - 1, days=i))})
             for week, texts in DOCUMENTS.items() for i, text in enumerate(texts)]
    (folder / "inbox.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = folder / "tension.duckdb"
    run.run_local([folder / "inbox.jsonl"], db)
    return db


def test_weekly_items_counts_documents_dprk_items_and_reporting_items_per_week(pipeline_db: Path) -> None:
    items = weekly_items(document_flags(pipeline_db, KEYWORDS_HERE))
    pd.testing.assert_frame_equal(items, HAND, check_dtype=False)


def test_year_frame_puts_events_items_and_index_measures_on_the_weeks_read(pipeline_db: Path) -> None:
    events = pd.Series({MONDAY: 2, MONDAY + timedelta(weeks=2): 1, MONDAY + timedelta(weeks=3): 1})
    weeks = year_frame(pipeline_db, events, KEYWORDS_HERE, 2022, 2022)
    # the gap week (4) has an event but is not read: it is no row, as in every round
    assert list(weeks["week"]) == list(HAND["week"])
    assert list(weeks["events"]) == [2.0, 0.0, 1.0, 0.0]
    assert list(weeks["oracle_count"]) == [2.0, 0.0, 0.0, 0.0]  # week 3's event: nothing reports it
    assert list(weeks["oracle_items"]) == [2.0, 0.0, 0.0, 0.0]
    assert list(weeks["keyword_items"]) == [2.0, 0.0, 0.0, 1.0]
    assert weeks["intensity"].notna().all() and set(COMPARED) <= set(weeks.columns)


def test_event_visibility_puts_each_event_week_in_one_tier() -> None:
    weeks = [MONDAY + timedelta(weeks=k) for k in range(5)]
    items = pd.DataFrame({"week": weeks[:4], "documents": [4, 3, 2, 5], "dprk_items": [2, 0, 1, 3],
                          "reporting_items": [1, 0, 0, 2]})
    events = pd.Series({weeks[0]: 2, weeks[1]: 1, weeks[2]: 3, weeks[4]: 1})
    visible = event_visibility(events, items)
    assert list(visible["tier"]) == ["reported", "no_dprk_item", "not_reported", "feed_gap"]
    assert list(visible["events"]) == [2, 1, 3, 1]
    # week 1's event has nothing the week after; week 2's has week 3's reporting item
    assert list(visible["reported_next_week"]) == [False, False, True, False]


def test_ceiling_measures_follow_their_definitions_and_need_every_event_week_judged() -> None:
    weeks = pd.DataFrame({"week": [MONDAY + timedelta(weeks=k) for k in range(4)],
                          "events": [2.0, 1.0, 0.0, 3.0], "reporting_items": [5, 0, 4, 1]})
    judged = {weeks["week"][0]: True, weeks["week"][1]: True, weeks["week"][3]: False}
    out = ceiling_measures(weeks, judged)
    assert list(out["oracle_count"]) == [2.0, 0.0, 0.0, 3.0]
    assert list(out["oracle_judged"]) == [2.0, 1.0, 0.0, 0.0]
    assert list(out["oracle_items"]) == [5.0, 0.0, 0.0, 1.0]
    assert list(out["keyword_items"]) == [5.0, 0.0, 4.0, 1.0]
    assert ceiling_measures(weeks)["oracle_judged"].isna().all()
    with pytest.raises(ValueError, match="without a judgement"):
        ceiling_measures(weeks, {weeks["week"][0]: True})


def test_an_oracle_that_sees_every_event_ranks_perfectly_and_its_lead_over_intensity_is_paired() -> None:
    rng = np.random.default_rng(3)
    events = rng.integers(0, 3, size=30).astype(float)
    weeks = pd.DataFrame({"week": [MONDAY + timedelta(weeks=k) for k in range(30)], "events": events,
                          "reporting_items": np.where(events > 0, 1, 0), "intensity": rng.random(30),
                          "index_value": rng.random(30), "n_statements": rng.random(30),
                          "plain_vader": rng.random(30)})
    result = ceiling_correlations(ceiling_measures(weeks))
    assert "oracle_judged" not in result  # no judgement given: left out, not NaN
    assert result["oracle_count"][0] == pytest.approx(1.0)
    assert result["oracle_count"][4] == pytest.approx(1.0 - result["intensity"][0])
    assert result["intensity"][4] == pytest.approx(0.0)


def test_precision_recall_per_draw_and_weighted_to_the_strata() -> None:
    labelled = pd.DataFrame({
        "draw": ["d"] * 6, "stratum": ["a", "a", "a", "b", "b", "b"],
        "label": [True, True, False, True, False, False], "reporting": [True, False, True, True, True, False]})
    result = precision_recall(labelled, {"a": 30, "b": 300})
    assert (result["d:a"]["tp"], result["d:a"]["fp"], result["d:a"]["fn"]) == (1, 1, 1)
    assert result["d:b"]["precision"] == pytest.approx(0.5) and result["d:b"]["recall"] == pytest.approx(1.0)
    # weights 10 (a) and 100 (b): tp 10 + 100, fp 10 + 100, fn 10
    assert result["d:weighted"]["precision"] == pytest.approx(110 / 220)
    assert result["d:weighted"]["recall"] == pytest.approx(110 / 120)


def test_label_draws_are_fixed_stratified_and_the_second_keeps_to_north_items() -> None:
    weeks = [MONDAY + timedelta(weeks=k) for k in range(10)]
    flags = pd.DataFrame({"doc_id": [f"d{i:03d}" for i in range(200)], "week": [weeks[i % 10] for i in range(200)],
                          "says_north": [i % 3 == 0 for i in range(200)]})
    event_weeks = set(weeks[:3])
    first = label_sample(flags, event_weeks)
    assert first.equals(label_sample(flags, event_weeks))
    assert first["stratum"].value_counts().to_dict() == {"event_week": 20, "other_week": 20}
    assert all((w in event_weeks) == (s == "event_week") for w, s in zip(first["week"], first["stratum"]))
    second = label_sample(flags, event_weeks, "second")
    assert len(second) == 40 and second["says_north"].all()
    assert not set(second["doc_id"]) & set(first["doc_id"])


def test_keyword_file_has_both_groups_unique_terms_and_a_source_for_each() -> None:
    rows = read_tsv(KEYWORDS)
    terms = load_keywords()
    assert set(terms) == {"dprk", "act"} and all(terms.values())
    assert len({(r["group"], r["term"].lower()) for r in rows}) == len(rows)
    assert all(r["source"] for r in rows)


def test_judged_weeks_and_labels_files_are_well_formed() -> None:
    judged = load_judged_weeks()
    assert all(week.weekday() == 0 for week in judged)  # Mondays: ISO weeks
    assert all(r["note"] and r["source"] for r in read_tsv(JUDGED_WEEKS))
    labels = load_labels()
    assert labels["doc_id"].is_unique
    assert labels.groupby("draw").size().to_dict() == {"first": 40, "second": 40}
    assert all(r["source"] for r in read_tsv(LABELS))


def test_every_2022_event_week_is_judged() -> None:
    from evaluation.index_events import nk_event_days

    shared_file("nk_events/nk_events.csv")
    assert set(load_judged_weeks()) == set(nk_event_days(2022).index)
