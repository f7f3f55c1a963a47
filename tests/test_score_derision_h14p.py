"""Sixteenth round (issue 14, branch h14p): cooperation the speaker derides, found on a gold-free random sample (seed 60)
of the stored KCNA pair statements (KCNA mocks the other side's calls for talks: crying out for dialogue, lip-service to
peace, pretended interest in better ties; the cooperative word read them as cooperation), and what a rebuff or a
regret is about. Every sentence here is written for the test (no corpus text); two sentences per form and a
counter-case."""
import pytest

from conftest import cue_of, scored


@pytest.mark.parametrize("text", [
    "The clique, unrepentant as ever, now noisily cries out for dialogue.",
    "The ruling group is crying out for improving relations while it plans new drills.",
    "Those in power in the south keep trumpeting about talks to cover up their crimes.",
    "The regime is only paying lip-service to reconciliation.",
    "The much-touted engagement of the group is a last-ditch effort.",
    "The puppets are pretending to be interested in exchanges with the north.",
])
def test_derided_cooperation_is_no_cooperation(scorer, text):
    result = scored(scorer, text)
    assert [c for c in result.cues if c["kind"] == "accusation" and c["contribution"] > 0]
    assert not [c for c in result.cues if c["contribution"] < 0]
    assert result.hostility > 0.3  # was cooperative or near 0: derision is the guideline's +2 (derogation)


@pytest.mark.parametrize("text", [
    "The two ministers called for dialogue to resume next month.",
    "Parliament voted for improving relations with the neighbour.",
    "The delegates cried with joy when the talks ended in an agreement.",
])
def test_a_call_for_talks_stays_cooperative(scorer, text):
    result = scored(scorer, text)
    assert not [c for c in result.cues if c["kind"] == "accusation"]
    assert result.hostility < 0.0


# --- 'met a rebuff' is a rebuff, not a meeting (the brief's leftover: a meeting cue firing where nobody meets) ---

@pytest.mark.parametrize("text", [
    "The new curfew met an angry rebuff from shop owners in the capital.",
    "The minister's remarks soon met fierce criticism in both capitals.",
])
def test_met_a_rebuff_is_no_meeting(scorer, text):
    result = scored(scorer, text)
    assert not [c for c in result.cues if c["contribution"] < 0]
    assert result.hostility > 0.3  # was about 0.05: the meeting cue cancelled the rebuff


def test_a_meeting_with_the_opposition_stays_a_meeting(scorer):
    result = scored(scorer, "The visiting envoy met the opposition leader and the protest organisers in Seoul.")
    assert [c for c in result.cues if c["kind"] == "diplomacy" and c["contribution"] < 0]
    assert result.hostility < 0.0


# --- a regret is a disapproval whose object is its topic (the brief's leftover 'regretted the North's threats') ---

@pytest.mark.parametrize("text, fragment", [
    ("Seoul regretted the North's threats against the islands.", "threats"),
    ("It is regrettable that the other side rejected the proposal for talks.", "rejected"),
])
def test_the_object_of_a_regret_is_its_topic(scorer, text, fragment):
    result = scored(scorer, text)
    cue = cue_of(result, fragment)
    assert any(m["kind"] == "topic" for m in cue["markers"])
    assert cue["factor"] == 0.5  # the deplored act is the topic, not the speaker's own act
    assert result.hostility > 0.2  # the regret is criticism (guideline +1), toward the threatener


def test_a_regretted_cancellation_of_talks_is_no_cooperation(scorer):
    result = scored(scorer, "The ministry expressed regret over the cancelled talks.")
    assert not [c for c in result.cues if c["contribution"] < 0]
    assert result.hostility > 0.1
