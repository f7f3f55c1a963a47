"""The CLI's argument checks: what a command was given is read and checked before any work starts, so that a wrong
value is one line naming the option (typer.BadParameter), not a traceback from deep inside a run.

Apart from the command modules (tension/cli_*.py) because they raise the CLI's own errors (typer) and serve several
commands (run, serve, statements), and the checks before a run (a database it can write, no other run on it) grew to
a module's worth. The --db option, the same on every command that opens the database, is declared here too.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from tension.config import DEFAULT_DB

if TYPE_CHECKING:
    from tension.extract.actors import ActorDictionary

DB_OPTION = typer.Option(DEFAULT_DB, "--db", metavar="FILE", help="DuckDB database file.")
DEFAULTABLE = ("title", "source", "url", "speaker", "year", "retrieved")


def at_least_one(value: int) -> int:
    """An N option's value (--workers, --batch-size, --last) when it is at least 1; else the error names the option.
    (typer's min=1 printed '[x>=1]' in --help, a formula where the README says N.)"""
    if value < 1:
        raise typer.BadParameter(f"must be at least 1, got {value}")
    return value


def parse_fields(fields: list[str], option: str = "--field") -> dict[str, str]:
    """--field (or --default) NAME=VALUE items as a mapping; a name not ours says which one was meant."""
    from tension.ingest.documents import FIELD_NAMES

    mapping = {}
    for item in fields:
        ours, sep, theirs = item.partition("=")
        if not sep or not ours.strip() or not theirs.strip():
            raise typer.BadParameter(f"{option} wants NAME=VALUE (e.g. text=story), got {item!r}")
        ours, theirs = ours.strip(), theirs.strip()
        if option == "--field" and ours not in FIELD_NAMES:
            close = difflib.get_close_matches(ours, FIELD_NAMES, n=1)
            backwards = (f"; did you mean {close[0]}={theirs}?" if close else
                         f"; did you mean {theirs}={ours}?" if theirs in FIELD_NAMES else "")
            raise typer.BadParameter(f"{ours!r} is not one of our fields ({', '.join(FIELD_NAMES)}): write "
                                     f"OURS=THEIRS, e.g. text=story{backwards}", param_hint="--field")
        mapping[ours] = theirs
    return mapping


def check_pairs(pairs: Path | None) -> None:
    """A --pairs file that is missing or malformed stops the command before any work, with what is wrong."""
    if pairs is None:
        return
    from tension.config import load_pairs

    try:
        load_pairs(pairs)
    except (OSError, ValueError) as error:
        raise typer.BadParameter(str(error), param_hint="--pairs") from None


def check_actors(actors: Path | None) -> None:
    """An --actors file that is missing or has a faulty row stops the command before any work, naming the line and
    the fault (tension/config_actors.py checks each row)."""
    if actors is None:
        return
    from tension.config_actors import load_extra_actors

    try:
        load_extra_actors(actors)
    except (OSError, ValueError) as error:
        raise typer.BadParameter(str(error), param_hint="--actors") from None


def check_week(week: str | None) -> None:
    """A --week that is not an ISO week stops the command before any work."""
    if week is None:
        return
    from tension.reporting.scope import parse_iso_week

    try:
        parse_iso_week(week)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--week") from None


def parse_defaults(items: list[str]) -> dict[str, str]:
    """--default NAME=VALUE items, for the metadata fields a document may lack."""
    defaults = parse_fields(items, "--default")
    unknown = sorted(set(defaults) - set(DEFAULTABLE))
    if unknown:
        close = difflib.get_close_matches(unknown[0], DEFAULTABLE, n=1)
        meant = f"; did you mean {close[0]}={defaults[unknown[0]]}?" if close else ""
        raise typer.BadParameter(f"--default accepts {', '.join(DEFAULTABLE)}; not {', '.join(unknown)}{meant}",
                                 param_hint="--default")
    return defaults


def check_schedule(cron: str, timezone: str) -> None:
    """A cron schedule and time zone Prefect accepts: checked before a server starts, so a typo is one line."""
    from prefect.client.schemas.schedules import CronSchedule

    try:
        CronSchedule(cron=cron, timezone=timezone)
    except ValueError as error:  # (pydantic's ValidationError)
        problems = getattr(error, "errors", lambda: [])() or [{"loc": ("cron",), "msg": str(error)}]
        where = str(problems[0]["loc"][0]) if problems[0].get("loc") else "cron"
        message = str(problems[0]["msg"]).removeprefix("Value error, ")
        hint = ('five fields, minute hour day-of-month month day-of-week: e.g. "0 6 * * 1" is Mondays at 06:00'
                if where == "cron" else "an IANA zone name, e.g. Asia/Seoul or UTC")
        raise typer.BadParameter(f"{message}; {hint}", param_hint=f"--{where}") from None


def check_parquet_free(db: Path, parquet: Path | None) -> None:
    """The run's Parquet folder is not another database's export (checked before the flow starts)."""
    from tension.warehouse.publish import ParquetTaken, check_parquet_owner, parquet_folder

    try:
        check_parquet_owner(parquet_folder(db, parquet), db)
    except ParquetTaken as error:
        raise typer.BadParameter(str(error), param_hint="--parquet") from None


def check_writable_db(db: Path) -> None:
    """A --db a run can write: checked before the flow starts, so a wrong path is one line, not a traceback."""
    _not_a_folder(db)
    folder = db.parent
    check_writable_folder(folder, "--db", target=db, advice=": choose another --db")
    try:  # the run creates it anyway; a folder that cannot be made (/proc/..., a read-only mount) is said here
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise typer.BadParameter(f"cannot create the folder {folder} for {db.name}: {error.strerror or error}; "
                                 "choose another --db", param_hint="--db") from None
    try:
        foreign = db.is_file() and db.stat().st_size and not is_duckdb_file(db)
    except OSError as error:
        raise typer.BadParameter(f"cannot read {db}: {error.strerror or error}", param_hint="--db") from None
    if foreign:
        raise typer.BadParameter(f"{db} exists and is not a DuckDB database (a run would not overwrite it): give "
                                 "the path of a tension database, or a new file name", param_hint="--db")


def is_duckdb_file(path: Path) -> bool:
    """Whether `path` starts like a DuckDB database file (the magic bytes 'DUCK' at offset 8 of its header)."""
    with open(path, "rb") as handle:
        return handle.read(12)[8:12] == b"DUCK"


def check_writable_folder(folder: Path, hint: str, target: Path | None = None, advice: str = "") -> None:
    """A folder a command writes into (the report's, the database's): a path under a file, or where nothing may be
    written, is one line before the work, not a traceback after it. `target`: what would be created there (the
    folder itself by default); `advice`: said after a permission error."""
    for parent in (folder, *folder.parents):
        if parent.exists():
            if not parent.is_dir():
                raise typer.BadParameter(f"{parent} is a file, not a folder: {target or folder} cannot be created "
                                         "there", param_hint=hint)
            if not os.access(parent, os.W_OK | os.X_OK):
                raise typer.BadParameter(f"cannot write in {parent} (permission denied){advice}", param_hint=hint)
            return


def _not_a_folder(db: Path) -> None:
    """A --db that is a folder: one line naming the file meant."""
    if db.is_dir():
        raise typer.BadParameter(f"{db} is a folder; give a database file, e.g. {db / 'tension.duckdb'}",
                                 param_hint="--db")


def check_readable_db(db: Path) -> None:
    """A --db a reading command can open: a folder or a file that is no DuckDB database is one line, not a
    traceback (a missing file is the command's own message: run 'tension run' first)."""
    _not_a_folder(db)
    try:
        foreign = db.is_file() and not is_duckdb_file(db)
    except OSError as error:
        raise typer.BadParameter(f"cannot read {db}: {error.strerror or error}", param_hint="--db") from None
    if foreign:
        raise typer.BadParameter(f"{db} is not a DuckDB database (a tension database is the file `tension run "
                                 "--db FILE` writes)", param_hint="--db")


def check_files(files: list[Path]) -> None:
    """Every FILES argument exists (a symlink is read and rejected with its reason, even a broken one)."""
    for given in files:
        if not given.exists() and not given.is_symlink():
            raise typer.BadParameter(f"{given} does not exist", param_hint="FILES")


# Names analysts type for the Koreas and Russia that are not their ISO 3166-1 alpha-3 codes.
FAMILIAR_CODES = {"ROK": "KOR", "SK": "KOR", "DPRK": "PRK", "NK": "PRK", "RF": "RUS", "US": "USA", "UK": "GBR"}


def country_codes(actors: "ActorDictionary | None" = None) -> frozenset[str]:
    """The alpha-3 codes the actor dictionary knows (its own rows and the world's countries it is completed with),
    read by the dictionary's own loader (tension.extract.actors.load_actors) unless `actors` is given."""
    from tension.extract.actors import load_actors

    return (actors if actors is not None else load_actors()).countries()


def parse_countries(targets: str | None, speaker_country: str | None) -> tuple[list[str] | None, str | None]:
    """--targets (ISO3 codes, comma-separated) as upper-case codes, and --speaker-country upper-cased: each a code
    the dictionary knows (ROK, DPRK and the like are refused with the code meant: ROK passed silently and matched
    nothing, so every cue counted as aimed elsewhere), the speaker's country only with targets."""
    codes = [code.strip().upper() for code in targets.split(",") if code.strip()] if targets else None
    speaker_country = speaker_country.strip().upper() if speaker_country else None
    given = [*(codes or []), *([speaker_country] if speaker_country else [])]
    # the dictionary only when there is a code to check: building it is 0.25 s of a `tension score` without --targets
    known = country_codes() if given else frozenset()
    for code in given:
        if code not in known:
            meant = f"; for {code} use {FAMILIAR_CODES[code]}" if code in FAMILIAR_CODES else ""
            raise typer.BadParameter(f"{code!r} is not an ISO 3166-1 alpha-3 country code (e.g. KOR, PRK, RUS){meant}",
                                     param_hint="--speaker-country" if code == speaker_country else "--targets")
    if speaker_country and not codes:
        raise typer.BadParameter("--speaker-country only counts with --targets", param_hint="--speaker-country")
    return codes, speaker_country


def check_inbox(inbox: list[Path]) -> None:
    """Every --inbox given exists."""
    for path in inbox:
        if not path.exists():
            where = "" if path.is_absolute() else f" (in {Path.cwd()})"
            raise typer.BadParameter(f"{path} does not exist{where}", param_hint="--inbox")


def empty_inbox(inbox: list[Path]) -> str:
    """What to say of an inbox holding no input file ('' when it holds one): a run over it reads nothing, and the
    line after it ("no statement bears on a configured pair yet") sent a new user to the pairs file."""
    from tension.ingest.inbox import list_inbox

    if list_inbox(inbox):
        return ""
    return (f"no input files under {', '.join(map(str, inbox))} (dotfiles and .meta.yaml sidecars are not "
            "documents): nothing new to read")


def unmatched_fields(inbox: list[Path], fields: dict[str, str] | None) -> list[str]:
    """A warning per --field mapping whose field the first record of a JSON-lines file does not have. A mapped text
    or date the records lack rejects them, with the fields they do have; a mapped source, title or url they lack
    was silently taken from elsewhere (the URL's host as the outlet: the tester's `--field source=publishr`)."""
    import json

    from tension.ingest.batch_files import source_fields
    from tension.ingest.inbox import list_inbox

    warnings = []
    for path in [p for p in list_inbox(inbox) if p.suffix.lower() == ".jsonl"][:20]:
        try:
            with open(path, "rb") as handle:
                first = next((line for line in handle if line.strip()), b"")
            record = json.loads(first) if first else None
        except (OSError, ValueError):
            continue  # the run says what is wrong with the file
        if not isinstance(record, dict):
            continue
        for ours, theirs in (fields or {}).items():
            missing = [name for name in source_fields(record, theirs) if name not in record]
            if missing:
                warnings.append(f"warning: --field {ours}={theirs}: the first record of {path.name} has no field "
                                f"{', '.join(map(repr, missing))} (its fields: {', '.join(sorted(record))[:200]})")
    return warnings


def check_no_run_in_progress(db: Path) -> None:
    """Another run on this database: said in one line (exit code 3) before the flow starts, not after Prefect's
    traceback."""
    from tension.warehouse.publish import RunInProgress, Workspace, exclusive_run

    try:
        with exclusive_run(Workspace(db)):
            pass
    except RunInProgress as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(code=3) from None
