"""The per-cue rules of the hostility score: which markers a cue answers to, how a statement's cues add up, and
which cues count 0 or once (background cooperation, style terms, proper names, scare quotes). Pure functions and
their constants; the Scorer (tension/score/scorer.py) finds the cues and applies them. Every constant here is part of
the scorer version (tension/score/version.py hashes them).
"""
from __future__ import annotations

import re
from collections.abc import Callable

from tension.score.lexicon import load_charge_cues
from tension.score.patterns import _CLAUSE_BREAK

POLARITY_KINDS = ("negation", "refusal", "reversal", "emphasis", "opposition")  # the nearest decides the sign
# Polarity markers that a negation right before them negates ("did not reject the talks", "did not oppose",
# "did not halt the drills", "did not deny the launch"): they flip no cue after them and do not mark the statement's
# modality in the text (the negation belongs to them, not to the cue after them).
NEGATABLE_KINDS = ("refusal", "reversal", "opposition", "negation")
# Words alone are class +2 at most (docs/labelling-guideline.md: +2 condemnation, accusation, derogation; +3 needs a
# threat, an insult or force): a statement whose hostile cues are all of these kinds has its cue_sum capped at
# VERBAL_CAP, the weight of the strongest single accusations (aggression, war crime: 0.5), so that a KCNA sentence
# piling up accusations ("reckless moves to start a war", "hell-bent on confrontation") no longer ranks with a
# missile launch or a threat of war. docs/evaluation-scoring.md (fourth round) measures it.
# complaint: CAMEO 114 complain officially (protest, grave concern, regret, "unacceptable", objection, summoning an
# ambassador): words, class +1 (protest, concern, regret) or +2 (summoning) in the guideline, so capped like them.
VERBAL_KINDS = frozenset({"accusation", "epithet", "tension", "rejection", "demand", "complaint"})
# Force posture is class +2 too (the guideline: "military drills aimed at the other" +2; a launch, artillery fire or an
# attack +3): drills, exercises, deployments, build-ups, alerts, strategic assets and weapon topics (kind `posture` in
# cues.tsv, CAMEO 15/150-154 short of a launch or a test) share the cap, alone or beside words. A launch, a nuclear
# test, shelling (kind military, fight) lifts it. docs/evaluation-scoring.md (fifth round) measures it.
POSTURE_KINDS = frozenset({"posture"})
# (kind name: history and names with a low weight, "the Korean War", "the second world war": no act, so no lift)
CAPPED_KINDS = VERBAL_KINDS | POSTURE_KINDS | {"name"}
VERBAL_CAP = 0.5
# Only an act lifts the cap: a hostile cue (weight > 0) of a kind not capped that no marker of these kinds changed. A
# launch that is the topic of a condemnation ("condemned the missile launch as a grave provocation") is the object of
# words, not an act of the statement; a cooperative cue turned hostile by an opposition or a refusal ("opposed the
# talks") is a rejection, words too.
CAP_KEEPING_MARKERS = frozenset({"topic", "opposition", "refusal", "derogation", "target's act"})
# The target's own act of force told by the speaker (tenth round): "officials said North Korea fired missiles" in a
# statement of Seoul toward Pyongyang is the speaker's account of what the target did, not the speaker's act: the
# guideline gives the act its actor's row ("X said Y did Z" is Y's, decision 2) and rates a state's own account of the
# other side's acts as words (its example 5: KCNA's account of the South's firing drills, +2). A force cue whose single
# subject named before it (direction.subject_at) is one of the statement's targets, not the speaker, keeps the cap.
TARGETS_ACT_KINDS = frozenset({"military", "fight", "assault"})
# Whose cooperation (thirty-fifth round, issue 14): a cooperative cue in a clause whose single subject is one of the
# statement's targets (direction.clause_subject: a house name of SUBJECT_EPITHET_KINDS, "the Lee group", "the
# puppets"; its country name too when TARGETS_BY_COUNTRY_NAME) is the other side's cooperation told by the speaker —
# what the group talks about, scrapped or boasts of — not the speaker's: its factor is multiplied by
# TARGETS_COOPERATION_FACTOR (0: it counts nothing; the explanation's marker kind "target's cooperation" says so). Not
# in a statement in the first person (the cooperation may be the speaker's offer), nor where cooperation between two
# targets counts 0 already. Measured both ways (docs/evaluation-scoring.md, round 35): with the country name as well
# ("The south Korean authorities made efforts to scrap the declaration"), 2.0% of KCNA's gold-free counting pair rows
# change (a random 30 judged: 28 better, 0 worse, 2 unclear), but T2's pooled rho falls 0.796 -> 0.794 through three
# wire-copy statements; by the house name alone 0.84% change and no gold statement does. Cooperation flipped (factor
# -1) instead of 0 costs T2 more (0.783 / 0.920).
SUBJECT_EPITHET_KINDS = frozenset({"epithet"})
# epithet-kind cues that name a state of things, not a group: "The confrontation between the north and the south ..."
NOT_A_NAME = frozenset({"confrontation~|confrontational", "showdown~"})
TARGETS_BY_COUNTRY_NAME = False
TARGETS_COOPERATION_FACTOR = 0.0
# The one marker kind that reaches back (eighth round): a derogation ("a farce", "a charade", "a publicity stunt") turns
# the cooperative cues before it in its clause, within its window, hostile: "called the talks nothing but a farce" is
# an accusation of deceit (the guideline's derogation, +2), as "so-called talks" is (the opposition marker before a
# cue). A derogated cue is words, so it keeps the cap (CAP_KEEPING_MARKERS).
DEROGATION = "derogation"
# The words that may stand between a cooperative cue and the derogation that names it: a copula, "as", articles,
# "nothing but", "mere", and the few nouns that qualify the derogation ("a publicity stunt", "a propaganda ploy").
# Any other word ("the dialogue continued despite the farce in parliament") means the derogation names something else.
DEROGATION_LINKS = frozenset({"is", "are", "was", "were", "be", "been", "being", "as", "a", "an", "the", "nothing",
                              "but", "all", "mere", "merely", "just", "only", "simply", "another", "sheer", "pure",
                              "utter", "complete", "total", "cheap", "political", "publicity", "propaganda",
                              "diplomatic", "little", "else",
                              # fourteenth round: adverbs of degree before a passive undoing ("with exchange and
                              # cooperation completely blocked", "the dialogue was totally frozen")
                              "completely", "totally", "entirely", "utterly", "virtually", "effectively",
                              # fifteenth round: the modals of a passive undoing asked for ("the treaty should be
                              # scrapped", "the law must be repealed", "which should have been abolished")
                              "should", "must", "have", "has", "had"})
