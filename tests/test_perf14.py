"""Session 14's speed round (docs/performance.md, "Session 14's speed round"): the unknown-person pattern is searched
from the commas a post follows instead of at every capital letter, and gives exactly the matches the whole
pattern's finditer gives.

Checked on texts written here, on generated text (names, posts, bodies, commas with and without white space after
them, sentence marks, quotes, hyphens and apostrophes in any order) and on every KCNA story and the first stories of
Yonhap and RSS in ../shared/data (skipped, with the reason, where that folder is absent).
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tension.extract import unknown_people as up

from conftest import shared_file

CHECK = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WRITTEN = [
    "Kim Yong Il, chairman of the central committee of the union, said so. Ri Song Chol, a member of the body, came.",
    "Chairman Ri Song Chol, chairman of the union of the south, spoke.",
    "One Two Three Four Five Six Seven, director of the institute, spoke; Jo Min, editor-in-chief of a paper, too.",
    "Kim Il, Pak Chol, secretary general of the party in the city, Ri Song,\nleader of a body at home; and more.",
    ", chairman of the board of something, said it. A,b, c, mayor of town, spoke",
    "O'Brien Smith, mayor of the city, said. Mc-donald Lee, governor of the province, said. Ann Lee-kim, envoy to it.",
    "He met Maria Lopez, the former deputy minister of trade of the country, and Tom Park, adviser to the group.",
    "Jon Ki,  chairman of the union;Kim Ho, head of the office at the port. “Ra Mi, leader of the team at home,”",
]


def _found(matches) -> list[tuple]:
    """Every span and group of the matches, to compare two searches."""
    return [(m.span(), m.groupdict(), m.span("name"), m.span("post")) for m in matches]


def _same(text: str) -> None:
    assert _found(up._names_with_posts(text)) == _found(up._named_with_post().finditer(text)), text


def test_written_texts_match_as_the_whole_pattern():
    for text in WRITTEN:
        _same(text)
    # (the texts do reach matches, among them one after another match and one after a name of seven words)
    assert len(list(up._names_with_posts(WRITTEN[0]))) == 2
    assert [m.group("name") for m in up._names_with_posts(WRITTEN[2])][0] == "Two Three Four Five Six Seven"


_PIECES = st.sampled_from(["Kim", "Ri", "Song", "Chol", "Lee-kim", "Mc", "McDonald", "O'Brien", "The", "Chairman",
                           "Meanwhile", "An", "chairman", "secretary", "general", "member", "editor-in-chief",
                           "vice-chairman", "minister", "of", "at", "to", "in", "for", "the", "a", "former", "deputy",
                           "union", "council", "Korea", "Party", "said", "x", ",", ", ", ",\n", ",  ", ".", ". ",
                           ";", ":", " ", "  ", "\n", "-", "'", "’", "\"", "“", "”", "É", "1"])


@CHECK
@given(st.lists(_PIECES, max_size=60))
def test_generated_text_matches_as_the_whole_pattern(pieces):
    # (words get a space before them, marks none: a mark's own white space is a piece of its own)
    _same("".join(p if p in ",.;: \n-'’\"“”" or p.startswith((",", ".")) else " " + p for p in pieces))


def test_real_stories_match_as_the_whole_pattern():
    texts: list[str] = []
    with shared_file("kcna_2011_2012/kcna_stories_2011_2012_southkorea_related.jsonl").open(encoding="utf-8") as lines:
        texts += [json.loads(line).get("story") or "" for line in lines]
    for folder in ("yonhap_2025_12", "rss_2022", "rss_2024"):
        for path in sorted(shared_file(folder).rglob("*.jsonl"))[:1]:
            with path.open(encoding="utf-8") as lines:
                for _, line in zip(range(1000), lines):
                    record = json.loads(line)
                    texts.append(" ".join(str(record.get(k) or "") for k in ("title", "text", "body", "story")))
    found = 0
    for text in texts:
        _same(text)
        found += len(list(up._names_with_posts(text)))
    assert found > 100  # (the stories do hold names with posts)


def test_the_words_around_a_name_are_read_from_their_table():
    # (moved from the code in this round unchanged: 30 words before a name, 73 no name is made of)
    words = up.name_words()
    assert (len(words["before_name"]), len(words["not_name"])) == (30, 73)
    assert {"Chairman", "Meanwhile"} <= words["before_name"] and not {"An", "A"} & words["before_name"]
    assert {"Korea", "Monday", "He", "Juche"} <= words["not_name"]
    rows = up.read_tsv(up.NAME_WORDS_FILE)
    assert all(row["source"] and row["use"] in words for row in rows)
