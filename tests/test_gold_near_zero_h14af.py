"""Round 32 (issue 14): the statements the scorer leaves near zero, counted by corpus and class on a tune part —
counts for any tune part, the statements themselves only for T1 (or T2 with --errors-of t2), never the check half."""
import re

import pytest

from conftest import gold_or_skip


@pytest.mark.parametrize("argv", [["--split", "check", "--near-zero", "0.05"],
                                  ["--split", "both", "--near-zero", "0.05"]])
def test_the_check_half_is_never_counted_near_zero(argv, capsys):
    from evaluation.gold.hostility import main

    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 2
    assert "never the check half" in capsys.readouterr().err


def _counted(out: str) -> tuple[int, int, list[str]]:
    total = re.search(r"near zero \(\|hostility\| < [0-9.]+\): (\d+) of (\d+) statements", out)
    assert total, out[-600:]
    listed = [line for line in out.splitlines() if line.startswith("[")]
    return int(total.group(1)), int(total.group(2)), listed


def test_t2_is_counted_by_corpus_and_class_and_none_of_its_statements_is_shown(capsys):
    gold_or_skip()
    from evaluation.gold.hostility import main

    assert main(["--split", "t2", "--near-zero", "0.05"]) == 0
    out = capsys.readouterr().out
    near, scored, listed = _counted(out)
    assert 0 < near < scored and not listed
    table = out.split("near zero (", 1)[1]
    assert f"| all | {near} |" in table  # the per-class cells add up to the count line


def test_t1_lists_exactly_its_statements_below_the_limit(capsys):
    gold_or_skip()
    from evaluation.gold.hostility import main

    assert main(["--split", "t1", "--near-zero", "0.05"]) == 0
    near, _, listed = _counted(capsys.readouterr().out)
    assert len(listed) == near > 0
    assert all(abs(float(line.split("] ", 1)[1].split(" ", 1)[0])) < 0.05 for line in listed)