# Not "anything", "no", "more", "than": "anything but a farce", "no farce", "more than a stunt" deny the derogation
# (a review found them flipped hostile); "nothing but" affirms it.


def lifts_cap(cue: dict) -> bool:
    """Whether a found cue is an act that lifts the cap of words alone (VERBAL_CAP): a hostile cue counted hostile,
    of a kind not in CAPPED_KINDS, changed by no topic, opposition or refusal marker."""
    return (cue["contribution"] > 0 and cue["weight"] > 0 and cue["kind"] not in CAPPED_KINDS
            and not any(m["kind"] in CAP_KEEPING_MARKERS for m in cue["markers"]))
REST_WEIGHT = 0.25  # weight of a statement's cues after the strongest on each side (see aggregate, METHODOLOGY §2)
# Kinds of which only the strongest cue of a statement counts: an epithet is a house-vocabulary name for the other
# side (a style term), and a demand is one act however many of its words are cues ("demanded ... stop at once").
ONCE_KINDS = ("epithet", "demand")
SCALE_KINDS = ("hypothetical", "future", "request", "topic")  # the most hedging one scales the cue
INTENSITY_KINDS = ("intensifier", "diminisher")  # multiply
# A hostile act that the speaker asks the other side to undo ("urged Tokyo to halt the drills", "called on Busan to
# withdraw its troops"): a request marker and a reversal both reach it. The undoing is demanded, not done, so it is
# no de-escalation (the reversal's sign flip): it is a demand about the other side's act, counted as 'stop' counts it
# (cues_modifiers.tsv, request 0.5). Tenth round, from written sentences (the call rows' full hostile factor made
# "urged Tokyo to halt the drills" cooperative at full weight). Part of the version.
REQUESTED_UNDOING = 0.5
SCARE_QUOTE_WORDS = 4  # a cooperative cue inside quotes this short is irony ('"dialogue" racket'), not cooperation
_QUOTED = re.compile(r"[\"“”]([^\"“”]{1,80})[\"“”]|‘([^‘’]{1,80})’")


