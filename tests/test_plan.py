"""Batch planning (run.plan): every line of a large file in exactly one batch, batches in a multiple of the workers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tension import run
from tension.ingest import planning


def jsonl(path: Path, lines: int) -> Path:
    path.write_text("".join(json.dumps({"id": n, "text": f"Line {n}."}) + "\n" for n in range(lines)))
    return path


def covered(batches: list[dict]) -> list[int]:
    return [line for b in batches for p in b["parts"] for line in range(p["first"], p["stop"])]


@pytest.mark.parametrize(("lines", "batch_size", "workers", "expected"), [
    (1000, 1000, 2, [500, 500]),  # one batch would leave the second worker idle
    (10_000, 2000, 2, [1667] * 5 + [1665]),  # 5 batches would end with one worker alone
    (4000, 2000, 2, [2000, 2000]),
    (3, 1000, 2, [2, 1]),
    (1, 1000, 2, [1]),
    (2001, 2000, 1, [1001, 1000]),
])
def test_large_file_is_cut_evenly_in_a_multiple_of_the_workers(tmp_path, lines, batch_size, workers, expected):
    batches = run.plan([jsonl(tmp_path / "feed.jsonl", lines)], batch_size, {}, workers=workers)
    sizes = [min(p["stop"], lines + 1) - p["first"] for b in batches for p in b["parts"]]
    assert sizes == expected
    assert covered(batches)[: lines] == list(range(1, lines + 1))


def test_a_file_stored_unchanged_is_not_planned_again(tmp_path):
    path = jsonl(tmp_path / "feed.jsonl", 10)
    name, size, mtime = planning.file_signature(path)
    assert run.plan([path], 4, {name: (size, mtime)}, workers=2) == []
    assert len(run.plan([path], 4, {}, workers=2)) == 4  # 3 batches of 4 -> 4 of 3, 3, 3, 1
    # the count the run's log gives: the inbox files left out as unchanged, not every file ever stored
    assert run.plan_counted([path], 4, {name: (size, mtime), "/elsewhere/old.txt": (1, 1)}, workers=2) == ([], 1)
    assert run.plan_counted([path], 4, {name: (size, mtime, "other options")}, workers=2)[1] == 0
