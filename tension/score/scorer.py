"""Score: hostility of a statement in [-1, +1], with every part of the explanation kept.

    raw       = tanh( cue_sum  +  VADER_WEIGHT × (−vader_compound) ) × modality_factor
                (VADER's positive tone counts only beside a cooperative cue: UNCUED_POSITIVE_TONE)
    cue_sum   = on each side (hostile, cooperative) the largest cue_weight × cue_factor + REST_WEIGHT × the others
                (the hostile side at most VERBAL_CAP when no hostile cue is an act: words alone or force posture,
                accusation, epithet, complaint, demand, drills, deployments, ... — the guideline's class +2; a launch,
                shelling or a threat lifts it, unless it is only the topic of a condemnation; the cooperative side is
                added after the cap, as 0 in a charge at the cap: sums.py; `capped` says when the cap applied)
    hostility = calibration(raw)   (tension/score/calibration.py: mean gold class at that raw value, / 3)

+1 is a threat of war, insult or use of force, 0 neutral, −1 warm cooperation. Cue weights come from
tension/data/cues.tsv and cues_insults.tsv, anchored on the CAMEO category's Goldstein value (weight = −Goldstein/10
unless the row says why not) or, for insults, on the gold-set guideline's classes. Each cue's factor comes from the
markers just before it in the same clause (tension/data/cues_modifiers.tsv): a negation cancels a hostile cue ("did
not threaten") and turns a cooperative one into a mild refusal ("did not agree"), an emphasis does not ("never
ceased"); "halt", "suspend", "lift" reverse a cue (CAMEO's mirrored categories: halt negotiations −7 vs negotiate
+7); "could", "will", "urged ... to" scale it; "strongly" intensifies it. One marker kind reaches back: a derogation ("called the talks nothing but a farce") turns
the cooperative cue before it hostile (rules.derogate). Only the strongest epithet (a house name
for the other side) and the strongest demand cue of a statement count. A capitalised cue inside a proper name counts
0. A cooperative cue in a clause opened by a house name for a target ("the Lee group talks of dialogue") is the
other side's cooperation told by the speaker and counts 0 (rules.TARGETS_COOPERATION_FACTOR, direction.clause_subject).
The statement's modality (from the extractor) applies to the whole score unless the text already marks it at a
cue, so a hedge is never counted twice. METHODOLOGY.md §2 explains the choice of constants;
docs/evaluation-scoring.md measures them, and its sixth round fits 15 of them on gold T1 (evaluation/fit_scorer.py):
a cross-validated fit leaves them where they are (T2 not improved), so they stay in code, chosen, not fitted.

The per-cue rules (which markers a cue answers to, how cues add up, the cap, background cooperation, style terms
counted once, proper names, scare quotes) and their constants live in tension/score/rules.py; whether a statement's
hedge is its own or a threat's condition in tension/score/hedges.py; which markers reach a cue in
tension/score/reach.py; the formula, its constants and the explanation in tension/score/formula.py; the version hash
of all of them in tension/score/version.py. This module finds the cues, applies the rules and the formula. The
formula's constants (VADER_WEIGHT, MODALITY_FACTORS, VERBAL_CAP, ...) are read here by the names imported below, so
that evaluation/fit_scorer.py can move them on this module.

Cue matching is one pass over the word tokens with a dictionary automaton (tension/score/patterns.py), not a loop
over the lexicon. The tokens, each word's candidate patterns and VADER's words come from one memo of whitespace
chunks (tension/score/tokens.py): a statement is split once, for both; VADER reads it through the typography table.
"""
from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from operator import attrgetter, itemgetter

from tension.config import CUES_FILE  # noqa: F401 (re-exported)
from tension.score.calibration import Calibration, load_calibration
from tension.score.direction import (COUNTRY_CASE, DIRECTING_WORDS, FIRST_PERSON, FOREIGN_LINK_WORDS,  # noqa: F401
                                     LEGAL_CAMEO, MEETING_CAMEO, MEETING_KIND, SUBJECT_KINDS, SUBJECT_LINKS,
                                     UNDIRECTED_CAMEO_PREFIX, clause_subject, countries_named, country_at, directed_at,
                                     first_person, load_country_names, meeting_of_targets, names_near, subject_at)
