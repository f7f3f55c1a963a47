"""What of a run's configuration beside its code changed since the previous run on the same database: the pairs
(the packaged pairs.tsv or `--pairs FILE`), the kinds of voices the index counts (tension/data/index_kinds.tsv) and
the extra actor file (`--actors FILE`). Each changes figures of weeks stored long ago — a kind added to the index
moves every week's value — so a run says so in its lines and keeps it in the runs table (`config_change` as JSON, a
note in words that `tension runs` prints). A Japan-desk analyst found both changes silent (session 25, findings 12
and 13).

Pure: tension/run.py reads the previous configuration from the database and records what this module words.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from tension.config import Pair


@dataclass(frozen=True)
class RunConfig:
    """A run's configuration as far as it moves figures: pairs, index kinds (() when not known: a database from
    before they were recorded), the extra actor file's record (config_actors.extra_record; None for none)."""

    pairs: tuple[Pair, ...]
    index_kinds: tuple[str, ...]
    actors: dict | None = None


def config_change(before: RunConfig | None, now: RunConfig) -> dict:
    """What changed from `before` (None: no earlier run, nothing to compare) to `now`, as a JSON-able dict with only
    the keys that changed ({} for nothing): pairs_added, pairs_removed, pairs_redefined ([{pair_id, before, now}]),
    index_kinds_added, index_kinds_removed, actors ({before, now}: the extra actor files' summaries). The first run
    on a database compares with nothing, but an extra actor file it is given is said ({"first": True, "actors": ...}):
    session 26's tester saw no word of it anywhere but the extractor version's suffix."""
    if before is None:
        return {"first": True, "actors": {"before": None, "now": _actors_summary(now.actors)}} if now.actors else {}
    change: dict = {}
    old = {p.pair_id: p for p in before.pairs}
    new = {p.pair_id: p for p in now.pairs}
    if added := sorted(set(new) - set(old)):
        change["pairs_added"] = added
    if removed := sorted(set(old) - set(new)):
        change["pairs_removed"] = removed
    redefined = [{"pair_id": key, "before": _pair_words(old[key]), "now": _pair_words(new[key])}
                 for key in sorted(set(old) & set(new)) if old[key] != new[key]]
    if redefined:
        change["pairs_redefined"] = redefined
    if before.index_kinds:  # unknown before (an older database): nothing to compare
        if kinds := [k for k in now.index_kinds if k not in before.index_kinds]:
            change["index_kinds_added"] = kinds
        if kinds := [k for k in before.index_kinds if k not in now.index_kinds]:
            change["index_kinds_removed"] = kinds
    if _actors_key(before.actors) != _actors_key(now.actors):
        change["actors"] = {"before": _actors_summary(before.actors), "now": _actors_summary(now.actors)}
    return change


def _pair_words(pair: Pair) -> str:
    return f"{pair.name} ({pair.country_a}, {pair.country_b})"


def _actors_key(record: dict | None) -> str:
    return record["sha256"] if record else ""


def _actors_summary(record: dict | None) -> dict | None:
    """An extra actor file's record without its rows (the runs row keeps them in actors_extra)."""
    if not record:
        return None
    return {"file": record["file"], "sha256": record["sha256"], "rows": len(record["rows"]),
            "overrides": record.get("overrides", [])}


def _actors_words(summary: dict | None) -> str:
    if not summary:
        return "none"
    over = summary.get("overrides") or []
    wins = f"; its rows win over the packaged rows of {', '.join(over)}" if over else ""
    return (f"{summary['file']} ({summary['rows']} row{'s' * (summary['rows'] != 1)}, sha256 {summary['sha256'][:12]}"
            f"{wins})")


def change_json(change: dict) -> str | None:
    """The runs table's config_change: the change as JSON, None when nothing changed."""
    return json.dumps(change, ensure_ascii=False, sort_keys=True) if change else None


def change_note(change: dict) -> str:
    """The change in words for the runs table's note ('' for none): what `tension runs` prints."""
    said = []
    if added := change.get("pairs_added"):
        said.append(f"pair{'s' * (len(added) != 1)} added: {', '.join(added)}")
    if removed := change.get("pairs_removed"):
        said.append(f"pair{'s' * (len(removed) != 1)} removed: {', '.join(removed)}")
    for pair in change.get("pairs_redefined", []):
        said.append(f"pair {pair['pair_id']} redefined: {pair['before']} -> {pair['now']}")
    if kinds := change.get("index_kinds_added"):
        said.append(f"index kinds added: {', '.join(kinds)}")
    if kinds := change.get("index_kinds_removed"):
        said.append(f"index kinds removed: {', '.join(kinds)}")
    if actors := change.get("actors"):
        said.append(f"extra actor file: {_actors_words(actors['before'])} -> {_actors_words(actors['now'])}")
    if not said:
        return ""
    return ("configuration of the first run: " if change.get("first") else
            "configuration changed since the previous run: ") + "; ".join(said)


def change_lines(change: dict) -> list[str]:
    """What `tension run` prints of the change (besides the line on pairs no longer configured, run_summary's):
    pairs added or redefined, index kinds added or removed, another extra actor file — each with what it moves."""
    lines = []
    if added := change.get("pairs_added"):
        them = "them" if len(added) != 1 else "it"
        lines.append(f"pair{'s' * (len(added) != 1)} added since the previous run: {', '.join(added)} (the views, the "
                     f"index and the report show {them} from now on, for every stored week)")
    for pair in change.get("pairs_redefined", []):
        lines.append(f"pair {pair['pair_id']} redefined since the previous run: was {pair['before']}, now "
                     f"{pair['now']} (its index is of the new countries for every stored week)")
    added, removed = change.get("index_kinds_added", []), change.get("index_kinds_removed", [])
    if added or removed:
        said = ([f"now counts {', '.join(added)}"] if added else []) + (
            [f"no longer counts {', '.join(removed)}"] if removed else [])
        lines.append(f"the index {' and '.join(said)} (tension/data/index_kinds.tsv changed since the previous run): "
                     "every stored week's figures change with it")
    if (actors := change.get("actors")) and change.get("first"):
        lines.append(f"extra actor file: {_actors_words(actors['now'])}: the documents this run reads use it")
    elif actors:
        lines.append(f"extra actor file changed since the previous run: {_actors_words(actors['before'])} -> "
                     f"{_actors_words(actors['now'])}: documents read from now on use it; stored documents keep "
                     "what their extractor found until read again (--reread)")
    return lines
