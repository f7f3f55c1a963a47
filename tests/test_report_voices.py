"""What a new user missed in the PDF (issue 15, report polish): who reported what (pair_statements.reported_by)
under the speaker, counts that say what they count (all voices or state voices; a statement on two pairs), notes
for the weeks of unusually high intensity, the cue column in words, and the outlet of a wire story without a source
taken from its dateline. Real pipeline (tension.run.run_local) on short dated news items written here, real DuckDB,
the PDF read back with pypdf."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from pypdf import PdfReader

from tension import run
from tension.reporting import charts, data, report, text

# ISO 2024-W02 starts Monday 8 January; eight quiet weeks (W02..W09), then the week of the launch, 2024-W10.
FIRST = date(2024, 1, 8)
SURGE = date(2024, 3, 4)
SURGE_WEEK = "2024-W10"
# Each quiet week in words of its own (the same text every week would be one near-duplicate cluster).
QUIET = [
    ("South Korea's unification ministry criticized North Korea for its harsh rhetoric about the border.",
     "Farmers near Cheorwon began the rice harvest early after a warm autumn."),
    ("Seoul's defense ministry said North Korea's new propaganda posters were regrettable.",
     "A museum in Busan opened an exhibition of old maps and ceramics."),
    ("South Korea's foreign ministry called Pyongyang's latest statement unhelpful for peace.",
     "Ferry services to Jeju island resumed after a week of strong winds."),
    ("The South Korean government criticized North Korea's jamming of GPS signals near Incheon.",
     "Subway fares in the capital will stay unchanged until the summer."),
    ("South Korea's unification minister urged Pyongyang to stop insulting the South in its newspapers.",
     "A new bridge over the Han river opened to cyclists on Saturday."),
    ("South Korea's military expressed concern about North Korean drills near the western islands.",
     "Baseball clubs announced the schedule for the spring training camps."),
    ("Seoul's foreign ministry criticized North Korea for refusing to answer the liaison hotline.",
     "Universities reported a rise in applications for engineering courses."),
    ("South Korea's defense minister condemned the North's balloon launches as a provocation against residents.",
     "A winter festival in Pyeongchang drew large crowds of skiers."),
]
COOPERATION = "South Korea's trade minister and Russia's ambassador discussed fisheries cooperation in Seoul."
# The week of the launch: a wire story with a dateline and no source (the reporter is the JCS), and state voices.
WIRE = ("SEOUL, March 4 (Yonhap) -- North Korea fired two ballistic missiles into the East Sea on Monday, "
        "South Korea's Joint Chiefs of Staff said.\n\n"
        "North Korea threatened to turn Seoul into a sea of fire, the Korean Central News Agency said.")
SURGE_ITEMS = [
    "South Korea's defense ministry condemned North Korea's missile launch as a grave provocation.\n\n"
    "South Korea's foreign ministry condemned North Korea and Russia for their illegal arms deals.",
    "North Korea's military warned it would strike South Korea with nuclear weapons.\n\n"
    "Activists in Seoul protested against North Korea's missile launches.",
    "North Korea's foreign ministry denounced South Korea's warmongers and threatened merciless retaliation.\n\n"
    "A civic group in Seoul condemned North Korea's provocations.",
]


def _item(path: Path, published: date, body: str, source: str | None = "Test Wire") -> None:
    front = f"---\npublished: {published.isoformat()}\ntitle: item {path.stem}\n" + (
        f"source: {source}\n" if source else "") + "---\n"
    path.write_text(front + body + "\n", encoding="utf-8")


def write_inbox(inbox: Path) -> Path:
    """Eight quiet weeks of three items each, then the week of a launch with four items (one a sourceless wire)."""
    inbox.mkdir(parents=True, exist_ok=True)
    for week, items in enumerate(QUIET):
        monday = FIRST + timedelta(weeks=week)
        for number, body in enumerate(items):
            _item(inbox / f"q{week}_{number}.txt", monday + timedelta(days=number + 1), body)
    _item(inbox / "coop.txt", FIRST + timedelta(days=4), COOPERATION)
    _item(inbox / "wire.txt", SURGE, WIRE, source=None)
    for number, body in enumerate(SURGE_ITEMS):
        _item(inbox / f"s{number}.txt", SURGE + timedelta(days=number + 1), body)
    # The Sunday closing the week: the data does not end inside it, so its intensity is compared (not partial).
    _item(inbox / "sunday.txt", SURGE + timedelta(days=6), "Cherry trees in Jinhae are expected to bloom early.")
    return inbox


@pytest.fixture(scope="module")
def db(module_tmp) -> Path:
    folder = module_tmp("voices")
    path = folder / "t.duckdb"
    run.run_local([write_inbox(folder / "inbox")], path)
    return path


def _pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


@pytest.fixture(scope="module")
def week_pdf(db: Path, module_tmp) -> str:
    return _pdf_text(report.build_report(db, module_tmp("week"), week=SURGE_WEEK))


@pytest.fixture(scope="module")
def period_pdf(db: Path, module_tmp) -> str:
    return _pdf_text(report.build_report(db, module_tmp("period"), period=f"2024-W02..{SURGE_WEEK}"))


def _rows(db: Path, sql: str) -> pd.DataFrame:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).df()


def test_the_reporter_is_shown_under_the_speaker(db: Path, week_pdf: str, period_pdf: str) -> None:
    """'North Korea fired ..., South Korea's Joint Chiefs of Staff said': the DPRK's act, the JCS's report of it."""
    fired = _rows(db, "select * from pair_statements where content like 'North Korea fired%'")
    assert fired["reported_by"].tolist() == ["South Korea's Joint Chiefs of Staff"]
    # the statement table of the week
    assert "reported by South Korea's Joint Chiefs of Staff" in week_pdf
    # the period's table of the weeks of unusually high intensity: what drove the week, with its reporters
    assert "reported by the Korean Central News Agency" in period_pdf
    # "What moved it most": the reporter after the speaker, here for the wire story's statements
    moving = _rows(db, f"select * from weekly_statements where iso_week = '{SURGE_WEEK}' and pair_id = 'PRK-KOR' "
                       "and content like 'North Korea fired%'")
    assert "reported by South Korea's Joint Chiefs of Staff" in text.reason_text(moving, 0.5)
    # a statement its speaker said in person says no reporter
    own = _rows(db, "select * from weekly_statements where content like 'South Korea''s defense ministry%'")
    assert "reported by" not in text.reason_text(own, 0.5)


