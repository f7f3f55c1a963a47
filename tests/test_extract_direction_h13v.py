"""Rules of issue 13's twenty-first tuning round: what made the direction of pair statements wrong on gold-free
random samples of KCNA, Yonhap, RSS 2024 and Russian state media (`python -m evaluation.dev_sample`, never gold).
Every sentence here is written for these tests (never copied from the corpora). Rules: docs/labelling-guideline.md
(Targets; adjudication 10); figures: docs/evaluation-extraction.md, "Twenty-first tuning round"."""

from __future__ import annotations

from datetime import date

from tension.extract.statements import extract_statements

_DAY = date(2025, 12, 20)


def _rows(ctx, text: str, speaker: str = "") -> list[tuple]:
    """(speaker country, sorted targets) of each statement of the text, in order."""
    return [(s.speaker_country, tuple(sorted(s.targets)))
            for s in extract_statements(text, _DAY, ctx.actors, ctx.lexicon, speaker)]


# --- "his" in a person's own act is that person's, not a pointer to the story before -------------------------------

def test_a_leaders_domestic_act_under_his_policy_takes_no_launch_targets(ctx):
    # Before: "his" carried the launch's inferred KOR, JPN, USA into the factory opening.
    rows = _rows(ctx, "North Korea fired two cruise missiles into the sea on Sunday, state media reported. "
                      "North Korean leader Kim Jong Un attended the opening of a new shoe factory in a northern "
                      "province, state media reported Monday, as new plants open under his signature policy.")
    assert rows[0] == ("PRK", ("JPN", "KOR", "USA")), rows
    assert rows[1:] == [("PRK", ())], rows


def test_a_president_marking_his_anniversary_takes_no_carried_target(ctx):
    # The same class, a headline-like act of the South's president after a story about another country.
    rows = _rows(ctx, "Vietnam and South Korea signed a trade pact on Monday. "
                      "South Korean President Yoon Suk Yeol visited a school in Busan to mark his first year in office.")
    assert ("KOR", ()) in rows, rows


def test_words_about_his_remarks_still_point_back(ctx):
    # Counter-case: words, not an act — "his" is the person of the sentence before, whose targets carry over.
    rows = _rows(ctx, "Russian President Vladimir Putin criticised Seoul's arms exports on Tuesday. "
                      "South Korean President Lee Jae Myung rejected his remarks as groundless.")
    assert ("KOR", ("RUS",)) in rows, rows


def test_the_other_sides_leader_in_a_state_outlets_story_keeps_the_carried_target(ctx):
    # Counter-case: in KCNA's story, the South's leader's "act" is the outlet's account of him; his own "his" does not
    # clear the target the story carries (measured worse on gold-free KCNA).
    rows = _rows(ctx, "The puppet authorities of south Korea are escalating confrontation with the DPRK. "
                      "Traitor Lee became more reckless in his behaviour fostering confrontation.", speaker="KCNA")
    assert all(targets for _, targets in rows), rows


def _speakers(ctx, text: str, speaker: str = "") -> list[tuple]:
    """(speaker, speaker country, sorted targets) of each statement of the text, in order."""
    return [(s.speaker, s.speaker_country, tuple(sorted(s.targets)))
            for s in extract_statements(text, _DAY, ctx.actors, ctx.lexicon, speaker)]


# --- ", urged <speaker>" after the demand: the inverted frame, as ", said <speaker>" -------------------------------

def test_an_outlets_demand_with_urges_after_it_is_the_outlets(ctx):
    # Before: the demand's subject (the South's authorities) was read as the speaker: KOR->PRK instead of PRK->KOR.
    rows = _speakers(ctx, "The south Korean authorities should stop the smear campaign against the DPRK at once, "
                          "urges Rodong Sinmun Friday in a bylined commentary.", speaker="KCNA")
    assert rows == [("Rodong Sinmun", "PRK", ("KOR",))], rows


def test_a_southern_union_urging_its_own_authorities_is_the_unions(ctx):
    # The same frame with a relayed group of the South after the verb: its words, not the authorities'.
    rows = _speakers(ctx, "The puppet authorities should release the arrested activists without delay, urged the "
                          "Korean Teachers Union of south Korea on Monday.", speaker="KCNA")
    assert [(s, c) for s, c, _ in rows] == [("the Korean Teachers Union of south Korea", "KOR")], rows


def test_urged_with_an_object_and_to_keeps_its_speaker_before_the_comma(ctx):
    # Counter-case: ", urged <someone> to ..." — the one urged is the demand's object, never its speaker.
    rows = _speakers(ctx, "A lawmaker of the opposition Democratic Party, speaking at the National Assembly on "
                          "Monday, urged President Lee Myung Bak to stop the smear campaign.", speaker="KCNA")
    assert all(s != "President Lee Myung Bak" and "Lee" not in (s or "") for s, _, _ in rows), rows


