"""A wire's news-summary page (Yonhap's "News Summary": a rule line, then items each a headline and a lead, bulleted
or not) is one document whose items must not run together, and a headline opening with "N. Korea" is no one-letter
sentence "N." followed by a speakerless "Korea's Kim ...". Sentences written for these tests."""
from __future__ import annotations

from tension.config import DATA_DIR, read_tsv
from tension.extract.sentences import split_sentences
from tension.ingest.clean import clean_text


def test_a_rule_line_and_bullets_break_the_items_apart():
    page = ("The following is a summary of major stories this week.------------ ■ N. Korea fires two missiles "
            "SEOUL -- North Korea fired two missiles on Sunday. ■ S. Korea, U.S. hold talks SEOUL -- The allies met.")
    assert clean_text(page).paragraphs == [
        "The following is a summary of major stories this week.",
        "N. Korea fires two missiles SEOUL -- North Korea fired two missiles on Sunday.",
        "S. Korea, U.S. hold talks SEOUL -- The allies met."]


def test_a_dash_between_words_is_no_rule_line():
    assert clean_text("The north-south talks -- the first in years -- ended.").paragraphs == [
        "The north-south talks -- the first in years -- ended."]


def test_an_item_opening_with_n_korea_is_one_sentence():
    abbreviations = frozenset(row["abbreviation"] for row in read_tsv(DATA_DIR / "abbreviations.tsv"))
    body = "N. Korea's Kim inspects a munitions factory.\n\nS. Korea lodges a protest with Tokyo."
    assert [s.text for s in split_sentences(body, abbreviations)] == [
        "N. Korea's Kim inspects a munitions factory.", "S. Korea lodges a protest with Tokyo."]
