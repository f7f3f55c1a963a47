"""The weekly PDF, built from a small real DuckDB file and read back with pypdf."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from tension.reporting import data, report, scope
from tension.warehouse import store
from tension.config import load_pairs

from test_weekly_index import build_known

pytestmark = pytest.mark.slow  # whole PDF reports rendered (matplotlib, reportlab); `make check` keeps test_cli's one

KIM_QUOTE = "The puppet clique of the South will face a merciless response to any provocation"
REJECT_REASON = "front matter has no published date"


def _document(con, doc_id: str, published: date, source: str) -> None:
    con.execute(
        """insert into documents (doc_id, published, date_source, title, source, url, speaker, path, item,
                                  external_id, caption, body, n_statements)
           values (?, ?, 'front matter', ?, ?, '', null, ?, '', '', '', 'body', 0)""",
        [doc_id, published, f"title of {doc_id}", source, f"seeds/{doc_id}.md"],
    )


def _statement(con, statement_id: str, content: str, speaker: str, actor: str | None, country: str | None,
               targets: list[str], hostility: float, cues: list[tuple[str, float]] = (), vader: float = 0.0,
               modality: str = "asserted", role: str | None = None) -> None:
    doc_id, seq = statement_id.split(":")
    con.execute(
        """insert into statements (statement_id, doc_id, seq, sentence_index, char_start, char_end, content, speaker,
                                   speaker_actor, speaker_country, speaker_role, cue, is_act, modality, attribution,
                                   targets)
           values (?, ?, ?, 0, 0, ?, ?, ?, ?, ?, ?, ?, false, ?, 'test', ?)""",
        [statement_id, doc_id, int(seq), len(content), content, speaker, actor, country, role, "said", modality,
         targets],
    )
    explanation = {
        "vader_compound": vader, "vader_part": -vader / 2,
        "cues": [{"cue": c, "matched": c, "weight": w, "cameo": "", "negated": False} for c, w in cues],
        "cue_sum": sum(w for _, w in cues), "modality": modality, "modality_factor": 1.0, "formula": "test",
    }
    con.execute(
        "insert into scores (statement_id, scorer_version, hostility, vader_compound, cue_sum, modality_factor,"
        " explanation) values (?, 'test-v1', ?, ?, ?, 1.0, ?)",
        [statement_id, hostility, vader, explanation["cue_sum"], json.dumps(explanation)],
    )


def build_test_db(path: Path) -> Path:
    """Six ISO weeks of 2024: two documents in W01, DPRK only in W02, nothing in W03, one statement in W04,
    both pairs in W05, and in W06 only a statement whose speaker was not resolved."""
    con = store.connect(path)
    store.create_schema(con)
    store.set_pairs(con, load_pairs())
    store.set_setting(con, "scorer_version", "test-v1")
    _document(con, "d1", date(2024, 1, 2), "Yonhap")
    _statement(con, "d1:0", 'Calling Yoon\'s remarks "blatantly biased," she said Seoul was a bargaining chip.',
               "she", "Maria Zakharova", "RUS", ["KOR"], 0.43, [("biased", 0.25)], -0.13,
               role="foreign ministry spokesperson")
    _statement(con, "d1:1", "Chung expressed Seoul's grave position on Moscow's military cooperation.",
               "Chung", "Chung Byung-won", "KOR", ["RUS"], 0.66, [("grave position", 0.3)], 0.1)
    _document(con, "d2", date(2024, 1, 4), "")
    _statement(con, "d2:0", "Yoon welcomed talks with Moscow on fisheries cooperation.", "Yoon", "Yoon Suk Yeol",
               "KOR", ["RUS"], -0.35, [("talks", -0.2)], 0.4)
    _document(con, "d3", date(2024, 1, 10), "KCNA")
    _statement(con, "d3:0", KIM_QUOTE + ", Kim Yŏ-jŏng warned.", "Kim Yo Jong", "Kim Yŏ-jŏng", "PRK", ["KOR"],
               0.95, [("puppet", 0.4), ("merciless", 0.5)], -0.6, modality="threat_or_future")
    _document(con, "d4", date(2024, 1, 24), "TASS")
    _statement(con, "d4:0", "Lavrov said Moscow valued its long friendship with Seoul.", "Lavrov", "Sergei Lavrov",
               "RUS", ["KOR"], -0.5, [("friendship", -0.4)], 0.6)
    _document(con, "d5", date(2024, 2, 2), "Yonhap")
    _statement(con, "d5:0", "The Joint Chiefs of Staff condemned the missile launch.", "the JCS",
               "Joint Chiefs of Staff", "KOR", ["PRK"], 0.7, [("condemn", 0.4), ("missile", 0.2)], -0.4)
    _statement(con, "d5:1", "Rudenko visited Seoul for talks on bilateral ties.", "Rudenko", "Andrei Rudenko",
               "RUS", ["KOR"], -0.2, [("visit", -0.19)], 0.0)
    _document(con, "d6", date(2024, 2, 3), "Yonhap")
    _statement(con, "d6:0", "Seoul summoned Russian Ambassador Georgy Zinoviev to protest the rude comments.",
               "Seoul", "Republic of Korea", "KOR", ["RUS"], 0.92,
               [("summoned Russian Ambassador", 0.45), ("protest", 0.35)], -0.73)
    _document(con, "d7", date(2024, 2, 6), "Yonhap")
    _statement(con, "d7:0", "Officials said the drills would continue.", "officials", None, None, ["KOR"], 0.1)
    con.execute("insert into rejected_documents (path, item, reason) values ('seeds/broken.md', '', ?)",
                [REJECT_REASON])
    con.close()
    return path


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """The six-week database as a file."""
    return build_test_db(tmp_path / "tension.duckdb")


def pdf_text(path: Path) -> str:
    """All text of a PDF with whitespace runs collapsed, so wrapped table cells read as one line."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def test_report_for_a_known_week(db_path: Path, tmp_path: Path) -> None:
    pdf = report.build_report(db_path, tmp_path / "reports", week="2024-W02")
    assert pdf == tmp_path / "reports" / "all_2024-W02.pdf"
    text = pdf_text(pdf)
    assert "Tension index — week 2024-W02 (8 Jan – 14 Jan 2024)" in text
    assert "Russia–ROK" in text and "DPRK–ROK" in text
    assert "merciless response" in text
    assert "Kim Yŏ-jŏng" in text  # non-ASCII names render
    assert "PRK→KOR" in text
    assert REJECT_REASON in text
    assert "No statements for this pair in week 2024-W02" in text
    assert "How to read this index" in text and "METHODOLOGY.md" in text
    assert "Data quality" in text
    assert text.index("Russia–ROK —") < text.index("DPRK–ROK —")  # pair pages in configured order
    fonts = {font["/BaseFont"] for page in PdfReader(pdf).pages
             for font in (f.get_object() for f in page["/Resources"]["/Font"].values())}
    assert fonts and all("DejaVuSans" in name or "NanumGothic" in name for name in fonts), fonts  # not Helvetica
    for stem in ("RUS-KOR_2024-W02", "PRK-KOR_2024-W02", "all_2024-W02"):
        for suffix in ("png", "svg"):
            assert (tmp_path / "reports" / f"{stem}.{suffix}").stat().st_size > 0


