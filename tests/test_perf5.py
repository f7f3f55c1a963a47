"""The fifth speed round's gates (docs/performance.md, "fifth round") give exactly what the ungated code gives.

Each gate skips work that cannot find anything, decided from the rule's own pattern or data file: a speaker phrase's
word pairs and triples are looked up as heads only when the phrase has a first word of a two- or three-word head
(speaker_kinds.tsv), and a sentence with no semicolon is split at clauses by the comma alternative of the break
pattern alone, and the act-type words of a statement are what splitting its lower-case ASCII text at every
character that is no letter or hyphen leaves (kinds._words). Each is checked against the ungated code (kept here, as it was) on sentences written here, on
generated text, and on real KCNA, Yonhap and RSS sentences of ../shared/data (skipped, with the reason, where that
folder is absent).
"""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tension.extract import clauses
from tension.extract.clauses import clause_spans
from tension.extract.findings import outside_quotes
from tension.extract import kinds as kinds_module
from tension.extract.kinds import Kinds, load_kinds

from conftest import shared_file

CHECK = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
KINDS = load_kinds()
WRITTEN = [
    "Koreans in Japan held a rally on Monday, the association said.",
    "The Group of Seven leaders condemned the launch; Korean residents in Osaka denounced it too.",
    "The Korean resident in Tokyo, a member of the Chongryon, said the meeting was useful.",
    "A researcher at the Korea Institute for National Unification said the talks would resume, which surprised many.",
    "South Korea's defence ministry said North Korea fired a missile; Japan protested, as it often does.",
    "Group of 20 finance ministers met in Seoul while the G7 issued a statement.",
    "The spokesman of the Foreign Ministry said: the U.S. must stop its hostile policy.",
    'The statement said, "We will never tolerate this; never."',
    "It said nothing more",
    "North Korea test-fired two missiles -- launched from near Pyongyang -- and a third, -launched later, failed.",
    "The KCNA said the DPRK's ‘Hwasong-17’ ICBM was test-fired at 10:22; KBS and MBC carried it.",
]


def _of_head_ungated(kinds: Kinds, phrase: str) -> str | None:
    """`Kinds.of_head` as it was before the gate (main 5c4860e): every word triple and pair looked up."""
    words = re.findall(r"[A-Za-z0-9][\w'-]*", phrase)
    for first, second, third in zip(words, words[1:], words[2:]):
        if (kind := kinds.by_head.get(f"{first} {second} {third}")) is not None:
            return kind
    for first, second in zip(words, words[1:]):
        if (kind := kinds.by_head.get(f"{first} {second}")) is not None:
            return kind
    for at, word in enumerate(words):
        if (kind := kinds.by_head.get(word) or kinds.by_head.get(word.lower())) is not None:
            if kind == "people" and word[:1].isupper() and kinds._body_after(words, at + 1):
                return "civic"
            return kind
    return None


def _clause_spans_ungated(text: str, blanked: str, mention_starts: set[int], speech_verbs=frozenset()):
    """`clauses.clause_spans` with the whole break pattern always (main 5c4860e)."""
    breaks = [(m.start(), m.end(), m.group("rel") or "") for m in clauses._CLAUSE_BREAK.finditer(blanked)]
    if ":" in blanked[:30] and (label := clauses._LABEL.match(blanked)) is not None and not (
            speech_verbs and not speech_verbs.isdisjoint(label.group(0).lower().replace(":", " ").split())):
        breaks.append((label.end() - 1, label.end(), ""))
    if mention_starts:
        breaks += [(m.start(), m.end(), "sub") for m in clauses._SUBORDINATE.finditer(blanked)
                   if m.end() in mention_starts]
    spans, start, rel = [], 0, ""
    for b_start, b_end, b_rel in sorted(breaks):
        if b_start < start:
            continue
        spans.append((start, b_start, rel))
        start, rel = b_end, b_rel
    spans.append((start, len(text), rel))
    return spans