# (marker kind, cue kind) pairs where the marker does not apply. A threat is itself the act ("will retaliate" is not
# hedged by "will"), and so is a demand ("urged Moscow to take responsible actions"); an accusation is the speaker's
# own evaluation, not the topic of a condemnation ("condemned the puppet's provocation"). A refusal applies to an
# accusation as a denial does (seventh round): "rejected the accusation" rejects the other side's charge, as "denied
# the accusation" does (the guideline: rejecting another state's report is a denial, `negated`); the rejection itself
# is its own cue (reject~, CAMEO 12).
# A planned visit, meeting or talks (kind diplomacy) is not scaled by 'will' / 'plans to' either (ninth round): the
# guideline rates a planned state visit or summit class −2 as one held, and CAMEO codes the intent itself (036 express
# intent to meet or negotiate, +4.0, above a visit made, +1.9); 'might', 'could' still halve it.
EXEMPTIONS = frozenset({("future", "threat"), ("future", "diplomacy"), ("request", "demand"), ("topic", "accusation")})
# Thirteenth round: a cooperative cue already turned hostile by its polarity marker ('blamed Seoul for obstructing the
# talks') is scaled by a disapproval's topic marker, not turned back to cooperative by the topic's negative factor
# (scorer.find_cues). Part of the version.
TOPIC_KEEPS_TURNED = True


# A marker whose last word has a suffix choice ('consider~ whether|if|*ing') reads that word ahead (the cue may start on
# it). A capitalised word in running text matched only by the suffix is a proper name, not an -ing verb: "considers
# Beijing a threat" hedges nothing (eighth round). Part of the version.
LOOK_AHEAD_SKIPS_NAMES = True


def derogate(found: list[dict], spans: list[tuple[int, int]], derogations: list[tuple[int, int, str, int]],
             words: list[str]) -> int:
    """Turn hostile the cooperative cues of `found` (word spans `spans`) that a derogation marker after them reaches:
    (start, end, pattern, window) each, the marker starting less than `window` words after the cue's end, with only
    DEROGATION_LINKS between ("the talks were nothing but a farce"). Returns how many were turned."""
    turned = 0
    for cue, (_, cue_end) in zip(found, spans):
        if cue["contribution"] >= 0:
            continue
        for start, _, pattern, window in derogations:
            if cue_end <= start and start - cue_end < window and DEROGATION_LINKS.issuperset(words[cue_end:start]):
                cue["factor"] = round(-cue["factor"], 4)
                cue["contribution"] = round(cue["weight"] * cue["factor"], 4)
                cue["markers"] = cue["markers"] + [{"marker": pattern, "kind": DEROGATION}]
                turned += 1
                break
    return turned


def _exempt(marker_kind: str, cue_kind: str) -> bool:
    """Whether a marker of `marker_kind` does not apply to a cue of `cue_kind` (EXEMPTIONS)."""
    return (marker_kind, cue_kind) in EXEMPTIONS


def aggregate_sides(contributions: list[float]) -> tuple[float, float]:
    """aggregate() by side: (the hostile cues' joint weight >= 0, the cooperative cues' <= 0). The cap of words alone
    (VERBAL_CAP) applies to the hostile side only, and the cooperative side is added after it."""
    hostile = [c for c in contributions if c > 0]
    cooperative = [c for c in contributions if c < 0]
    side_hostile = side_cooperative = 0.0
    if hostile:
        strongest = max(hostile)
        side_hostile = strongest + REST_WEIGHT * (sum(hostile) - strongest)
    if cooperative:
        strongest = min(cooperative)
        side_cooperative = strongest + REST_WEIGHT * (sum(cooperative) - strongest)
    return side_hostile, side_cooperative


def aggregate(contributions: list[float]) -> float:
    """The cues' joint weight: on each side (hostile, cooperative) the strongest cue counts in full and the others
    by REST_WEIGHT, so a statement is rated by its strongest element (as the gold-set guideline asks of its labellers)
    and several mild cues do not add up to a threat."""
    if len(contributions) < 2:
        return contributions[0] if contributions else 0.0
    hostile = [c for c in contributions if c > 0]
    cooperative = [c for c in contributions if c < 0]
    total = 0.0
    if hostile:
        strongest = max(hostile)
        total += strongest + REST_WEIGHT * (sum(hostile) - strongest)
    if cooperative:
        strongest = min(cooperative)
        total += strongest + REST_WEIGHT * (sum(cooperative) - strongest)
    return total


