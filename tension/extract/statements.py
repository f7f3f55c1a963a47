"""Extract: split body text into sentences and find each statement — who said or did what, about whom.

Within a clause the rules of `tension.extract.attribution` find the speaker or actor; this module walks the document
(`tension.extract.walk` holds what the walk carries): quotations spanning sentences keep their speaker, a speaker
introduced with a colon ("It goes on:") goes on speaking, a document's declared speaker (a KCNA release) speaks every
unattributed sentence and is the one telling the acts of others (`tension.extract.voices`), back-references ("she",
"the ministry", "it", "the two countries") resolve against what the document named before, and targets come from
the content (or, flagged `targets_inferred`, from the sentence before or the document's main counterpart when the
content only points back or names none: `tension.extract.targets`). Clauses and the units with no row are
`tension.extract.clauses`'; headlines naming their source, `tension.extract.headlines`'.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from datetime import date
from functools import lru_cache

from tension.extract import context
from tension.extract.actors import ActorDictionary
from tension.extract.attribution import clause_findings
from tension.extract.clauses import (background_after, background_clause, background_relative, clause_spans,
                                     names_only, promotion, time_lead_end)
from tension.extract.continuation import (closes_quote, closing_frame_voice, colon_frame, continued,
                                          ends_continuation, only_a_frame, opens_quote)
from tension.extract.findings import MODALITIES, Finding, Statement, outside_quotes, referents  # noqa: F401
from tension.extract.headlines import headline_source, headline_source_voice, voices_in_headline
from tension.extract.institutions import dateline_country, domestic_act, domestic_bodies, relative_clause_of_body
from tension.extract.kinds import POLITICAL_VOICES
from tension.extract.lexicon import Lexicon, anaphor_pattern, load_lexicon, reporting_verbs  # noqa: F401
from tension.extract.mentions import Mention
from tension.extract.modality import modality  # noqa: F401 (re-exported: tests score with the extractor's modality)
from tension.extract.references import paper_pointed_at, resolve_mentions
from tension.extract.scan import WordIndex, cuts_word
from tension.extract.sentences import Sentence, dateline_outlet, split_sentences  # noqa: F401 (re-exported)
from tension.extract.speaker_kind import DIASPORA, coalition_kind, kind_of_speaker
from tension.extract.targets import complete_targets, make_statement
from tension.extract.voices import detected_launch, is_remark, relayed_voices, state_outlet_relays_launch
from tension.extract.walk import Walk, as_mention, declared_speaker


def extract_statements(
    body: str,
    published: date,
    actors: ActorDictionary,
    lexicon: Lexicon,
    document_speaker: str = "",
    agency: str = "",
    dateline: str = "",
) -> list[Statement]:
    """Every statement in a cleaned body, in order, with speakers and targets resolved at `published`. `agency`:
    the outlet of the wire dateline that cleaning took off the body ("Yonhap" of "SEOUL, Dec. 28 (Yonhap) --");
    `dateline`: that dateline ("SEOUL, Nov. 3"), whose city places the story when no outlet does."""
    if context.is_almanac(body):
        return []  # past events listed by date: no statement (labelling guideline, the unit)
    # The words looked up instead of scanning for every actor and reporting verb.
    names = _split_compounds(body)  # "U.S.-south Korea talks": both countries are named (same length as the body)
    if not any(c.isupper() for c in body) and any(c.isalpha() for c in body):
        names = _capitalise(names, actors.capitalised)  # "south korean president moon jae-in"
    words = WordIndex(names, _vocabulary(actors.words, lexicon.speech_finder.words if lexicon.speech_finder else None,
                                         context.cue_words()))
    narrator = declared_speaker(document_speaker, actors, published)
    home = _home(narrator, body, actors, published, agency)
    found_mentions = actors.find_mentions(names, published, words)
    if narrator is None:
        # the story's own courts and prosecutors, named with no country (adjudication 9; eleventh round)
        placed = f"{dateline}\n{body}" if dateline else body  # (a dateline cleaning took off places it still)
        found_mentions = domestic_bodies(names, found_mentions, lambda: home or dateline_country(placed, actors, published))
    mentions = resolve_mentions(found_mentions,
                                korea_context=narrator is not None and narrator.country in ("KOR", "PRK"),
                                words=lexicon.reference_words,
                                home=home)
    starts = [m.start for m in mentions]
    doc = Walk(narrator, mentions,
                    lexicon.speech_finder.possible(words) if lexicon.speech_finder else None)
    doc.cues = context.document_cues(words, body)
    doc.korea = any(m.country in _KOREAS for m in mentions)
    doc.year = published.year
    doc.published = published
    doc.eulogy = not context.eulogy_words().isdisjoint(words)
    doc.past = not context.past_gate().isdisjoint(words) or " in 19" in body or " in 20" in body
    foreign = " de " in body and len(context.foreign_words().intersection(words)) >= 5  # (another language's)
    statements: list[Statement] = []
    pending_quote: list[Sentence] = []  # sentences inside a quotation whose speaker comes later
    quote_speaker: Statement | None = None
    for sentence in split_sentences(body, lexicon.abbreviations):
        if sentence.header or foreign and context.not_english(sentence.text) or "," in sentence.text and \
                names_only(sentence.text) or promotion(sentence.text):
            continue  # (a sentence in another language, one naming without a verb, a promotion: no statement, the unit)
        in_sentence = mentions[bisect_left(starts, sentence.start) : bisect_left(starts, sentence.end)]
        if doc.continuing is not None and ends_continuation(sentence, in_sentence, doc, body):
            doc.continuing = doc.continuing_kind = None
        narrator = doc.continuing or doc.narrator
        before, before_kind = doc.last_speaker, doc.last_kind
        found = [s for s in _sentence_statements(sentence, in_sentence, lexicon, doc, narrator, body) if s]
        if narrator is not None and in_sentence and sentence.text[-1:] not in _SENTENCE_END and all(
                s.attribution.startswith("document") for s in found) and (
                voiced := voices_in_headline(sentence, in_sentence, narrator) or headline_source_voice(
                    sentence, in_sentence, narrator, lexicon, doc)) is not None:
            found = [voiced]  # (the outlet's account of the act would be its own statement otherwise)
        if found:
            speakers = [s for s in found if s.speaker_country or s.speaker_kind == "diaspora_foreign"]
            if pending_quote and speakers:
                statements.extend(continued(s, speakers[0], "quote (speaker after)") for s in pending_quote)
            pending_quote = []
            quote_speaker = speakers[0] if speakers and opens_quote(sentence.text) else None
            if sentence.text.rstrip().endswith(":") and found[0].attribution != "document" and (
                    voice := next((s for s in found if not s.is_act), speakers[0] if speakers else None)):
                # the one whose words go on after the colon, not an act told inside them ("... the south Korean
                # people are suffering, he said, adding:" goes on in his voice, even when he is not known)
                if voice.is_act and (voice.reported_by or "").lower() in ("he", "she"):
                    # an act an unknown "he" passes on: it is he who goes on, a speaker not known
                    voice = replace(voice, speaker=voice.reported_by, speaker_actor=None, speaker_country=None,
                                    speaker_role=None, speaker_kind="people")
                doc.continuing = as_mention(voice)
                doc.continuing_kind = voice.speaker_kind
                if (framed := closing_frame_voice(sentence, in_sentence, voice, before)) is not None:
                    doc.continuing = framed  # "..., the article notes, and goes on:": the frame's speaker goes on
                    doc.continuing_kind = before_kind if framed is before else lexicon.kinds.of_mention(framed) \
                        if lexicon.kinds is not None else None
            elif ":" in sentence.text and (voice := colon_frame(found, sentence.text, lexicon.pointing)) is not None:
                # "The statement said: The U.S. ... ." — the frame's words begin in its own sentence and go on in
                # the next ones, as after a frame ending in a colon (a relayed group's statement, not the outlet's)
                doc.continuing = as_mention(voice)
                doc.continuing_kind = voice.speaker_kind
        elif quote_speaker is not None:
            found = [continued(sentence, quote_speaker, "quote (continued)")]
            if closes_quote(sentence.text):
                quote_speaker = None
        elif opens_quote(sentence.text) or pending_quote:
            pending_quote.append(sentence)
        elif narrator is not None and (narrator is doc.continuing or doc.background_at != sentence.start and not
                                       context.opens_with_earlier_year(sentence.text, doc.year)):
            # (the outlet's own account, unless what the sentence tells is an earlier act: "In August 1981 he
            # proposed ...", a finding left out as background above; a speaker going on after a colon who tells
            # the past is saying it now)
            how = "continued (after colon)" if narrator is doc.continuing else "document"
            if sentence.text.rstrip().endswith(":") and len(sentence.text.split()) <= 6:
                # "It went on:", "The white paper continued:": a frame with nothing said yet, no row (its speaker
                # goes on in the next sentences)
                continue
            found = [make_statement(sentence, sentence.text, Finding([narrator], narrator.text, "", False, how), [],
                           in_sentence, offset=sentence.start, doc_cues=doc.cues)]
            if lexicon.kinds is not None:
                found[0].speaker_kind = doc.continuing_kind if narrator is doc.continuing else \
                    lexicon.kinds.of_mention(narrator)
        if lexicon.kinds is not None:
            found = relayed_voices(found, sentence, doc, lexicon.kinds)
        for statement in found:
            complete_targets(statement, sentence, doc, lexicon.kinds, lexicon.anaphor,
                              [s.speaker_country for s in found if s is not statement and s.is_act
                               and s.content == statement.content] if len(found) > 1 else [])
            if doc.narrator is None:
                domestic_act(statement)
        if doc.narrator is None and found:
            found = [s for s in found if not relative_clause_of_body(s)]
        statements.extend(s for s in found if (id(s) not in doc.not_statements or s.targets) and not (
            s.cue and sentence.text.endswith(":") and only_a_frame(s)) and not (
            s.attribution == "document" and not s.targets and is_remark(sentence.text, doc, lexicon.kinds)))
    if doc.narrator is not None:
        kind = lexicon.kinds.of_mention(doc.narrator) if lexicon.kinds is not None else None
        for s in pending_quote:
            statements.append(make_statement(s, s.text, Finding([doc.narrator], doc.narrator.text, "", False, "document"), [],
                                    []))
            statements[-1].speaker_kind = kind
    # A leader no longer alive does nothing this week: what "the late head of state" (actors.tsv role "late ...")
    # said or did is his history as the outlet tells it — eulogies, anniversaries — background, no row
    # (adjudication 1). Before, KCNA's retelling of its late leaders' proposals to the South read as this week's
    # cooperation in the weeks of Kim Jong Il's death and Kim Il Sung's centenary.
    # Not a subject found inside another's frame ("The demise of X is a loss, the spokesman said, condemning ..."):
    # there the late leader is named, not speaking, and the statement is someone's now.
    statements = [s for s in statements if not ((s.speaker_role or "").startswith("late ")
                                                and not s.attribution.startswith("subject (framed)"))]
    for seq, statement in enumerate(statements):
        statement.seq = seq
    return statements


_COMPOUND = re.compile(r"-(?=[A-Za-z])")
_WORDS = re.compile(r"[a-z]\w*")


def _home(narrator: Mention | None, body: str, actors: ActorDictionary, published: date,
          agency: str = "") -> str | None:
    """The country of the outlet whose document it is: the declared speaker's, else the dateline's outlet's when the
    dictionary knows it as an outlet ("(Yonhap) --": Seoul's; "the ministry" named by no ministry is its government's).
    """
    if narrator is not None:
        return narrator.country if narrator.kind == "media" else None
    outlet = agency or dateline_outlet(body)  # (the cleaned body has lost its dateline: the header keeps it)
    entry = actors.lookup(outlet, published) if outlet else None
    return entry.country if entry is not None and entry.kind == "media" else None


def _capitalise(text: str, capitalised: dict[str, str]) -> str:
    """A text written all in lower case with the words of names written as the dictionary writes them (same
    length): "south korean president moon jae-in" -> "South Korean President Moon Jae-in". A single letter is
    taken only before a full stop ("u.s."), never the "s" of "'s"."""
    def write(match: re.Match) -> str:
        word = match.group(0)
        if len(word) == 1 and text[match.end() : match.end() + 1] != ".":
            return word
        return capitalised.get(word, word)

    return _WORDS.sub(write, text)


def _split_compounds(body: str) -> str:
    """`body` with the hyphen of a compound of names made a space ("U.S.-south Korea", "south Korea-U.S.",
    "DPRK-China"): a hyphen after an initialism or before one. Names with a hyphen of their own ("Kim Jong-un",
    "Asia-Pacific") keep it."""
    if "-" not in body:
        return body

    def space(match: re.Match) -> str:
        at = match.start()
        left = body[max(0, at - 5) : at]
        right = body[at + 1 : at + 6]
        initialism = (left[-1:] == "." or left[-2:].isupper()) or right[:2].isupper() or right[1:2] == "."
        return " " if initialism and left[-1:].isalpha() or left[-1:] == "." else "-"

    return _COMPOUND.sub(space, body)


@lru_cache(maxsize=8)
def _vocabulary(actor_words: frozenset[str], speech_words: frozenset[str] | None,
                cue_words: frozenset[str] = frozenset()) -> frozenset[str]:
    """Every word extraction looks up in a document's words (made once per dictionary and lexicon)."""
    return actor_words | cue_words | (speech_words or frozenset())


