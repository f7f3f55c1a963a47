"""Lint of the cue tables the scorer reads (cues.tsv, cues_insults.tsv, cues_modifiers.tsv): no choice that was
meant to hold a space, and no row another row always outranks (a silent no-op; at the end of this file).

In the pattern syntax (tension/score/patterns.py) a space separates words and "|" separates the choices of one word,
so a choice cannot hold a space: `no one|nobody can deny` reads "no" + "one|nobody" + "can" + "deny" and never
matches "nobody can deny". Such a row is written, but it cannot be seen in the syntax; what gives it away is that
the alternative standing for the whole phrase repeats the word beside the group ("nobody" after "no", "carrier~"
before "carrier~", "laughingstock~" before "stock"): the pattern then asks for "no nobody", "carrier carrier",
"laughingstock stock". That is what this lint looks for. It found the three rows fixed so far (two in the fifth
round, one below as a known exception); a slip whose alternatives do not repeat their neighbour
(`conduct~|carr* out`, fixed in the sixth round) it cannot see, so each fixed row also has a phrase test below.
"""
from __future__ import annotations

import pytest

from evaluation import SHARED_DATA
from tension.config import read_tsv
from tension.score.patterns import _Automaton, _token_matcher
from tension.score.scorer import CUES_FILE, INSULTS_FILE, MODIFIERS_FILE, Scorer, load_cues

TABLES = {CUES_FILE: "cue", INSULTS_FILE: "cue", MODIFIERS_FILE: "marker"}
# Known exceptions: (file name, pattern) -> why the row stays. None now: the emphasis row of cues_modifiers.tsv
# ("no one|nobody can ...", shared with the extractor's modality) was split into two rows by the lead.
KNOWN: dict[tuple[str, str], str] = {}


def _bare(token: str) -> str:
    return token.lower().rstrip("~*")


def spaced_choices(pattern: str) -> list[str]:
    """Where a choice of `pattern` was probably meant to hold a space: an alternative of a "|" group that repeats the
    single word beside the group (equal to it, starting with the word before it, or ending with the word after it)."""
    words = pattern.split()
    found = []
    for i, word in enumerate(words):
        if "|" not in word:
            continue
        for j, side in ((i - 1, "before"), (i + 1, "after")):
            if not 0 <= j < len(words) or "|" in words[j] or words[j] == "*":
                continue
            neighbour = _bare(words[j])
            for choice in map(_bare, word.split("|")):
                if choice == neighbour or (side == "before" and choice.startswith(neighbour)) or (
                        side == "after" and choice.endswith(neighbour)):
                    found.append(f"{choice!r} in {word!r} repeats {words[j]!r} {side} it")
    return found


@pytest.mark.parametrize("pattern", [
    "nuclear submarine~|carrier~|bomber~|aircraft carrier~",  # the fifth round's two rows, before their fix
    "clown~|buffoon*|scarecrow~|laughingstock~|laughing stock",
    "no one|nobody can|could|will deny|denies",
])
def test_the_lint_finds_a_choice_meant_to_hold_a_space(pattern):
    assert spaced_choices(pattern)


@pytest.mark.parametrize("pattern", [
    "nuclear submarine~|carrier~|bomber~", "nuclear aircraft carrier~", "military|troop build-up|buildup",
    "strike~|struck|strikes down * ruling~", "war hawk~|maniac~|monger~", "not only|just|merely",
])
def test_the_lint_passes_correct_rows(pattern):
    assert not spaced_choices(pattern)


@pytest.mark.parametrize("path", list(TABLES), ids=lambda p: p.name)
def test_no_cue_table_has_a_choice_meant_to_hold_a_space(path):
    rows = read_tsv(path)
    assert rows, f"{path} has no rows"
    bad = {r[TABLES[path]]: spaced_choices(r[TABLES[path]]) for r in rows}
    bad = {pattern: why for pattern, why in bad.items() if why and (path.name, pattern) not in KNOWN}
    assert not bad, (f"{path.name}: a '|' choice cannot hold a space (split the row in two, one per phrase): "
                     f"{bad}")


def test_the_tables_linted_are_the_ones_the_scorer_reads():
    patterns = {c.pattern for c in load_cues()}
    assert patterns == {r["cue"] for path in (CUES_FILE, INSULTS_FILE) for r in read_tsv(path)}
    assert MODIFIERS_FILE in TABLES


@pytest.mark.parametrize("text, cue", [
    ("The North conducted its sixth nuclear test on Sunday.", "conduct~ * nuclear test~"),
    ("The North carried out a nuclear test on Sunday.", "carr* out * nuclear test~"),
    ("A nuclear aircraft carrier entered the harbour.", "nuclear aircraft carrier~"),
    ("He is a clown and a laughing stock.", "clown~|buffoon*|scarecrow~|laughingstock~"),
])
def test_the_rows_split_match_their_phrases(text, cue):
    assert cue in {c["cue"] for c in Scorer().score(text).cues}


def test_nobody_can_deny_is_emphasis_like_no_one_can_deny():
    # the emphasis row split in two: "nobody can deny" no longer reads as a negation of the cue after it
    for text in ("Nobody will deny that the drills are a provocation.",
                 "No one will deny that the drills are a provocation."):
        drills = [c for c in Scorer().score(text).cues if c["cue"] == "drill|drills"]
        assert drills and not drills[0]["negated"], text


