"""The Parquet export of a published database (tension/warehouse/publish.py runs it before each publication): one
folder per ISO week (hive layout iso_week=...), each week swapped in whole so a killed export leaves the last complete
one (recover_parquet puts it back), and the folder names the database it belongs to (OWNER_FILE, ParquetTaken)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from tension.warehouse import store


# A Parquet export names the published database it belongs to: two databases in one folder share the default
# folder ("parquet" next to them), and one's run rewrote the other's export without a word.
OWNER_FILE = ".tension-database"


def parquet_folder(db: Path | str, parquet_dir: Path | str | None = None) -> Path:
    """The Parquet export folder of the database `db`: --parquet, else "parquet" next to the database."""
    return Path(parquet_dir) if parquet_dir else Path(db).resolve().parent / "parquet"


class ParquetTaken(ValueError):
    """The Parquet folder holds the export of another database."""


def check_parquet_owner(out_dir: Path, database: Path) -> None:
    """Raise ParquetTaken when `out_dir` holds the export of another database of the same folder that still exists:
    two databases side by side writing one export. A folder with no owner yet (an older release's export), or one
    whose database was moved, deleted or lives in another folder (a database copied elsewhere with its export), is
    this database's to take."""
    try:
        owner = Path((Path(out_dir) / OWNER_FILE).read_text(encoding="utf-8").strip())
    except (OSError, UnicodeDecodeError):
        return
    here = Path(database).resolve()
    if owner != here and owner.parent == here.parent and owner.exists():
        raise ParquetTaken(f"{out_dir} holds the Parquet export of another database, {owner}: give {here.name} a "
                           "folder of its own with --parquet DIR (two databases in one folder share the default "
                           "'parquet' next to them)")


def _mark_owner(folder: Path, owner: Path | None) -> None:
    if owner is not None:
        (folder / OWNER_FILE).write_text(f"{Path(owner).resolve()}\n", encoding="utf-8")


def export_parquet(db_path: Path, out_dir: Path, weeks: list[str] | None = None,
                   owner: Path | None = None) -> Path:
    """Statements with their current scores as Parquet, one folder per ISO week (hive layout iso_week=...).

    `weeks` rewrites only those weeks (a run that added documents to three weeks rewrites three folders);
    None rewrites everything (after a rescore, or when there is no export yet). `owner`: the published database the
    export belongs to, written into the folder (OWNER_FILE) and checked first (ParquetTaken).
    """
    if owner is not None:
        check_parquet_owner(out_dir, owner)
    recover_parquet(out_dir)
    if weeks is None or not out_dir.exists():
        return _export_all(db_path, out_dir, owner)
    _mark_owner(out_dir, owner)
    with store.connect(db_path, read_only=True) as con:
        for week in sorted(set(weeks)):
            folder = out_dir / f"iso_week={week}"
            partial = out_dir / f".iso_week={week}.tmp"
            shutil.rmtree(partial, ignore_errors=True)
            partial.mkdir(parents=True)
            con.execute(
                f"copy ({_EXPORT} where iso_week = ?) to '{_sql_path(partial / 'data_0.parquet')}' (format parquet)",
                [week],
            )
            _swap_in(partial, folder)
    return out_dir


def recover_parquet(out_dir: Path) -> list[str]:
    """Undo what a killed export left: temporary folders removed, a folder moved aside put back where its
    replacement never arrived. What was cleaned, for the log."""
    done: list[str] = []
    for old in (out_dir.with_name(f".{out_dir.name}.old"), *sorted(out_dir.glob(".iso_week=*.old"))):
        if not old.exists():
            continue
        final = old.with_name(old.name[1:-len(".old")])
        if final.exists():
            shutil.rmtree(old, ignore_errors=True)
            done.append(f"removed {old}")
        else:
            os.replace(old, final)
            done.append(f"put back {final}")
    for partial in (out_dir.with_name(out_dir.name + ".tmp"), *sorted(out_dir.glob(".iso_week=*.tmp"))):
        if partial.exists():
            shutil.rmtree(partial, ignore_errors=True)
            done.append(f"removed {partial}")
    return done


def _swap_in(partial: Path, final: Path) -> None:
    """Put a finished folder in place of `final` by renames: readers see the old or the new, never half."""
    old = final.with_name(f".{final.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if final.exists():
        os.replace(final, old)
    os.replace(partial, final)
    shutil.rmtree(old, ignore_errors=True)


# Parquet has lists, but not every engine reads them: targets travel as a comma-separated string.
_EXPORT = "select * exclude (targets), array_to_string(targets, ',') as targets from statement_scores"


def _export_all(db_path: Path, out_dir: Path, owner: Path | None = None) -> Path:
    partial = out_dir.with_name(out_dir.name + ".tmp")
    shutil.rmtree(partial, ignore_errors=True)
    with store.connect(db_path, read_only=True) as con:
        con.execute(f"copy ({_EXPORT}) to '{_sql_path(partial)}' (format parquet, partition_by (iso_week))")
    if not partial.exists():
        partial.mkdir(parents=True)
    _mark_owner(partial, owner)
    _swap_in(partial, out_dir)
    return out_dir


def _sql_path(path: Path) -> str:
    # COPY ... TO takes a literal, not a parameter; quotes are the only character that needs escaping.
    return str(path).replace("'", "''")