def test_front_page_has_value_change_trend_and_reason(db_path: Path, tmp_path: Path) -> None:
    pdf = report.build_report(db_path, tmp_path, week="2024-W05")
    first_page = " ".join(PdfReader(pdf).pages[0].extract_text().split())
    # Russia–ROK in W05: documents d5 (−0.20) and d6 (+0.92) → (−0.20 + 0.92) / 3 = +0.24; W04 was −0.50 / 2.
    assert "+0.24" in first_page and "+0.49" in first_page
    assert "Republic of Korea (KOR→RUS, +0.92): “Seoul summoned Russian Ambassador" in first_page  # what moved it
    assert "rising" in first_page or "steady" in first_page or "falling" in first_page or "—" in first_page
    text = pdf_text(pdf)
    # The directed halves use the index formula: one document each, pulled halfway to 0.
    assert "RUS→KOR −0.10 (1), KOR→RUS +0.46 (1)" in text
    assert "summoned Russian Ambassador +0.45; protest +0.35; VADER −0.73" in text
    assert "Chung" not in text  # another week's statement


def test_default_week_is_the_last_complete_week(db_path: Path, tmp_path: Path) -> None:
    # The last document is dated Tuesday 6 Feb 2024 (W06): W05 is the last complete week.
    pdf = report.build_report(db_path, tmp_path)
    assert pdf.name == "all_2024-W05.pdf"
    assert "this is the last complete week in the data (the last document is dated Tue 06 Feb 2024)" in pdf_text(pdf)