def test_a_weight_off_goldstein_says_why():
    """cues.tsv: weight = −Goldstein/10 of the row's CAMEO code unless `source` says why (its header). A row whose
    source is only the code, its description and its Goldstein value ('138 (-7.0)') gives no reason; the review
    found 33 such rows off the anchor, aligned in the eighth round."""
    import csv
    import re

    table = SHARED_DATA / "cameo" / "CAMEO.goldsteinscale.txt"
    if not table.exists():
        pytest.skip(f"the CAMEO Goldstein table is absent: {table}")
    with table.open(encoding="utf-8") as handle:
        goldstein = {r["CAMEOEVENTCODE"]: float(r["GOLDSTEINSCALE"]) for r in csv.DictReader(handle, delimiter="\t")}
    bare = re.compile(r"^\d+\s*[^()]*\([-+]?[\d.]+\)\s*$")
    silent = [(r["cue"], r["weight"], r["source"]) for r in read_tsv(CUES_FILE)
              if r["cameo"] in goldstein and abs(float(r["weight"]) + goldstein[r["cameo"]] / 10) > 0.005
              and bare.match(r["source"].strip())]
    assert not silent, silent


# --- Rows that can never match (nineteenth round, h14s) ---
# At one start word the automaton keeps one pattern: most words, then the longest span, then an exact form over a
# prefix, then file order (tension/score/patterns.py). A later row whose every word accepts only what an earlier row's
# word accepts (the same words, or fewer choices of them) therefore never wins: a second 'far from' marker with a
# longer reach, written to extend the first, does nothing and says nothing (round 18 found one by hand). Cues and
# insults are one automaton, the markers another.


def _covers(earlier: str, later: str, first: bool) -> bool:
    """Whether every word `later` accepts, `earlier` accepts too (in the first word: as an exact form if `later` has it
    as one, since an exact form outranks a prefix there)."""
    exact_a, prefixes_a, suffixes_a = _token_matcher(earlier)
    exact_b, prefixes_b, suffixes_b = _token_matcher(later)
    exact_ok = exact_b <= exact_a if first else all(
        f in exact_a or f.startswith(prefixes_a) or f.endswith(suffixes_a) for f in exact_b)
    return exact_ok and all(p.startswith(prefixes_a) for p in prefixes_b) and all(
        x.endswith(suffixes_a) for x in suffixes_b)


def shadows(earlier: str, later: str) -> bool:
    """Whether the row `earlier` (before `later` in the automaton's order) wins wherever `later` matches: the same
    pattern, or (without gaps, whose spans may differ) as many words each accepting at least what `later`'s does."""
    if earlier == later:
        return True
    words_a, words_b = earlier.split(), later.split()
    if "*" in words_a or "*" in words_b or len(words_a) != len(words_b):
        return False
    return all(_covers(a, b, k == 0) for k, (a, b) in enumerate(zip(words_a, words_b)))


def shadowed_rows(patterns: list[str]) -> list[tuple[str, str]]:
    """(earlier, later) pairs of one automaton's patterns, in its order, where the later row can never match."""
    return [(patterns[i], later) for j, later in enumerate(patterns) for i in range(j) if shadows(patterns[i], later)]


@pytest.mark.parametrize("patterns", [
    ["far from", "far from"],  # a second marker row meant to reach further
    ["far|way from", "far from"],
    ["refus~ to", "refused to"],
    ["condemn~ the|a", "condemned the"],
])
def test_the_lint_finds_a_row_that_never_matches(patterns):
    assert shadowed_rows(patterns) == [tuple(patterns)]
    # and it is right: the automaton never returns the later row where it matches
    automaton = _Automaton(patterns)
    words = patterns[1].replace("~", "").replace("|", " ").split()[:1] + [
        w.split("|")[0].rstrip("~") for w in patterns[1].split()[1:]]
    assert {index for index, _, _ in automaton.find(words, [automaton.candidates(w) for w in words])} == {0}


@pytest.mark.parametrize("patterns", [
    ["far from", "far from *ing"],  # more words win
    ["far from", "far|way from"],  # the later row accepts more
    ["condemn*", "condemned"],  # an exact form outranks a prefix in the first word
    ["condemn* the", "condemned the|a"],
    ["meet~ * end", "meet~ the end"],  # a gap's span may differ: not claimed
])
def test_the_lint_passes_rows_that_can_match(patterns):
    assert not shadowed_rows(patterns)


def test_no_table_row_is_outranked_everywhere():
    cues = [c.pattern for c in load_cues()]
    markers = [m.pattern for m in Scorer().markers]
    bad = shadowed_rows(cues) + shadowed_rows(markers)
    assert not bad, f"rows that can never match (merge them, or give the later one a word of its own): {bad}"


# Every table the scorer reads says where each row comes from (STYLE.md: "a `source`/`note` column saying where a weight
# or a role comes from"). Round 46 (h14aw) gave cues_modifiers.tsv and cues_vader.tsv their source column and wrote out
# the sources of cues.tsv, cues_insults.tsv and cues_charges.tsv that read only "as above" (the row above could move).
SOURCED_TABLES = ("cues.tsv", "cues_insults.tsv", "cues_charges.tsv", "cues_modifiers.tsv", "cues_vader.tsv",
                  "calibration.tsv", "house_vocabulary.tsv", "cues_policy_words.tsv")


@pytest.mark.parametrize("name", SOURCED_TABLES)
def test_every_row_of_a_scorer_table_has_its_own_source(name):
    from tension.config import DATA_DIR
    rows = read_tsv(DATA_DIR / name)
    assert rows and "source" in rows[0], f"{name}: no source column"
    unsourced = [next(iter(r.values())) for r in rows if not r["source"]]
    assert not unsourced, f"{name}: rows without a source: {unsourced[:5]}"
    # "as above" points at whatever row sits above: a row moved or added between makes it wrong, unseen
    pointing = [next(iter(r.values())) for r in rows if "as above" in r["source"].lower()]
    assert not pointing, f"{name}: sources that read 'as above' (name the row or the round instead): {pointing[:5]}"
