"""An extra actor file from outside the package (`--actors FILE`): officials the packaged dictionary does not know yet
("Chief Cabinet Secretary Minoru Kihara said ..." gave no statement to session 25's Japan desk, finding 5), added
to tension/data/actors.tsv for one run without editing the installed package.

The file has the packaged actor file's columns (alias, actor, country, kind, role, gender, valid_from, valid_to,
ambiguous, source; gender, the dates and ambiguous may be left out). Each row is checked, and a fault is a ValueError
naming the file, the line and what is wrong. An extra file's rows come before the packaged ones, so a row for an alias
the packaged file has wins on the days it gives ("Yoshimasa Hayashi", "former foreign minister" from 2023-09-14 in the
packaged file, can be "chief cabinet secretary" from 2023-12-14 to 2025-10-21); overrides_packaged() names them.

A run given one extracts with it, so its extractor version names the file's content: `<packaged version>+actors-<the
first 12 hex digits of its SHA-256>` (documents.extractor_version, runs.extractor_version); a run without it is the
packaged version. The run records the file's path, hash and rows (runs.actors_extra).
"""

from __future__ import annotations

import csv
import hashlib
from datetime import date
from functools import lru_cache
from pathlib import Path

from tension.config import ACTORS_FILE, country_codes, read_tsv

COLUMNS = ("alias", "actor", "country", "kind", "role", "gender", "valid_from", "valid_to", "ambiguous", "source")
REQUIRED = ("alias", "actor", "country", "kind", "role", "source")
RECORDED = ("alias", "actor", "country", "kind", "role", "valid_from", "valid_to")  # what runs.actors_extra keeps
GENDERS = ("", "m", "f")
AMBIGUOUS = ("", "0", "1")
# The --actors option's help, one text for every command that takes it.
ACTORS_HELP = ("Extra actor file (TSV, the columns of the packaged tension/data/actors.tsv) added to the packaged "
               "dictionary for this command: officials it does not know yet. Each row is checked (a fault names its "
               "line); the run's extractor version then names the file's hash, e.g. --actors desk/actors.tsv.")
EXAMPLE = ("a tab-separated file with the header alias, actor, country, kind, role, gender, valid_from, valid_to, "
           "ambiguous, source and one row per alias, e.g. 'Minoru Kihara', 'Minoru Kihara', JPN, person, 'chief "
           "cabinet secretary', m, 2025-10-21, '', '', kantei.go.jp (see tension/data/actors.tsv)")


@lru_cache(maxsize=1)
def _packaged() -> tuple[frozenset[str], dict[str, list[dict[str, str]]]]:
    """The packaged actor file's kinds, and its rows by alias."""
    rows = read_tsv(ACTORS_FILE)
    by_alias: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        by_alias.setdefault(row["alias"], []).append(row)
    return frozenset(r["kind"] for r in rows), by_alias


def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def _overlap(a: dict[str, str], b: dict[str, str]) -> bool:
    """Whether two rows' offices are held on a common day (an empty date is open)."""
    return ((not a["valid_from"] or not b["valid_to"] or _day(a["valid_from"]) <= _day(b["valid_to"]))
            and (not b["valid_from"] or not a["valid_to"] or _day(b["valid_from"]) <= _day(a["valid_to"])))


