"""Rules of issue 13's twenty-fourth tuning round, from gold-free samples of KCNA (never gold): a non-state voice a
KCNA release relays keeps speaking through "it said", "the statement noted" in the sentences after its lead, even
when the dictionary knows no country for it; the Anti-Imperialist National Democratic Front is a PRK civic voice
(guideline decision 12). Every sentence here is written for these tests (never copied from the corpora). Rules:
docs/labelling-guideline.md (reporter vs actor: a relayed body's words are its own); figures:
docs/evaluation-extraction.md, "Twenty-fourth tuning round"."""

from __future__ import annotations

from datetime import date

from tension.extract.statements import extract_statements

_DAY = date(2012, 3, 5)


def _rows(ctx, text: str, speaker: str = "KCNA") -> list[tuple]:
    """(speaker text, speaker country, speaker kind) of each statement of the text, in order."""
    return [(s.speaker, s.speaker_country, s.speaker_kind)
            for s in extract_statements(text, _DAY, ctx.actors, ctx.lexicon, speaker)]


_UNPLACED_LEAD = ("The Riverside Council for Peaceful Coexistence in a statement on Monday denounced the puppet "
                  "authorities for their war drills with the U.S. ")


# --- hard cases first ---------------------------------------------------------------------------------------------

def test_a_pronoun_after_an_unplaced_relayed_lead_is_the_relayed_body(ctx):
    # Before: the council (a civic body the dictionary places nowhere) was never "the last speaker", so "it" found no
    # one and the sentence became KCNA's own (a state-voice PRK->KOR row).
    rows = _rows(ctx, _UNPLACED_LEAD + "The drills are a grave threat to peace on the peninsula, it said.")
    assert rows[-1] == ("it", None, "civic"), rows
    assert all(r[0] != "KCNA" for r in rows), rows


def test_a_kcna_account_between_the_lead_and_the_pronoun_does_not_take_the_voice(ctx):
    # KCNA's own sentence in between stays KCNA's; the closing "it charged" after it is still the council's.
    rows = _rows(ctx, _UNPLACED_LEAD + "Those drills were staged near the border last week. "
                                       "The drills will only bring a disaster to the nation, it charged.")
    assert rows[1][0] == "KCNA", rows  # (the outlet's account of the drills)
    assert rows[-1] == ("it", None, "civic"), rows


def test_a_state_speaker_after_the_non_state_one_keeps_it(ctx):
    # Counter-case: the DPRK ministry speaks after the council; "it said" is the ministry's (a state voice).
    rows = _rows(ctx, _UNPLACED_LEAD + "The Foreign Ministry of the DPRK in a statement on Tuesday said the drills are "
                                       "a rehearsal for a war of aggression. The U.S. and its allies will pay dearly "
                                       "for the provocation, it said.")
    assert rows[-1] == ("it", "PRK", "government"), rows


def test_an_unplaced_body_after_a_placed_one_leaves_the_placed_voice(ctx):
    # Counter-case: a South Korean body the dictionary places spoke first; an unplaced body mentioned after it does
    # not take "the statement" away from it (its country would be lost).
    rows = _rows(ctx, "The Solidarity for Peace and Reunification of south Korea in a statement on Monday denounced "
                      "the puppet authorities for their war drills with the U.S. The Riverside Council for Peaceful "
                      "Coexistence also issued a statement. The drills are a grave threat to the compatriots in the "
                      "north, the statement said.")
    assert rows[-1] == ("the statement", "KOR", "civic"), rows


def test_he_after_words_naming_the_leader_with_honorifics_is_the_relayed_speaker(ctx):
    # Before: "he" took the latest man named, the leader inside the speaker's own words ("under the leadership of the
    # dear respected ..."), so the diaspora official's words became the DPRK government's.
    rows = _rows(ctx, "Ri Song Chol, vice-chairman of the Riverside Association of Koreans in Japan, said in a speech "
                      "that the compatriots in Japan condemn the war drills of the puppet authorities. The compatriots "
                      "will turn out in the struggle for reunification under the leadership of the dear respected Kim "
                      "Jong Un, he stressed.")
    assert rows[-1][0] == "he" and rows[-1][2] == "diaspora_foreign", rows


def test_he_after_the_leader_as_the_subject_is_still_the_leader(ctx):
    # Counter-case: the leader named as the one who speaks before "he" is not an object of the words.
    rows = _rows(ctx, "Kim Jong Un on Monday inspected a unit of the Korean People's Army. The army must be ready to "
                      "answer any provocation of the enemy, he said.")
    assert rows[-1][:2] == ("he", "PRK"), rows


def test_the_letter_said_is_the_body_that_sent_it(ctx):
    # Before: "the letter" was no mention, so the closing frame had no speaker and the words became KCNA's own.
    rows = _rows(ctx, "The Riverside Association of Koreans in Japan on Monday sent a letter to the National "
                      "Reconciliation Council. The war drills of the puppet authorities must be stopped at once, the "
                      "letter said.")
    assert rows[-1] == ("the letter", None, "diaspora_foreign"), rows


# --- data: the front -------------------------------------------------------------------------------------------------

def test_the_anti_imperialist_front_is_a_prk_civic_voice(ctx):
    # Guideline decision 12: a DPRK united-front body that presents itself as non-state is PRK civic (was
    # state_media, a state voice counted in the index).
    rows = _rows(ctx, "The Anti-Imperialist National Democratic Front on Sunday issued a statement denouncing the "
                      "puppet authorities for the drills.")
    assert rows == [("Anti-Imperialist National Democratic Front", "PRK", "civic")], rows
