"""Voices: in a document with a declared speaker (a KCNA release), whose voice each statement is: a relayed voice
keeps its identity and is reported by the outlet; the other side's state voices told in the outlet's house vocabulary
are the outlet's own paraphrase. A state outlet that only passes on its own state's launch is no speaker. What kind
of voice a speaker is (government, civic, people, ...) is tension.extract.speaker_kind's; whose story a whole document
is (a diaspora's, a South Korean group's) is tension.extract.story_voices'."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from tension.extract.references import PAPER_POINTERS, issuing_words, words_pattern

from tension.extract.findings import Finding, Statement, outside_quotes
from tension.extract.goes_on import crowd_going_on
from tension.extract.back_references import back_referenced_body, collective_told, told_of
from tension.extract.kinds import PARTY_KINDS, POLITICAL_VOICES, Kinds
from tension.extract.lexicon import Lexicon
from tension.extract.mentions import Mention, mentions_in
from tension.extract.sentences import Sentence
from tension.extract.texts_going_on import (NON_STATE_VOICES, evaluation_going_on, own_body_going_on,
                                           relayed_text_going_on)
from tension.extract.walk import Walk


_LAUNCHED = re.compile(r"\b(?:test-)?(?:fired|launched|tested|fires|launches|tests)\b")


def state_outlet_relays_launch(statement: Statement, finding: Finding, blanked: str, c_start: int, c_end: int,
                                lexicon: Lexicon) -> bool:
    """Whether a state outlet's statement only passes on its own state's launch or test ("KCNA said the country
    test-fired a new missile"): a relay verb, a military act of the outlet's country ("missile launch", "nuclear
    test": act_types.tsv rows of that country), and no evaluative word; "media" only as "state media"."""
    verb = finding.cue.split()[0]
    if verb not in lexicon.rules.relay_verbs or not statement.speaker_country or lexicon.kinds is None or (
            statement.speaker_kind == "media" and "state" not in (finding.phrase or finding.speaker_text)):
        return False
    act = lexicon.kinds.implied_act(statement.speaker_country, statement.content, True)
    if act is None or act.actor_country != statement.speaker_country or not _LAUNCHED.search(statement.content):
        return False  # (a launch told as done: "fired", "launched", "test-fired"; not "an upgrade of its deterrent")
    evaluative = lexicon.rules.evaluative
    return evaluative is None or not evaluative.search(blanked, c_start, c_end)


# "(said) it detected / had spotted / tracked ...": a military that only passes on what it saw (reference_words.tsv,
# use detection)
def detected_launch(statement: Statement, kinds: Kinds | None, detection: re.Pattern | None) -> str | None:
    """The country whose launch a state's military or government only reports having detected ("The South's
    military said it detected the launch of missiles from near Pyongyang"): an act type of another country whose
    implied targets hold the speaker's and whose words the content tells; None when the speaker evaluates too
    ("... a grave provocation") or the content is no detection."""
    if kinds is None or detection is None or not statement.speaker_country or \
            (statement.speaker or "").lower() in ("it", "they", "he", "she") or \
            statement.speaker_kind not in ("military", "government") or not detection.search(statement.content):
        return None
    body = outside_quotes(statement.content)
    if kinds.evaluative.search(body):
        return None
    found = set(re.findall(r"[a-z][a-z-]*", body.lower()))
    for act in kinds.act_types:
        if act.actor_country not in ("*", statement.speaker_country) and statement.speaker_country in act.targets \
                and not act.words.isdisjoint(found):
            return act.actor_country
    return None


def is_remark(text: str, doc: Walk, kinds: Kinds | None) -> bool:
    """Whether the outlet's own sentence with no target is a general remark, no statement: not when it praises or
    mourns a leader (domestic self-praise is a statement with no target, adjudication 10) or speaks in the outlet's
    house vocabulary ("the puppet traitors")."""
    return not doc.eulogy and not (kinds is not None and kinds.house.search(text))


_CLAUSE_START = re.compile(r"[,;:(]")
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i"})


def _named_with_epithets(statement: Statement, kinds: Kinds) -> bool:
    """Whether an act's subject is named in the outlet's house vocabulary in its own clause, outside quotation marks
    ("the puppet group let ...", "the warmongers of south Korea are ...", "masterminded by traitor X"): whatever the
    subject's kind, the sentence is the outlet's account in its own words (guideline, house vocabulary; worked
    example 5), not the other side's act. A pronoun subject carries no epithet of its own."""
    speaker = statement.speaker
    if not statement.is_act or not speaker or speaker.lower() in _PRONOUNS or \
            not kinds.house.search(statement.sentence):  # (most sentences: no such word at all)
        return False
    text = outside_quotes(statement.sentence)
    named = re.search(r"(?<!\w)" + re.escape(speaker) + r"(?!\w)", text)
    if named is None:
        return False
    start = max((m.end() for m in _CLAUSE_START.finditer(text, 0, named.start())), default=0)
    return kinds.house.search(text, start, named.end()) is not None


def _relayed_party(statement: Statement, house: re.Pattern) -> bool:
    """Whether the statement is a party's words the outlet relays ("A spokesman for <a party of the South> said the
    puppet authorities ..."): the party is the grammatical speaker, so the house vocabulary in what it says does not
    make it the outlet's own sentence (judge D cause 1); a party named in the house vocabulary is still the outlet's."""
    if statement.speaker_kind not in PARTY_KINDS or statement.is_act or not statement.cue:
        return False
    text = outside_quotes(statement.sentence)
    at = text.find(statement.cue)
    return at > 0 and not house.search(text, 0, at)  # (not "The puppet Grand National Party claimed ...")


def _accusing_voice(statement: Statement, found: list[Statement], doc: Walk, kinds: Kinds,
                    sentence: Sentence | None = None) -> tuple[Mention, str | None] | None:
    """The state voice of the outlet's side that tells the other side's act in its own evaluating words ("The south
    Korean authorities' war exercises will only reveal their scheme ...", in a commentary going on after a colon;
    "... staged the drills, a reckless provocation"), with its kind: such an act passed on is that voice's accusation
    (guideline: house vocabulary, an outlet's account in its own loaded words), not the other side's act. The voice
    is the outlet, the speaker going on after a colon, or a frame's speaker in the same sentence, when the act names
    it as its reporter; None when the act is told in plain words or by another voice."""
    narrator = doc.narrator
    if not statement.is_act or not statement.reported_by or not statement.speaker_country or \
            statement.speaker_country == narrator.country or statement.speaker_kind not in POLITICAL_VOICES:
        return None  # (a union's rally passed on is the union's act: the accused is the other side's state)
    body = outside_quotes(statement.content)
    if not (kinds.house.search(body) or kinds.loaded.search(body)):  # (not "call" of "call at a port")
        return None
    reporter = statement.reported_by
    if reporter == narrator.text:
        return narrator, kinds.of_mention(narrator)
    continuing = doc.continuing
    if continuing is not None and continuing.text == reporter and continuing.country == narrator.country and \
            doc.continuing_kind in POLITICAL_VOICES:
        return continuing, doc.continuing_kind
    frame = next((s for s in found if not s.is_act and s.speaker == reporter and s.speaker_country == narrator.country
                  and s.speaker_kind in POLITICAL_VOICES), None)
    if frame is not None:
        return Mention(0, 0, frame.speaker, frame.speaker_actor, frame.speaker_country, "", frame.speaker_role or ""), \
            frame.speaker_kind
    if sentence is None:
        return None
    # a frame with no row of its own ("<the South> is escalating confrontation ..., Rodong Sinmun says"), or a
    # back-reference to the text of such a voice ("..., the article notes", "..., it said")
    return _reporting_voice(reporter, sentence, doc, kinds) or _text_voice(reporter, sentence, doc, kinds)


def _relayed_accuser(statement: Statement, doc: Walk, kinds: Kinds, found: list[Statement] = ()
                     ) -> tuple[Mention, str | None] | None:
    """The relayed voice of no state whose text the outlet tells (a colon frame's or an issuing lead's voice going on,
    or a frame of the same sentence: "..., the statement said") when the statement is a state's act of the other
    side told in evaluating words ("the authorities recklessly cracked down ..."), with its kind: the act is that
    voice's accusation — of its own state (a civic group of the other side), or of the other side's state (an
    association of Koreans abroad, a foreign friendship group: round 56). None otherwise: a plain act it reports stays
    the act's, reported (adjudication 2)."""
    narrator = doc.narrator
    if not statement.is_act or statement.speaker_kind not in POLITICAL_VOICES or not statement.speaker_country or \
            statement.speaker_country == narrator.country:
        return None
    body = outside_quotes(statement.content)
    if not (kinds.house.search(body) or kinds.loaded.search(body)):
        return None
    continuing, kind = doc.continuing, doc.continuing_kind
    if continuing is not None and kind in NON_STATE_VOICES and continuing.country != narrator.country and (
            continuing.country == statement.speaker_country or kind == "diaspora_foreign"):
        return continuing, kind
    frame = next((s for s in found if not s.is_act and s.speaker == statement.reported_by and
                  s.speaker_kind == "diaspora_foreign" and s.speaker_country != statement.speaker_country), None)
    if frame is not None:
        return Mention(0, 0, frame.speaker, frame.speaker_actor, frame.speaker_country, "", frame.speaker_role or ""), \
            frame.speaker_kind
    return None


def _relayed_frame(statement: Statement, out: list[Statement], narrator: Mention) -> Statement | None:
    """The frame row of the same sentence whose speaker reports the other side's act told in the outlet's loaded
    words ("The traitors of the South will be punished, it warned", "it" a friendship society abroad), when that
    speaker is a relayed voice: not of the outlet's side (the branch before it) and not the accused state itself (a
    civic group of the accused side, a voice abroad). The loaded words are then the outlet's translation of the relayed
    text, not its own paraphrase (guideline: relayed voices keep their identity; round 62); None otherwise — "the
    puppet ministry said" stays the outlet's account (guideline: house vocabulary)."""
    return next((s for s in out if not s.is_act and s.speaker == statement.reported_by and s.speaker_country and
                 s.speaker_country != narrator.country and (s.speaker_country != statement.speaker_country or
                                                            s.speaker_kind in NON_STATE_VOICES)), None)


def _reporting_voice(reporter: str | None, sentence: Sentence, doc: Walk, kinds: Kinds
                     ) -> tuple[Mention, str | None] | None:
    """The reporter named in the sentence ("..., Rodong Sinmun says"), with its kind, when the dictionary knows it as a
    state voice of the outlet's side; None otherwise."""
    narrator = doc.narrator
    if not reporter or narrator is None:
        return None
    named = next((m for m in mentions_in(doc.mentions, sentence.start, sentence.end)
                  if m.text == reporter and m.country == narrator.country and m.resolved), None)
    if named is not None and (kind := kinds.of_mention(named)) in POLITICAL_VOICES:
        return named, kind
    return None


def _text_voice(reporter: str | None, sentence: Sentence, doc: Walk, kinds: Kinds
                ) -> tuple[Mention, str | None] | None:
    """The state voice of the outlet's side whose text a reporter named by a back-reference stands for ("..., the
    article notes", "..., the commentary said", "..., it said" inside a paper's commentary the outlet relays), with
    its kind: the voice the back-reference resolves to, else the voice whose text is going on (a colon frame's or an
    issuing lead's). None when the reporter is no back-reference or stands for another side's voice (a civic group's
    commentary of the other side)."""
    narrator = doc.narrator
    ref = next((m for m in mentions_in(doc.mentions, sentence.start, sentence.end)
                if m.text == reporter and m.backref), None)
    if ref is None:
        return None
    if ref.refers_to:
        if ref.backref[4:] not in issuing_words().get("points_back", ()) and ref.backref not in PAPER_POINTERS:
            return None  # (not "the statement": a statement is any body's, a diaspora group's as often as not)
        voice = ref.refers_to[0]
        kind = kinds.of_mention(voice)
        return (voice, kind) if voice.country == narrator.country and kind in POLITICAL_VOICES else None
    going_on = doc.continuing
    if going_on is not None and going_on.country == narrator.country and doc.continuing_kind in POLITICAL_VOICES:
        return going_on, doc.continuing_kind
    return None


def _merged_into(out: list[Statement], voice: Mention, targets: list[str]) -> bool:
    """Whether the sentence already has a row of `voice` in its own words (not an act): its targets then take
    `targets`, and no second row is made (one row of a voice per sentence)."""
    same = next((s for s in out if s.speaker == voice.text and s.speaker_actor == voice.actor and not s.is_act), None)
    if same is not None:
        same.targets.extend(t for t in targets if t not in same.targets)
    return same is not None


def _voice_row(statement: Statement, voice: Mention, kind: str | None, attribution: str, targets: list[str],
               reported_by: str | None) -> Statement:
    """The statement as the words of `voice` (of kind `kind`), no act, with the targets given."""
    return replace(statement, speaker=voice.text, speaker_actor=voice.actor, speaker_country=voice.country,
                   speaker_role=voice.role or None, cue="", is_act=False, attribution=attribution, targets=targets,
                   speaker_kind=kind, reported_by=reported_by, targets_inferred=False)


def relayed_voices(found: list[Statement], sentence: Sentence, doc: Walk, kinds: Kinds) -> list[Statement]:
    """Whose voice each statement is in a document with a declared speaker (a KCNA release): a relayed voice keeps
    its identity and is reported by the outlet; the other side's state voices told in the outlet's house vocabulary
    ("the puppet warmongers claimed") are the outlet's own paraphrase, so the outlet's statement about them."""
    narrator = doc.narrator
    if narrator is None:
        return found
    narrator_kind = kinds.of_mention(narrator)
    out: list[Statement] = []
    own: Statement | None = None
    for statement in found:
        if statement.attribution == "document" and statement.speaker_actor == narrator.actor and \
                narrator_kind == "state_media" and (body := back_referenced_body(sentence, doc, kinds)) is not None:
            # "On Wednesday they held a meeting", "At the meeting the organization set a mourning period": the
            # relayed body named before goes on acting, told by the outlet (guideline: reporter vs actor)
            statement = told_of(body, sentence, doc, narrator)
        elif statement.attribution in ("document", "document (account of an act)") and \
                statement.speaker_actor == narrator.actor and narrator_kind == "state_media" and \
                (body := collective_told(sentence, doc, kinds)) is not None:
            # "Candlelight rallies were staged in | to protest ...", "Messages were sent ... by parties and
            # organizations in |": the other side's collective's act, told by the outlet (decision 30)
            statement = told_of(body, sentence, doc, narrator, "act (passive, collective)")
        elif narrator_kind == "state_media" and (crowd := crowd_going_on(statement, sentence, doc)) is not None:
            statement = crowd  # "They vowed ...": a relayed crowd's words, not the outlet's (round 39)
        elif narrator_kind == "state_media" and (body := evaluation_going_on(statement, doc)) is not None:
            # "It is a shameless insult to ...", "It was against this backdrop that ..." inside a text of the outlet's
            # side that goes on: the text's evaluation, not an act of the other side's voice named before (round 41)
            targets = [t for t in [statement.speaker_country, *statement.targets] if t != narrator.country]
            if _merged_into(out, body, targets):
                continue
            statement = _voice_row(statement, body, doc.continuing_kind, "continued (evaluation)", targets,
                                   narrator.text)
        if statement.speaker_actor == narrator.actor:
            statement.speaker_kind = statement.speaker_kind if statement.attribution not in (
                "document", "document (account of an act)") else narrator_kind
        elif narrator_kind == "state_media" and statement.speaker_country and \
                statement.speaker_country != narrator.country and (statement.speaker_kind in POLITICAL_VOICES and (
                kinds.house.search(statement.speaker or "") or kinds.house.search(outside_quotes(statement.content))
                and not _relayed_party(statement, kinds.house))
                or _named_with_epithets(statement, kinds)):
            targets = [t for t in [statement.speaker_country, *statement.targets] if t != narrator.country]
            frame = next((s for s in out if not s.is_act and s.speaker == statement.reported_by and
                          s.speaker_country == narrator.country and s.speaker_kind in POLITICAL_VOICES), None)
            if frame is not None:  # "Rodong Sinmun says the puppet forces staged ...": the paper's words, one row
                frame.targets.extend(t for t in targets if t not in frame.targets)
                continue
            relayed = _relayed_frame(statement, out, narrator)
            if relayed is not None:  # "The traitors of the South ..., it warned" after a friendship society's lead
                relayed.targets.extend(t for t in targets if t not in relayed.targets and t != relayed.speaker_country)
                continue
            paper = _reporting_voice(statement.reported_by, sentence, doc, kinds)
            if paper is not None:  # "The puppet warmongers staged ..., Minju Joson says": the paper's, not KCNA's
                statement = _voice_row(statement, paper[0], paper[1], "document (house vocabulary)", targets,
                                       narrator.text)
            elif (body := own_body_going_on(doc)) is not None:
                # "<the body> in the statement issued ... . The puppet warmongers staged ...": the body's text in its
                # own loaded words, not the outlet's (round 40); one row of the body per sentence, as the outlet's
                if _merged_into(out, body, targets):
                    continue
                statement = _voice_row(statement, body, doc.continuing_kind, "continued (house vocabulary)", targets,
                                       narrator.text)
            elif (body := relayed_text_going_on(doc, kinds)) is not None:
                # "<a party of the South> ..., it noted, and went on: | The two parties will expose the sycophantic
                # forces ...": the relayed voice's text after its colon frame, in the outlet's translation (round 62)
                targets = [t for t in targets if t != body.country]  # (its own state: a domestic statement)
                if _merged_into(out, body, targets):
                    continue
                statement = _voice_row(statement, body, doc.continuing_kind, "continued (house vocabulary)", targets,
                                       narrator.text)
            else:
                statement = _voice_row(statement, narrator, narrator_kind, "document (house vocabulary)", targets,
                                       None)
        elif narrator_kind == "state_media" and (
                voice := _accusing_voice(statement, found, doc, kinds, sentence)) is not None:
            speaker, kind = voice
            targets = [t for t in [statement.speaker_country, *statement.targets] if t != narrator.country]
            if _merged_into(out, speaker, targets):  # (the frame's own row: "<outlet> says <the South> is the ...")
                continue
            statement = _voice_row(statement, speaker, kind, "document (account of an act, evaluated)", targets,
                                   None if speaker is narrator else narrator.text)
        elif narrator_kind == "state_media" and (voice := _relayed_accuser(statement, doc, kinds, out)) is not None:
            # "<a civic group of the South> issued a statement ... . The authorities recklessly staged ...": the
            # group's accusation of its own state, a domestic statement reported by the outlet, not the state's act
            # (guideline: a state outlet relaying a civic group; round 34). In the outlet's house
            # vocabulary it stays the outlet's own paraphrase (the branch above). A voice abroad accusing the other
            # side's state aims at that state, not at the outlet's side its act named (round 56)
            speaker, kind = voice
            attribution = "continued (account of its own state's act)"
            if speaker.country == statement.speaker_country:
                targets = [] if statement.targets_inferred else [t for t in statement.targets if t != speaker.country]
            else:
                attribution = "continued (account of the other side's act)"
                targets = [statement.speaker_country, *(t for t in statement.targets if t not in (
                    narrator.country, speaker.country, statement.speaker_country))]
            same = next((s for s in out if s.speaker == speaker.text and not s.is_act), None)
            if same is not None:
                same.targets.extend(t for t in targets if t not in same.targets)
                continue
            statement = _voice_row(statement, speaker, kind, attribution, targets, narrator.text)
        elif not statement.reported_by:
            statement.reported_by = narrator.text
        if statement.speaker_kind in ("civic", *PARTY_KINDS) and narrator.country in kinds.home and \
                statement.speaker_country and statement.speaker_country not in kinds.home[narrator.country]:
            # "The Working Citizens' Association of Congo denounced ...", in a KCNA release: a foreign group
            statement.speaker_kind = "diaspora_foreign"
        if statement.speaker_actor == narrator.actor:
            if own is not None:  # one statement of the outlet per sentence: its targets merged
                own.targets.extend(t for t in statement.targets if t not in own.targets)
                continue
            own = statement
        out.append(statement)
    return out


@lru_cache(maxsize=1)
def _own_state_words() -> re.Pattern:
    """The words by which a relayed text points back to its own state ("the regime", "the authorities"; issuing_words.tsv
    own_state)."""
    return re.compile(r"\b(?:" + words_pattern(issuing_words().get("own_state", ())) + r")\b", re.I)


def own_state_meant(statement: Statement, doc: Walk) -> None:
    """In the text of a relayed voice of no state going on in an outlet's story (a civic group of the other side whose
    statement the story tells), a sentence whose targets were only carried from the one before over "the regime" or
    "the authorities" points at the voice's own state: a domestic statement, no target (guideline: a state outlet
    relaying a civic group). Before, the carried target was the outlet's own side."""
    going_on = doc.continuing
    narrator = doc.narrator
    if going_on is None or narrator is None or not statement.targets_inferred or not going_on.country or \
            going_on.country == narrator.country or statement.speaker_country != going_on.country or \
            statement.speaker_actor != going_on.actor or doc.continuing_kind not in NON_STATE_VOICES:
        return
    if _own_state_words().search(outside_quotes(statement.content)):
        statement.targets, statement.targets_inferred = [], False