from tension.score.formula import (FORMULA_VERSION, MODALITY_FACTORS, UNCUED_POSITIVE_TONE,  # noqa: F401
                                   VADER_WEIGHT, Score, combine)
from tension.score.lexicon import (INSULTS_FILE, MODIFIERS_FILE, VADER_FILE, Cue, Marker,  # noqa: F401
                                   load_cues, load_markers, load_statement_hedges, load_vader_overrides)
from tension.score.patterns import GAP_WORDS, _Automaton, inflections  # noqa: F401 (re-exported)
from tension.score.hedges import compile_hedges, conditioned_threat, hedge_in_main_clause, hedged_factor  # noqa: F401
from tension.score.reach import _inside_quote, markers_before, negated_markers
from tension.score.sums import cue_sum_of, marked_factor
from tension.score.listed import listed_states
from tension.score.names import NAME_JOINERS, NAME_LED_KINDS, acronym, in_name, running_text  # noqa: F401
from tension.score.rules import (BACKGROUND_WINDOW, BACKGROUND_WORDS, CAP_KEEPING_MARKERS, CAPPED_KINDS,  # noqa: F401
                                 DEROGATION, DEROGATION_LINKS, EXEMPTIONS, INTENSITY_KINDS, LOOK_AHEAD_SKIPS_NAMES,
                                 NEGATABLE_KINDS, ONCE_KINDS, POLARITY_KINDS, POSTURE_KINDS, PURPOSE,
                                 PURPOSE_REACH, REQUESTED_UNDOING, REST_WEIGHT, SCALE_KINDS, SCARE_QUOTE_WORDS,
                                 TARGETS_ACT_KINDS, TOPIC_KEEPS_TURNED, UNDOING_KINDS, VERBAL_CAP, VERBAL_KINDS, _exempt,
                                 _quoted_spans, aggregate, aggregate_sides, count_style_once, derogate, in_background,
                                 lifts_cap, purpose_of_undone,
                                 UNNEGATED_HOSTILE_KEEPS, SUBJECT_EPITHET_KINDS, TARGETS_BY_COUNTRY_NAME,
                                 TARGETS_COOPERATION_FACTOR, NOT_A_NAME, CHARGED_FORCE_KINDS, charged_force,
                                 charged_cooperation)
from tension.score.tokens import CONTRACTIONS, TYPOGRAPHY, Tokenizer, Tokens  # noqa: F401 (re-exported)
from tension.score.vader import FastSentimentIntensityAnalyzer
from tension.score.version import TOKEN_PATTERN, scorer_version, version_text  # noqa: F401 (re-exported)

# distinct (cue_sum, compound, modality factor, VADER weight) whose results a Scorer keeps (~350 bytes each, ~17 MB at
# most a worker; 14,360 keys for 31,437 KCNA statements, so about half of a batch's statements find theirs)
SETTLED_MEMO = 50_000

_DISTANCE = itemgetter(1)  # of a (marker, distance) pair
_HOSTILE_FACTOR = attrgetter("hostile_factor")  # the marker's factor on a cue with weight > 0
_COOPERATIVE_FACTOR = attrgetter("cooperative_factor")
# cues, markers or quotations in one text above which they are searched by bisection (tension/score/reach.py); read
# here, where find_cues chooses, so a test can force either search on this module
_SCAN_LIMIT = 16