def _phrases(text: str) -> list[str]:
    """Speaker-phrase-like pieces of a sentence: the whole, its halves, and each window of up to six words."""
    words = text.split()
    return [text, text[: len(text) // 2], text[len(text) // 2 :],
            *(" ".join(words[i : i + n]) for n in (2, 3, 6) for i in range(0, len(words), 2))]


def _mention_starts(text: str) -> set[int]:
    """Where a capitalised word starts (standing in for where the dictionary's mentions start)."""
    return {m.start() for m in re.finditer(r"\b[A-Z]", text)}


def _check_sentence(text: str) -> None:
    for phrase in _phrases(text):
        assert KINDS.of_head(phrase) == _of_head_ungated(KINDS, phrase), phrase
    blanked = outside_quotes(text)
    starts = _mention_starts(text)
    assert clause_spans(text, blanked, starts) == _clause_spans_ungated(text, blanked, starts), text
    assert clause_spans(text, blanked, set()) == _clause_spans_ungated(text, blanked, set()), text
    assert kinds_module._words(text) == kinds_module._WORD.findall(text.lower()), text


def _real_sentences(limit: int) -> list[str]:
    """Sentences of real KCNA, Yonhap and RSS stories (read at test time, never copied into the repository)."""
    out: list[str] = []
    for relative, field in (("kcna_2011_2012/kcna_stories_2011_2012_southkorea_related.jsonl", "story"),):
        with shared_file(relative).open(encoding="utf-8") as lines:
            for line in lines:
                story = json.loads(line).get(field) or ""
                out += [s.strip() + "." for s in story.replace(", ,", ".").split(". ") if s.strip()]
                if len(out) >= limit:
                    break
    for folder in ("yonhap_2025_12", "rss_2022", "rss_2024"):
        files = sorted(shared_file(folder).rglob("*.jsonl"))
        if not files:
            pytest.skip(f"no .jsonl file under {shared_file(folder)}")
        taken = 0
        with files[0].open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                body = " ".join(str(record.get(k) or "") for k in ("title", "text", "body", "story", "summary",
                                                                     "description"))
                sentences = [s.strip() + "." for s in body.split(". ") if s.strip()]
                out += sentences
                taken += len(sentences)
                if taken >= limit // 3:
                    break
    return out


def test_written_sentences_gated_as_ungated():
    for text in WRITTEN:
        _check_sentence(text)
    # (the sentences do reach the gated paths: a two-word head, a three-word head, a semicolon, a comma break)
    assert KINDS.of_head("Koreans in Japan") == "diaspora_foreign"
    assert KINDS.of_head("the Group of Seven leaders") == "government"
    assert [rel for *_, rel in clause_spans(WRITTEN[3], WRITTEN[3], set())] == ["", "which"]
    assert [rel for *_, rel in clause_spans(WRITTEN[4], WRITTEN[4], set())] == ["", "", "as"]


def test_real_sentences_gated_as_ungated():
    sentences = _real_sentences(6000)
    heads = semicolons = 0
    for text in sentences:
        _check_sentence(text)
        heads += _of_head_ungated(KINDS, text) is not None
        semicolons += ";" in text
    assert len(sentences) > 3000 and heads > 300 and semicolons > 20  # (the real text reaches both gates)


WORDS = ["test-fired", "-launched", "Missile", "missiles", "--", "-", "fired2", "İ", "K", "ß",
         "Koreans", "in", "Korean", "resident", "residents", "living", "Group", "of", "Seven", "7", "Twenty",
         "group", "the", "The", "council", "Council", "people", "Workers", "Union", "which", "who", "as", "while",
         "amid", "even", "said", "Japan", "x"]
SEPARATORS = [" ", "  ", ", ", ",", "; ", ";", "-", "'", "\n", ". ", "\t", ",\n", "é"]


@CHECK
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=40).map("".join))
def test_generated_text_gated_as_ungated(text):
    assert KINDS.of_head(text) == _of_head_ungated(KINDS, text), text
    starts = _mention_starts(text)
    assert clause_spans(text, text, starts) == _clause_spans_ungated(text, text, starts), text
    assert kinds_module._words(text) == kinds_module._WORD.findall(text.lower()), text


def test_head_firsts_follow_the_table():
    """The gate's first words come from `by_head` itself: a table with other heads gates by those."""
    import dataclasses

    other = dataclasses.replace(KINDS, by_head={"Friends of Korea": "civic", "Peace Walkers": "civic",
                                                "monk": "people"})
    assert other._head_firsts == (frozenset({"Peace"}), frozenset({"Friends"}))
    for phrase in ("the Friends of Korea said", "Peace Walkers marched", "a monk", "Friends said", "x"):
        assert other.of_head(phrase) == _of_head_ungated(other, phrase), phrase
    assert other.of_head("the Friends of Korea said") == "civic"
