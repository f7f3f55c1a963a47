"""What a run says of itself beside its counts: the line before its batches (plan_line) and the notes the runs table
keeps (`tension runs` prints each whole) — weeks that received documents late, new documents a copy replaced, every
document rejected, statements scored again, documents read with undecodable bytes replaced.

Pure wording of counts and lists; tension/run.py records the notes, tension/run_summary.py words what a run prints when
it ends.
"""

from __future__ import annotations

from tension.ingest.document import location
from tension.ingest.planning import batch_files


def story_notes(totals: dict, added: list[tuple[str, int]], late: list[str], rescored: int,
                rewritten: list[str] | None = None) -> list[str]:
    """What `tension runs` says of a run beside its counts when something in it is out of the ordinary, so that the
    runs table tells the weeks' story: weeks that received documents late (and whether their reports were written
    again: `rewritten`, the late weeks whose report the run's folder held; None for a run that wrote no report), new
    documents a copy replaced (documents grew by fewer than 'new'), every document rejected (nothing stored), stored
    statements scored again."""
    notes = []
    if late:
        counts = dict(added)
        notes.append("late: " + ", ".join(f"{week} received {plural(counts[week], 'document')}" for week in late)
                     + f" after later weeks were stored (their figures changed; {late_reports_note(late, rewritten)})")
    if replaced := totals.get("documents_replaced"):
        notes.append(f"{plural(replaced, 'new document')} replaced a stored copy of the same text (the "
                     f"earlier-published copy is kept): documents grew by {totals.get('documents_new', 0) - replaced}")
    if totals.get("rejections") and not totals.get("documents_seen"):
        notes.append(f"every document read was rejected ({len(totals['rejections'])}): nothing stored")
    if rescored:
        notes.append(f"{plural(rescored, 'stored statement')} scored again under this run's scorer")
    return notes


def late_reports_note(late: list[str], rewritten: list[str] | None) -> str:
    """What became of the reports of weeks that received documents late, for the runs table's note."""
    if rewritten is None:  # the run wrote no report (--no-report)
        return "reports written earlier were not"
    said = []
    if rewritten:
        said.append(f"the report{'s' * (len(rewritten) != 1)} written earlier for {', '.join(rewritten)} "
                    f"{'were' if len(rewritten) != 1 else 'was'} written again")
    if none := [week for week in late if week not in rewritten]:
        said.append(f"no report had been written for {', '.join(none)}")
    return "; ".join(said)


def lossy_note(lossy: list) -> str:
    """The run's note on the documents it read with undecodable bytes replaced by U+FFFD ('' for none): how many, and
    the first few with where they were replaced (documents.decoding keeps each one's)."""
    if not lossy:
        return ""
    named = "; ".join(f"{location(path, item)} ({note.removeprefix('read as ')})"
                      for path, item, note in lossy[:3])
    more = f"; {len(lossy) - 3} more" if len(lossy) > 3 else ""
    return (f"{plural(len(lossy), 'document')} read with undecodable bytes replaced by U+FFFD (their text lost a few "
            f"characters; documents.decoding says which): {named}{more}")


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """'1 file', '2 files', '1 batch', '3 batches' for log lines a person reads."""
    return f"{count} {singular if count == 1 else (plural_form or singular + 's')}"


def plan_line(batches: list[dict], unchanged: int, workers: int) -> str:
    """What a run is about to read, for the log before its silent stretch (the first batch takes a while to
    analyse): '4 batches to analyse from 1 new or changed file, 2 at a time; 3 files unchanged since last read'."""
    left_out = f"{plural(unchanged, 'file')} unchanged since last read" if unchanged else ""
    if not batches:
        return f"nothing new to read: {left_out}" if unchanged else "nothing to read: the inbox has no input files"
    files = plural(len(batch_files(batches)), "new or changed file", "new or changed files")
    return (f"{plural(len(batches), 'batch', 'batches')} to analyse from {files}, {min(workers, len(batches))} at a "
            f"time" + (f"; {left_out}" if left_out else ""))
