"""The scorer version moves with the scorer's code, not only with its tables and constants: a condition changed in
code with no constant of its own (session 10's h14p had to add a sentinel constant for one) is a new version, so
`tension rescore` picks it up."""

from __future__ import annotations

import shutil
from pathlib import Path

import tension.score
from tension.score.version import code_lines, scorer_version

PACKAGE = Path(tension.score.__file__).parent


def test_a_changed_condition_is_a_new_version(tmp_path: Path) -> None:
    copy = tmp_path / "score"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = code_lines.__wrapped__(copy)
    rules = copy / "rules.py"
    rules.write_text(rules.read_text().replace(" and ", " or ", 1))  # one condition, no constant touched
    after = code_lines.__wrapped__(copy)
    assert before != after
    assert [line for line in after if line not in before] == [line for line in after if line.split("\t")[1] == "rules.py"]
    assert scorer_version(["cues"] + list(before), "calibration") != scorer_version(["cues"] + list(after), "calibration")


def test_the_packaged_code_is_in_the_version_and_line_ends_do_not_matter(tmp_path: Path) -> None:
    names = [line.split("\t")[1] for line in code_lines()]
    assert names == sorted(p.name for p in PACKAGE.glob("*.py")) and "scorer.py" in names
    copy = tmp_path / "score"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    for path in copy.glob("*.py"):
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))  # a checkout with Windows line ends
    assert code_lines.__wrapped__(copy) == code_lines()
