"""Every default of a run once: where the data files live, the database, inbox and reports, the batch size, the
weekly schedule; and how the configured country pairs are read."""

from __future__ import annotations

import csv
import difflib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

DATA_DIR = Path(__file__).parent / "data"
SQL_DIR = Path(__file__).parent / "warehouse" / "sql"
ACTORS_FILE = DATA_DIR / "actors.tsv"
CUES_FILE = DATA_DIR / "cues.tsv"
PAIRS_FILE = DATA_DIR / "pairs.tsv"
OUTLETS_FILE = DATA_DIR / "outlets.tsv"
VIEW_COLUMNS_FILE = DATA_DIR / "view_columns.tsv"
INDEX_KINDS_FILE = DATA_DIR / "index_kinds.tsv"
REFERENCE_WORDS_FILE = DATA_DIR / "reference_words.tsv"
POSTS_FILE = DATA_DIR / "posts.tsv"
COUNTRIES_FILE = DATA_DIR / "actors_countries.tsv"  # every ISO 3166-1 country: the codes a pair may name

DEFAULT_DB = Path("data/tension.duckdb")
DEFAULT_REPORTS = Path("reports")
DEFAULT_INBOX = Path("seeds")

# Documents per batch (one analysis task and one transaction each): `tension run --batch-size`, the flow, run_local.
BATCH_SIZE = 2000
# When the weekly deployment runs (`tension serve`; prefect.yaml repeats it for `prefect deploy`, a test checks).
SCHEDULE_CRON = "0 6 * * 1"  # Monday 06:00
SCHEDULE_TIMEZONE = "Asia/Seoul"
# DuckDB caches the pages it touches up to its memory limit (80% of RAM by default), so a run's memory would grow
# with the database. A fixed limit keeps a run's footprint flat; DuckDB spills to disk beyond it. The environment
# variable TENSION_DUCKDB_MEMORY overrides it.
DUCKDB_MEMORY = "1GB"


@dataclass(frozen=True)
class Pair:
    """An unordered country pair the index is computed for."""

    pair_id: str
    name: str
    country_a: str
    country_b: str

    def countries(self) -> frozenset[str]:
        """Both members of the pair."""
        return frozenset((self.country_a, self.country_b))


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a tab-separated data file with a header row; '#' lines are comments."""
    with open(path, encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if line.strip() and not line.startswith("#"))
        return [
            {key: (value or "").strip() for key, value in row.items()}
            for row in csv.DictReader(lines, delimiter="\t")
        ]


@lru_cache(maxsize=1)
def _state_publishers() -> dict[tuple[str, str], str]:
    """(kind, match) -> country of the outlets.tsv rows with a `country`: state publishers only (read once)."""
    return {(r["kind"], r["match"]): r["country"] for r in read_tsv(OUTLETS_FILE) if r.get("country")}


def publisher_country(source: str) -> str:
    """The country of a document's publisher when it is a state body speaking on its own channel (outlets.tsv
    `country`: the Russian foreign ministry's "mfa"), else "": a wire agency or broadcaster reports others' words.
    A source matches a `name` row exactly (trimmed), a URL a `host` row by its host or a parent domain of it, as the
    outlets view matches them (round 50, h13ay)."""
    publishers = _state_publishers()
    source = (source or "").strip()
    if not source or not publishers:
        return ""
    if (country := publishers.get(("name", source))) is not None:
        return country
    host = (urlsplit(source).hostname or "") if "//" in source else ""
    while host:
        if (country := publishers.get(("host", host))) is not None:
            return country
        host = host.partition(".")[2]
    return ""


PAIR_COLUMNS = ("pair_id", "name", "country_a", "country_b")
# The --pairs option's help, one text for every command that takes it: the file replaces the packaged list whole (a
# Japan desk's analyst expected it to add to it, session 25).
PAIRS_HELP = ("Pairs file (TSV: pair_id, name, country_a, country_b, source); default: the packaged pairs.tsv. The file "
              "is the whole list, not an addition: copy the packaged pairs into it to keep them.")


def load_pairs(path: Path = PAIRS_FILE) -> list[Pair]:
    """The configured pairs (one line each in pairs.tsv). A missing file raises FileNotFoundError, a malformed one
    ValueError, each saying what is wrong and what a pairs file looks like."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such pairs file")
    example = ("a tab-separated file with the header pair_id, name, country_a, country_b, source and one row per "
               "pair, e.g. PRK-KOR, DPRK–ROK, PRK, KOR (see tension/data/pairs.tsv)")
    rows = read_tsv(path)
    missing = [c for c in PAIR_COLUMNS if rows and c not in rows[0]]
    if missing:
        raise ValueError(f"{path} has no column {', '.join(missing)}: a pairs file is {example}")
    pairs = [Pair(r["pair_id"], r["name"], r["country_a"], r["country_b"]) for r in rows]
    if not pairs:
        raise ValueError(f"{path} lists no country pairs: a pairs file is {example}")
    ids: dict[str, int] = {}
    members: dict[frozenset[str], int] = {}
    for number, pair in enumerate(pairs, start=2):
        codes = (pair.country_a, pair.country_b)
        fault = _code_fault(codes)
        if fault:
            raise ValueError(f"{path} line {number}: countries {codes[0]!r} and {codes[1]!r}: {fault}; a pair is two "
                             "different ISO 3166 alpha-3 codes such as PRK, KOR, RUS, USA, JPN, CHN")
        for code in codes:
            if code not in country_codes():
                # two letters swapped first (JNP for JPN), then the closest spelling
                close = ([c for c in sorted(country_codes()) if sorted(c) == sorted(code)]
                         or difflib.get_close_matches(code, sorted(country_codes()), n=1))
                meant = f" (did you mean {close[0]}?)" if close else ""
                raise ValueError(f"{path} line {number}: {code!r} is no ISO 3166 alpha-3 country code{meant}: "
                                 "no statement could ever be given to it")
        if not pair.pair_id.strip() or pair.pair_id != pair.pair_id.upper():
            # 'rus-prk' made a pair of its own beside an earlier run's 'RUS-PRK', and tension_index(pair :=
            # 'RUS-PRK') then called the pair dropped (session 26's tester); ids are matched as written
            raise ValueError(f"{path} line {number}: pair_id {pair.pair_id!r} "
                             + ("is empty" if not pair.pair_id.strip() else f"has lower-case letters: write "
                                f"{pair.pair_id.upper()!r}") + f" (an id such as {codes[0]}-{codes[1]})")
        if pair.pair_id in ids:
            raise ValueError(f"{path} line {number}: pair_id {pair.pair_id!r} is on line {ids[pair.pair_id]} "
                             "already: each pair needs an id of its own")
        if pair.countries() in members:
            raise ValueError(f"{path} line {number}: {' and '.join(sorted(codes))} are the pair on line "
                             f"{members[pair.countries()]} already (a pair holds both directions): list it once")
        ids[pair.pair_id], members[pair.countries()] = number, number
    return pairs


