"""KCNA's "A spokesman for <a DPRK body> issued the following statement:" frames (session 7, judge G's first KCNA
cause: the body's words credited to KCNA). Sentences written for these tests, in KCNA's manner."""
from __future__ import annotations

import json

from tension.ingest.clean import clean_text
from typer.testing import CliRunner

from tension.cli import app


def _statements(tmp_path, text: str) -> list[dict]:
    path = tmp_path / "kcna.jsonl"
    path.write_text(json.dumps({"text": text, "published": "2012-03-01", "speaker": "KCNA", "source": "KCNA"}) + "\n",
                    encoding="utf-8")
    result = CliRunner().invoke(app, ["statements", str(path)])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]


def test_a_comma_after_a_colon_is_a_scraped_paragraph_break():
    assert clean_text("It issued the following statement on Friday:, The enemy is wrong.").paragraphs == [
        "It issued the following statement on Friday:", "The enemy is wrong."]
    assert clean_text("He said:, , You are right.").paragraphs == ["He said:", "You are right."]
    # a comma after a colon before a small letter is left alone
    assert clean_text("Note:, and so on.").paragraphs == ["Note:, and so on."]


def test_the_answer_after_a_cprk_spokesman_frame_is_the_cprks(tmp_path):
    rows = _statements(tmp_path, (
        "A spokesman for the Committee for the Peaceful Reunification of Korea on Friday answered a KCNA question "
        "concerning what the south Korean authorities did lately:, The authorities are "
        "pursuing confrontation with the DPRK. They will be held fully responsible for the consequences."))
    body = [r for r in rows if r["content"].startswith(("The authorities", "They will"))]
    assert len(body) == 2
    for r in body:
        assert r["speaker_actor"] == "Committee for the Peaceful Reunification of Korea"
        assert (r["speaker_country"], r["speaker_kind"]) == ("PRK", "government")


def test_a_part_of_a_state_body_speaks_for_the_body(tmp_path):
    rows = _statements(tmp_path, (
        "A spokesman for the inspection group of the DPRK National Defence Commission issued the following statement "
        "on Thursday:, The south Korean military staged a grave provocation. They will pay dearly for it."))
    body = [r for r in rows if r["content"].startswith(("The south Korean military", "They will"))]
    assert body and all((r["speaker_country"], r["speaker_kind"]) == ("PRK", "government") for r in body)


def test_a_front_body_named_of_korea_is_the_dprks_not_the_roks(tmp_path):
    rows = _statements(tmp_path, (
        "A spokesman for the National Peace Committee of Korea issued the following statement on Saturday:, The "
        "war exercises of the south Korean army are a challenge to all Koreans. They must be stopped at once."))
    body = [r for r in rows if r["content"].startswith(("The war exercises", "They must"))]
    assert body and all((r["speaker_country"], r["speaker_kind"]) == ("PRK", "civic") for r in body)


def test_the_ndc_named_with_its_abbreviation_in_brackets_is_the_ndc(tmp_path):
    rows = _statements(tmp_path, (
        "A spokesman for the National Defence Commission (NDC) of the DPRK issued the following statement on "
        "Monday:, The south Korean military staged a reckless provocation. They will pay dearly for it."))
    body = [r for r in rows if r["content"].startswith(("The south Korean military", "They will"))]
    assert body and all(r["speaker_actor"] == "National Defence Commission (PRK)" and r["speaker_kind"] == "government"
                        for r in body)


def test_the_joint_statement_of_the_dprk_government_parties_and_organizations_is_the_states(tmp_path):
    rows = _statements(tmp_path, (
        "The DPRK government, political parties and organizations issued the following statement on Thursday:, The "
        "south Korean authorities committed a grave provocation. They will be held responsible."))
    body = [r for r in rows if r["content"].startswith(("The south Korean authorities", "They will"))]
    assert body and all((r["speaker_country"], r["speaker_kind"]) == ("PRK", "government") for r in body)


def test_a_things_indicating_is_not_its_owners_speech(tmp_path):
    rows = _statements(tmp_path, (
        "The Democratic Labor Party of south Korea on Thursday published a commentary that accused the minister of "
        "blocking dialogue.\n\nThe stubborn stand of the Ministry of Unification indicates that it has "
        "no will for peace, it noted, warning that the ministry will be judged."))
    framed = [r for r in rows if r["content"].startswith("The stubborn stand")]
    assert framed and framed[0]["speaker_actor"] != "Ministry of Unification (KOR)"
    assert framed[0]["speaker_kind"] == "opposition"  # (the party, not ruling then: session 10)
