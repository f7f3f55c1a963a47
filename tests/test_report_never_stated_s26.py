"""A pair no stored statement ever bore on (session 25): "check the codes ... in the pairs file" only for a pair the
user's own pairs file gave. A plain run has no pairs file of the user's: its packaged pairs' codes are right, and the
line sent a reader looking for a file they never gave (docs/reliability.md, session 25's "Noticed, not fixed")."""

from __future__ import annotations

from pathlib import Path

from tension.config import Pair, load_pairs
from tension.reporting.data import latest_summary, read_report_data
from tension.warehouse import store

from test_report import build_test_db

PLAIN = "no statement in the whole database bore on this pair"


def _without_russia(path: Path) -> Path:
    """The report tests' database, the packaged pairs as a plain run sets them, and no statement on Russia."""
    build_test_db(path)
    with store.connect(path) as con:
        store.set_pairs(con, load_pairs())
        con.execute("delete from statements where speaker_country = 'RUS' or list_contains(targets, 'RUS')")
    return path


def test_a_packaged_pair_with_no_statement_names_no_pairs_file(tmp_path: Path) -> None:
    """Russia–ROK of the packaged pairs, never stated: the run's line and the report say so plainly."""
    db = _without_russia(tmp_path / "t.duckdb")
    lines = latest_summary(db, "2024-W05")
    assert f"Russia–ROK 2024-W05: {PLAIN}" in lines, lines
    assert not any("check the codes" in line or "pairs file" in line for line in lines), lines
    data, _ = read_report_data(db, "2024-W05", None)
    assert data.never == {"RUS-KOR": PLAIN}


def test_a_pair_of_the_users_pairs_file_still_says_check_the_codes(tmp_path: Path) -> None:
    """A pair the packaged file does not have came from a --pairs file: its codes may be a typo (JAM for JPN). A
    packaged pair listed again in that file keeps the plain words (its codes are the packaged ones)."""
    db = _without_russia(tmp_path / "t.duckdb")
    with store.connect(db) as con:
        store.set_pairs(con, load_pairs() + [Pair("PRK-JAM", "DPRK–Japan typo", "PRK", "JAM"),
                                             Pair("KOR-RUS", "ROK–Russia", "KOR", "RUS")])
    lines = latest_summary(db, "2024-W05")
    assert ("DPRK–Japan typo 2024-W05: no statement in the whole database — check the codes PRK and JAM in the "
            "pairs file") in lines, lines
    assert f"Russia–ROK 2024-W05: {PLAIN}" in lines, lines
    assert f"ROK–Russia 2024-W05: {PLAIN}" in lines, lines  # the packaged pair's codes, the other way round
