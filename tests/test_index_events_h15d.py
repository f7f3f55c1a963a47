"""Issue 15, fourth round: RSS 2024 out of sample (evaluation.index_events --rss2024). The event series per year are
data (evaluation/data/nk_event_series.tsv); the measures are read from a real pipeline run on the real RSS 2024 file
(skipped with the reason when ../shared is absent); the pre-registered rule is checked on its own."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from conftest import SHARED_DATA, shared_file
from evaluation.events import CORPORA
from evaluation.index_events import EVENT_SERIES, event_series, nk_event_days, primary_series
from evaluation.index_rounds import FOURTH_CANDIDATES, FOURTH_MEASURES, fourth_round_decision, rss_2024, year_weeks
from evaluation.scoring import spearman
from tension import run
from tension.config import read_tsv
from tension.ingest.batch_files import read_jsonl
from tension.ingest.document import Document

NK_EVENT_TYPES = {"missile", "attack", "trash_balloon", "nuclear_test"}  # nk_events README, "Type mapping"


def test_event_series_file_is_data_with_a_source_and_one_primary_series_a_year() -> None:
    rows = read_tsv(EVENT_SERIES)
    assert rows and set(rows[0]) == {"year", "series", "type", "primary", "source"}
    assert all(row["source"] for row in rows)
    assert {row["type"] for row in rows} <= NK_EVENT_TYPES
    assert len({(row["year"], row["series"], row["type"]) for row in rows}) == len(rows)
    for year in {int(row["year"]) for row in rows}:
        assert sum(primary for _, primary in event_series(year).values()) == 1
    assert primary_series(2022) == "missiles" and primary_series(2024) == "dprk_acts"
    assert event_series(2024)["dprk_acts"][0] == {"missile", "trash_balloon"}
    assert event_series(2024)["missiles"][0] == {"missile"}


def test_event_series_refuses_a_year_without_series_or_with_two_primaries(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no event series for 2019"):
        event_series(2019)
    bad = tmp_path / "series.tsv"
    bad.write_text("year\tseries\ttype\tprimary\tsource\n2024\ta\tmissile\tyes\tx\n2024\tb\tmissile\tyes\tx\n",
                   encoding="utf-8")
    with pytest.raises(ValueError, match="exactly one primary series"):
        event_series(2024, bad)
    bad.write_text("year\tseries\ttype\tprimary\tsource\n2024\ta\tmissile\tyes\tx\n2024\ta\tattack\tno\tx\n",
                   encoding="utf-8")
    with pytest.raises(ValueError, match="primary 'yes' or 'no' on every row"):
        event_series(2024, bad)


def distinct_events(year: int, kinds: set[str]) -> set[tuple[str, str]]:
    """(date, type) of nk_events in `year` among `kinds`, read here with the csv module (the README's recipe)."""
    with open(shared_file("nk_events/nk_events.csv"), encoding="utf-8") as handle:
        return {(r["date"], r["type"]) for r in csv.DictReader(handle)
                if r["type"] in kinds and r["date"].startswith(str(year))}


def test_event_days_count_distinct_dates_and_types_per_week() -> None:
    shared_file("nk_events/nk_events.csv")
    # 2022 as every earlier round read it: 34 missile dates in 23 weeks (the flag tables' 23 event weeks).
    rss2022 = nk_event_days(2022)
    assert (rss2022.sum(), len(rss2022)) == (34, 23) == (len(distinct_events(2022, {"missile"})), 23)
    # 2024: 12 launch dates and 33 balloon dates; on two days both, which count as two events.
    acts, missiles = nk_event_days(2024, series="dprk_acts"), nk_event_days(2024, series="missiles")
    assert nk_event_days(2024).equals(acts)
    assert missiles.sum() == len(distinct_events(2024, {"missile"})) == 12
    assert acts.sum() == len(distinct_events(2024, {"missile", "trash_balloon"})) == 45
    assert acts[date(2024, 5, 27)] == 5 and missiles[date(2024, 5, 27)] == 2  # 2024-W22: 2 launch days, 3 balloon
    assert all(monday.weekday() == 0 for monday in acts.index)


def rss2024_fields() -> dict[str, str]:
    return dict(item.split("=", 1) for item in CORPORA["rss2024"][1])


def test_the_rss2024_field_mapping_reads_every_item_into_its_29_weeks() -> None:
    """The mapping `--rss2024`'s run uses: all 197 items read, none rejected, each with a title and lede as text,
    in the 29 ISO weeks of 2024 whose scanned feed-days kept an item (the corpus's coverage.tsv)."""
    path = shared_file(CORPORA["rss2024"][0])
    documents = list(read_jsonl(path, rss2024_fields()))
    assert len(documents) == 197 and all(isinstance(d, Document) for d in documents)
    weeks = {d.published.isocalendar()[:2] for d in documents}
    with open(path.parent / "coverage.tsv", encoding="utf-8", newline="") as handle:
        kept = {date.fromisoformat(r["file_date"]).isocalendar()[:2]
                for r in csv.DictReader(handle, delimiter="\t") if int(r["kept_after_dedup"] or 0) > 0}
    assert weeks == kept and len(weeks) == 29
    assert all(d.url and d.source.startswith("https://") and "\n" in d.text.strip() for d in documents)


@pytest.fixture(scope="module")
def rss2024_db(module_tmp) -> Path:
    """The real RSS 2024 file through a whole run, as `tension run ... --field ...` builds it for the evaluation."""
    path = SHARED_DATA / CORPORA["rss2024"][0]
    if not path.exists():
        pytest.skip(f"{path} not present (../shared/data is only available in the project's CI and dev machines)")
    db = module_tmp("h15d") / "rss2024.duckdb"
    run.run_local([path], db, fields=rss2024_fields())
    return db


@pytest.mark.slow  # a whole run of the real RSS 2024 corpus (197 items)
def test_year_weeks_are_the_weeks_read_with_every_measure(rss2024_db: Path) -> None:
    weeks = year_weeks(rss2024_db, 2024)
    assert len(weeks) == 29 and all(w.isocalendar()[0] == 2024 for w in weeks["week"])
    assert set(FOURTH_MEASURES) <= set(weeks.columns)
    assert weeks["week"].is_monotonic_increasing
    # Read weeks: intensity and its candidates are 0 or more (never NULL); tone and plain VADER have a value only
    # where there is a pair statement; `today` is tension_index's intensity.
    assert weeks[["today", *FOURTH_CANDIDATES, "n_statements"]].notna().all().all()
    assert (weeks["index_value"].notna() == (weeks["n_statements"] > 0)).all()
    assert (weeks["plain_vader"].notna() == (weeks["n_statements"] > 0)).all()
    assert np.allclose(weeks["today"], weeks["intensity"])
    assert (weeks["is_act"] <= weeks["today"] + 1e-9).all() and (weeks["force"] <= weeks["today"] + 1e-9).all()


@pytest.mark.slow  # a whole run of the real RSS 2024 corpus (197 items)
def test_rss_2024_correlates_each_measure_with_each_series_over_the_weeks_with_a_value(rss2024_db: Path) -> None:
    result = rss_2024(rss2024_db)
    assert set(result) == {"dprk_acts", "missiles"}
    assert result["dprk_acts"]["primary"] and not result["missiles"]["primary"]
    weeks = year_weeks(rss2024_db, 2024)
    for name, series in result.items():
        counts = nk_event_days(2024, series=name)
        events = weeks["week"].map(lambda w, c=counts: c.get(w, 0)).to_numpy(float)
        assert series["event_weeks"] == int((events > 0).sum()) and series["events"] == int(events.sum())
        for measure in FOURTH_MEASURES:
            valid = weeks[measure].notna().to_numpy()
            rho, n, low, high = series["measures"][measure]
            assert n == valid.sum()
            assert rho == pytest.approx(spearman(weeks.loc[valid, measure].to_numpy(float), events[valid]))
            assert low <= high
        for name_ in FOURTH_CANDIDATES:
            cand = series["candidates"][name_]
            assert cand[0] == pytest.approx(series["measures"][name_][0])
            assert cand[4] == pytest.approx(series["measures"][name_][0] - series["measures"]["today"][0])
    # Balloons add events in weeks read: the primary series has more event weeks than launches alone.
    assert result["dprk_acts"]["event_weeks"] > result["missiles"]["event_weeks"] > 0


def candidate(diff: float, low: float, high: float) -> tuple:
    """A variant_correlations row: ρ, n, ρ's interval, difference from today and its interval (only 4-6 read)."""
    return (0.5 + diff, 29, 0.0, 0.9, diff, low, high)


def fourth_round(is_act: tuple, force: tuple, rss2022: tuple = (0.02, 0.03), kcna: tuple = (0.1, 0.1),
                 secondary_is_act: tuple = (0.0, -0.1, 0.1)) -> tuple[str, list[str]]:
    rss2024 = {"missiles": {"primary": False, "candidates": {"is_act": candidate(*secondary_is_act),
                                                             "force": candidate(0.0, -0.1, 0.1)}},
               "dprk_acts": {"primary": True, "candidates": {"is_act": candidate(*is_act),
                                                             "force": candidate(*force)}}}
    return fourth_round_decision(rss2024,
                                 {"is_act": candidate(rss2022[0], 0, 0), "force": candidate(rss2022[1], 0, 0)},
                                 {"is_act": candidate(kcna[0], 0, 0), "force": candidate(kcna[1], 0, 0)})


def test_the_rule_switches_only_on_a_clear_primary_win_not_worse_elsewhere() -> None:
    assert fourth_round((0.08, 0.01, 0.2), (0.0, -0.1, 0.1))[0] == "is_act"
    # Of two that pass, the larger 2024 difference wins.
    assert fourth_round((0.06, 0.01, 0.2), (0.09, 0.02, 0.3))[0] == "force"
    # Each condition on its own keeps today: a win under 0.05, an interval that holds 0, worse on RSS 2022 or KCNA.
    assert fourth_round((0.04, 0.01, 0.2), (0.0, -0.1, 0.1))[0] == "today"
    assert fourth_round((0.08, -0.01, 0.2), (0.0, -0.1, 0.1))[0] == "today"
    assert fourth_round((0.08, 0.01, 0.2), (0.0, -0.1, 0.1), rss2022=(-0.01, 0.03))[0] == "today"
    assert fourth_round((0.08, 0.01, 0.2), (0.0, -0.1, 0.1), kcna=(-0.01, 0.1))[0] == "today"
    # The secondary series does not enter the rule, however large its difference.
    headline, reasons = fourth_round((0.0, -0.1, 0.1), (0.0, -0.1, 0.1), secondary_is_act=(0.3, 0.1, 0.5))
    assert headline == "today" and len(reasons) == 2 and reasons[0].startswith("`is_act`: 2024 difference +0.00")