_KOREAS = frozenset({"KOR", "PRK"})
_SENTENCE_END = frozenset('.!?"”’):')


def _sentence_statements(
    sentence: Sentence, mentions: list[Mention], lexicon: Lexicon, doc: Walk, narrator: Mention | None,
    body: str,
) -> list[Statement]:
    text = sentence.text
    blanked = outside_quotes(text)
    # The document's words are the sentence's, unless a sentence boundary falls inside a word.
    openings = doc.speech_openings if _whole_words(body, sentence.start, sentence.end) else None
    if not mentions and not reporting_verbs(blanked, 0, len(text), lexicon, openings):
        # No actor and no reporting verb: no clause can have a speaker or an actor (a verb found in a clause is
        # found in the whole sentence, as every clause ends at a comma, a semicolon or a blank).
        return []
    by = sentence.start
    local = [Mention._make((m.start - by, m.end - by, *m[2:])) for m in mentions]  # sentence offsets
    outside_all = local if blanked is text else [m for m in local if not blanked[m.start : m.end].isspace()]
    statements: list[Statement] = []
    previous_clause: list[Mention] = []
    lead_end = time_lead_end(text, blanked)  # "After North Korea fired a missile, Seoul held a meeting"
    for c_start, c_end, rel in clause_spans(text, blanked, {m.start for m in outside_all}, lexicon.speech_verbs):
        if c_start == 0 and c_end == len(text):  # the whole sentence (most are one clause): no copies
            in_clause, outside = local, outside_all
        else:
            in_clause = [m for m in local if c_start <= m.start < c_end]
            outside = [m for m in outside_all if c_start <= m.start < c_end]
        antecedent = previous_clause[-1:] if rel in ("which", "who") else []
        if background_clause(rel, antecedent, blanked, c_start, statements):
            previous_clause = outside
            continue
        anchors = reporting_verbs(blanked, c_start, c_end, lexicon, openings)
        if background_relative(rel, antecedent, statements, bool(anchors)) or \
                background_after(rel, blanked, c_start, statements, bool(anchors)) and \
                not (lexicon.rules.house and lexicon.rules.house.search(blanked, c_start, c_end)):
            # (an after clause in the outlet's house vocabulary keeps the outlet's row: decision 13)
            previous_clause = outside
            continue
        if not (outside or antecedent or anchors):
            previous_clause = outside
            continue  # every rule needs a mention or a reporting verb: nothing to find
        last = doc.last_speaker
        if doc.crowd is not None and any(m.backref == "they" for m in outside):
            last = doc.crowd  # "Workers staged a rally ... They said": the crowd told last, not the voice before it
        elif last is not None and doc.last_kind not in _OUTLETS and (paper := paper_pointed_at(outside)) is not None:
            last = paper  # "the paper says" after a ministry it quoted: the paper (round 22)
        elif last is not None and lexicon.rules.relayed_text and doc.last_kind in _STATE_PROPER and \
                any(m.backref in lexicon.rules.relayed_text for m in outside) and \
                _state_media_narrator(doc, lexicon) and last.country != doc.narrator.country:
            # "the declaration said" in a state outlet's story after the other side's state voice: not its
            # declaration. Only there: in a wire story "The statement said" after a ministry's statement is the
            # ministry's (review, session 6)
            last = None
        findings = clause_findings(text, blanked, c_start, c_end, rel, outside, antecedent, anchors,
                                         lexicon.rules, last, narrator)
        if lead_end and c_start == 0 and findings:
            kept = [f for f in findings if not ((actor := f.exclude or f.speakers) and
                                                 all(m.start < lead_end for m in actor))]
            if len(kept) < len(findings) and not kept:
                # (the opening clause's actor was found first: the news is what follows it, its countries still
                # targets as mentions of the clause)
                kept = clause_findings(text, blanked, lead_end, c_end, rel,
                                             [m for m in outside if m.start >= lead_end], antecedent,
                                             reporting_verbs(blanked, lead_end, c_end, lexicon, openings),
                                             lexicon.rules, doc.last_speaker, narrator)
            findings = kept
        for finding in findings:
            begin = c_start if finding.content_start is None else finding.content_start
            if doc.past and context.before_the_week(blanked, c_start, c_end, finding, doc.year) or doc.eulogy and \
                    context.opens_with_earlier_year(blanked, doc.year, c_start, c_end):
                # (a document praising or mourning a leader that opens a sentence with an earlier year is telling
                # his history: "In August 1981 he proposed ...")
                # "X previously warned ...", "... said last month", "fired a missile in 2021": an earlier act,
                # background to the news, no row (adjudication 1) — nor the outlet's account of it below
                doc.background_at = sentence.start
                continue
            content = text[begin : finding.content_end if finding.content_end is not None else c_end]
            statement = make_statement(sentence, content, finding, antecedent, in_clause, blanked, doc_cues=doc.cues)
            if finding.how in ("reported act", "nested") and statement.modality == "hypothetical" and any(
                    not f.is_act and f.speaker_text == finding.reported_by for f in findings):
                # "Analysts warned that North Korea could be testing cruise missiles": what analysts or experts
                # guess a state may do is their statement about it, no act of that state (the gold set's reading)
                continue
            statement.speaker_kind = coalition_kind(
                kind_of_speaker(finding, lexicon.kinds, doc, lexicon.pointing), finding,
                text[: finding.speakers[0].start] if finding.speakers else "", lexicon.kinds)
            if statement.speaker_kind in ("state_media", "media") and not finding.is_act and finding.cue and \
                    state_outlet_relays_launch(statement, finding, blanked, c_start, c_end, lexicon):
                # "North Korea's state media said the country launched a satellite": the outlet passes on its
                # state's launch; the actor is the state's military, reported by the outlet (guideline: reporter vs
                # actor; the outlet gets no row for passing on a fact)
                outlet = "state media" if "state" in (finding.phrase or "") else finding.speaker_text
                statement = replace(statement, is_act=True, speaker_kind="military", attribution="reported act",
                                    reported_by=outlet, speaker_actor=None)
            elif not finding.is_act and finding.cue and (launcher := detected_launch(
                    statement, lexicon.kinds, lexicon.detection)) is not None:
                # "The South's military said it detected the launch of missiles from near Pyongyang": the launch
                # is the other side's act; the military only passes it on, with no row of its own (guideline:
                # reporter vs actor; judge C's "reporter as speaker")
                named = next((m.text for m in outside if (r := referents(m)) and r[0].country == launcher
                              and r[0].kind in ("state", "capital")), launcher)
                statement = replace(statement, is_act=True, speaker=named, speaker_actor=None,
                                    speaker_country=launcher, speaker_role=None, speaker_kind="military",
                                    attribution="reported act", reported_by=finding.speaker_text,
                                    targets=[t for t in statement.targets if t != launcher], targets_inferred=False)
            if statement.speaker_kind == "diaspora_foreign" and DIASPORA.search(finding.phrase or finding.speaker_text):
                # "the Federation of Koreans in the U.S.": a diaspora speaks for no state (labelling guideline)
                statement.speaker_country = statement.speaker_actor = None
            if finding.how == "act subject" and not statement.targets and statement.speaker_kind not in POLITICAL_VOICES \
                    and lexicon.kinds is not None and lexicon.kinds.of_head(finding.phrase):
                # "South Korean team DRX won", "The South Korean company ... unveiled": an act of a voice that is no
                # state, aimed at no country, is no statement (labelling guideline: about or aimed at a country);
                # it stays in the walk (the sentence is not the outlet's) and is left out at the end
                doc.not_statements[id(statement)] = statement
            statements.append(statement)
        if lexicon.speech_noun is not None and doc.cues[5] and "that" in blanked[c_start:c_end]:
            statements.extend(_speech_nouns(sentence, blanked, c_start, c_end, outside, in_clause, statements,
                                            lexicon, doc))
        previous_clause = outside
    if "–" in text or "—" in text or " - " in text:
        statements = headline_source(sentence, text, statements, local, lexicon, doc)
    if statements and doc.cues[4] and context.about_sport(text):
        # "South Korea beat Portugal with a late goal": national teams, no states acting
        statements = [s for s in statements if not (s.is_act and s.attribution in _TEAM_ACTS)]
    return statements