def count_style_once(found: list[dict]) -> list[dict]:
    """Of a statement's epithets (house-vocabulary names for the other side), only the one with the largest
    contribution counts, and likewise of its demand cues; the others are kept in the explanation with factor 0. An
    outlet that names its enemy "the puppet traitors" three times in a sentence has said one derogatory thing."""
    for kind in ONCE_KINDS:
        same = [c for c in found if c["kind"] == kind and c["contribution"] > 0]
        if len(same) > 1:
            keep = max(same, key=lambda c: c["contribution"])  # the first of equals
            for cue in same:
                if cue is not keep:
                    cue["markers"] = cue["markers"] + [{"marker": f"{kind} counted once", "kind": "once"}]
                    cue["factor"], cue["contribution"] = 0.0, 0.0
    return found


# A cooperative cue in a background phrase of a hostile statement ("to resume the drills after a pause due to the
# summit talks", "fired a missile days after the talks") is not cooperation: the phrase says when or why, and the
# statement is the hostile act. BACKGROUND_WORDS open such a phrase; it reaches BACKGROUND_WINDOW words, within the
# clause. Only in statements with a hostile cue: in a cooperative one ("ties improved after the summit") the
# background is more of the same.
BACKGROUND_WORDS = frozenset({"after", "following", "since", "due", "amid", "despite", "because"})
BACKGROUND_WINDOW = 6
# Seventeenth round (gold-free samples of RSS 2022 and RSS 2024): two-word openers of the same phrase. 'Ahead of' a
# visit, a summit or a meeting says when the hostile act came ("fired a missile ahead of the envoy's visit", "warned
# against an arms deal ahead of a leader's trip"); the visit is not the statement's cooperation.
BACKGROUND_PAIRS = frozenset({("ahead", "of")})


def in_background(found: list[dict], starts: list[int], words: list[str]) -> None:
    """Set to 0 the cooperative cues of a hostile statement that stand in a background phrase (BACKGROUND_WORDS or
    BACKGROUND_PAIRS before them, within BACKGROUND_WINDOW words and the clause). `starts` are the cues' first word
    indices."""
    if not any(c["contribution"] > 0 for c in found):
        return
    for cue, start in zip(found, starts):
        if cue["contribution"] >= 0:
            continue
        for k in range(start - 1, max(-1, start - 1 - BACKGROUND_WINDOW), -1):
            if words[k] in _CLAUSE_BREAK:
                break
            if words[k] in BACKGROUND_WORDS or (k + 1 < start and (words[k], words[k + 1]) in BACKGROUND_PAIRS):
                cue["markers"] = cue["markers"] + [{"marker": f"background ({words[k]} ...)", "kind": "background"}]
                cue["factor"], cue["contribution"] = 0.0, 0.0
                break


# The speaker's account of the other side's force (fortieth round, issue 14): KCNA charges the South with shelling,
# invasion, suppression, terrorism, abduction (written for this note: "the puppets' shelling of the island was their
# doing", "the fascist police went on with their repression"), which the guideline rates as an accusation (class +2: its
# example 5, KCNA's account of the South's firing drills), not as use of force (+3). A statement that names its target
# by a house name (a hostile cue of SUBJECT_EPITHET_KINDS, not NOT_A_NAME) tells such acts as its charge: its force
# cues of CHARGED_FORCE_KINDS keep the cap (marker kind "target's act"), as a force cue whose subject is the target
# does (TARGETS_ACT_KINDS). A threat or an insult beside them still lifts it. Not in a statement in the first person
# (a vow of "we" or "us" to smash the other side is the speaker's own force, a threat), and a launch (kind military)
# is left alone: it is mostly the speaker's side's own act.
CHARGED_FORCE_KINDS = frozenset({"fight", "assault", "coercion"})


