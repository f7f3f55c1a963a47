"""The gold set's agreement figures: Cohen's kappa on textbook cases, and how two labellers' statements are paired."""

import math

from evaluation.gold.agreement import Row, cohen_kappa, pair_rows, weighted_kappa


def row(speaker: str, country: str, targets: str = "KOR", kind: str = "government", hostility: int = 0) -> Row:
    return Row("u", speaker, country, kind, "", frozenset(t for t in targets.split(",") if t), False, "asserted",
               hostility)


def test_kappa_of_a_textbook_table():
    # 2x2 table: both yes 20, A yes/B no 5, A no/B yes 10, both no 15 -> po 0.70, pe 0.50, kappa 0.40
    pairs = [(1, 1)] * 20 + [(1, 0)] * 5 + [(0, 1)] * 10 + [(0, 0)] * 15
    assert math.isclose(cohen_kappa(pairs), 0.4)


def test_kappa_is_one_for_identical_labels_and_nan_without_items():
    assert cohen_kappa([("KOR", "KOR"), ("PRK", "PRK")]) == 1.0
    assert math.isnan(cohen_kappa([]))


def test_weighted_kappa_penalises_far_disagreements_more():
    near = [(3, 3), (2, 2), (0, 0), (-2, -2), (3, 2)]
    far = [(3, 3), (2, 2), (0, 0), (-2, -2), (3, -2)]
    assert weighted_kappa(near) > weighted_kappa(far)


def test_statements_pair_by_speaker_country_first_then_words():
    a = [row("KCNA", "PRK"), row("a civic group", "KOR", kind="civic")]
    b = [row("civic group in Seoul", "KOR", kind="civic"), row("the agency", "PRK"), row("Lavrov", "RUS")]
    paired, only_a, only_b = pair_rows(a, b)
    assert {(x.speaker, y.speaker) for x, y in paired} == {("KCNA", "the agency"), ("a civic group", "civic group in Seoul")}
    assert not only_a and [y.speaker for y in only_b] == ["Lavrov"]
