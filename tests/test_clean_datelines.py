"""Wire datelines other than Yonhap's "(Yonhap) --": one with no agency ("SEOUL, Nov. 3 --") and one whose agency is
followed by a single hyphen ("TOKYO, May 2 (AP) -"). Like the Yonhap form they are set aside from the body into the
wire header (documents.dateline), so they stay out of statements' content and the report's quotes (a new user's
find). Every text here is written for these tests."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tension.ingest.clean import clean_text


@pytest.mark.parametrize("raw, dateline, agency", [
    ("SEOUL, Nov. 3 -- North Korea's foreign ministry denounced the drills.", "SEOUL, Nov. 3", ""),
    ("SEOUL, Nov. 3 — North Korea's foreign ministry denounced the drills.", "SEOUL, Nov. 3", ""),
    ("TOKYO, May 2 (AP) - North Korea's foreign ministry denounced the drills.", "TOKYO, May 2 (AP)", "AP"),
    ("NEW YORK, September 21 (Reuters) -- North Korea's foreign ministry denounced the drills.",
     "NEW YORK, September 21 (Reuters)", "Reuters"),
])
def test_a_dateline_at_the_start_is_header_not_body(raw, dateline, agency):
    cleaned = clean_text(raw)
    assert (cleaned.header.dateline, cleaned.header.agency) == (dateline, agency)
    assert cleaned.body == "North Korea's foreign ministry denounced the drills."


def test_a_bare_dateline_after_a_headline_line():
    cleaned = clean_text("North Korea slams drills\nSEOUL, Nov. 3 -- North Korea's foreign ministry denounced the "
                         "drills.")
    assert cleaned.header.dateline == "SEOUL, Nov. 3"
    assert cleaned.body == "North Korea's foreign ministry denounced the drills."


@pytest.mark.parametrize("raw", [
    # a city and a date inside a sentence: no line starts there
    "The talks held in the capital, SEOUL, Nov. 3 -- officials said -- went well.",
    # a hyphenated word after a date is no dash
    "MOSCOW, Nov. 3-based analysts said the talks went well.",
    # no dash at all (TASS's form is read elsewhere)
    "SEOUL, November 3. /TASS/. The talks went well, officials said.",
])
def test_what_is_not_a_dateline_stays(raw):
    cleaned = clean_text(raw)
    assert cleaned.header.dateline == ""
    assert cleaned.body == raw


def _statements_of(story, text: str) -> list[dict]:
    """`tension statements` (a real CLI process) on a Markdown file of `text` published 2025-11-12."""
    story.write_text("---\npublished: 2025-11-12\n---\n" + text + "\n")
    out = subprocess.run([sys.executable, "-m", "tension.cli", "statements", str(story)], capture_output=True,
                         text=True, check=True).stdout
    return [json.loads(line) for line in out.splitlines()]


def test_a_bare_dateline_stays_out_of_the_statement_and_in_the_document(tmp_path):
    story = tmp_path / "wire.md"
    rows = _statements_of(story, "SEOUL, Nov. 3 -- North Korea's foreign ministry denounced South Korea's drills.")
    assert rows and all("SEOUL, Nov. 3" not in r["content"] for r in rows), rows
    assert rows[0]["content"].startswith("North Korea's foreign ministry")

    from tension.ingest.documents import read_documents
    doc = next(d for d in read_documents([story]) if hasattr(d, "dateline"))
    assert doc.dateline == "SEOUL, Nov. 3"


def test_a_bare_datelines_city_still_places_the_storys_own_court(tmp_path):
    # the city of a dateline cleaning took off still tells whose court a story names with no country (as it did
    # while the dateline stayed in the body)
    rows = _statements_of(tmp_path / "court.md", "SEOUL, Nov. 3 -- The Supreme Court upheld the prison term of a man "
                          "who spied for North Korea, prosecutors said.")
    assert rows and rows[0]["speaker_country"] == "KOR", rows
