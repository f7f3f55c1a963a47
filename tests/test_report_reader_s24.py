"""What an outside reviewer could not recompute or found said twice in the PDF (session 24's findings 5, 7, 12, 13,
15): the intensity's denominator beside it, the extractor's version beside the scorer's, one description of the
hostility scale that matches calibration.tsv, thin and partial weeks marked in the period table, a speaker's kind
not repeated after a name that already says it."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pandas as pd

from tension.reporting import data, front, text
from tension.warehouse import store

from test_weekly_index import add_document, new_db

DATA = Path(__file__).resolve().parents[1] / "tension" / "data"


def _row(**values) -> pd.Series:
    base = {"intensity": 248.8, "feed_gap": False, "partial": False, "low_coverage": False, "intensity_flagged": True,
            "coverage_documents": 49, "typical_coverage": 8.692, "hostile_sum": 21.63,
            "intensity_baseline": 10.4, "intensity_departure_z": 3.7}
    return pd.Series({**base, **values})


def test_the_intensity_cell_prints_the_sum_and_typical_coverage_it_divides() -> None:
    cell = text.intensity_text(_row())
    found = re.search(r"100 × ([\d.]+) ÷ ([\d.]+) documents in a typical week", cell)
    assert found, cell
    hostile, typical = map(float, found.groups())
    assert abs(100 * hostile / typical - 248.8) < 1.5  # a reader recomputes it from the printed figures
    assert "▲ unusually high" in cell


def test_the_coverage_line_names_the_typical_week_even_when_coverage_is_not_low() -> None:
    line = text.coverage_text(pd.Series({"feed_gap": False, "coverage_documents": 49, "outlets": 3, "days_covered": 7,
                                         "partial": False, "low_coverage": False, "typical_coverage": 8.692}))
    assert "a typical week: 8.7 documents" in line, line


def test_a_name_that_already_says_the_kind_gets_no_second_kind() -> None:
    found = pd.DataFrame({"speaker_actor": ["military (KOR)", "Republic of Korea", None],
                          "speaker": ["the military", "lawmakers", "he"],
                          "speaker_kind": ["military", "party_legislature", None]})
    assert list(data.speaker_named(found)) == ["military (KOR)", "Republic of Korea (party legislature)", "he"]


def test_a_period_tables_week_marks_a_thin_or_partial_week() -> None:
    thin = pd.Series({"index_value": 0.0, "iso_week": "2022-W27", "thin": True, "n_state_statements": 1,
                      "partial": False})
    assert text.period_week_cell(thin) == "+0.00 (2022-W27)<br/><font size=7>thin: 1 state-voice statement</font>"
    last = pd.Series({"index_value": 0.0, "iso_week": "2022-W52", "thin": True, "n_state_statements": 2,
                      "partial": True, "days_covered": 6})
    cell = text.period_week_cell(last)
    assert "thin: 2 state-voice statements" in cell and "partial: 6 of 7 days read" in cell, cell
    firm = pd.Series({"index_value": 0.31, "iso_week": "2022-W10", "thin": False, "n_state_statements": 9,
                      "partial": False})
    assert text.period_week_cell(firm) == "+0.31 (2022-W10)"


def test_the_front_page_names_the_extractor_version_of_the_documents_read(tmp_path: Path) -> None:
    path = new_db(tmp_path / "t.duckdb")
    with store.connect(path) as con:
        add_document(con, "a", date(2024, 1, 3))
        add_document(con, "b", date(2024, 1, 4))
        con.execute("update documents set extractor_version = 'x-1' where doc_id = 'a'")
        facts = data.data_quality(con, date(2024, 1, 1), date(2024, 1, 1))
    assert facts["extractor_versions"] == "x-1 (1 document), not recorded (1)"
    assert front.version_line(facts) == "scorer version test · extractor version x-1 (1 document), not recorded (1)"


def _scale_sentence(tsv_text: str) -> str:
    """The hostility column's description of the scale: its comment between "[-1, +1]: " and "; see explanation"."""
    row = next(line for line in tsv_text.splitlines() if line.startswith("*\thostility\t"))
    found = re.search(r"\[-1, \+1\]: (.+); see explanation", row.split("\t")[2])
    assert found, row
    return found.group(1)


def test_one_description_of_the_hostility_scale_in_the_view_and_the_report_matching_calibration() -> None:
    words = _scale_sentence((DATA / "view_columns.tsv").read_text(encoding="utf-8"))
    method = (DATA / "report_methodology.md").read_text(encoding="utf-8")
    assert words in method  # the PDF's "How to read" says the same words
    assert "talks" not in words.split("anchors")[0]  # no point of the scale is given to talks the anchors never reach
    anchors = pd.read_csv(DATA / "calibration.tsv", sep="\t", comment="#")
    inner = anchors[(anchors["calibrated"] > -1) & (anchors["calibrated"] < 1)]["calibrated"]
    assert f"from −{abs(inner.min()):.2f}" in words  # the most cooperative anchor, as calibration.tsv has it
    assert f"to +{inner.max():.2f}" in words  # the most hostile one
    assert "−0.3 as talks" not in method and "-0.67 talks" not in method


def test_tension_runs_names_the_extractor_version_of_each_run(seed_run) -> None:
    import json

    from typer.testing import CliRunner

    from tension.cli import app
    from tension.extract.version import extractor_version

    listed = CliRunner().invoke(app, ["runs", "--db", str(seed_run["database"]), "--format", "json"])
    assert listed.exit_code == 0, listed.output
    rows = [json.loads(line) for line in listed.output.splitlines() if line.startswith("{")]
    assert rows and rows[0]["extractor_version"] == extractor_version(), rows
