"""Round 29 (branch h14ac): a lead the feed cut before its end is scored with its headline statement's text too, the
larger in magnitude (tension/score/cut_lead.py); a finished lead, another country's headline or a story's opening
sentence leave it alone. Sentences written for the tests, in the feeds' shape (headline, then a lead cut mid-word)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from tension.analyse import analyse_document
from tension.ingest.documents import Document, document_id
from tension.score.cut_lead import CUT_LEAD_NOTE

REPO = Path(__file__).resolve().parents[1]
HEADLINE = "Zakharova condemns Seoul's arms supplies to Kiev as hostile"


def scored(ctx, title: str, lead: str) -> list[tuple]:
    """(sentence index, speaker country, hostility, explanation) of each statement of a title+lead document."""
    text = title + "\n\n" + lead
    doc = Document(doc_id=document_id(text), text=text, published=date(2023, 4, 20), path="cut.txt")
    analysed = analyse_document(doc, ctx)
    return [(s.sentence_index, s.speaker_country, sc.hostility, sc.explanation())
            for s, sc in zip(analysed.statements, analysed.scores)]


def lead_of(rows: list[tuple]) -> tuple:
    """The first statement after the headline."""
    return next(r for r in rows if r[0] > 0)


@pytest.mark.parametrize("lead", [
    "Russian Foreign Ministry spokeswoman Maria Zakharova said the decision of South Korea to sen",
    "Russian Foreign Ministry spokeswoman Maria Zakharova said on Friday that the step by South Korea,",
])
def test_a_cut_lead_takes_its_headlines_score(ctx, lead):
    rows = scored(ctx, HEADLINE, lead)
    head = rows[0]
    assert head[0] == 0 and head[2] > 0.3
    index, country, hostility, explanation = lead_of(rows)
    assert country == "RUS" and hostility == head[2]
    assert explanation["cut_lead"] == CUT_LEAD_NOTE and explanation["own_hostility"] < hostility


def test_a_cut_lead_under_a_warning_headline(ctx):
    rows = scored(ctx, "Lavrov warns Seoul against arms deliveries to Ukraine",
                  "Russian Foreign Minister Sergei Lavrov said on Thursday that South Korea,")
    assert lead_of(rows)[2] == rows[0][2] > 0.3


def test_a_finished_lead_is_never_touched(ctx):
    rows = scored(ctx, HEADLINE,
                  "Russian Foreign Ministry spokeswoman Maria Zakharova said the decision of South Korea was noted.")
    index, country, hostility, explanation = lead_of(rows)
    assert "cut_lead" not in explanation and hostility < rows[0][2]


def test_a_cut_lead_scoring_higher_than_its_headline_keeps_its_own(ctx):
    rows = scored(ctx, "Lavrov speaks about ties with Seoul",
                  "Russian Foreign Minister Sergei Lavrov said South Korea's hostile sanctions were a grave provoca")
    index, country, hostility, explanation = lead_of(rows)
    assert "cut_lead" not in explanation and hostility > 0.2


def test_another_countrys_headline_is_not_the_leads(ctx):
    rows = scored(ctx, "Seoul's foreign minister condemns Moscow's threats as hostile",
                  "Russian Foreign Ministry spokeswoman Maria Zakharova said on Friday that the plan,")
    assert all("cut_lead" not in r[3] for r in rows)


def test_a_story_opening_is_no_headline(ctx):
    text = ("Zakharova condemned the arms supplies of South Korea to Kiev as hostile.\n\n"
            "Russian Foreign Ministry spokeswoman Maria Zakharova said the decision of South Korea to sen")
    doc = Document(doc_id=document_id(text), text=text, published=date(2023, 4, 20), path="cut.txt")
    analysed = analyse_document(doc, ctx)
    assert all("cut_lead" not in sc.explanation() for sc in analysed.scores)


def test_the_gold_worker_scores_a_cut_lead_with_its_headline_text():
    lead = "Russian Foreign Ministry spokeswoman Maria Zakharova said the decision of South Korea to sen"
    lines = [{"text": lead, "targets": ["KOR"], "speaker_country": "RUS"},
             {"text": lead, "targets": ["KOR"], "speaker_country": "RUS", "headline": HEADLINE}]
    out = subprocess.run([sys.executable, str(REPO / "evaluation" / "worker.py"), "score"], cwd=REPO, check=True,
                         env={**os.environ, "PYTHONPATH": str(REPO)}, input="".join(json.dumps(line) + "\n" for line in lines), capture_output=True, text=True)
    alone, with_headline = (json.loads(line) for line in out.stdout.splitlines())
    assert with_headline["hostility"] > alone["hostility"] and with_headline.get("cut_lead") and \
        not alone.get("cut_lead")


def test_the_gold_harness_gives_a_cut_lead_unit_its_headline():
    from evaluation.gold.hostility import headline_texts

    cut = "Zakharova said the decision of South Korea to sen"
    units = {"ru_state:d:title:0": {"corpus": "ru_state", "doc_id": "d", "field": "title", "text": HEADLINE},
             "ru_state:d:lead:0": {"corpus": "ru_state", "doc_id": "d", "field": "lead", "text": cut},
             "ru_state:e:title:0": {"corpus": "ru_state", "doc_id": "e", "field": "title", "text": HEADLINE},
             "ru_state:e:lead:0": {"corpus": "ru_state", "doc_id": "e", "field": "lead",
                                   "text": "Zakharova said the decision was noted."},
             "ru_state:f:title:0": {"corpus": "ru_state", "doc_id": "f", "field": "title", "text": HEADLINE},
             "ru_state:f:lead:0": {"corpus": "ru_state", "doc_id": "f", "field": "lead",
                                   "text": "Yoon said the decision of Russia to sen"},
             # Yonhap as users run it reads no title: its labelled title is no headline to the pipeline
             "yonhap:g:title:0": {"corpus": "yonhap", "doc_id": "g", "field": "title", "text": HEADLINE},
             "yonhap:g:text:1": {"corpus": "yonhap", "doc_id": "g", "field": "text", "text": cut}}
    gold = pd.DataFrame({"unit_id": list(units), "speaker_country": ["RUS"] * 5 + ["KOR", "RUS", "RUS"]})
    assert headline_texts(gold, units) == ["", HEADLINE, "", "", "", "", "", ""]


def test_a_headline_does_not_turn_the_leads_own_cue_the_other_way(ctx):
    rows = scored(ctx, "Lavrov praises talks with Seoul",
                  "Russian Foreign Minister Sergei Lavrov said on Thursday that South Korea would face consequences "
                  "for sanctions")
    index, country, hostility, explanation = lead_of(rows)
    assert rows[0][2] < 0 < hostility and "cut_lead" not in explanation