_TEAM_ACTS = frozenset({"act subject", "mutual", "nested", "passive agent"})
# The other side's state proper, whose words a relayed "the declaration said" never goes on (its parties may: a South
# Korean party's declaration; issue 13 thirteenth round).
_STATE_PROPER = frozenset({"government", "military", "state_media"})
_OUTLETS = frozenset({"media", "state_media"})


def _state_media_narrator(doc: "Walk", lexicon) -> bool:
    """Whether the document's declared speaker is a state outlet (KCNA, TASS): its relayed texts are others'."""
    return doc.narrator is not None and lexicon.kinds is not None and \
        lexicon.kinds.of_mention(doc.narrator) == "state_media"



def _speech_nouns(sentence: Sentence, blanked: str, c_start: int, c_end: int, outside: list[Mention],
                  in_clause: list[Mention], found: list[Statement], lexicon: Lexicon, doc: Walk
                  ) -> list[Statement]:
    """The statements of "X's concerns that ...", "Moscow's warning that ..." in a clause (adjudication 2: a speech
    noun with content keeps a row), for speakers the clause has no statement of yet."""
    out: list[Statement] = []
    for mention in outside:
        noun = lexicon.speech_noun.match(blanked, mention.end, c_end)
        if noun is None or not referents(mention) or not referents(mention)[0].country:
            continue
        speaker = referents(mention)[0]
        if any(s.speaker_country == speaker.country for s in [*found, *out]):
            continue
        finding = Finding([speaker], mention.text, noun.group(0).strip(), False, "speech noun", exclude=[mention],
                          content_start=noun.end())
        statement = make_statement(sentence, sentence.text[noun.end() : c_end], finding, [], in_clause, blanked,
                          doc_cues=doc.cues)
        statement.speaker_kind = kind_of_speaker(finding, lexicon.kinds, doc, lexicon.pointing)
        out.append(statement)
    return out


def _whole_words(body: str, start: int, end: int) -> bool:
    """Whether body[start:end] neither starts nor ends inside a word (so its words are words of the body)."""
    return not cuts_word(body, start) and not cuts_word(body, end)