def charged_force(found: list[dict], in_first_person: Callable[[], bool]) -> None:
    """Mark the force cues of CHARGED_FORCE_KINDS of a statement that holds a house name for its target as the
    target's act told by the speaker (they keep the cap; their contribution is unchanged). `in_first_person` is asked
    last, only when both are there (direction.first_person)."""
    force = [c for c in found if c["kind"] in CHARGED_FORCE_KINDS and c["contribution"] > 0]
    if not force or not any(c["kind"] in SUBJECT_EPITHET_KINDS and c["weight"] > 0 and c["factor"] > 0
                            and c["cue"] not in NOT_A_NAME for c in found) or in_first_person():
        return
    for cue in force:
        if not any(m["kind"] == "target's act" for m in cue["markers"]):
            cue["markers"] = cue["markers"] + [{"marker": "told beside a house name for a target",
                                                "kind": "target's act"}]


# The purpose of a thing undone (ninth round): "froze the border pact, designed to lower tension" freezes the
# pact; the lowering named as its purpose is no cooperation of the statement. A cooperative cue right
# after a PURPOSE phrase (a comma may open it) counts 0 when the cue before it in the clause (at most PURPOSE_REACH
# words back) was undone: a reversal, refusal, opposition or derogation reached it. "Signed an accord aimed at easing
# tensions" keeps both.
PURPOSE = frozenset({("aimed", "at"), ("aimed", "to"), ("designed", "to"), ("intended", "to"), ("meant", "to"),
                     ("intended", "for"), ("meant", "for")})
PURPOSE_REACH = 8
UNDOING_KINDS = frozenset({"reversal", "refusal", "opposition", DEROGATION})
# Thirteenth round: the content of an undone cooperative thing ("scrapped all agreements with Seoul on promoting
# economic cooperation", "rejected the offer of economic support in exchange for denuclearization") is what was undone,
# not cooperation offered beside it: a cooperative cue joined to an undone one by one of these words, within
# CONTENT_REACH words with no clause break nor a word that opens another predicate (CONTENT_STOPS), counts 0, and so
# does the next one joined to it in turn.
CONTENT_LINKS = frozenset({"of", "on", "for", "over", "about", "regarding", "concerning", "with"})
CONTENT_REACH = 5
CONTENT_STOPS = frozenset({"and", "but", "or", "then", "while", "as", "after", "before", "which", "that", "who", "to"})


