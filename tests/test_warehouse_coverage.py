"""Typical coverage, intensity's denominator: whole weeks only, as the partial ones are marked everywhere else."""

from __future__ import annotations

import math
from pathlib import Path

from tension.warehouse import store

from test_report import build_test_db


def test_typical_coverage_leaves_out_the_partial_first_and_last_weeks(tmp_path: Path) -> None:
    # The data starts on a Tuesday (W01: 2 documents) and ends on a Tuesday (W06: 1 document): both weeks are partial.
    # W02 and W04 read 1 document each, W05 2, W03 none (a gap).
    db = build_test_db(tmp_path / "tension.duckdb")
    with store.connect(db, read_only=True) as con:
        rows = {week: (partial, coverage, typical) for week, partial, coverage, typical in con.execute(
            "select iso_week, partial, coverage_documents, typical_coverage from weekly_index "
            "where pair_id = 'PRK-KOR' order by week_start").fetchall()}
    assert [w for w, (partial, _, _) in rows.items() if partial] == ["2024-W01", "2024-W06"]
    assert math.isclose(rows["2024-W01"][2], 2.0)  # no whole week yet: the partial one is all there is
    assert math.isclose(rows["2024-W02"][2], 1.0)
    assert math.isclose(rows["2024-W05"][2], 4 / 3)  # W02, W04, W05; not W01's 2 documents of a part week
    assert math.isclose(rows["2024-W06"][2], 4 / 3)  # W06's own single day does not lower it either
