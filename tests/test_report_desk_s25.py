"""What a Japan-desk analyst met in the report with five configured pairs (session 25's tester): the outlet table
across the page, the front page's mover, the period report's statements, a pair no statement ever bore on."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from reportlab.lib.units import cm

from tension.config import Pair, load_pairs
from tension.reporting import back, report
from tension.reporting.data import latest_summary, read_report_data
from tension.reporting.layout import FRAME_PADDING, MARGIN, PAGE, register_fonts, report_styles
from tension.warehouse import store

from test_report import _document, _statement, build_test_db, pdf_text

pytestmark = pytest.mark.slow  # whole PDF reports rendered

DESK_PAIRS = [Pair("JPN-KOR", "Japan–ROK", "JPN", "KOR"), Pair("PRK-JPN", "DPRK–Japan", "PRK", "JPN"),
              Pair("CHN-KOR", "China–ROK", "CHN", "KOR")]


def desk_db(path: Path) -> Path:
    """The report tests' database with the Japan desk's three pairs after the two default ones, and a Japan–ROK and
    a China–ROK statement in 2024-W05 (a sentence of our own each)."""
    build_test_db(path)
    with store.connect(path) as con:
        store.set_pairs(con, load_pairs() + DESK_PAIRS)
        _statement(con, "d5:2", "Tokyo protested Seoul's survey near the disputed islets.", "Tokyo", "Japan", "JPN",
                   ["KOR"], 0.5, [("protested", 0.35)], -0.2)
        _statement(con, "d6:1", "Beijing criticised Seoul's new missile defence deployment.", "Beijing", "China",
                   "CHN", ["KOR"], 0.6, [("criticised", 0.4)], -0.3)
    return path


def test_every_pairs_outlet_columns_fit_the_page_with_five_pairs(tmp_path: Path) -> None:
    """Five pairs' two columns each ran off the page in one outlet table (China–ROK unseen): each table fits the
    page's text width, and every configured pair has its columns in one of them."""
    db = desk_db(tmp_path / "t.duckdb")
    data, scope = read_report_data(db, "2024-W05", None)
    register_fonts()
    section = back._outlet_section(data, scope, report_styles())
    tables = [f for f in section if hasattr(f, "_colWidths")]
    width = PAGE[0] - 2 * MARGIN - 2 * FRAME_PADDING
    assert tables and all(sum(t._colWidths) <= width for t in tables), [sum(t._colWidths) / cm for t in tables]
    heads = " ".join(p.getPlainText() for t in tables for p in t._cellvalues[0])
    for name in ("Russia–ROK", "DPRK–ROK", "Japan–ROK", "DPRK–Japan", "China–ROK"):
        assert f"{name}: state-voice statements" in heads
    assert len(tables) == 2  # 3 pairs and 2, the outlets repeated in each
    text = pdf_text(report.build_report(db, tmp_path, week="2024-W05"))
    assert "5 pairs do not fit one table across the page: 2 tables" in text


def test_every_pair_page_of_a_period_lists_the_statements_of_its_highest_weeks(tmp_path: Path) -> None:
    """A period's pair pages listed statements only for flagged weeks: an unflagged pair's "highest week" could not
    be checked from the PDF, though the README says every report lists its statements."""
    db = desk_db(tmp_path / "t.duckdb")
    text = pdf_text(report.build_report(db, tmp_path, period="2024-W01..2024-W06"))
    for name, week, statement in (("Japan–ROK", "2024-W05", "d5:2"), ("China–ROK", "2024-W05", "d6:1")):
        page = text.split(f"{name} — 2024-W01..2024-W06")[1]
        assert f"Statements of {week}, the week of the highest intensity" in page, page[:2000]
        assert statement in page
    russia = text.split("Russia–ROK — 2024-W01..2024-W06")[1].split("DPRK–ROK — ")[0]
    assert "of the highest tone index" in russia, russia[:3000]


def test_a_pair_no_statement_ever_bore_on_says_check_the_codes(tmp_path: Path) -> None:
    """JAM (Jamaica) typed for JPN passed as a real country: the run said "no statements" and the period report
    printed its intensity as 0.0, read and calm. A pair no stored statement ever bore on says so, and its codes."""
    db = desk_db(tmp_path / "t.duckdb")
    with store.connect(db) as con:
        store.set_pairs(con, load_pairs() + DESK_PAIRS + [Pair("PRK-JAM", "Japan–DPRK typo", "PRK", "JAM")])
    said = "no statement in the whole database — check the codes PRK and JAM in the pairs file"
    lines = latest_summary(db, "2024-W04")
    assert f"Japan–DPRK typo 2024-W04: {said}" in lines, lines
    assert "DPRK–ROK 2024-W04: no statements" in lines, lines  # a pair with statements in other weeks: as before
    week = pdf_text(report.build_report(db, tmp_path, week="2024-W05"))
    assert said in " ".join(week.split()), week[:3000]
    period = " ".join(pdf_text(report.build_report(db, tmp_path, period="2024-W01..2024-W06")).split())
    typo = period.split("Japan–DPRK typo", 1)[1][:400]
    assert said in typo and "0.0" not in typo.split("check the codes")[0], typo
    assert typo.startswith(" not computed: no statement ever"), typo
