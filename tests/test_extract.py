"""Hard cases of attribution, with the real actor dictionary."""

from __future__ import annotations

from datetime import date

import pytest

from tension.ingest.clean import clean_text
from tension.extract.statements import extract_statements, split_sentences

DAY = date(2024, 2, 4)


def statements(ctx, text, speaker="", day=DAY):
    return extract_statements(clean_text(text).body, day, ctx.actors, ctx.lexicon, speaker)


def one(found, fragment):
    matches = [s for s in found if fragment in s.content]
    assert len(matches) == 1, [(s.speaker, s.content) for s in found]
    return matches[0]


def test_sentence_splitting_keeps_abbreviations(ctx):
    text = "People watch the news on Jan. 30. The U.S. military and Gen. Paul LaCamera met. He left."
    assert [s.text for s in split_sentences(text, ctx.lexicon.abbreviations)] == [
        "People watch the news on Jan. 30.", "The U.S. military and Gen. Paul LaCamera met.", "He left."]


def test_pronoun_she_resolves_to_the_last_woman_named(ctx):
    found = statements(ctx, "Russian Foreign Ministry spokeswoman Maria Zakharova spoke on Thursday. "
                            "She said Seoul's policy was \"unfriendly and short-sighted.\"")
    rec = one(found, "She said")
    assert (rec.speaker_actor, rec.speaker_country, rec.targets) == ("Maria Zakharova", "RUS", ["KOR"])


def test_the_ministry_and_the_statement_resolve_to_the_institution(ctx):
    found = statements(ctx, "Seoul's foreign ministry issued a statement on Friday. "
                            "The ministry urged Moscow to stop military cooperation with Pyongyang.")
    rec = one(found, "The ministry urged")
    assert rec.speaker_country == "KOR" and rec.targets[:1] == ["RUS"]


def test_quote_spanning_sentences_keeps_its_speaker(ctx):
    found = statements(ctx, 'Kim Yo Jong said: "The South will pay dearly. Its warmongers are fools. '
                            'We will respond."')
    contents = [s for s in found if s.speaker_country == "PRK"]
    assert len(contents) == 3
    assert any("warmongers" in s.content for s in contents)


def test_quote_whose_speaker_comes_after(ctx):
    found = statements(ctx, '"We will never accept this. It is a grave provocation," North Korea\'s foreign '
                            'ministry said.')
    assert {s.speaker_country for s in found} == {"PRK"}
    assert any("never accept" in s.content for s in found)


def test_the_south_resolves_to_rok_in_korean_context(ctx):
    rec = one(statements(ctx, "North Korea this year declared the South its \"principal enemy.\""), "principal enemy")
    assert rec.targets == ["KOR"]


def test_the_south_without_korean_context_stays_unresolved(ctx):
    found = statements(ctx, "Sudan's army said the South was to blame.")
    assert all("KOR" not in s.targets for s in found)


def test_negation_is_the_statement_modality(ctx):
    rec = one(statements(ctx, "Russia did not threaten South Korea, Moscow's embassy said."), "did not threaten")
    assert rec.modality == "negated"


def test_hypothetical_and_future(ctx):
    found = statements(ctx, "Analysts warned that North Korea could test a missile.")
    fut = one(statements(ctx, "North Korea vowed to strike South Korea."), "vowed")
    # Analysts speak for no state; what they say North Korea could do is their guess about it, no act of North
    # Korea's (the gold set labels none; issue 13 sixth round).
    assert {(s.speaker_country, s.modality) for s in found} == {(None, "hypothetical")}
    assert fut.modality == "threat_or_future"


def test_act_without_speech(ctx):
    rec = one(statements(ctx, "North Korea fired two ballistic missiles toward Japan on Sunday."), "fired")
    # Japan is named; a DPRK ballistic launch bears on KOR and USA too (labelling guideline, Targets).
    assert rec.is_act and rec.speaker_country == "PRK" and rec.targets == ["JPN", "KOR", "USA"]
    assert not rec.targets_inferred


def test_two_speakers_in_one_accusation(ctx):
    found = statements(ctx, "Russia has deepened ties with Pyongyang, which South Korea and Washington accuse of "
                            "shipping weapons to Moscow.")
    accusers = {s.speaker_country for s in found if "accuse" in s.content}
    assert accusers == {"KOR", "USA"}


def test_the_two_countries_are_the_two_just_named(ctx):
    # (a main clause: a trailing ", as the two countries ..." is background and gives no row, adjudication 1)
    found = statements(ctx, "Putin met Kim Jong Un in Pyongyang. Then the two countries deepened their alliance.")
    mutual = [s for s in found if "the two countries" in s.content]
    assert {s.speaker_country for s in mutual} == {"RUS", "PRK"}


def test_document_speaker_speaks_unattributed_sentences(ctx):
    found = statements(ctx, "The puppet traitors are escalating confrontation.", speaker="KCNA",
                       day=date(2011, 3, 1))
    assert [(s.speaker_country, s.attribution) for s in found] == [("PRK", "document")]


def test_speaker_quoted_by_hostile_outlet_keeps_own_country(ctx):
    # KCNA quoting a South Korean party: that party's statement, not the DPRK's.
    found = statements(ctx, "South Korea's Ministry of Unification said it regretted the decision.",
                       speaker="KCNA", day=date(2011, 3, 1))
    assert [s.speaker_country for s in found] == ["KOR"]


def test_office_holder_resolves_at_document_date(ctx):
    in_office = one(statements(ctx, "President Yoon Suk Yeol said Pyongyang must stop.", day=date(2024, 1, 5)), "stop")
    later = one(statements(ctx, "Yoon Suk Yeol said Pyongyang must stop.", day=date(2025, 6, 1)), "stop")
    assert in_office.speaker_role == "head of state"
    assert later.speaker_country == "KOR" and later.speaker_role != "head of state"
