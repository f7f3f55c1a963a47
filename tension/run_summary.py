"""What a run says when it ends — `tension run` prints it, the served flow logs it — and the exit code of a run that
stored none of the documents it read.

Apart from the command modules (which only call it) so that the wording is a pure function of the run's rejections and
the database it used, and the CLI module stays a thin layer over library calls.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from tension.config import DEFAULT_DB
from tension.run_config import change_lines

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
        # (documents read by this release with another extra actor file, or without one: --actors)
        other = result.get("documents_other_actors", 0)
        why = ("an older extractor (the rules changed since)" if not other else
               "this release's extractor with an extra actor file (--actors) other than this run's, or with one "
               "where this run has none" if other == stale else
               f"an older extractor or another extra actor file ({other} of them: --actors)")
        keep = ("; to keep what the actor file gave them, give the same --actors FILE to every run instead: --reread "
                "without it reads them with the packaged dictionary alone" if other else "")
        lines.append(f"{stale} stored document{' was' if stale == 1 else 's were'} read by {why}: run again with "
                     "--reread and the same --inbox/--field options to extract "
                     f"{'them' if stale != 1 else 'it'} again{keep}")
        if gone := result.get("stale_files_gone"):
            named = ", ".join(gone[:3]) + (f" and {len(gone) - 3} more" if len(gone) > 3 else "")
            lines.append(f"  {'its' if stale == 1 else 'some of their'} files are no longer where they were read "
                         f"({named}): --reread reads only files in the inbox; put them back (or give their folder "
                         "as another --inbox) to extract them again — until then their statements stay as stored")
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


SHOWN_WEEKS = 8  # weeks listed in "documents added by week"; the rest are counted


def weeks_lines(result: dict) -> list[str]:
    """Where the run's new documents went, by ISO week of publication, and — when some went to weeks before the
    last week stored before the run (a file that arrived late) — that those weeks changed, and the weeks after them
    whose baseline they are; and what became of their reports: written again where the run's reports folder held
    one, none where it held none, left as they were by a run that writes no report."""
    added = result.get("weeks_added") or []
    if not added:
        return []
    shown = ", ".join(f"{week} {n}" for week, n in added[:SHOWN_WEEKS])
    more = f", and {len(added) - SHOWN_WEEKS} more weeks" if len(added) > SHOWN_WEEKS else ""
    lines = [f"documents added by week: {shown}{more}"]
    late, week = result.get("late_weeks") or [], result.get("summary_week")
    if late:
        reported = f" (this run's summary and report cover {week})" if week else ""
        lines.append(f"late: {', '.join(late)} received documents after later weeks were stored{reported}: "
                     f"{'its' if len(late) == 1 else 'their'} figures changed, and the baselines of the weeks after; "
                     + late_reports_said(late, result))
    return lines


def late_reports_said(late: list[str], result: dict) -> str:
    """What became of the late weeks' reports: written again (their files), none written before (left without one),
    one that could not be written again (why), or — a run that wrote no report — left as they were."""
    if "reports_rewritten" not in result:  # --no-report: no report of this run, none written again
        return (f"a report written earlier for {'it' if len(late) == 1 else 'them'} is not rewritten (to write it "
                f"now: tension report --week {late[-1]})")
    again, failed = result["reports_rewritten"], result.get("reports_not_rewritten") or []
    said = [f"the report written earlier for {week} was written again: {path}" for week, path in again]
    said += [f"the report written earlier for {week} could not be written again ({why}): it is as it was"
             for week, why in failed]
    touched = {week for week, _ in again} | {week for week, _ in failed}
    if none := [week for week in late if week not in touched]:
        said.append(f"no report had been written for {', '.join(none)} (to write one: tension report --week "
                    f"{none[-1]})")
    return "; ".join(said)


def rescored_lines(result: dict) -> list[str]:
    """Stored statements this run scored again (an upgrade changed the scorer): how many, under which version,
    and that the index of earlier weeks moves with them."""
    n = result.get("rescored", 0)
    if not n:
        return []
    before, now = result.get("scorer_before", ""), result.get("scorer_now", "")
    was = f" (they were scored under {before})" if before and before != now else ""
    return [f"{n} stored statement{'s' * (n != 1)} scored again under this release's scorer {now}{was}: the index of "
            "earlier weeks changes with them; the report of the week reported shows the new figures"]


def summary_lines(result: dict, db: Path | str, pairs_file: Path | None) -> list[str]:
    """Everything `tension run` prints after a run, in order (the served flow logs the same lines): documents,
    where they went, what was skipped or extracted again, rejections, the pairs' lines, the report and database."""
    lines = [f"documents: {result['documents_seen']} read, {result['documents_new']} new, "
             f"{result['documents_rejected']} rejected; statements added: {result['statements_added']}"]
    if replaced := result.get("documents_replaced"):
        lines.append(f"{replaced} stored document{'s' * (replaced != 1)} replaced by an earlier-published copy of the "
                     "same text (the first publication is kept)")
    lines += weeks_lines(result) + skipped_lines(result, db) + extractor_lines(result) + rescored_lines(result)
    lines += pairs_lines(result, pairs_file) + change_lines(result.get("config_change") or {})
    lines += rejection_lines(result["rejections"], db)
    if all_rejected(result):
        lines.append("every document was rejected: check the reasons above (a --field mapping names a field the "
                     "records do not have? a date missing?); once fixed, run again: the files are read again")
    lines += result["summary"]
    if result.get("report"):
        lines.append(f"report: {result['report']}")
    elif result.get("report_skipped"):
        lines.append(f"no report: {result['report_skipped']}")
    lines.append(f"database: {result['database']} (parquet: {result['parquet']})")
    return lines
