"""Data tests for tension/data/actors_countries.tsv, the world's countries by name, demonym and capital."""

import csv
import re
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest

from tension.extract.actors import load_actors

DATA = Path(__file__).parent.parent / "tension" / "data"
HEADER = ["alias", "actor", "country", "kind", "source"]


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    with (DATA / "actors_countries.tsv").open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def test_header_and_columns(rows):
    assert list(rows[0]) == HEADER
    assert all(None not in r and all(r[c] for c in HEADER) for r in rows)


def test_codes_are_iso3_and_cover_the_world(rows):
    codes = {r["country"] for r in rows}
    assert all(re.fullmatch("[A-Z]{3}", c) for c in codes)
    assert len(codes) >= 240  # ISO 3166-1 has 249; Antarctica and Bouvet Island have no usable name here


def test_aliases_are_unique_and_name_one_country(rows):
    seen = defaultdict(set)
    for r in rows:
        seen[r["alias"]].add(r["country"])
    assert len(seen) == len(rows)
    assert all(len(v) == 1 for v in seen.values())


def test_each_country_has_one_name_and_kinds_are_known(rows):
    names = defaultdict(set)
    for r in rows:
        names[r["country"]].add(r["actor"])
    assert all(len(v) == 1 for v in names.values())
    assert {r["kind"] for r in rows} <= {"state", "demonym", "capital"}


def test_the_dictionary_uses_only_real_codes(rows):
    codes = {r["country"] for r in rows}
    with (DATA / "actors.tsv").open(encoding="utf-8", newline="") as fh:
        dictionary = {r["country"] for r in csv.DictReader(fh, delimiter="\t") if r["country"]}
    assert dictionary <= codes


def test_ambiguous_words_are_not_aliases(rows):
    # Common words and names that would fire on ordinary text.
    aliases = {r["alias"] for r in rows}
    assert not aliases & {"Korean", "Victoria", "Kingston", "Male", "Jersey", "Georgetown", "Hamilton"}


@pytest.mark.parametrize(("alias", "country"), [
    ("Brazil", "BRA"), ("Brazilian", "BRA"), ("Rwandan", "RWA"), ("Kigali", "RWA"), ("Filipino", "PHL"),
    ("Britain", "GBR"), ("British", "GBR"), ("Gaza Strip", "PSE"), ("Myanmar", "MMR"), ("Switzerland", "CHE"),
])
def test_countries_outside_the_dictionary_resolve(alias, country):
    entry = load_actors().lookup(alias, date(2025, 1, 1))
    assert entry is not None and entry.country == country


def test_the_dictionary_wins_and_keeps_its_names():
    actors = load_actors()
    assert actors.lookup("Seoul", date(2025, 1, 1)).actor == "Republic of Korea"
    # An alias only the countries table has still carries the dictionary's name for the country.
    assert actors.lookup("Korea, Republic of", date(2025, 1, 1)) is None  # commas never make an alias
