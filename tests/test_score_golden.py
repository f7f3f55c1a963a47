"""Pins the scores of short real-world-style sentences (written for this test, not copied from any source).

Regenerate deliberately with `UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_score_golden.py` and review
the diff: every changed line is a changed measurement.
"""

from __future__ import annotations

import json
import os

import pytest

from tension.score.scorer import Scorer

from conftest import ROOT

GOLDEN = ROOT / "tests" / "golden" / "scores.jsonl"
SENTENCES = [
    ("North Korea fired two short-range ballistic missiles into the East Sea on Sunday.", "asserted"),
    ("North Korea did not conduct a nuclear test this year, the ministry said.", "asserted"),
    ("Pyongyang denied that its soldiers had crossed the border.", "asserted"),
    ("The North warned it could take stern countermeasures if the drills go ahead.", "threat_or_future"),
    ("Pyongyang threatened to turn Seoul into a sea of fire.", "threat_or_future"),
    ("KCNA called the South Korean authorities puppet warmongers and traitors.", "asserted"),
    ("Seoul summoned the Russian ambassador to protest the minister's rude remarks.", "asserted"),
    ("The foreign ministry lodged a strong protest with Tokyo over the textbook.", "asserted"),
    ("Washington imposed new sanctions on three North Korean banks.", "asserted"),
    ("Russia expelled two South Korean diplomats in a tit-for-tat move.", "asserted"),
    ("Seoul urged Moscow to take responsible actions.", "asserted"),
    ("The two leaders held talks in Moscow and signed a treaty on strategic partnership.", "asserted"),
    ("South Korea will provide humanitarian aid to the North through the World Food Programme.", "threat_or_future"),
    ("The deputy foreign minister met his Russian counterpart in Seoul.", "asserted"),
    ("Lee will pay a state visit to China next week.", "threat_or_future"),
    ("Pyongyang refused to hold talks with Seoul.", "asserted"),
    ("The two Koreas agreed to resume family reunions.", "asserted"),
    ("The United States and South Korea suspended their joint military exercises.", "asserted"),
    ("Seoul said the talks could resume next month.", "hypothetical"),
    ("Tokyo strongly condemned the missile launch as a grave provocation.", "asserted"),
    ("The ministry expressed regret over the decision.", "asserted"),
    ("The ceremony marked the founding anniversary of the party.", "asserted"),
    ("The spokeswoman said Seoul's policy was a \"dialogue\" racket.", "asserted"),
    ("At least 20 people were killed in the flooding in the south.", "asserted"),
    ("South Korea launched a rocket carrying a weather satellite into orbit.", "asserted"),
]


def record(scorer: Scorer, text: str, modality: str) -> dict:
    """What the golden file pins for one sentence."""
    score = scorer.score(text, modality)
    return {
        "text": text, "modality": modality, "hostility": score.hostility, "vader_compound": score.vader_compound,
        "cues": [[c["matched"], c["weight"], c["factor"]] for c in score.cues],
    }


def test_golden_scores(scorer):
    lines = [json.dumps(record(scorer, t, m), ensure_ascii=False, sort_keys=True) for t, m in SENTENCES]
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert GOLDEN.read_text(encoding="utf-8").splitlines() == lines


def test_golden_sentences_order_as_an_analyst_would(scorer):
    """The pinned values also make sense: war threats above protests above meetings above agreements."""
    h = {t: scorer.score(t, m).hostility for t, m in SENTENCES}
    assert h[SENTENCES[4][0]] > h[SENTENCES[6][0]] > h[SENTENCES[13][0]] > h[SENTENCES[11][0]]
    assert h[SENTENCES[0][0]] > 0.4 and h[SENTENCES[1][0]] < 0.1 and abs(h[SENTENCES[21][0]]) < 0.1
    assert h[SENTENCES[15][0]] > 0 > h[SENTENCES[16][0]]