def _code_fault(codes: tuple[str, str]) -> str:
    """What is wrong with a pair's two codes in words ('' when both are three capital letters and differ): the
    tester's 'jpn', 'kor' and 'JP', 'KR' were told the codes must be "two different" codes, which they were."""
    for code in codes:
        if not (code.isascii() and code.isalpha()):
            return f"{code!r} is not a code of three letters"
        if len(code) == 2:
            return f"{code!r} is a two-letter (alpha-2) code: the pairs file takes three-letter (alpha-3) codes"
        if len(code) != 3:
            return f"{code!r} has {len(code)} letters, a code has three"
        if not code.isupper():
            return f"{code!r} is in lower case: write {code.upper()!r}"
    if codes[0] == codes[1]:
        return "the same country twice"
    return ""


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    """The ISO 3166-1 alpha-3 codes of every country (actors_countries.tsv)."""
    return frozenset(row["country"] for row in read_tsv(COUNTRIES_FILE))


def load_index_kinds(path: Path = INDEX_KINDS_FILE) -> list[str]:
    """The kinds of voices the weekly index counts (index_kinds.tsv, next to the pairs)."""
    return [r["speaker_kind"] for r in read_tsv(path) if r["counts"] == "1"]


def load_reference_words(path: Path = REFERENCE_WORDS_FILE) -> dict[str, tuple[str, ...]]:
    """The words of reference_words.tsv by use (definite, person, office, pointing, kin, anaphor, act_verb)."""
    words: dict[str, list[str]] = {}
    for row in read_tsv(path):
        words.setdefault(row["use"], []).append(row["word"])
    return {use: tuple(found) for use, found in words.items()}


def load_posts(path: Path = POSTS_FILE) -> dict[str, bool]:
    """The nouns of a post (posts.tsv), each with whether it is a state office ("minister", "ambassador": yes;
    "professor", "student": no)."""
    return {row["word"]: row["state"] == "yes" for row in read_tsv(path)}
