"""Rules of the thirty-fourth tuning round (branch h13ai): a state outlet's story whose lead tells a relayed
non-state voice of another side — a South Korean civic group, opposition party, newspaper; an association abroad; a
foreign paper — issuing or voicing a text ("<group> issued a statement denouncing ...", "<paper> in an editorial on
<day> said ...") is that text: its unattributed sentences are the relayed voice's, reported by the outlet, not the
outlet's own (labelling guideline: a state outlet relaying a civic group; adjudication 5). Before, they were the
outlet's own rows, so a South Korean group criticising its own government became a DPRK->ROK state statement.
Every sentence here is written for these tests (never copied from the corpora). Figures:
docs/evaluation-extraction.md, "Thirty-fourth tuning round"."""

from __future__ import annotations

from datetime import date

from tension.extract.statements import extract_statements

_DAY = date(2011, 6, 14)


def _rows(ctx, text: str, speaker: str = "KCNA") -> list[tuple]:
    """(sentence index, speaker, speaker country, speaker kind, reported_by, targets) of each statement."""
    return [(s.sentence_index, s.speaker, s.speaker_country, s.speaker_kind, s.reported_by, sorted(s.targets))
            for s in extract_statements(text, _DAY, ctx.actors, ctx.lexicon, speaker)]


def _kcna_pair_rows(rows: list[tuple], after: int = 0) -> list[tuple]:
    """The outlet's own rows (PRK) aimed at the South, after the lead."""
    return [r for r in rows if r[0] > after and r[2] == "PRK" and "KOR" in r[5]]


# --- hard cases first ---------------------------------------------------------------------------------------------


def test_a_civic_group_s_statement_told_on_after_the_lead_is_the_group_s(ctx):
    # A state outlet relaying a civic group: the statement's content follows in unframed sentences.
    rows = _rows(ctx, "The Citizens' Coalition for Fair Labour of south Korea issued a statement on Monday "
                      "denouncing the authorities for raising tuition fees.\n\n"
                      "The south Korean authorities have broken every promise they made to students and their parents.\n\n"
                      "The Lee Myung Bak regime should withdraw the decision at once and apologise to the people.")
    later = [r for r in rows if r[0] > 0]
    assert later and not _kcna_pair_rows(rows), rows
    # (the acts the statement tells of the South's authorities are theirs, reported: decision 2; none is the outlet's)
    assert all(r[2] == "KOR" and r[4] == "KCNA" for r in later), rows


def test_a_party_s_statement_voiced_in_a_commentary_keeps_the_party(ctx):
    # "<party> in a commentary on <day> <verb>": the text's words go on as the opposition party's, not the outlet's.
    rows = _rows(ctx, "A spokeswoman of the Democratic Labor Party of south Korea, in a commentary on Sunday, "
                      "criticised the ruling camp for its plan to cut welfare spending.\n\n"
                      "The plan shows that the Lee Myung Bak group cares nothing for the livelihood of the poor.")
    assert not _kcna_pair_rows(rows), rows
    assert any(r[0] == 1 and r[2] == "KOR" and r[3] == "opposition" for r in rows), rows


def test_a_south_korean_paper_s_editorial_goes_on_in_the_paper_s_voice(ctx):
    # Reported speech inside reported speech: the outlet relays a paper that reports the police's act.
    rows = _rows(ctx, "The south Korean newspaper Hanbit Ilbo in an editorial on June 10 condemned the "
                      "police for detaining a union leader.\n\n"
                      "The detention by the south Korean police is an open challenge to the freedom of association.")
    assert not _kcna_pair_rows(rows), rows
    assert any(r[0] == 1 and r[2] == "KOR" and r[3] == "media" and r[4] == "KCNA" for r in rows), rows


def test_an_association_abroad_issuing_a_statement_speaks_what_follows(ctx):
    rows = _rows(ctx, "The Association of Korean Residents in Brazil released a statement on Friday urging "
                      "the south Korean authorities to stop the war drills.\n\n"
                      "The drills are a grave threat to peace on the peninsula.")
    assert not _kcna_pair_rows(rows), rows


def test_the_regime_a_relayed_group_points_back_to_is_its_own_state(ctx):
    # The group's text goes on; its "the present regime" is the South's own government, not the DPRK the sentence
    # before named: a domestic statement (the carried target was the outlet's side).
    rows = _rows(ctx, "The Solidarity for Progress of south Korea released a statement on May 3 that called on "
                      "citizens to rise against the government.\n\n"
                      "It charged the south Korean authorities with stirring up war against the DPRK.\n\n"
                      "All progressive forces will rise together and make the present regime answer for it.")
    last = [r for r in rows if r[0] == 2]
    assert last and all(r[2] == "KOR" and r[5] == [] for r in last), rows


# --- counter-cases ------------------------------------------------------------------------------------------------


def test_a_paper_s_report_the_outlet_calls_false_stays_the_outlet_s_account(ctx):
    # The outlet denounces the paper's report: what follows is the outlet's own voice.
    rows = _rows(ctx, "The south Korean newspaper Hanbit Ilbo released a false report on June 10 that the north "
                      "had moved missiles to the border.\n\n"
                      "This whopping lie was cooked up by the south Korean conservatives keen on confrontation.")
    assert any(r[0] == 1 and r[1] == "KCNA" for r in rows), rows


def test_the_south_s_government_issuing_a_paper_is_no_relayed_voice(ctx):
    # A state voice of the other side issuing a text: the outlet's denunciation after it stays the outlet's.
    rows = _rows(ctx, "The south Korean puppet regime recently made public a white paper on its policy toward "
                      "the north.\n\n"
                      "This is a shameless sophism of the south Korean authorities misleading the public.")
    assert any(r[0] == 1 and r[1] == "KCNA" for r in rows), rows


def test_own_state_body_issuing_a_statement_is_unchanged(ctx):
    # Round 26's rule: the outlet's own state's body speaks its text (not this round's).
    rows = _rows(ctx, "The Secretariat of the Committee for the Peaceful Reunification of Korea issued a statement "
                      "on Monday denouncing the south Korean authorities.\n\n"
                      "The authorities must stop their reckless drills at once.")
    assert any(r[0] == 1 and r[2] == "PRK" and "KOR" in r[5] and r[1] != "KCNA" for r in rows), rows