def test_week_without_any_statement_says_so(db_path: Path, tmp_path: Path) -> None:
    text = pdf_text(report.build_report(db_path, tmp_path, week="2024-W03"))
    assert text.count("No statements for this pair in week 2024-W03") == 2
    assert "no statements" in text


def test_data_quality_counts(db_path: Path, tmp_path: Path) -> None:
    with store.connect(db_path) as con:
        con.execute("update documents set date_source = 'dateline ''SEOUL, Feb. 6 (Yonhap)'' + year' "
                    "where doc_id = 'd7'")
    text = pdf_text(report.build_report(db_path, tmp_path, week="2024-W06"))
    assert "Documents read and stored 1 7" in text
    assert "Statements without a resolved speaker 1 (100%) 1" in text
    assert "dateline 'SEOUL, Feb. 6 (Yonhap)' + year yes: from the text 1 1" in text  # a date inferred
    assert "front matter no: metadata 0 6" in text
    assert REJECT_REASON in text and "seeds/broken.md" in text


def test_period_report(db_path: Path, tmp_path: Path) -> None:
    pdf = report.build_report(db_path, tmp_path, period="2024-W01..2024-W06")
    assert pdf.name == "all_2024-W01_2024-W06.pdf"
    text = pdf_text(pdf)
    assert "Tension index — period 2024-W01..2024-W06 (1 Jan – 11 Feb 2024)" in text
    assert "Weeks with statements" in text and "Tone index over the period" in text
    assert "Intensity: mean of the weeks read (highest week)" in text
    # Russia–ROK over the period: documents d1 (0.545), d2 (−0.35), d4 (−0.5), d5 (−0.2), d6 (0.92) / (5 + 1).
    assert f"{(0.545 - 0.35 - 0.5 - 0.2 + 0.92) / 6:+.2f}" in text
    assert "Data quality" in text and "How to read this index" in text
    assert (tmp_path / "PRK-KOR_2024-W01_2024-W06.svg").exists()


def test_period_is_clipped_to_the_data_and_refused_outside_it(db_path: Path, tmp_path: Path) -> None:
    text = pdf_text(report.build_report(db_path, tmp_path, period="2023-W50..2024-W10"))
    assert "Asked for 2023-W50..2024-W10; the data covers 2024-W01 .. 2024-W06." in text
    with pytest.raises(ValueError, match="no data in 2022-W01..2022-W10"):
        report.build_report(db_path, tmp_path, period="2022-W01..2022-W10")
    for bad in ("2024-W01", "2024-W05..2024-W01", "2024-W01..later"):
        with pytest.raises(ValueError):
            report.build_report(db_path, tmp_path, period=bad)


def test_flagged_week_is_listed_with_its_statement(tmp_path: Path) -> None:
    db = build_known(tmp_path / "known.duckdb")
    text = pdf_text(report.build_report(db, tmp_path, period="2024-W01..2024-W08"))
    assert "Flagged weeks (1)" in text
    assert "2024-W08" in text and "▼" in text and "statement w8d0:0" in text  # the most cooperative statement
    week = pdf_text(report.build_report(db, tmp_path, week="2024-W08"))
    assert "flagged" in week and "SD below baseline" in week


