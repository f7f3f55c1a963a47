"""One sentence's statements, clause by clause: the rules of `tension.extract.attribution` find each clause's speaker
or actor (with the walk's last speaker for "it", "the paper", "they"), then the statement is made and its kind set;
background clauses and earlier acts give none. The document walk that calls it is `tension.extract.statements`."""

from __future__ import annotations

import re
from dataclasses import replace

from tension.extract import context
from tension.extract.attribution import clause_findings
from tension.extract.clauses import background_after, background_clause, background_relative, clause_spans, time_lead_end
from tension.extract.findings import Finding, Statement, outside_quotes, referents
from tension.extract.headlines import headline_source
from tension.extract.kinds import POLITICAL_VOICES
from tension.extract.lexicon import Lexicon, reporting_verbs
from tension.extract.mentions import Mention
from tension.extract.owned import owned_thing_subject
from tension.extract.places import make_statement
from tension.extract.references import paper_pointed_at
from tension.extract.word_index import cuts_word
from tension.extract.sentences import Sentence
from tension.extract.speaker_kind import DIASPORA, coalition_kind, kind_of_speaker
from tension.extract.voices import detected_launch, state_outlet_relays_launch
from tension.extract.walk import Walk


def sentence_statements(
    sentence: Sentence, mentions: list[Mention], lexicon: Lexicon, doc: Walk, narrator: Mention | None,
    body: str,
) -> list[Statement]:
    """The statements of one sentence, clause by clause: each clause's speakers or actors (tension.extract.attribution),
    the outlet's relay of a launch, a detected launch, speech nouns, a headline naming its source."""
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
            if narrator is None and finding.how == "act subject" and len(finding.exclude) == 1 and \
                    lexicon.kinds is not None and owned_thing_subject(blanked, finding.exclude[0], c_end, outside,
                                                                      lexicon.kinds.of_head):
                # "North Korea's new rocket has flaws": what the country owns is or has something, no act; the
                # sentence is still about the country, whose name a next sentence's "it" or "the regime" carries
                if (owner := referents(finding.exclude[0])) and owner[0].country:
                    doc.previous_targets, doc.previous_index = [owner[0].country], sentence.index
                continue
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
            if antecedent and rel in ("which", "who") and (accused := _accused_antecedent(
                    blanked, c_start, finding, antecedent[0], lexicon)) is not None:
                # "Pyongyang, which Seoul and Washington accuse of shipping arms to Moscow": the pronoun is the
                # object of the accusation, so the antecedent is its target; the countries inside the act it is
                # accused of are that act's, not the accusers' (round 38)
                statement.targets = [] if accused == statement.speaker_country else [accused]
                statement.targets_inferred = False
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


# "which Seoul accuses", "whom the two capitals have blamed": the relative pronoun, a speaker right after it (its
# object), then the accusation and "of"/"for" the act.
_OBJECT_RELATIVE = re.compile(r"\b(?:which|who|whom)\s*$", re.I)
_ACT_OF = re.compile(r"\s*(?:\w+\s+)?(?:of|for)\b", re.I)


def _accused_antecedent(blanked: str, c_start: int, finding: Finding, antecedent: Mention,
                        lexicon: Lexicon) -> str | None:
    """The country of a relative clause's antecedent when the clause accuses it ("<X>, which <A> accuses of <act>"):
    the clause opens with its pronoun and the speaker right after it, whose evaluative verb (attribution's
    `evaluative` words) is followed by "of"/"for" and the act; else None."""
    if not finding.cue or not finding.exclude or lexicon.rules.evaluative is None or \
            not lexicon.rules.evaluative.fullmatch(finding.cue.split()[-1].lower()):
        return None
    first = min(m.start for m in finding.exclude)
    if not _OBJECT_RELATIVE.search(blanked, 0, c_start) or blanked[c_start:first].strip(" ,"):
        return None  # (the clause starts after its pronoun: the speaker must open it)
    at = blanked.find(finding.cue, first)
    if at < 0 or not _ACT_OF.match(blanked, at + len(finding.cue)):
        return None
    resolved = referents(antecedent)
    return resolved[0].country if resolved and resolved[0].country else None


def _whole_words(body: str, start: int, end: int) -> bool:
    """Whether body[start:end] neither starts nor ends inside a word (so its words are words of the body)."""
    return not cuts_word(body, start) and not cuts_word(body, end)