def load_extra_actors(path: Path | str) -> list[dict[str, str]]:
    """The rows of an extra actor file, each with every column of COLUMNS ('' for one left out), checked: a missing
    file is FileNotFoundError, any fault a ValueError naming the line (as a text editor numbers it) and the fault."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such actor file")
    with open(path, encoding="utf-8", newline="") as handle:
        numbered = [(number, line) for number, line in enumerate(handle, start=1)
                    if line.strip() and not line.startswith("#")]
    if not numbered:
        raise ValueError(f"{path} is empty: an actor file is {EXAMPLE}")
    header = [cell.strip() for cell in next(csv.reader([numbered[0][1]], delimiter="\t"))]
    if len(header) == 1 and len(header[0].split()) > 1:
        raise ValueError(f"{path} line {numbered[0][0]}: the header has no tab (columns are separated by tabs): "
                         f"an actor file is {EXAMPLE}")
    if missing := [c for c in REQUIRED if c not in header]:
        raise ValueError(f"{path} line {numbered[0][0]}: no column {', '.join(missing)}: an actor file is {EXAMPLE}")
    if unknown := [c for c in header if c not in COLUMNS]:
        raise ValueError(f"{path} line {numbered[0][0]}: unknown column {', '.join(map(repr, unknown))}; the columns "
                         f"are {', '.join(COLUMNS)}")
    rows: list[dict[str, str]] = []
    seen: dict[str, list[tuple[int, dict[str, str]]]] = {}
    for number, line in numbered[1:]:
        cells = [cell.strip() for cell in next(csv.reader([line.rstrip("\r\n")], delimiter="\t"))]
        if len(cells) != len(header):
            raise ValueError(f"{path} line {number}: {len(cells)} cell{'s' * (len(cells) != 1)} where the header has "
                             f"{len(header)} (columns are separated by tabs; an empty cell is two tabs in a row)")
        row = {column: "" for column in COLUMNS} | dict(zip(header, cells))
        if fault := _row_fault(row):
            raise ValueError(f"{path} line {number}: {fault}")
        for other_number, other in seen.get(row["alias"], []):
            if _overlap(row, other):
                raise ValueError(f"{path} line {number}: the alias {row['alias']!r} is on line {other_number} already "
                                 "for an overlapping time: give each office its own dates")
        seen.setdefault(row["alias"], []).append((number, row))
        rows.append(row)
    if not rows:
        raise ValueError(f"{path} has a header and no row: an actor file is {EXAMPLE}")
    return rows


def overrides_packaged(rows: list[dict[str, str]]) -> list[str]:
    """The aliases of extra rows that win over a packaged row of the same alias on some day (both hold then)."""
    packaged = _packaged()[1]
    return sorted({row["alias"] for row in rows
                   if any(_overlap(row, other) for other in packaged.get(row["alias"], []))})


def _row_fault(row: dict[str, str]) -> str:
    """What is wrong with one row, in words ('' for nothing)."""
    for column in REQUIRED:
        if not row[column] and not (column == "country" and row["kind"] == "title"):
            return f"the {column} is empty" + (" (say where the row comes from)" if column == "source" else "")
    kinds = _packaged()[0]
    if row["kind"] not in kinds:
        return f"kind {row['kind']!r} is none of {', '.join(sorted(kinds))}"
    if row["country"] and row["country"] not in country_codes():
        hint = " (write it in capitals)" if row["country"].upper() in country_codes() else ""
        return f"country {row['country']!r} is no ISO 3166 alpha-3 code{hint}"
    if row["gender"] not in GENDERS:
        return f"gender {row['gender']!r} is none of m, f or empty"
    if row["ambiguous"] not in AMBIGUOUS:
        return f"ambiguous {row['ambiguous']!r} is none of 1, 0 or empty"
    for column in ("valid_from", "valid_to"):
        try:
            _day(row[column])
        except ValueError:
            return f"{column} {row[column]!r} is no date: write YYYY-MM-DD (or leave it empty)"
    if row["valid_from"] and row["valid_to"] and _day(row["valid_from"]) > _day(row["valid_to"]):
        return f"valid_from {row['valid_from']} is after valid_to {row['valid_to']}"
    return ""


def file_hash(path: Path | str) -> str:
    """The SHA-256 of the file's bytes, in hex."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def extra_record(path: Path | str | None) -> dict | None:
    """What a run keeps of its extra actor file (runs.actors_extra): its path, SHA-256, the rows' fields that decide
    a mention (RECORDED) and the aliases whose packaged rows they win over (overrides); None without one."""
    if not path:
        return None
    rows = load_extra_actors(path)
    return {"file": str(Path(path).resolve()), "sha256": file_hash(path),
            "rows": [[row[column] for column in RECORDED] for row in rows], "overrides": overrides_packaged(rows)}


def run_extractor_version(path: Path | str | None) -> str:
    """The extractor version of a run: the packaged one, with '+actors-<hash>' when it reads an extra actor file."""
    from tension.extract.version import extractor_version

    return extractor_version() + (f"+actors-{file_hash(path)[:12]}" if path else "")
