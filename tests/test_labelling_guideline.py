"""The labelling guideline's decisions keep their numbers — the gold set's notes, the docs and the tests cite them as
"decision N" — and its index by topic ("How to use the decisions") lists every one of them, so an outsider can find
the decisions that settle a case (docs/labelling-guideline.md; a reviewer's reading, session 24)."""

from __future__ import annotations

import re

from conftest import ROOT

GUIDE = ROOT / "docs" / "labelling-guideline.md"


def _text() -> str:
    return GUIDE.read_text(encoding="utf-8")


def _part(text: str, title: str) -> str:
    """The part from the level-2 heading `title` to the next level-2 heading (or the end)."""
    start = text.index(f"\n## {title}")
    end = text.find("\n## ", start + 1)
    return text[start:] if end == -1 else text[start:end]


def _decisions(text: str) -> list[int]:
    """The numbers of the decisions' items, in the order they are written (from the first adjudication on)."""
    body = text[text.index("\n## Adjudication decisions"):text.index("\n## Open questions")]
    return [int(number) for number in re.findall(r"^(\d+)\. ", body, flags=re.MULTILINE)]


def test_every_decision_is_one_item_and_the_numbers_run_without_a_gap():
    numbers = _decisions(_text())
    assert len(numbers) >= 57, numbers
    assert numbers == list(range(1, len(numbers) + 1)), numbers


def test_the_index_by_topic_lists_every_decision_and_no_other_number():
    text = _text()
    index = _part(text, "How to use the decisions")
    listed = {int(n) for line in re.findall(r"Decisions: ([0-9,\s]+)", index) for n in re.findall(r"\d+", line)}
    assert listed == set(_decisions(text)), sorted(set(_decisions(text)) ^ listed)


def test_cross_references_under_decisions_name_existing_decisions_and_open_questions():
    text = _text()
    known = set(_decisions(text))
    questions = set(re.findall(r"^- \*\*(Q\d+)\.", _part(text, "Open questions"), flags=re.MULTILINE))
    lines = re.findall(r"^ +\*(?:Refined by|Read with|See)[^*]*\*$", text, flags=re.MULTILINE)
    assert len(lines) >= 15, lines
    for line in lines:
        cited = {int(n) for n in re.findall(r"(?<![Q\d])(\d+)", line)}
        assert cited <= known, (line, cited - known)
        assert set(re.findall(r"Q\d+", line)) <= questions, line


def test_each_open_question_is_marked_not_decided():
    questions = re.split(r"^- \*\*Q\d+\.", _part(_text(), "Open questions"), flags=re.MULTILINE)[1:]
    assert len(questions) >= 3, len(questions)
    for question in questions:
        assert "Not decided" in question, question[:120]