def test_long_quotes_are_cut_and_wrap(db_path: Path, tmp_path: Path) -> None:
    words = "The spokesman said the South's reckless drills would be met with a response. " * 40
    with store.connect(db_path) as con:
        _document(con, "long", date(2024, 1, 11), "KCNA")
        _statement(con, "long:0", words, "KCNA", "KCNA", "PRK", ["KOR"], 0.8)
    text = pdf_text(report.build_report(db_path, tmp_path, week="2024-W02"))
    assert "The spokesman said the South's reckless drills" in text
    # Whole up to 700 characters (a third of a page), then cut with the id to look it up.
    assert 5 < text.count("reckless drills") < 40
    assert "long:0 (cut: the whole statement is in pair_statements)" in text


@pytest.mark.parametrize("week", ["2024-W99", "2024-W5", "2024-05", "last week", "2023-W53"])
def test_malformed_week_is_refused(db_path: Path, tmp_path: Path, week: str) -> None:
    with pytest.raises(ValueError, match="is not an ISO week"):
        report.build_report(db_path, tmp_path, week=week)


def test_week_outside_the_data_is_refused(db_path: Path, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"no data for 2023-W01; the data covers 2024-W01 \.\. 2024-W06"):
        report.build_report(db_path, tmp_path, week="2023-W01")


def test_database_is_only_read(db_path: Path, tmp_path: Path) -> None:
    before = db_path.read_bytes()
    report.build_report(db_path, tmp_path, week="2024-W01")
    assert db_path.read_bytes() == before
    assert not Path(str(db_path) + ".wal").exists()


def test_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no database"):
        report.build_report(tmp_path / "absent.duckdb", tmp_path)


def test_empty_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.duckdb"
    con = store.connect(path)
    store.create_schema(con)
    store.set_pairs(con, load_pairs())
    con.close()
    with pytest.raises(scope.ScopeError, match="no statement bears on a configured pair"):
        report.build_report(path, tmp_path)
    # In a run, that is a line saying why there is no report, not a failed run.
    from tension import run

    assert run.report(path, tmp_path) == {
        "report": None, "report_skipped": "no statement bears on a configured pair yet (see tension/data/pairs.tsv "
                                          "or --pairs): there is no week to report",
        "reports_rewritten": [], "reports_not_rewritten": []}


def test_a_week_and_a_period_together_are_refused(db_path: Path, tmp_path: Path) -> None:
    with pytest.raises(scope.ScopeError, match="either a week or a period"):
        report.build_report(db_path, tmp_path, week="2024-W02", period="2024-W01..2024-W03")


