"""What `tension run` prints about the documents it rejected, and the exit code of a run that stored none of them.

Apart from the command modules (which only call it) so that the wording is a pure function of the run's rejections and
the database it used, and the CLI module stays a thin layer over library calls.
"""

from __future__ import annotations

import shlex
from pathlib import Path

from tension.config import DEFAULT_DB

SHOWN_REASONS = 10  # reasons listed after a run (identical reasons grouped); the rest are counted
# `tension run` exits with this code when every document it read was rejected: a scheduled batch must notice.
# A run that read nothing new (every file unchanged) stored nothing either, but rejected nothing: it exits 0.
ALL_REJECTED_EXIT = 5


def rejection_lines(rejections: list, db: Path | str) -> list[str]:
    """The rejections grouped by identical reason, in the order first met: one line each — the file (and line)
    when the reason is its own, '10 records: no date (...) — first a.jsonl:1, last a.jsonl:10' when it is shared —
    then where to see them all (with the run's --db when it is not the default)."""
    from tension.ingest.documents import Rejection, printable

    groups: dict[str, list[str]] = {}
    for path, item, reason in rejections:
        groups.setdefault(printable(reason), []).append(Rejection(path, item, reason).where())
    lines = []
    for reason, where in list(groups.items())[:SHOWN_REASONS]:
        if len(where) == 1:
            lines.append(f"  rejected {where[0]}: {reason}")
        else:
            lines.append(f"  rejected {len(where)} records: {reason} — first {where[0]}, last {where[-1]}")
    rest = list(groups.values())[SHOWN_REASONS:]
    if rest:
        lines.append(f"  rejected {sum(map(len, rest))} more for {len(rest)} other reason{'s' * (len(rest) != 1)}")
    if rejections:
        option = "" if Path(db) == Path(DEFAULT_DB) else f" --db {shlex.quote(str(db))}"
        lines.append(f"  (all rejections with their files, lines and whole reasons: tension sql{option} --format csv "
                     "\"select * from rejected_documents\")")
    return lines


def all_rejected(result: dict) -> bool:
    """Every document the run read was rejected (none stored): the run exits with ALL_REJECTED_EXIT."""
    return bool(result["rejections"]) and not result["documents_seen"]



def extractor_lines(result: dict) -> list[str]:
    """What the run says about documents and the extractor that read them: how many it extracted again (--reread,
    or a changed file read again), how many it read again with corrected metadata, and how many stored documents an
    older release's extractor read (their statements follow older rules until their files are read again with
    --reread)."""
    lines = []
    if again := result.get("documents_reextracted"):
        old = result.get("statements_replaced", 0)
        lines.append(f"{again} stored document{'s' * (again != 1)} extracted again by this release's extractor: "
                     f"{'their' if again != 1 else 'its'} {old} earlier statement{'s' * (old != 1)} replaced (the "
                     "statements added above include the new ones)")
    if corrected := result.get("documents_corrected"):
        lines.append(f"{corrected} stored document{'s' * (corrected != 1)} read again from the same file and line with "
                     "other metadata (a corrected --field or --default: date, outlet, title, address, speaker or id): "
                     f"{'they replace' if corrected != 1 else 'it replaces'} what was stored, statements and scores "
                     "with it")
    if stale := result.get("documents_stale"):
        lines.append(f"{stale} stored document{' was' if stale == 1 else 's were'} read by an older extractor (the "
                     "rules changed since): run again with --reread and the same --inbox/--field options to extract "
                     f"{'them' if stale != 1 else 'it'} again")
    return lines


def pairs_lines(result: dict, pairs_file: Path | None) -> list[str]:
    """The pairs the database had that this run's pairs file leaves out: the views, the index and the report stop
    showing them (their statements stay stored) — said, since a run without the --pairs an earlier run was given
    drops them silently otherwise."""
    dropped = result.get("pairs_dropped") or []
    if not dropped:
        return []
    used = str(pairs_file) if pairs_file else "the packaged pairs.tsv"
    return [f"pair{'s' * (len(dropped) != 1)} no longer configured: {', '.join(dropped)} (this run used {used}; "
            "the statements stay stored: run again with the --pairs file that lists "
            f"{'them' if len(dropped) != 1 else 'it'} to show {'them' if len(dropped) != 1 else 'it'} again)"]
