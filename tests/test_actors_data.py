"""Data tests for the actor dictionary, tension/data/actors.tsv.

The dictionary maps surface forms found in English news text (aliases) to canonical actors with an ISO 3166
alpha-3 country, a kind, a role and, for office holders, the dates bounding the office. Date ranges are
inclusive on both ends; an empty bound is open.
"""

import csv
import datetime as dt
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest

ACTORS_TSV = Path(__file__).parent.parent / "tension" / "data" / "actors.tsv"

HEADER = ["alias", "actor", "country", "kind", "role", "gender", "valid_from", "valid_to", "ambiguous", "source"]
KINDS = {"state", "demonym", "capital", "person", "organisation", "media", "military", "title"}
# Every country code the dictionary may use; add a code here when adding a country.
COUNTRIES = {"KOR", "PRK", "RUS", "USA", "JPN", "CHN", "UKR"}
# Offices held by one person at a time per country: only the latest holder may be open-ended.
SINGLE_HOLDER_ROLES = {
    "head of state",
    "foreign minister",
    "defence minister",
    "unification minister",
    "foreign ministry spokesperson",
}
COMMON_KOREAN_SURNAMES = ["Kim", "Lee", "Park", "Chung", "Choi", "Moon", "Yoon", "Cho", "Han", "Jung"]
DISTINCTIVE_SURNAMES = ["Zakharova", "Rudenko", "Lavrov", "Putin", "Zinoviev", "Shoigu", "Peskov"]
SEED_DATE = dt.date(2024, 2, 4)  # publication date of seeds/000_e318909af9d05ecd.txt

MIN_DATE = dt.date.min
MAX_DATE = dt.date.max


def parse_date(text: str, default: dt.date) -> dt.date:
    """Parse an ISO date column, returning `default` for an empty (open) bound."""
    return dt.date.fromisoformat(text) if text else default


def period(row: dict) -> tuple[dt.date, dt.date]:
    """Inclusive validity period of a row; open bounds become date.min / date.max."""
    return parse_date(row["valid_from"], MIN_DATE), parse_date(row["valid_to"], MAX_DATE)


def valid_on(row: dict, day: dt.date) -> bool:
    """Whether a row applies on `day`."""
    start, end = period(row)
    return start <= day <= end


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    with ACTORS_TSV.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def resolve(rows: list[dict], alias: str, day: dt.date) -> list[dict]:
    """Rows an exact alias resolves to on a given day, ignoring ambiguous bare surnames."""
    return [r for r in rows if r["alias"] == alias and r["ambiguous"] != "1" and valid_on(r, day)]


def test_header_is_exact():
    with ACTORS_TSV.open(encoding="utf-8") as fh:
        first_line = fh.readline().rstrip("\n")
    assert first_line.split("\t") == HEADER


def test_every_row_has_exactly_the_header_columns(rows):
    bad = [r for r in rows if None in r or any(r[c] is None for c in HEADER)]
    assert not bad, bad[:5]


def test_fields_have_no_surrounding_whitespace(rows):
    bad = [(r["alias"], c) for r in rows for c in HEADER if r[c] != r[c].strip()]
    assert not bad, bad[:10]


def test_alias_actor_role_source_are_filled(rows):
    bad = [r["alias"] or r["actor"] for r in rows if not (r["alias"] and r["actor"] and r["role"] and r["source"])]
    assert not bad, bad[:10]


def test_aliases_are_not_possessives(rows):
    # Possessives ("Russia's") are stripped by the matcher; listing them would double-count.
    bad = [r["alias"] for r in rows if re.search(r"['’]s$", r["alias"])]
    assert not bad, bad[:10]


def test_kind_is_allowed(rows):
    bad = {r["kind"] for r in rows} - KINDS
    assert not bad


def test_country_is_a_known_iso3_code_except_for_titles(rows):
    for r in rows:
        if r["kind"] == "title":
            assert r["country"] == "", r
        else:
            assert re.fullmatch("[A-Z]{3}", r["country"]), r
            assert r["country"] in COUNTRIES, r


def test_dates_parse_and_are_ordered(rows):
    for r in rows:
        for col in ("valid_from", "valid_to"):
            if r[col]:
                assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", r[col]), r
        start, end = period(r)  # raises on an impossible date
        assert start <= end, r


def test_only_office_holders_are_dated(rows):
    undated_kinds = {"state", "demonym", "capital", "media", "title"}
    bad = [r["alias"] for r in rows if r["kind"] in undated_kinds and (r["valid_from"] or r["valid_to"])]
    assert not bad, bad[:10]


def test_gender_is_set_for_persons_only(rows):
    for r in rows:
        if r["kind"] == "person":
            assert r["gender"] in {"f", "m"}, r
        else:
            assert r["gender"] == "", r


def test_ambiguous_flag_is_1_or_empty(rows):
    assert {r["ambiguous"] for r in rows} <= {"", "1"}


def test_titles_are_unique_and_undated(rows):
    titles = [r["alias"] for r in rows if r["kind"] == "title"]
    assert len(titles) == len(set(titles))


def test_no_duplicate_alias_actor_start(rows):
    counts = Counter((r["alias"], r["actor"], r["valid_from"]) for r in rows)
    dupes = sorted(key for key, n in counts.items() if n > 1)
    assert not dupes, dupes[:10]


def test_no_duplicate_alias_start_for_unambiguous_aliases(rows):
    seen = set()
    for r in rows:
        if r["ambiguous"] == "1":
            continue
        key = (r["alias"], r["valid_from"])
        assert key not in seen, key
        seen.add(key)


