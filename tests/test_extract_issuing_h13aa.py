"""issuing_words.tsv: the one table both detectors of "a body issued a document" read (references.issued_documents,
goes_on's issuing lead and pointer frame). Sentences written for these tests."""

from __future__ import annotations

from tension.config import read_tsv
from tension.extract.goes_on import _issuing_frames
from tension.extract.references import ISSUING_WORDS_FILE, issued_documents, issuing_words

USES = {"issuing", "issuing_now", "following", "points_back", "document", "pointer", "pointer_modifier",
        "pointer_verb", "relayed_verb", "relayed_text", "discrediting", "own_state", "document_modifier"}


def test_table_has_its_header_known_uses_a_source_and_no_duplicate():
    rows = read_tsv(ISSUING_WORDS_FILE)
    assert rows and set(rows[0]) == {"word", "use", "source"}
    assert {row["use"] for row in rows} == USES
    assert all(row["word"] and row["source"] for row in rows)
    pairs = [(row["word"], row["use"]) for row in rows]
    assert len(pairs) == len(set(pairs))


def test_both_detectors_read_the_table():
    words = issuing_words()
    assert "made public" in words["issuing"] and "gave" in words["following"]
    following, issuing, pointer, issued_in = _issuing_frames()
    assert following.search("A spokesman for the committee gave   the following answer to a question:")
    assert issuing.search("The council made  public its white paper on Monday.")
    assert pointer.fullmatch("The information bulletin went on:")
    assert not pointer.fullmatch("The bulletin was read:")
    assert pointer.fullmatch("The information said:")  # (the information bulletin, named short; round 26)
    assert issued_in.search("The council in the second part of its memorandum  released on Monday said ...")
    assert not issued_in.search("Upon hearing the memorandum released by the council, ...")
    found = issued_documents("The council made public a memorandum. Later the memorandum notes a thing.",
                             words["points_back"])
    assert found == [(12, "memorandum")]
    # "<a paper> ... in a bylined commentary": the paper writes the commentary (round 41, use document_modifier)
    found = issued_documents("A paper on Monday in a bylined commentary said a thing.", words["points_back"])
    assert found == [(18, "commentary")]
