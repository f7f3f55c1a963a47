"""Extract: split body text into sentences and find each statement — who said or did what, about whom.

Within a sentence `tension.extract.clause_statements` finds each clause's speaker or actor; this module walks the
document (`tension.extract.walk` holds what the walk carries): quotations spanning sentences keep their speaker, a
speaker introduced with a colon ("It goes on:") goes on speaking (`tension.extract.goes_on`), a document's declared
speaker (a KCNA release) speaks every unattributed sentence and is the one telling the acts of others
(`tension.extract.voices`), back-references ("she", "the ministry", "it", "the two countries") resolve against what
the document named before, and targets come from the content (`tension.extract.places`) or, flagged
`targets_inferred`, from the sentence before or the document's main counterpart when the content only points back or
names none (`tension.extract.targets`). Clauses and the units with no row are `tension.extract.clauses`'; headlines
naming their source, `tension.extract.headlines`'.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from datetime import date
from functools import lru_cache

from tension.extract import context
from tension.extract.actors import ActorDictionary
from tension.extract.clause_statements import sentence_statements
from tension.extract.co_speakers import without_co_speakers
from tension.extract.clauses import names_only, promotion
from tension.extract.continuation import closes_quote, continued, ends_continuation, only_a_frame, opens_quote
from tension.extract.findings import MODALITIES, Finding, Statement, outside_quotes, referents  # noqa: F401
from tension.extract.goes_on import (issuer_going_on, issuer_voice_ends, relayed_issuer_going_on, unplaced_voice_going_on,
                                     voice_going_on)
from tension.extract.headlines import (empty_headline_takes_lead, headline_source_voice, voiceless_headline_takes_lead,
                                      voices_in_headline)
from tension.extract.institutions import dateline_country, domestic_act, domestic_bodies, relative_clause_of_body
from tension.extract.lexicon import Lexicon, anaphor_pattern, load_lexicon, reporting_verbs  # noqa: F401
from tension.extract.mentions import Mention, mentions_in
from tension.extract.modality import modality  # noqa: F401 (re-exported: tests score with the extractor's modality)
from tension.extract.places import make_statement, named_in_sentence
from tension.extract.references import issued_documents, issuing_words, publisher_posts, resolve_mentions
from tension.extract.word_index import WordIndex
from tension.extract.sentences import Sentence, dateline_outlet, split_sentences  # noqa: F401 (re-exported)
from tension.extract.targets import complete_targets
from tension.extract.text_issuers import issued_text_voice
from tension.extract.told_outlet import told_outlet_voice
from tension.extract.unknown_people import country_and_kind, name_words, unknown_people
from tension.extract.story_voices import diaspora_voices, relayed_lead_voices
from tension.extract.voices import is_remark, own_state_meant, relayed_voices
from tension.extract.walk import Walk, declared_speaker


def extract_statements(
    body: str,
    published: date,
    actors: ActorDictionary,
    lexicon: Lexicon,
    document_speaker: str = "",
    agency: str = "",
    dateline: str = "",
    publisher: str = "",
) -> list[Statement]:
    """Every statement in a cleaned body, in order, with speakers and targets resolved at `published`. `agency`:
    the outlet of the wire dateline that cleaning took off the body ("Yonhap" of "SEOUL, Dec. 28 (Yonhap) --");
    `dateline`: that dateline ("SEOUL, Nov. 3"), whose city places the story when no outlet does; `publisher`: the
    country of a state body publishing on its own channel (config.publisher_country), whose unplaced posts it places."""
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
    if publisher:
        found_mentions = publisher_posts(names, found_mentions, publisher, name_words()["not_name"],
                                         lexicon.speech_pattern)
    mentions = resolve_mentions(found_mentions,
                                korea_context=narrator is not None and narrator.country in ("KOR", "PRK"),
                                words=lexicon.reference_words,
                                home=home,
                                issued=issued_documents(body, issuing_words().get("points_back", ())),
                                unknown=unknown_people(body, found_mentions, _post_kind(lexicon, published)),
                                text=names)
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
        if doc.continuing is not None and (ends_continuation(sentence, in_sentence, doc, body) or
                                           issuer_voice_ends(sentence, doc)):
            doc.continuing = doc.continuing_kind = None
        narrator = doc.continuing or doc.narrator
        before, before_kind = doc.last_speaker, doc.last_kind
        found = [s for s in sentence_statements(sentence, in_sentence, lexicon, doc, narrator, body) if s]
        if narrator is not None and in_sentence and (sentence.text[-1:] not in _SENTENCE_END or _INITIALS_END.search(
                sentence.text)) and all(
                s.attribution.startswith("document") for s in found) and (
                voiced := voices_in_headline(sentence, in_sentence, narrator) or headline_source_voice(
                    sentence, in_sentence, narrator, lexicon, doc)) is not None:
            found = [voiced]  # (the outlet's account of the act would be its own statement otherwise)
        if lexicon.kinds is not None and doc.narrator is not None:
            found = issued_text_voice(found, sentence, doc, body, lexicon.kinds)  # ("the article" another's text)
        if lexicon.kinds is not None and (told := told_outlet_voice(sentence, in_sentence, found, doc, lexicon.kinds)):
            doc.told, doc.continuing_kind = told  # ("<a worker> told KCNA:" opens his words, not the outlet's)
            if pending_quote and (speakers := [s for s in found if s.speaker_country]):  # (as before the frame was read)
                statements.extend(_quoted(continued(s, speakers[0], "quote (speaker after)"), s,
                                          mentions_in(mentions, s.start, s.end), doc.cues) for s in pending_quote)
                pending_quote = []
            doc.continuing = doc.told
            doc.continuing_colon = True
            if body[sentence.end :].lstrip()[:1] not in ('"', "\u201c"):
                doc.told = None  # (words with no quotation: they go on as any colon frame's, past a quoted phrase)
            continue
        issuer = issuer_going_on(sentence, in_sentence, doc, before, before_kind, lexicon.kinds, found) \
            if doc.continuing is None or doc.issuer is not None and doc.continuing is doc.issuer[0] else None
        if issuer is None and doc.continuing is None and lexicon.kinds is not None:
            # (a lead telling a relayed voice of the other side or abroad putting out a text: it speaks the story)
            issuer = relayed_issuer_going_on(sentence, found, doc)
        if issuer is not None:
            doc.continuing, doc.continuing_kind = issuer  # (a body issuing a text: it speaks what follows)
            doc.continuing_colon = False
        if found:
            speakers = [s for s in found if s.speaker_country or s.speaker_kind == "diaspora_foreign"]
            if pending_quote and speakers:
                statements.extend(_quoted(continued(s, speakers[0], "quote (speaker after)"), s,
                                          mentions_in(mentions, s.start, s.end), doc.cues) for s in pending_quote)
            pending_quote = []
            quote_speaker = speakers[0] if speakers and opens_quote(sentence) else None
            if issuer is None and (going_on := voice_going_on(sentence, in_sentence, found, speakers, before,
                                                              before_kind, lexicon.kinds, lexicon.pointing)):
                doc.continuing, doc.continuing_kind = going_on
                doc.continuing_colon = True
        elif quote_speaker is not None:
            found = [_quoted(continued(sentence, quote_speaker, "quote (continued)"), sentence, in_sentence, doc.cues)]
            if closes_quote(sentence):
                quote_speaker = None
        elif (opens_quote(sentence) or pending_quote) and (doc.told is None or doc.continuing is not doc.told):
            pending_quote.append(sentence)  # (a quotation after "<someone> told KCNA:" is theirs: no speaker after)
        elif narrator is not None and (narrator is doc.continuing or doc.background_at != sentence.start and not
                                       context.opens_with_earlier_year(sentence.text, doc.year)):
            # (the outlet's own account, unless what the sentence tells is an earlier act: "In August 1981 he
            # proposed ...", a finding left out as background above; a speaker going on after a colon who tells
            # the past is saying it now)
            if doc.continuing is None and (voice := unplaced_voice_going_on(sentence, statements, doc)) is not None:
                doc.continuing, doc.continuing_kind = voice  # ("<a body of no country> ... . It went on:")
                doc.continuing_colon = True
                narrator = doc.continuing
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
            without_co_speakers(statement, found)  # (words of a list of speakers aimed at a third party: P1)
            if doc.narrator is None:
                domestic_act(statement)
            elif doc.continuing is not None:
                own_state_meant(statement, doc)  # (a relayed group's "the regime": its own state)
        if doc.narrator is None and found:
            found = [s for s in found if not relative_clause_of_body(s)]
        if doc.told is not None and doc.continuing is doc.told and closes_quote(sentence):
            doc.continuing = doc.continuing_kind = doc.told = None  # (the outlet's own account again)
        statements.extend(s for s in found if (id(s) not in doc.not_statements or s.targets) and not (
            s.cue and sentence.text.endswith(":") and only_a_frame(s)) and not (
            s.attribution == "document" and not s.targets and is_remark(sentence.text, doc, lexicon.kinds)))
    if doc.narrator is not None:
        kind = lexicon.kinds.of_mention(doc.narrator) if lexicon.kinds is not None else None
        for s in pending_quote:
            statements.append(make_statement(s, s.text, Finding([doc.narrator], doc.narrator.text, "", False, "document"), [],
                                    []))
            statements[-1].speaker_kind = kind
    statements = diaspora_voices(statements, body, doc.narrator, lexicon.kinds)
    statements = relayed_lead_voices(statements, body, doc.narrator, lexicon.kinds)  # (a South's group's story)
    # A leader no longer alive does nothing this week: what "the late head of state" (actors.tsv role "late ...")
    # said or did is his history as the outlet tells it — eulogies, anniversaries — background, no row
    # (adjudication 1). Before, KCNA's retelling of its late leaders' proposals to the South read as this week's
    # cooperation in the weeks of Kim Jong Il's death and Kim Il Sung's centenary.
    # Not a subject found inside another's frame ("The demise of X is a loss, the spokesman said, condemning ..."):
    # there the late leader is named, not speaking, and the statement is someone's now.
    statements = [s for s in statements if not ((s.speaker_role or "").startswith("late ")
                                                and not s.attribution.startswith("subject (framed)"))]
    statements = voiceless_headline_takes_lead(statements, body)  # (a headline of title+story: its lead's voice)
    statements = empty_headline_takes_lead(statements, body, doc, mentions)  # (one with no row: the lead's voice)
    for seq, statement in enumerate(statements):
        statement.seq = seq
    return statements


def _quoted(statement: Statement, sentence: Sentence, in_sentence: list[Mention],
            doc_cues: tuple[bool, ...]) -> Statement:
    """A quotation's sentence spoken by a speaker found in another sentence, with the targets it names itself
    (`continued` empties the speaker's; issue 13 round 45). `in_sentence`: the sentence's mentions."""
    if in_sentence:
        statement.targets, statement.places = named_in_sentence(sentence, in_sentence, statement.speaker_country,
                                                                doc_cues)
    return statement


def _post_kind(lexicon: Lexicon, day: date) -> Callable[[str, list[Mention]], tuple[str | None, str | None]] | None:
    """How a post gives its holder's country and kind on the day, with the lexicon's speaker kinds (none without
    them)."""
    kinds = lexicon.kinds
    if kinds is None:
        return None
    return lambda post, inside: country_and_kind(post, inside, kinds, day)


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
# A headline may end in initials, not a full stop ("...: Korean in U.S.": issue 13 round 69).
_INITIALS_END = re.compile(r"\s(?:[A-Z]\.){2,}$")
