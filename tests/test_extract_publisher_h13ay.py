"""Round 50 (h13ay, issue 13): the country of a state publisher (outlets.tsv `country`: a foreign ministry's own
channel is the state speaking; a wire agency is not a state) places a post of a state office its text leaves
unplaced ("first deputy foreign minister <a name the dictionary does not know> held talks with ..."). Sentences
written for these tests (never copied from the corpora); figures: docs/evaluation-extraction.md, "Fiftieth tuning
round"."""

from __future__ import annotations

from datetime import date

from tension.analyse import analyse_document
from tension.config import publisher_country
from tension.extract.statements import extract_statements
from tension.ingest.documents import Document, document_id

DAY = date(2019, 3, 12)
TALKS = "First Deputy Foreign Minister Ivan Petrovsky held talks with South Korean Deputy Foreign Minister Kim Min-su."


def rows(ctx, text: str, publisher: str = "") -> set[tuple]:
    return {(s.speaker_country, tuple(sorted(s.targets)))
            for s in extract_statements(text, DAY, ctx.actors, ctx.lexicon, publisher=publisher)}


def test_only_state_publishers_have_a_country():
    assert publisher_country("mfa") == "RUS"  # the Russian foreign ministry's own channel
    for wire_or_outlet in ("tass", "rt", "연합뉴스", "https://www.yna.co.kr/rss", "KCNA", "", "unknown outlet"):
        assert publisher_country(wire_or_outlet) == "", wire_or_outlet


def test_an_unplaced_state_post_takes_the_publishers_country(ctx):
    assert ("RUS", ("KOR",)) not in rows(ctx, TALKS)  # nothing places the first deputy minister
    found = rows(ctx, TALKS, "RUS")
    assert ("RUS", ("KOR",)) in found and ("KOR", ("RUS",)) in found, found
    lower = "a note on first deputy foreign minister ivan petrovsky’s meeting with south korean deputy " \
            "foreign minister kim min-su"
    assert ("RUS", ("KOR",)) in rows(ctx, lower, "RUS"), rows(ctx, lower, "RUS")


def test_a_post_that_names_its_country_or_no_state_post_keeps_its_own(ctx):
    # the ambassador is Seoul's: the post names its country, the publisher's never replaces it
    found = rows(ctx, "The Ambassador of the Republic of Korea Kim Min-su criticised the sanctions on Russia.", "RUS")
    assert not any(country == "RUS" for country, _ in found), found
    # a researcher holds no post of a state office: the publisher does not speak through them
    found = rows(ctx, "Researcher Ivan Petrovsky criticised South Korea's sanctions.", "RUS")
    assert ("RUS", ("KOR",)) not in found, found


def test_the_documents_source_reaches_the_extractor(ctx):
    def countries(source: str) -> set:
        doc = Document(doc_id=document_id(TALKS + source), text=TALKS, published=DAY, path="p.txt", source=source)
        return {s.speaker_country for s in analyse_document(doc, ctx).statements}

    assert "RUS" in countries("mfa")
    assert "RUS" not in countries("tass")  # a wire agency is not the state speaking


def test_a_lower_case_holder_whose_first_name_the_dictionary_capitalises(ctx):
    # a text all in lower case has the dictionary's words capitalised ("vladimir" of a known leader), not the rest
    text = "a note on first deputy foreign minister vladimir petrovsky’s meeting with south korean deputy " \
           "foreign minister kim min-su"
    found = rows(ctx, text, "RUS")
    assert ("RUS", ("KOR",)) in found and ("KOR", ("RUS",)) in found, found


def test_a_lower_case_holder_before_a_verb_of_meeting(ctx):
    # all in lower case, no possessive: the holder's name is the words between the post and the verb
    text = "in kazan, first deputy foreign minister ivan petrovsky met with the ambassador of the republic of korea " \
           "kim min-su"
    found = rows(ctx, text, "RUS")
    assert ("RUS", ("KOR",)) in found and ("KOR", ("RUS",)) in found, found
    assert not any(country == "RUS" for country, _ in rows(ctx, text))
