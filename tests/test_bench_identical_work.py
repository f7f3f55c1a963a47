"""bench.identical's work folder: emptied at each run, so a folder it did not write must be refused, not emptied."""

from __future__ import annotations

import pytest

from bench import identical


def test_a_work_folder_holding_someone_elses_files_is_refused_and_left_as_it_was(tmp_path, capsys) -> None:
    if not identical.KCNA.exists():
        pytest.skip(f"../shared/data absent ({identical.KCNA}): bench.identical stops before the work folder")
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me", encoding="utf-8")
    assert identical.main(["--work", str(folder)]) == 2
    assert "did not write" in capsys.readouterr().err
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "keep me"