def test_text_helpers() -> None:
    assert report.parse_iso_week("2024-W05") == date(2024, 1, 29)
    assert report.parse_period("2011-W01..2012-W48") == (date(2011, 1, 3), date(2012, 11, 26))
    assert report.week_span(date(2024, 1, 29)) == "29 Jan – 4 Feb 2024"
    assert report.week_span(date(2024, 12, 30)) == "30 Dec 2024 – 5 Jan 2025"
    assert report.week_span(date(2011, 1, 3), date(2012, 11, 26)) == "3 Jan 2011 – 2 Dec 2012"
    assert report.signed(-0.001) == "+0.00" and report.signed(-0.73) == "−0.73" and report.signed(None) == "—"
    long = "word " * 100
    assert len(report.shorten(long, 300)) <= 300 and report.shorten(long, 300).endswith("…")
    assert report.display_quote("Kim said., , It will., , , ,", 100) == "Kim said. ¶ It will."
    # a quotation inside the quote is printed with single marks: the page wraps the quote in “…” (was “… games.””)
    assert report.display_quote('She said Seoul "may turn out to be no more than a pawn."', None) == \
        "She said Seoul ‘may turn out to be no more than a pawn.’"
    assert report.display_quote("Calling it “biased,” she left.", None) == "Calling it ‘biased,’ she left."
    negated = json.dumps({"cues": [{"matched": "attack", "weight": 0.5, "negated": True}], "vader_compound": 0.2,
                          "modality": "negated", "modality_factor": 0.3})
    assert report.cue_summary(negated) == \
        "attack\u00a0+0.50 (negated); VADER\u00a0+0.20; negated (“did not”): score\u00a0×0.3"
    repeated = json.dumps({"cues": [{"matched": "puppet", "weight": 0.4}] * 3, "vader_compound": -0.5})
    assert report.cue_summary(repeated) == "puppet\u00a0+0.40\u00a0×3; VADER\u00a0−0.50"
    many = json.dumps({"cues": [{"matched": f"cue{i}", "weight": i / 10} for i in range(10)], "vader_compound": 0})
    assert report.cue_summary(many).startswith("cue9\u00a0+0.90; cue8\u00a0+0.80;")
    assert "2 more cues; VADER" in report.cue_summary(many)
    # a reversed cue shows what it contributed ("refused talks": +0.35), not its lexicon weight (−0.35)
    flipped = json.dumps({"cues": [{"matched": "talks", "weight": -0.35, "contribution": 0.35}], "vader_compound": 0})
    assert report.cue_summary(flipped).startswith("talks\u00a0+0.35;")
    # a lead the feed cut short is scored with its headline (tension/score/cut_lead.py): its cues are the headline's,
    # and the cell says so with what its own words gave, or an analyst looks for words that are not in the quote
    cut = json.dumps({"cues": [{"matched": "condemns", "weight": 0.5}], "vader_compound": -0.4,
                      "cut_lead": "cut lead: scored with its headline", "own_hostility": 0.05})
    assert report.cue_summary(cut).endswith("the feed cut this lead short: cues and score are its headline's "
                                            "(its own words +0.05)")
    assert "headline" not in report.cue_summary(flipped)


def test_hangul_outlets_render_and_a_sentence_shows_once(db_path: Path, tmp_path: Path) -> None:
    with store.connect(db_path) as con:
        con.execute("update documents set source = '연합뉴스' where doc_id = 'd1'")
    pdf = report.build_report(db_path, tmp_path, week="2024-W01")
    text = pdf_text(pdf)
    assert "Yonhap (연합뉴스)" in text  # the outlet's clean name, in a font that has Hangul
    fonts = {font["/BaseFont"] for page in PdfReader(pdf).pages
             for font in (f.get_object() for f in page["/Resources"]["/Font"].values())}
    assert any("NanumGothic" in name for name in fonts), fonts
    # d1:0 and d1:1 were read from the same sentence (index 0): one row, under the larger share, naming the other.
    assert "d1:1 · same sentence: d1:0 (RUS→KOR, +0.43)" in text
    assert "Calling Yoon's remarks" not in text


def test_no_page_for_a_pair_without_statements(db_path: Path, tmp_path: Path) -> None:
    with store.connect(db_path) as con:
        con.execute("delete from statements where speaker_country = 'RUS' or list_contains(targets, 'RUS')")
    text = pdf_text(report.build_report(db_path, tmp_path, week="2024-W05"))
    # no statement in the whole database bears on it (session 25): the line says so; a packaged pair's codes need no
    # check (session 26)
    assert ("Russia–ROK: no statements for this pair in the 52 weeks up to 2024-W05; no page; no statement in "
            "the whole database bore on this pair.") in text
    assert "Russia–ROK —" not in text and "DPRK–ROK — week 2024-W05" in text


def test_console_summary_names_the_week_of_the_report(db_path: Path, tmp_path: Path) -> None:
    pdf = report.build_report(db_path, tmp_path)  # default: the last complete week
    lines = data.latest_summary(db_path)
    assert pdf.name == "all_2024-W05.pdf"
    pairs, partial = lines[:-1], lines[-1]
    assert pairs and all(" 2024-W05" in line for line in pairs), lines  # W06 holds data too, but is not complete
    assert partial == "2024-W06 is partial (1 of 7 days): --week 2024-W06 to see it.", lines