def purpose_of_undone(found: list[dict], spans: list[tuple[int, int]], words: list[str]) -> None:
    """Set to 0 the cooperative cues of `found` (word spans `spans`) that name the purpose of an undone cue before them
    (PURPOSE), or its content (CONTENT_LINKS: "the agreements on promoting cooperation" scrapped)."""
    content_of = None  # the span end of the last cue undone, or of the last cue zeroed as its content
    for k in range(1, len(found)):
        cue, (start, _) = found[k], spans[k]
        before, (_, before_end) = found[k - 1], spans[k - 1]
        # a cooperative thing undone before it (undoing a hostile one de-escalates)
        undone = before["contribution"] > 0 and any(m["kind"] in UNDOING_KINDS for m in before["markers"])
        if cue["contribution"] < 0 and before_end < len(words) and words[before_end] in CONTENT_LINKS and (
                content_of == before_end or undone) and (
                start - before_end <= CONTENT_REACH and _CLAUSE_BREAK.isdisjoint(words[before_end:start])
                and CONTENT_STOPS.isdisjoint(words[before_end + 1:start])):
            cue["markers"] = cue["markers"] + [{"marker": f"content of the undone '{before['matched']}'",
                                                "kind": "background"}]
            cue["factor"], cue["contribution"] = 0.0, 0.0
            content_of = spans[k][1]
            continue
        if cue["contribution"] >= 0 or start < 2 or (words[start - 2], words[start - 1]) not in PURPOSE:
            continue
        between = words[before_end:start - 2]
        if between and between[-1] == ",":
            between = between[:-1]  # "the accord it signed, designed to reduce tension": the comma opens the phrase
        if start - 2 - before_end <= PURPOSE_REACH and _CLAUSE_BREAK.isdisjoint(between) and undone:
            cue["markers"] = cue["markers"] + [{"marker": f"purpose of the undone '{before['matched']}'",
                                                "kind": "background"}]
            cue["factor"], cue["contribution"] = 0.0, 0.0


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of short quotations (scare quotes)."""
    spans = []
    for m in _QUOTED.finditer(text):
        group = 1 if m.group(1) is not None else 2
        if len(m.group(group).split()) <= SCARE_QUOTE_WORDS:
            spans.append(m.span(group))
    return spans


# Modalities whose statement factor does not apply when the cues sum hostile and no marker of the modality reached a cue
# (one that reaches a cue cancels it: Scorer.marked_by). Twenty-first round (KCNA gold-free draws, seeds 211 and 213):
# a statement the extractor calls `negated` is then negated in words that are no cue — an escape, a survival or an
# improvement the accused side is told it will never see ('will never escape the punishment', 'the relations will
# never improve unless they stop the war moves', 'cannot be overlooked'), KCNA's threat and warning formulas; halving
# it put such threats below plain accusations. This holds the sixteenth round's case too (seed 61): 'denied the joint
# declaration', where the extractor's `negated` is the rejection cue's own word, counted once. Part of the version.
UNNEGATED_HOSTILE_KEEPS = frozenset({"negated"})


# Cooperation named inside a charge (forty-second round, issue 14: "demands, condemnations and apologies scored by who
# must do what; third-party cooperation not credited to the target"). A cooperative cue after a counted accusation cue
# in the same clause is what the charge is about (written for this note: "slammed the chief's empty talk about
# dialogue", "a mockery of the joint declaration", "ridiculed his claim that he wanted improved relations"), not the
# speaker's cooperation: its factor is multiplied by CHARGED_COOPERATION_FACTOR (0: it counts nothing; marker kind
# "charged"), as the other side's cooperation told by the speaker (TARGETS_COOPERATION_FACTOR) and a disapproval's
# topic (the marker rows 'condemn~ ...', which reach 5 words) are not credited. Only after the charge and within its
# clause (a comma, a colon or a dash ends it, but not a comma in a list of names: "condemned China, Japan and South
# Korea over their joint declaration"): "after the talks, the spokesman slammed the drills" and "criticized the
# test, and proposed talks" keep the talks; not in a statement in the first person (the speaker's own offer beside its
# charge: "we denounce the drills and remain ready for dialogue"). Counted in two blind gold-free KCNA draws
# (docs/evaluation-scoring.md, round 42): 4.9% of KCNA's gold-free counting pair rows hold a counted cooperative cue
# after an accusation cue; class-2 rows of the draws scored 0.27 and 0.30 on average, half of them below 0.3.
CHARGE_CUES = load_charge_cues()  # tension/data/cues_charges.tsv: which accusation cues open a charge
CHARGED_COOPERATION_FACTOR = 0.0


def _in_name_list(words: list[str], k: int, text: str, span: Callable[[int], tuple[int, int]]) -> bool:
    """Whether the comma at word `k` separates two capitalised names of a list ("condemned China, Japan and South
    Korea over their joint declaration"): it ends no clause. (`words` are lower-cased: the text is read at `span`.)"""
    if words[k] != "," or not 0 < k < len(words) - 1:
        return False
    return all(text[slice(*span(i))][:1].isupper() for i in (k - 1, k + 1))


def charged_cooperation(found: list[dict], starts: list[int], words: list[str], text: str,
                        span: Callable[[int], tuple[int, int]], in_first_person: Callable[[], bool]) -> None:
    """Multiply by CHARGED_COOPERATION_FACTOR the cooperative cues of `found` (first word indices `starts`) that
    follow a counted cue of CHARGE_CUES in the same clause (`span` gives a word's characters in `text`), unless the statement is in the first person (asked last,
    only when there is such a cue)."""
    charge = next((start for cue, start in zip(found, starts)
                   if cue["cue"] in CHARGE_CUES and cue["contribution"] > 0 and cue["weight"] > 0), None)
    if charge is None:
        return
    named = [cue for cue, start in zip(found, starts) if cue["contribution"] < 0 and start > charge
             and not any(words[k] in _CLAUSE_BREAK and not _in_name_list(words, k, text, span) for k in range(charge, start))]
    if not named or in_first_person():
        return
    for cue in named:
        cue["markers"] = cue["markers"] + [{"marker": "named in a charge", "kind": "charged"}]
        cue["factor"] = round(cue["factor"] * CHARGED_COOPERATION_FACTOR, 4)
        cue["contribution"] = round(cue["weight"] * cue["factor"], 4)
