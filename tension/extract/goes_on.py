"""Who goes on speaking after a sentence with a colon frame, and as what kind: the one whose words follow a frame
ending in a colon ("..., he said, adding:"), another speaker named in a closing frame ("<a claim> ..., the article
notes, and goes on:"), or a text speaking with a colon inside its sentence ("The statement said: ..."). The document
walk (`tension.extract.statements`) keeps it as `Walk.continuing` until a sentence ends it."""

from __future__ import annotations

import re
from dataclasses import replace

from tension.extract.continuation import closing_frame_voice, colon_frame
from tension.extract.findings import Statement
from tension.extract.kinds import Kinds
from tension.extract.mentions import Mention
from tension.extract.sentences import Sentence
from tension.extract.walk import as_mention


def voice_going_on(sentence: Sentence, in_sentence: list[Mention], found: list[Statement], speakers: list[Statement],
                   before: Mention | None, before_kind: str | None, kinds: Kinds | None, pointing: re.Pattern
                   ) -> tuple[Mention, str | None] | None:
    """The speaker who goes on after this sentence's colon and its kind, or None when no one does (`before`,
    `before_kind`: the last speaker before the sentence; `speakers`: the statements of `found` with a speaker)."""
    if sentence.text.rstrip().endswith(":") and found[0].attribution != "document" and (
            voice := next((s for s in found if not s.is_act), speakers[0] if speakers else None)):
        # the one whose words go on after the colon, not an act told inside them ("... the south Korean people are
        # suffering, he said, adding:" goes on in his voice, even when he is not known)
        if voice.is_act and (voice.reported_by or "").lower() in ("he", "she"):
            # an act an unknown "he" passes on: it is he who goes on, a speaker not known
            voice = replace(voice, speaker=voice.reported_by, speaker_actor=None, speaker_country=None,
                            speaker_role=None, speaker_kind="people")
        framed = closing_frame_voice(sentence, in_sentence, voice, before)
        if framed is None:
            return as_mention(voice), voice.speaker_kind
        # "..., the article notes, and goes on:": the frame's speaker goes on — the one before the sentence keeps
        # its kind; a speaker the frame names takes the kind its mention has
        if framed is before:
            return framed, before_kind
        return framed, kinds.of_mention(framed) if kinds is not None else None
    if ":" in sentence.text and (voice := colon_frame(found, sentence.text, pointing)) is not None:
        # "The statement said: The U.S. ... ." — the frame's words begin in its own sentence and go on in the next
        # ones, as after a frame ending in a colon (a relayed group's statement, not the outlet's)
        return as_mention(voice), voice.speaker_kind
    return None