def test_coverage_and_thin_weeks_are_said_in_words(db_path: Path, tmp_path: Path) -> None:
    text = pdf_text(report.build_report(db_path, tmp_path, week="2024-W02"))
    # DPRK–ROK in W02: one KCNA statement, so the value rests on one state voice.
    assert "thin: only 1 state-voice statement, read it as an anecdote" in text
    assert "Coverage: 1 document read from 1 source on 1 of 7 days (a story carried by several outlets or revised counts once;" in text
    assert ("All voices: 1 statement, a state voice (counted in the index); by speaker kind: kind not recorded 1; "
            "by outlet: KCNA 1.") in text


def test_overview_shares_the_front_page_and_outlets_add_up_to_intensity(db_path: Path, tmp_path: Path) -> None:
    pdf = report.build_report(db_path, tmp_path, week="2024-W05")
    pages = PdfReader(pdf).pages
    # The overview chart is drawn on the front page, under the table (before, a tall table sent it to a page alone).
    assert "/XObject" in pages[0]["/Resources"] and len(pages[0]["/Resources"]["/XObject"]) >= 1
    text = pdf_text(pdf)
    assert "Coverage and intensity by outlet" in text
    with store.connect(db_path, read_only=True) as con:
        outlets = con.execute(store.sql("report_outlets"), [date(2024, 1, 29), date(2024, 1, 29)]).df()
        weekly = con.execute("select pair_id, intensity from weekly_index where week_start = '2024-01-29'").df()
    parts = outlets.groupby("pair_id")["intensity"].sum()
    for pair_id, intensity in weekly.itertuples(index=False):
        assert parts.get(pair_id, 0.0) == pytest.approx(intensity), pair_id
    # Russia–ROK in W05: Yonhap's two documents, statements +0.92 (hostile) and −0.20; 1 of 1 state-voice outlets.
    assert outlets.loc[(outlets["outlet"] == "Yonhap") & (outlets["pair_id"] == "RUS-KOR"), "statements"].item() == 2


def test_front_page_says_when_intensity_is_unusually_high(tmp_path: Path) -> None:
    from test_weekly_index import intensity_weeks, new_db

    path = new_db(tmp_path / "surge.duckdb")
    intensity_weeks(path, [2, 3, 4, 2, 3, 4, 16, 3])  # the surge is 2024-W07
    first_page = " ".join(PdfReader(report.build_report(path, tmp_path, week="2024-W07")).pages[0]
                          .extract_text().split())
    assert "▲ unusually high" in first_page and "SD above a usual" in first_page
    calm = " ".join(PdfReader(report.build_report(path, tmp_path, week="2024-W06")).pages[0].extract_text().split())
    assert "within its usual range (usual level" in calm
    # The console names the default week (2024-W08, ordinary) with its intensity first.
    line = next(x for x in data.latest_summary(path) if x.startswith("DPRK–ROK"))
    assert line.startswith("DPRK–ROK 2024-W08: intensity ") and "unusually high" not in line, line
    assert "per 100 documents of a typical week, within its usual range (usual level " in line, line  # as the PDF
    assert "(−1 cooperative … +1 hostile; " in line, line  # the tone index's sign said where its number is


def test_a_week_of_low_coverage_says_a_low_intensity_is_no_calm() -> None:
    import pandas as pd

    from tension.reporting import text

    row = pd.Series({"intensity": 0.0, "feed_gap": False, "partial": False, "low_coverage": True,
                     "intensity_flagged": False, "coverage_documents": 2, "typical_coverage": 40.0, "outlets": 1,
                     "days_covered": 1, "intensity_baseline": 30.0, "intensity_departure_z": -2.0})
    assert "only 2 documents read" in text.intensity_text(row) and "no sign of calm" in text.intensity_text(row)
    assert "under a quarter of a typical week (40)" in text.coverage_text(row)
    whole = row.copy()
    whole["low_coverage"] = False
    assert "no sign of calm" not in text.intensity_text(whole) and "quarter" not in text.coverage_text(whole)
    surge = row.copy()
    surge["intensity_flagged"], surge["intensity"], surge["intensity_departure_z"] = True, 90.0, 3.1
    assert "unusually high" in text.intensity_text(surge)  # a surge in little reading is still said