def test_counts_say_what_they_count(db: Path, week_pdf: str) -> None:
    """The pair's sentence counts state voices (the index), the composition every voice; the data-quality page says
    a statement can count for two pairs."""
    week = _rows(db, f"select n_statements, n_documents from weekly_index where pair_id = 'PRK-KOR' "
                     f"and iso_week = '{SURGE_WEEK}'").iloc[0]
    voices = _rows(db, f"select count(*) as n, count(*) filter (where counts_in_index) as state from pair_statements "
                       f"where pair_id = 'PRK-KOR' and iso_week = '{SURGE_WEEK}'").iloc[0]
    assert voices["n"] > voices["state"] == week["n_statements"]  # two civic voices: not in the index
    assert (f"{week['n_statements']} state-voice statements (counted in the index) in {week['n_documents']} "
            "documents") in week_pdf
    assert (f"All voices: {voices['n']} statements, {voices['state']} of them state voices (counted in the "
            "index)") in week_pdf
    # Seoul condemning Pyongyang and Moscow together bears on both pairs: once on the data-quality page, on both pages
    both = _rows(db, "select count(distinct pair_id) as n from pair_statements where content like '%North Korea and "
                     "Russia%'")
    assert both["n"].iloc[0] == 2
    assert "Statements bearing on a pair (all voices)" in week_pdf
    assert "can bear on two pairs" in week_pdf
    assert "… of them state voices (the kinds the index counts)" in week_pdf