def test_unambiguous_alias_periods_do_not_overlap(rows):
    # Ambiguous bare surnames ("Kim") legitimately point at several people at once; they are resolved
    # through an earlier full mention, so only unambiguous aliases must be unique per period.
    by_alias = defaultdict(list)
    for r in rows:
        if r["ambiguous"] != "1":
            by_alias[r["alias"]].append(period(r) + (r["actor"], r["role"]))
    overlaps = []
    for alias, spans in by_alias.items():
        spans.sort()
        for (s1, e1, a1, r1), (s2, e2, a2, r2) in zip(spans, spans[1:]):
            if s2 <= e1:
                overlaps.append((alias, a1, r1, a2, r2))
    assert not overlaps, overlaps[:10]


def test_each_actor_has_one_country(rows):
    # One actor may have aliases of several kinds ("Seoul" and "South Korean" both name the ROK), but
    # never two countries.
    seen = defaultdict(set)
    for r in rows:
        seen[r["actor"]].add(r["country"])
    bad = {actor: v for actor, v in seen.items() if len(v) > 1}
    assert not bad, bad


def test_person_actors_are_only_persons(rows):
    persons = {r["actor"] for r in rows if r["kind"] == "person"}
    bad = {r["actor"] for r in rows if r["actor"] in persons and r["kind"] != "person"}
    assert not bad, bad


def test_only_the_latest_holder_of_a_single_holder_office_is_open_ended(rows):
    groups = defaultdict(list)
    for r in rows:
        if r["role"] in SINGLE_HOLDER_ROLES and r["kind"] == "person":
            groups[(r["role"], r["country"])].append(r)
    for (role, country), group in groups.items():
        open_ended = [r for r in group if not r["valid_to"]]
        holders = {r["actor"] for r in open_ended}
        assert len(holders) <= 1, (role, country, holders)
        if open_ended:
            latest_start = max(period(r)[0] for r in group)
            assert all(period(r)[0] == latest_start for r in open_ended), (role, country, holders)


@pytest.mark.parametrize("surname", COMMON_KOREAN_SURNAMES)
def test_bare_common_korean_surnames_are_ambiguous(rows, surname):
    matches = [r for r in rows if r["alias"] == surname]
    assert matches, surname
    assert all(r["ambiguous"] == "1" for r in matches)


@pytest.mark.parametrize("surname", DISTINCTIVE_SURNAMES)
def test_distinctive_surnames_are_not_ambiguous(rows, surname):
    matches = [r for r in rows if r["alias"] == surname]
    assert matches, surname
    assert all(r["ambiguous"] == "" for r in matches)


# Every actor mentioned in the seed article resolves on its publication date.
SEED_CASES = [
    # alias, country, kind, role (None: any)
    ("Andrei Rudenko", "RUS", "person", "deputy foreign minister"),
    ("Rudenko", "RUS", "person", "deputy foreign minister"),
    ("Chung Byung-won", "KOR", "person", None),
    ("Maria Zakharova", "RUS", "person", "foreign ministry spokesperson"),
    ("Zakharova", "RUS", "person", "foreign ministry spokesperson"),
    ("Yoon Suk Yeol", "KOR", "person", "head of state"),
    ("Georgy Zinoviev", "RUS", "person", "ambassador to KOR"),
    ("Vladimir Putin", "RUS", "person", "head of state"),
    ("Joint Chiefs of Staff", "KOR", "military", None),
    ("JCS", "KOR", "military", None),
    ("Seoul", "KOR", "capital", None),
    ("Moscow", "RUS", "capital", None),
    ("Pyongyang", "PRK", "capital", None),
    ("Washington", "USA", "capital", None),
    ("Republic of Korea", "KOR", "state", None),
    ("North Korea", "PRK", "state", None),
    ("South Korea", "KOR", "state", None),
    ("Russia", "RUS", "state", None),
    ("Russian", "RUS", "demonym", None),
    ("South Korean", "KOR", "demonym", None),
    ("United States", "USA", "state", None),
    ("Japan", "JPN", "state", None),
    ("Ukraine", "UKR", "state", None),
    ("Ukrainian", "UKR", "demonym", None),
]


@pytest.mark.parametrize(("alias", "country", "kind", "role"), SEED_CASES)
def test_seed_actor_resolves_on_publication_date(rows, alias, country, kind, role):
    matches = resolve(rows, alias, SEED_DATE)
    assert len(matches) == 1, matches
    (row,) = matches
    assert (row["country"], row["kind"]) == (country, kind)
    if role is not None:
        assert row["role"] == role


def test_seed_speaker_zakharova_is_female(rows):
    assert {r["gender"] for r in rows if r["actor"] == "Maria Zakharova"} == {"f"}


def test_seed_bare_surname_chung_can_point_to_chung_byung_won(rows):
    candidates = [r for r in rows if r["alias"] == "Chung" and valid_on(r, SEED_DATE)]
    assert all(r["ambiguous"] == "1" for r in candidates)
    assert "Chung Byung-won" in {r["actor"] for r in candidates}


def test_yoon_is_not_head_of_state_after_removal(rows):
    roles = {r["role"] for r in resolve(rows, "Yoon Suk Yeol", dt.date(2025, 6, 1))}
    assert "head of state" not in roles


def test_lee_jae_myung_is_head_of_state_after_inauguration(rows):
    (row,) = resolve(rows, "Lee Jae-myung", dt.date(2025, 6, 4))
    assert (row["country"], row["role"]) == ("KOR", "head of state")
