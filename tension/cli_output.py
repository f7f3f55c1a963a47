"""What `tension run` prints about the documents it rejected, and the exit code of a run that stored none of them.

Apart from the command modules (which only call it) so that the wording is a pure function of the run's rejections and
the database it used, and the CLI module stays a thin layer over library calls.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from tension.config import DEFAULT_DB

SHOWN_REASONS = 10  # reasons listed after a run (identical reasons grouped); the rest are counted
# `tension run` exits with this code when every document it read was rejected: a scheduled batch must notice.
# A run that read nothing new (every file unchanged) stored nothing either, but rejected nothing: it exits 0.
ALL_REJECTED_EXIT = 5


# A quoted piece of a record in a reason ('SEOUL, Dec. 28 (Yonhap)'): reasons that differ only there are one cause
# (the tester's Yonhap run without a date mapping printed nine near-identical groups, one per dateline)
# (only quotes holding a space: a quoted field name — "no 'published' field" against "no 'text' field" — is the cause)
_QUOTED = re.compile(r"(?<!\w)'[^'\n]{0,200}\s[^'\n]{0,200}'(?!\w)")


def rejection_lines(rejections: list, db: Path | str) -> list[str]:
    """The rejections grouped by identical reason, in the order first met: one line each — the file (and line)
    when the reason is its own, '10 records: no date (...) — first a.jsonl:1, last a.jsonl:10' when it is shared —
    then where to see them all (with the run's --db when it is not the default)."""
    from tension.ingest.documents import Rejection, printable

    groups: dict[str, list[str]] = {}
    shown: dict[str, set[str]] = {}  # a group's reasons as said: one cause quoting each record's own text is one group
    for path, item, reason in rejections:
        said = printable(reason)
        key = _QUOTED.sub("'…'", said)
        groups.setdefault(key, []).append(Rejection(path, item, reason).where())
        shown.setdefault(key, set()).add(said)
    lines = []
    for key, where in list(groups.items())[:SHOWN_REASONS]:
        reason = min(shown[key])
        if len(where) == 1:
            lines.append(f"  rejected {where[0]}: {reason}")
        else:
            varies = f" (the quoted text differs between {len(shown[key])} of them)" if len(shown[key]) > 1 else ""
            lines.append(f"  rejected {len(where)} records: {reason}{varies} — first {where[0]}, last {where[-1]}")
    rest = list(groups.values())[SHOWN_REASONS:]
    if rest:
        lines.append(f"  rejected {sum(map(len, rest))} more for {len(rest)} other reason{'s' * (len(rest) != 1)}")
    if rejections:
        lines.append(f"  (all rejections with their files, lines and whole reasons: {_rejections_query(db)})")
    return lines


def _rejections_query(db: Path | str) -> str:
    """The command that lists every rejection of the database (with its --db when it is not the default)."""
    option = "" if Path(db) == Path(DEFAULT_DB) else f" --db {shlex.quote(str(db))}"
    return f"tension sql{option} --format csv \"select * from rejected_documents\""


def skipped_lines(result: dict, db: Path | str) -> list[str]:
    """What the run read and did not store or reject: documents stored already (a record repeated in the input, or
    a copy an earlier run stored), and files unchanged since an earlier run read them — with where the rejections
    of earlier runs are listed, which a run that reads nothing new would otherwise never mention."""
    lines = []
    already = (result["documents_seen"] - result["documents_new"] - result["documents_rejected"]
               - result.get("documents_reextracted", 0) - result.get("documents_corrected", 0))
    if already > 0:
        lines.append(f"{already} document{'s' * (already != 1)} read {'were' if already != 1 else 'was'} stored "
                     "already (the same document twice in the input, or stored by an earlier run): kept once")
    unchanged = result.get("files_unchanged", 0)
    if unchanged:
        line = (f"{unchanged} file{'s' * (unchanged != 1)} unchanged since an earlier run read "
                f"{'them' if unchanged != 1 else 'it'}: not read again")
        earlier = result.get("rejections_stored", 0) - len(result["rejections"])
        if earlier > 0:
            line += (f"; {earlier} document{'s' * (earlier != 1)} rejected by earlier runs (of files still in "
                     f"place; those of deleted files are kept but not counted), listed by: {_rejections_query(db)}")
        lines.append(line)
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