def test_weeks_of_unusually_high_intensity_get_notes_under_the_chart(db: Path) -> None:
    """The ▲ of the intensity bars: numbered, with a note on what drove the week (speaker, reporter, quote)."""
    read, scope = data.read_report_data(db, SURGE_WEEK, None)
    pair = read.window[read.window["pair_id"] == "PRK-KOR"]
    assert bool(pair.loc[pair["iso_week"] == SURGE_WEEK, "intensity_flagged"].item())
    assert not pair["flagged"].fillna(False).astype(bool).any()  # no tone flag: before, no note at all
    surges = read.surges[read.surges["pair_id"] == "PRK-KOR"]
    assert surges["rank"].tolist() == [1, 2, 3]  # the three most hostile state-voice statements, most hostile first
    assert surges["hostility"].is_monotonic_decreasing
    figure = charts.weekly_figure(pair, "DPRK–ROK", scope.first, read.notes[read.notes["pair_id"] == "PRK-KOR"],
                                  surges)
    texts = [t.get_text() for ax in figure.axes for t in ax.texts]
    notes = next(t for t in texts if "Intensity flags" in t)
    lines = notes.splitlines()
    at = next(i for i, x in enumerate(lines) if SURGE_WEEK in x)
    assert lines[at].startswith("1  ") and "6 hostile statements" in lines[at]
    # a line wider than the figure wraps (it was cut off): the reporter on the line or the next, then the quote
    assert "reported by the Korean Central News Agency" in " ".join(lines[at:at + 2])
    assert "sea of fire" in " ".join(lines[at:at + 3])
    bottom = figure.axes[2]
    assert [t.get_text() for t in bottom.texts] == ["1"]  # the number above the week's ▲


def test_the_cue_column_speaks_plain_words(db: Path, week_pdf: str) -> None:
    """'reported ×1' and 'threat or future ×1' were codes: now what an analyst says."""
    explained = _rows(db, f"select modality, explanation from pair_statements where iso_week = '{SURGE_WEEK}'")
    said = {m: text.cue_summary(e) for m, e in explained.itertuples(index=False)}
    assert said["reported"].endswith("reported by another voice")
    assert said["threat_or_future"].endswith("a threat or a plan")
    assert "×1" not in said["reported"] and "threat or future" not in said["threat_or_future"]
    assert "reported by another voice" in week_pdf and "a threat or a plan" in week_pdf
    assert "reported ×1" not in week_pdf and "threat or future" not in week_pdf
    # a factor that changes the score is still said
    assert text.modality_words("negated", 0.3) == "negated (“did not”): score\u00a0×0.3"


def test_a_wire_story_without_a_source_is_named_from_its_dateline(db: Path, week_pdf: str) -> None:
    outlets = _rows(db, "select d.dateline, o.outlet from outlets as o join documents as d using (doc_id) "
                        "where d.dateline <> ''")
    assert outlets.values.tolist() == [["SEOUL, March 4 (Yonhap)", "Yonhap"]]
    assert "(no outlet)" not in week_pdf and "unknown outlet" not in week_pdf
    assert "Yonhap" in week_pdf
    # a document with a source keeps it
    assert set(_rows(db, "select outlet from outlets where outlet <> 'Yonhap'")["outlet"]) == {"Test Wire"}


def test_counted_in_the_index_never_names_two_numbers() -> None:
    """A headline its lead repeats is a state voice the index counts once, through its lead: the composition says
    how many the index sums when that differs from the state voices (the tester saw "92 of them state voices
    (counted in the index)" beside "59 state-voice statements (counted in the index)" for one period)."""
    import pandas as pd

    from tension.reporting import text

    composition = pd.DataFrame({"pair_id": ["PRK-KOR"] * 3, "speaker_kind": ["government", "state_media", "civic"],
                                "outlet": ["Yonhap"] * 3, "counts_in_index": [True, True, False],
                                "n": [5, 2, 1], "n_in_index": [3, 2, 0]})
    said = text.composition_text(composition)
    assert said.startswith("All voices: 8 statements, 7 of them state voices (5 counted in the index: a headline its "
                           "lead repeats counts once, as its lead)")
    same = text.composition_text(composition.assign(n_in_index=[5, 2, 0]))
    assert same.startswith("All voices: 8 statements, 7 of them state voices (counted in the index);")
