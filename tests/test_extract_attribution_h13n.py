"""Rules of issue 13's thirteenth tuning round (KCNA's relayed voices, judge F's cause 1); every sentence here is
written for these tests (never copied from the corpora). Rules: docs/labelling-guideline.md; figures:
docs/evaluation-extraction.md, "Thirteenth round"."""

from __future__ import annotations

from conftest import KCNA_DAY

from tension.extract.statements import extract_statements


def _voice_of(ctx, text: str, speaker: str) -> tuple:
    """(country, kind, sorted targets) of the one statement whose speaker ends with `speaker` in a KCNA story."""
    rows = [s for s in extract_statements(text, KCNA_DAY, ctx.actors, ctx.lexicon, "KCNA")
            if (s.speaker or "").lower().endswith(speaker)]
    assert len(rows) == 1, rows
    return rows[0].speaker_country, rows[0].speaker_kind, tuple(sorted(rows[0].targets))


def _kcna_rows(ctx, text: str) -> list[tuple]:
    return [(s.speaker_country, s.speaker_kind, tuple(sorted(s.targets)))
            for s in extract_statements(text, KCNA_DAY, ctx.actors, ctx.lexicon, "KCNA") if s.speaker == "KCNA"]


# --- "the declaration said" is the relayed body that adopted it (speakers.py, reference_words.tsv relayed_text) -----

def test_a_relayed_unions_declaration_keeps_the_unions_voice(ctx):
    # Before: "The declaration said ..." was KCNA's own sentence (PRK state_media -> KOR), counted in the index.
    text = ("The Korean Federation of Teachers' Unions of south Korea adopted a declaration on Monday. "
            "The declaration said the puppet authorities are driving north-south relations to catastrophe.")
    assert _voice_of(ctx, text, "declaration")[:2] == ("KOR", "civic")
    assert _kcna_rows(ctx, text) == []


def test_a_relayed_partys_declaration_told_after_its_content_keeps_the_partys_voice(ctx):
    # The same class written differently: a party's statement first, the declaration's frame after its content.
    text = ("The Democratic Labour Party of south Korea issued a statement on Friday. "
            "The Lee regime has pushed the relations to the brink of war, the declaration stressed.")
    assert _voice_of(ctx, text, "declaration")[:2] == ("KOR", "opposition")  # (not ruling in 2011: session 10)
    assert _kcna_rows(ctx, text) == []


def test_the_declaration_is_not_the_other_sides_state_voice_told_before(ctx):
    # Counter-case: the voice met last is the other side's government (the declaration's target, not its author);
    # with the data rows alone (no guard), the declaration became that government's words (KOR government).
    text = ("The south Korean Ministry of Unification said on Monday that it would review the exchanges. "
            "The declaration said the war drills must stop at once.")
    assert _voice_of(ctx, text, "declaration")[:2] != ("KOR", "government")


def test_a_dprk_bodys_declaration_stays_the_bodys(ctx):
    # Cause 2 of the same class: a DPRK organ's own declaration keeps the organ's voice. Before: KCNA's own sentence.
    text = ("The DPRK Foreign Ministry issued a declaration on Monday. "
            "The declaration said the U.S. must stop its hostile policy at once.")
    assert _voice_of(ctx, text, "declaration")[:2] == ("PRK", "government")


def test_the_declaration_as_an_object_leaves_the_outlets_sentence_alone(ctx):
    # Counter-case (passes before and after): "the declaration" that is no speaker; the outlet's own words stay its.
    text = ("The Korean Federation of Teachers' Unions of south Korea held a rally on Monday. "
            "The puppet authorities must implement the declaration at once, KCNA said.")
    assert _kcna_rows(ctx, text) == [("PRK", "state_media", ("KOR",))]


# --- "the statement said", "the resolution said" after a body the dictionary cannot place is not KCNA's voice ------

def test_a_relayed_groups_statement_is_not_the_outlets_own_voice(ctx):
    # Before: a civic network the dictionary does not know issued a statement; "The statement said ..." was KCNA's
    # own sentence (PRK state_media -> KOR), counted in the index. Now a voice of no country, as the group's.
    text = ("The Jeju Peace Solidarity Network issued a statement on Tuesday. "
            "The statement said the puppet authorities must stop the naval base construction at once.")
    assert _kcna_rows(ctx, text) == []
    assert _voice_of(ctx, text, "statement")[0] is None


def test_a_relayed_alliances_statement_told_after_its_content_is_not_the_outlets_own_voice(ctx):
    # The same class written differently: the frame after the content ("..., the statement noted"). Before: KCNA's.
    text = ("The Pusan Alliance for Reunification issued a statement on Friday, denouncing the drills. "
            "The war drills are a grave provocation against the north, the statement noted.")
    assert _kcna_rows(ctx, text) == []
    assert _voice_of(ctx, text, "statement")[0] is None


def test_a_foreign_associations_resolution_keeps_its_voice(ctx):
    # Counter-case (passes before and after): the voice met last is the foreign association; its resolution stays
    # its, not the South Korean regime named in between.
    text = ("The Korean Friendship Association of Nigeria held a seminar on Sunday, calling on the south Korean "
            "regime to give up confrontation. The resolution said that the south Korean regime must opt for "
            "dialogue with the north.")
    assert _voice_of(ctx, text, "resolution")[:2] == ("NGA", "diaspora_foreign")


def test_a_dprk_committees_statement_stays_the_committees(ctx):
    # Counter-case (passes before and after): the CPRK (decision 12: government) keeps its statement.
    text = ("The Committee for the Peaceful Reunification of Korea issued a statement on Tuesday. "
            "The statement said the Lee group of traitors will pay dearly for its provocations.")
    assert _voice_of(ctx, text, "statement") == ("PRK", "government", ("KOR",))