# --- a colon sentence closing with another's frame: that frame's speaker goes on after the colon -------------------

def _after_colon(ctx, text: str) -> list[tuple]:
    """(speaker country, kind) of the statements told after the colon (the speaker going on)."""
    return [(s.speaker_country, s.speaker_kind)
            for s in extract_statements(text, _DAY, ctx.actors, ctx.lexicon, "KCNA")
            if s.attribution == "continued (after colon)"]


def test_a_commentary_going_on_after_quoting_the_south_is_the_commentarys(ctx):
    # Before: the South's claim, the first reporting verb of the colon sentence, went on as the speaker: the
    # commentary's next paragraphs became KOR->PRK.
    text = ("Rodong Sinmun Tuesday carries a bylined commentary on the joint drills.\n\n"
            "The Lee Myung Bak group claims that the drills are purely defensive, but this is a sheer lie, the "
            "commentary notes, and goes on:\n\n"
            "The drills are a rehearsal for a northward invasion.\n\n"
            "They will only bring ruin to the group.")
    rows = _after_colon(ctx, text)
    assert rows == [("PRK", "state_media")] * 2, rows


def test_a_named_outlet_closing_a_glued_paragraph_goes_on(ctx):
    # KCNA glues a paragraph to the next with ", ,": the outlet's frame closes the glued sentence, after the South's
    # words; the outlet goes on, not the South's speaker.
    text = ("Lee Myung Bak again called for a tough stand toward the north at a cabinet meeting. , Minju Joson "
            "Thursday observes in a bylined commentary in this regard:\n\n"
            "His outcry is a declaration of confrontation.\n\n"
            "The group should stop such reckless talk at once.")
    rows = _after_colon(ctx, text)
    assert rows and all(country == "PRK" for country, _ in rows), rows


def test_a_foreign_groups_statement_introduced_before_goes_on_as_its_own(ctx):
    # Counter-case: "The statement said:" opening its own sentence points back to the group that issued it; the
    # group goes on, not the outlet.
    text = ("The Pakistan Committee for Solidarity with Korea issued a statement on Monday. The statement said:\n\n"
            "The joint drills of the U.S. and the south Korean army threaten peace in the region.")
    rows = _after_colon(ctx, text)
    assert rows == [("PAK", "diaspora_foreign")], rows


# --- a relayed party of the South pointing back at "the authorities" after the outlet's row is domestic ------------

def test_a_southern_partys_demand_on_its_own_authorities_has_no_carried_target(ctx):
    # Before: the outlet's own row about the South left KOR and PRK to carry; the party's demand took PRK (KOR->PRK).
    rows = _rows(ctx, "The puppet warmongers are pushing ahead with the construction of a naval base on the island. "
                      "The Democratic Labor Party of south Korea on Monday denounced the authorities for the "
                      "construction. It urged the authorities to withdraw the riot police from the village at once.",
                 speaker="KCNA")
    assert rows[0] == ("PRK", ("KOR",)), rows
    assert rows[1:] == [("KOR", ()), ("KOR", ())], rows


def test_a_southern_partys_words_on_the_north_keep_their_target(ctx):
    # Counter-case: a party naming the North aims at it; only a bare back-reference is read as domestic.
    rows = _rows(ctx, "The puppet warmongers are pushing ahead with the construction of a naval base on the island. "
                      "The Democratic Labor Party of south Korea on Monday called for dialogue with the north.",
                 speaker="KCNA")
    assert ("KOR", ("PRK",)) in rows, rows


# --- "Seoul" opening a KPA division's honorific name is no South Korean place ---------------------------------------

def test_a_kpa_divisions_honorific_name_gives_no_south_korean_target(ctx):
    # Before: "Seoul" in the division's name was the South's capital; the KOR it gave carried into the story's
    # self-praise through "he" and "his" (PRK->KOR rows at hostility 0 in a leader's eulogy).
    rows = _rows(ctx, "The leader visited the Seoul Ryu Kyong Su Guards Tank Division in the winter of that year.\n\n"
                      "Since then the army has followed his leadership with loyalty.", speaker="KCNA")
    assert all("KOR" not in targets for _, targets in rows), rows


def test_seoul_alone_is_still_the_souths_capital(ctx):
    # Counter-case: the capital named as such keeps its country.
    rows = _rows(ctx, "The puppet authorities in Seoul staged a reckless firing drill near the border.", speaker="KCNA")
    assert ("PRK", ("KOR",)) in rows, rows
