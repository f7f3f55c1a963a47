"""Rules of issue 13's thirteenth tuning round (KCNA's relayed voices, judge F's cause 1); every sentence here is
written for these tests (never copied from the corpora). Rules: docs/labelling-guideline.md; figures:
docs/evaluation-extraction.md, "Thirteenth round"."""

from __future__ import annotations

from conftest import kcna_voices as found


# --- "the speakers", "the participants" point back to the relayed group, never to a state voice -----------------

def test_the_speakers_of_a_relayed_party_meeting_keep_the_partys_voice(ctx):
    # Before: "the speakers" was a speaker of no country (people), its words lost to the index.
    text = ("The Democratic Labour Party of south Korea issued a statement on Monday. "
            "The speakers said the puppet authorities are driving north-south relations to catastrophe.")
    assert found(ctx, text)[-1][:2] == ("KOR", "party_legislature")


def test_the_participants_after_a_relayed_civic_statement_keep_its_voice(ctx):
    # The same class written differently: "the participants", a civic group named in an earlier sentence.
    text = ("The Korean Teachers and Education Workers Union of south Korea issued a statement on Oct. 20. "
            "The participants stressed that the puppet regime must stop its crackdown on teachers.")
    assert found(ctx, text)[-1][:2] == ("KOR", "civic")


def test_the_speakers_do_not_point_back_to_a_state_voice(ctx):
    # Counter-case: the last voice told is a government's; "the speakers" of an unnamed meeting stay unknown
    # (no country), not the government's words.
    text = ("The south Korean Ministry of Unification said on Monday that it would review the exchanges. "
            "The speakers at a meeting in Seoul stressed that the war drills must stop at once.")
    assert found(ctx, text)[-1][:2] == (None, "people")