class Scorer:
    """VADER plus the cue lexicon; build once and reuse (VADER loads its lexicon on construction)."""

    def __init__(self, cues: list[Cue] | None = None, markers: list[Marker] | None = None,
                 vader_overrides: dict[str, float | None] | None = None,
                 calibration: Calibration | None = None, statement_hedges: tuple[str, ...] | None = None) -> None:
        self.cues = cues if cues is not None else load_cues()
        self._settled: dict[tuple, tuple[float, float, float]] = {}  # see score(); emptied with a new calibration
        self.calibration = calibration if calibration is not None else load_calibration()
        self.markers = markers if markers is not None else load_markers()
        self._widest = max((m.window for m in self.markers), default=0)  # the farthest a marker reaches, in words
        overrides = vader_overrides if vader_overrides is not None else load_vader_overrides()
        self.vader = FastSentimentIntensityAnalyzer()  # stock VADER's results, without its quadratic steps
        self.vader.lexicon = dict(self.vader.lexicon)  # this instance's own copy; the module is never touched
        for word, valence in overrides.items():
            if valence is None:
                self.vader.lexicon.pop(word, None)
            else:
                self.vader.lexicon[word] = valence
        self.country_names = load_country_names()  # for the direction of a cue (tension/score/direction.py)
        # the extractor's hedge words: is a hypothetical statement's hedge in its main clause (hedges.hedge_in_main_clause)
        self.statement_hedges = statement_hedges if statement_hedges is not None else load_statement_hedges()
        self._hedges = compile_hedges(self.statement_hedges)
        self.cue_automaton = _Automaton([c.pattern for c in self.cues])
        self._rounded_weights = [round(c.weight, 4) for c in self.cues]  # a cue's contribution at factor 1.0
        # the words that can follow a cue directed at a country (directed_at): a preposition, "the", a name's first
        self._after_cue = DIRECTING_WORDS | {"the"} | self.country_names.starts
        self.marker_automaton = _Automaton([m.pattern for m in self.markers])
        # markers whose last word has a suffix choice ('consider~ whether|if|*ing'): that word is read ahead, not
        # taken, so the marker reaches a cue that starts on it ("considering launching a missile")
        self._derogations = frozenset(i for i, m in enumerate(self.markers) if m.kind == DEROGATION)  # reach back
        self._look_ahead = frozenset(i for i, steps in enumerate(self.marker_automaton.steps) if steps[-1][2])
        self.tokenizer = Tokenizer((self.cue_automaton, self.marker_automaton))
        # Which in-text marker kinds already express a statement modality (then it is not applied a second time).
        self.marked_by: dict[str, set[str]] = {}
        for marker in self.markers:
            if marker.statement_modality:
                self.marked_by.setdefault(marker.statement_modality, set()).add(marker.kind)
        # everything a score depends on but the calibration, hashed again with each calibration (_refresh_version)
        self._version_text = version_text(self.cues, self.markers, overrides, self.country_names,
                                          self.statement_hedges)
        self._refresh_version()

    def _refresh_version(self) -> None:
        """The scorer version: FORMULA_VERSION and a hash of everything a score depends on, calibration included."""
        if not hasattr(self, "_version_text"):
            return  # (during __init__: the version is computed once the rest is loaded)
        self.version = scorer_version(self._version_text, self.calibration.key())

    @property
    def calibration(self) -> Calibration:
        """The mapping of raw values onto the gold classes (tension/score/calibration.py)."""
        return self._calibration

    @calibration.setter
    def calibration(self, calibration: Calibration) -> None:
        self._calibration = calibration
        self._settled = {}  # the memo of score()'s formula and calibration holds the old mapping's values
        self._refresh_version()  # a score under another mapping is another version

    def _proper_name_ahead(self, text: str, tokens: Tokens, marker: int, at: int) -> bool:
        """Whether the word a look-ahead marker read ahead (its last word, `at`) matched only by a suffix choice
        ('*ing') and is a proper name, not a verb: capitalised inside running text ("considers Beijing a threat" is
        no hedge; "considers launching" is)."""
        if not LOOK_AHEAD_SKIPS_NAMES or tokens.words[at] in self.marker_automaton.steps[marker][-1][0]:
            return False  # an exact choice ('whether', 'if')
        char_start = tokens.span(at)[0]
        return text[char_start].isupper() and running_text(text)

    def find_cues(self, text: str, tokens: Tokens | None = None,
                  parties: frozenset[str] | None = None, speaker_country: str | None = None) -> list[dict]:
        """Every cue in `text` with its weight, the markers that reach it, its factor and contribution. `tokens` is
        `self.tokenizer.tokens(text)` when the caller has it already. With `parties` (the statement's targets and
        its speaker's country), a cue directed at another country counts 0, and so does a legal act (arrest, indictment)
        with no foreign target named near it (tension/score/direction.py)."""
        if tokens is None:
            tokens = self.tokenizer.tokens(text)
        words = tokens.words
        cue_hits = self.cue_automaton.find(words, tokens.candidates(0))
        if not cue_hits:
            return []  # markers only act on cues
        marker_hits = self.marker_automaton.find(words, tokens.candidates(1))
        if marker_hits and not self._look_ahead.isdisjoint(i for i, _, _ in marker_hits):
            marker_hits = [(i, s, e - 1 if i in self._look_ahead else e) for i, s, e in marker_hits
                           if i not in self._look_ahead or not self._proper_name_ahead(text, tokens, i, e - 1)]
        # The markers that can reach a cue end within the widest window before it: in a long text, found by
        # bisection on their ends (kept in their found order), so it is not scanned marker by cue.
        if len(marker_hits) > _SCAN_LIMIT:
            by_end = sorted(range(len(marker_hits)), key=lambda i: marker_hits[i][2])
            ends = [marker_hits[i][2] for i in by_end]

            def near(cue_start: int) -> list[tuple[int, int, int]]:
                lo, hi = bisect_left(ends, cue_start - self._widest + 1), bisect_right(ends, cue_start)
                return [marker_hits[i] for i in sorted(by_end[lo:hi])]
        else:
            def near(cue_start: int) -> list[tuple[int, int, int]]:
                return marker_hits
        # polarity markers negated by a negation right before them (rare: the dict is empty for most texts)
        negated_at = negated_markers(self.markers, words, marker_hits) if len(marker_hits) > 1 else None
        cue_spans = [(s, e) for _, s, e in cue_hits]  # in order of their start (one hit per start)
        # A long text (many cues, markers or quotations) is searched by bisection, a short one by a plain scan: the
        # same answers (tests and bench.identical), without the bisection's set-up cost on a typical sentence.
        long_text = len(cue_spans) > _SCAN_LIMIT or len(marker_hits) > _SCAN_LIMIT
        cue_starts = [s for s, _ in cue_spans] if long_text else None
        longest = max(e - s for s, e in cue_spans) if long_text else 0
        foreign = parties - {speaker_country} if parties and speaker_country else parties  # the foreign targets
        between_others = False
        # (a first person names the speaker: never between others, no need to look for the countries named)
        if foreign and len(foreign) >= 2 and speaker_country and not first_person(words, text, tokens.span) and any(
                self.cues[i].weight < 0 for i, _, _ in cue_hits):
            named = countries_named(words, self.country_names, text, tokens.span, stop=speaker_country)
            between_others = speaker_country not in named and "SPEAKER" not in named and len(named & foreign) >= 2
        # only a cooperative cue can be scare-quoted
        quoted = _quoted_spans(text) if ('"' in text or "“" in text or "‘" in text or "”" in text) and any(
            self.cues[index].weight < 0 for index, _, _ in cue_hits) else []
        quote_starts = [qs for qs, _ in quoted] if len(quoted) > _SCAN_LIMIT else None
        running = None  # whether the text is running text, not a title-case headline: asked once, if ever
        # the targets a cooperative cue's clause subject may name (clause_subject): None until asked, False when
        # the statement has no foreign target or speaks in the first person
        theirs = None if foreign and speaker_country and TARGETS_COOPERATION_FACTOR != 1.0 else False
        epithets: list[tuple[int, int]] = []
        found = []
        # contributions seen: in_background only changes a cooperative cue beside a hostile one, count_style_once only
        # acts on two or more hostile cues of a kind counted once; neither is called otherwise
        hostile = cooperative = once = 0
        cues, span, rounded, after_cue = self.cues, tokens.span, self._rounded_weights, self._after_cue
        last = len(words)
        for index, start, end in cue_hits:
            cue = cues[index]
            char_start, char_end = span(start)
            if end - 1 != start:
                char_end = span(end - 1)[1]
            reaching = markers_before(self.markers, words, near(start), start, cue_spans, cue_starts, longest,
                                      negated_at) if marker_hits else None
            if reaching:
                polarity = min((r for r in reaching if r[0].kind in POLARITY_KINDS and not _exempt(r[0].kind, cue.kind)),
                               key=_DISTANCE, default=(None, 0))[0]
                side = _HOSTILE_FACTOR if cue.weight > 0 else _COOPERATIVE_FACTOR
                scale = min((m for m, _ in reaching if m.kind in SCALE_KINDS and not _exempt(m.kind, cue.kind)),
                            key=side, default=None)
                if polarity is not None and scale is not None and cue.weight > 0 and polarity.kind == "reversal" and \
                        polarity.hostile_factor < 0 and scale.kind == "request":
                    # 'urged Tokyo to halt the drills': the undoing is asked of the other side, not done: a demand
                    # (rules.REQUESTED_UNDOING), not de-escalation
                    applied = [scale] + [m for m, _ in reaching if m.kind in INTENSITY_KINDS]
                    factor = REQUESTED_UNDOING * math.prod((side(m) for m in applied[1:]), start=1.0)
                    markers = [{"marker": m.pattern, "kind": m.kind} for m in applied] + [
                        {"marker": polarity.pattern, "kind": "requested undoing"}]
                    polarity = None
                else:
                    applied = [m for m in (polarity, scale) if m] + [m for m, _ in reaching
                                                                      if m.kind in INTENSITY_KINDS]
                    factor = math.prod((side(m) for m in applied), start=1.0)
                    if TOPIC_KEEPS_TURNED and polarity is not None and scale is not None and scale.kind == "topic" and \
                            side(polarity) < 0 and side(scale) < 0:
                        # 'blamed Seoul for obstructing the talks': the opposition has turned the talks hostile; the
                        # disapproval's topic scales them and does not turn them back (thirteenth round)
                        factor = -factor
                    markers = [{"marker": m.pattern, "kind": m.kind} for m in applied]
                negated = polarity is not None and polarity.kind in ("negation", "refusal")
            else:  # most cues: nothing reaches them, factor 1.0 (as the product of no factors)
                factor, markers, negated = 1.0, [], False
            if quoted and cue.weight < 0 and (
                    _inside_quote(quoted, quote_starts, char_start, char_end) if quote_starts is not None
                    else any(qs <= char_start and char_end <= qe for qs, qe in quoted)):
                factor = 0.0
                markers.append({"marker": "short quotation", "kind": "scare quotes"})
            if char_start > 0 and text[char_start].isupper() and not acronym(text, char_start) and not (
                    cue.kind in NAME_LED_KINDS and end - start > 1 and text[char_end - 1].islower()) and in_name(
                    text, char_start, char_end, running if running is not None else (
                        running := running_text(text))):
                factor = 0.0
                markers.append({"marker": "inside a proper name", "kind": "name"})
            # directed_at reads the word after the cue, or after a preposition and "the": most cues are followed by
            # none of those, and no country name (one set look-up here instead of a call)
            # a transfer whose recipient is its verb's object ("supplying Russia with shells") names it inside the cue
            inside = parties and cue.kind == "transfer" and end - start > 2 and words[start + 1] in \
                self.country_names.starts
            if inside or parties and end < last and words[end] in after_cue and not cue.cameo.startswith(
                    UNDIRECTED_CAMEO_PREFIX):
                elsewhere = country_at(words, start + 1, self.country_names, text, span) if inside else directed_at(
                    words, end, self.country_names, text, span)
                if elsewhere and elsewhere not in parties and not inside and cue.kind != "transfer":
                    # "condemned Japan, the US and South Korea": each state of a list is the object (listed.py),
                    # and the cue counts toward a target among them (not toward the speaker's own country in a list)
                    elsewhere = next((c for c in listed_states(words, end, self.country_names, text, span)
                                      if c in parties and c != speaker_country), elsewhere)
                if elsewhere and elsewhere not in parties and cue.kind != "transfer":
                    factor = 0.0  # an act toward a third country ("ties with Moscow" in a statement toward Seoul);
                    # troops or arms sent to a third country keep their weight: they are sent to fight the
                    # statement's target
                    markers.append({"marker": f"directed at {elsewhere}", "kind": "direction"})
                    recipient = None
                else:
                    if elsewhere and cue.kind == "transfer" and (foreign == {elsewhere} or (
                            elsewhere == speaker_country and len(foreign) == 1)):
                        factor = -factor  # troops or arms sent to the one target: military aid to it (CAMEO 072);
                        # sent to the speaker's country by the one target: aid received from it, cooperation too;
                        # with several targets the giver may be among them ("accused Pyongyang of shipping arms to
                        # Moscow")
                        recipient = elsewhere
                    else:
                        recipient = None
            else:
                recipient = None
            if parties and start and factor and cue.weight > 0 and cue.kind in SUBJECT_KINDS and (
                    words[start - 1] in SUBJECT_LINKS or words[start - 1] in self.country_names.ends):
                actor = subject_at(words, start, self.country_names, text, span)
                if actor and actor not in parties:
                    factor = 0.0  # a third country's act, reported beside the statement (direction.subject_at)
                    markers.append({"marker": f"done by {actor}", "kind": "direction"})
                elif actor and speaker_country and actor != speaker_country and cue.kind in TARGETS_ACT_KINDS:
                    # the target's own act told by the speaker: the speaker's account, words (rules.TARGETS_ACT_KINDS)
                    markers.append({"marker": f"done by {actor}, a target", "kind": "target's act"})
            if foreign and cue.cameo in LEGAL_CAMEO and not names_near(
                    words, start, end, FOREIGN_LINK_WORDS, foreign, self.country_names, text, span):
                factor = 0.0  # an arrest or indictment of one's own national is not an act toward a foreign target
                markers.append({"marker": "legal act, no target named near it", "kind": "domestic"})
            if recipient:
                markers.append({"marker": f"sent to {recipient}: aid to it", "kind": "transfer"})
            if between_others and cue.weight < 0:
                factor = 0.0  # cooperation between two targets, the speaker's country unnamed: not with the speaker
                markers.append({"marker": "cooperation between the targets", "kind": "third party"})
            elif (cue.kind == MEETING_KIND and cue.cameo in MEETING_CAMEO and factor > 0 and cue.weight < 0
                  and foreign and len(foreign) >= 2 and speaker_country
                  and meeting_of_targets(words, self.country_names, text, span, start, end, foreign, speaker_country)):
                factor = 0.0  # a meeting its sentence gives to two targets, not to the speaker's country
                markers.append({"marker": "a meeting of two targets", "kind": "third party"})
            if theirs is not False and cue.weight < 0 and factor > 0 and not between_others:
                if theirs is None:  # asked once a statement, at its first counted cooperative cue
                    theirs = not first_person(words, text, span) and frozenset(foreign)
                    epithets = [(s, e) for i, s, e in cue_hits if cues[i].kind in SUBJECT_EPITHET_KINDS
                                and cues[i].weight > 0 and cues[i].pattern not in NOT_A_NAME] if theirs else []
                doer = theirs and clause_subject(words, start, self.country_names, text, span, epithets)
                if doer == "EPITHET" or doer and TARGETS_BY_COUNTRY_NAME and doer in theirs:
                    # the other side's cooperation told by the speaker, not the speaker's
                    # (rules.TARGETS_COOPERATION_FACTOR)
                    factor = TARGETS_COOPERATION_FACTOR * factor
                    markers.append({"marker": f"done by {'a house name' if doer == 'EPITHET' else doer}, a target",
                                    "kind": "target's cooperation"})
            contribution = rounded[index] if factor == 1.0 else round(cue.weight * factor, 4)
            if contribution > 0:
                hostile += 1
                if cue.kind in ONCE_KINDS:
                    once += 1
            elif contribution < 0:
                cooperative += 1
            found.append({
                "cue": cue.pattern,
                "matched": text[char_start:char_end],
                "weight": cue.weight,
                "cameo": cue.cameo,
                "negated": negated,
                "markers": markers,
                # (factor 1.0: the weight rounded once, at load; weight × 1.0 is the weight exactly)
                "factor": 1.0 if factor == 1.0 else round(factor, 4),
                "contribution": contribution,
                "kind": cue.kind,
            })
        if cooperative and self._derogations and not self._derogations.isdisjoint(i for i, _, _ in marker_hits):
            turned = derogate(found, cue_spans, [(s, e, self.markers[i].pattern, self.markers[i].window)
                                                 for i, s, e in marker_hits if i in self._derogations],
                              words)
            hostile, cooperative = hostile + turned, cooperative - turned
        if hostile and cooperative:
            purpose_of_undone(found, cue_spans, words)
            in_background(found, [start for _, start, _ in cue_hits], words)
            # cooperation named inside a charge is its topic (rules.charged_cooperation)
            charged_cooperation(found, [start for _, start, _ in cue_hits], words, text, tokens.span,
                                lambda: first_person(words, text, tokens.span))
        if once and hostile > once:  # an epithet (a once-counted kind) and another hostile cue: KCNA's account of
            # the other side's force may be a charge (rules.charged_force)
            charged_force(found, lambda: first_person(words, text, tokens.span))
        return count_style_once(found) if once > 1 else found

    def score(self, text: str, modality: str = "asserted", targets=None, speaker_country: str | None = None) -> Score:
        """Hostility of one statement's text under its modality. Given the statement's `targets` (and its speaker's
        country), a cue directed at a country that is neither counts 0: the score is toward the targets."""
        tokens = self.tokenizer.tokens(text)  # VADER's words come with the cue tokens, from one memo
        # VADER reads straight quotes and spaced dashes (tokens.vader_words are those of the translated text)
        compound = self.vader.compound(text if text.isascii() else text.translate(TYPOGRAPHY),
                                       tokens.vader_words, tokens.vader_lowered)
        parties = frozenset(targets) | ({speaker_country} if speaker_country else set()) if targets else None
        cues = self.find_cues(text, tokens, parties, speaker_country)
        # a hypothetical statement's hedges outside its main clause, a conditioned threat: factor 1.0 (hedges.py)
        factor, hedge_elsewhere = hedged_factor(MODALITY_FACTORS.get(modality, 1.0), modality, tokens.words,
                                                self._hedges, text, tokens.span, cues)
        vader_weight = VADER_WEIGHT
        capped = False
        if cues:
            cue_sum, capped = cue_sum_of(cues, VERBAL_CAP, lambda: first_person(tokens.words, text, tokens.span), text)
            factor = marked_factor(factor, modality, cues, cue_sum, self.marked_by)
            if compound > 0 and not any(c["contribution"] < 0 for c in cues):
                vader_weight = VADER_WEIGHT * UNCUED_POSITIVE_TONE  # praise or good news alone is not cooperation
        else:  # (a third of the statements: no cue)
            cue_sum = 0.0
            if compound > 0:
                vader_weight = VADER_WEIGHT * UNCUED_POSITIVE_TONE
        # the formula and the calibration are pure functions of these four values, which repeat (VADER's compound
        # has four decimals; most statements have no cue or one): computed once per distinct key. Equal floats are
        # one key, but 0.0 and -0.0 are not the same input (a lone cooperative cue counted 0 sums to -0.0, and the
        # stored raw value keeps the sign): a zero cue_sum keys on its sign and on the compound's.
        key = (cue_sum, compound, factor, vader_weight) if cue_sum else (
            math.copysign(1.0, cue_sum), math.copysign(1.0, compound), compound, factor, vader_weight)
        settled = self._settled.get(key)
        if settled is None:
            raw = combine(cue_sum, compound, factor, vader_weight=vader_weight)
            settled = (round(self.calibration(raw), 4), round(raw, 4), round(cue_sum, 4))
            if len(self._settled) < SETTLED_MEMO:
                self._settled[key] = settled
        return Score(settled[0], compound, settled[2], modality, factor, cues, self.version, settled[1], vader_weight,
                     capped, hedge_elsewhere)
