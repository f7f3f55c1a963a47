"""An extra actor file from outside the package (`--actors FILE`): officials the packaged dictionary does not know
(session 25's Japan desk, finding 5: a Chief Cabinet Secretary given to no one by name, and no way to add him without
editing the installed package). Checked row by row with the line and the fault; a run records the file's rows and
names its hash in the extractor version. Real runs, real DuckDB, real VADER; sentences and actor rows written for the
test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tension import run
from tension.cli import app
from tension.config_actors import file_hash
from tension.extract.version import extractor_version
from tension.run_summary import summary_lines
from tension.warehouse import store

HEADER = "alias\tactor\tcountry\tkind\trole\tgender\tvalid_from\tvalid_to\tambiguous\tsource\n"
ROWS = ("Minoru Kihara\tMinoru Kihara\tJPN\tperson\tchief cabinet secretary\tm\t2025-10-21\t\t\ttest\n"
        "Kihara\tMinoru Kihara\tJPN\tperson\tchief cabinet secretary\tm\t2025-10-21\t\t\ttest\n")
TEXT = ("Chief Cabinet Secretary Minoru Kihara said Japan would respond firmly to North Korea's missile launch, calling "
        "it a grave threat to the region.")
runner = CliRunner()


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def story(tmp_path: Path) -> Path:
    return write(tmp_path / "inbox" / "story.md", f"---\npublished: 2025-11-12\nsource: Test Wire\n---\n{TEXT}\n")


def speakers(output: str) -> list[tuple]:
    rows = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    return [(r["speaker_actor"], r["speaker_country"], r["speaker_kind"], r["speaker_role"]) for r in rows]


def test_statements_with_an_extra_actor_file_name_the_official_and_only_with_it(tmp_path: Path) -> None:
    text, actors = story(tmp_path), write(tmp_path / "desk" / "actors.tsv", HEADER + ROWS)
    plain = runner.invoke(app, ["statements", str(text)])
    assert plain.exit_code == 0, plain.output
    assert speakers(plain.output) == [("Japan", "JPN", "government", "state")]
    extra = runner.invoke(app, ["statements", str(text), "--actors", str(actors)])
    assert extra.exit_code == 0, extra.output
    assert speakers(extra.output) == [("Minoru Kihara", "JPN", "government", "chief cabinet secretary")]


def test_an_extra_row_wins_over_the_packaged_row_of_the_same_alias_on_its_days(tmp_path: Path) -> None:
    """Finding 5's other half: a minister the packaged file knows in an earlier office ("former foreign minister",
    open-ended) named in a later one; a row of the extra file gives the later office for its dates."""
    text = write(tmp_path / "inbox" / "later.md", "---\npublished: 2024-06-03\nsource: Test Wire\n---\nChief Cabinet "
                 "Secretary Yoshimasa Hayashi said Japan would protest North Korea's missile launch.\n")
    actors = write(tmp_path / "actors.tsv", HEADER + "Yoshimasa Hayashi\tYoshimasa Hayashi\tJPN\tperson\tchief "
                   "cabinet secretary\tm\t2023-12-14\t2025-10-21\t\ttest\n")
    plain = runner.invoke(app, ["statements", str(text)])
    assert speakers(plain.output)[0][3] == "former foreign minister"
    extra = runner.invoke(app, ["statements", str(text), "--actors", str(actors)])
    assert speakers(extra.output)[0] == ("Yoshimasa Hayashi", "JPN", "government", "chief cabinet secretary")
    from tension.config_actors import extra_record
    assert extra_record(actors)["overrides"] == ["Yoshimasa Hayashi"]


@pytest.mark.parametrize("body, says", [
    ("Minoru Kihara\tMinoru Kihara\tjpn\tperson\tx\tm\t\t\t\ttest\n",
     "line 2: country 'jpn' is no ISO 3166 alpha-3 code (write it in capitals)"),
    ("Minoru Kihara\tMinoru Kihara\tJPN\tminister\tx\tm\t\t\t\ttest\n",
     "line 2: kind 'minister' is none of capital, demonym, media, military, organisation, person, state, title"),
    ("Minoru Kihara\tMinoru Kihara\tJPN\tperson\tx\tm\t21.10.2025\t\t\ttest\n",
     "line 2: valid_from '21.10.2025' is no date: write YYYY-MM-DD (or leave it empty)"),
    ("Minoru Kihara\tMinoru Kihara\tJPN\tperson\tx\tm\t2025-10-21\t2025-01-01\t\ttest\n",
     "line 2: valid_from 2025-10-21 is after valid_to 2025-01-01"),
    ("Minoru Kihara\tMinoru Kihara\tJPN\tperson\tx\tm\t\t\t\t\n", "line 2: the source is empty"),
    ("Minoru Kihara\tMinoru Kihara\tJPN\tperson\tx\n", "line 2: 5 cells where the header has 10"),
    ("# a comment line\n" + ROWS + "Kihara\tSomeone Else\tJPN\tperson\tx\tm\t\t\t\ttest\n",
     "line 5: the alias 'Kihara' is on line 4 already for an overlapping time"),
    ("", "has a header and no row"),
])
def test_a_faulty_row_is_refused_before_any_work_naming_its_line(tmp_path: Path, body: str, says: str) -> None:
    actors = write(tmp_path / "actors.tsv", HEADER + body)
    for command in (["statements", str(story(tmp_path))], ["run", "--inbox", str(tmp_path / "inbox"), "--db",
                                                           str(tmp_path / "t.duckdb")]):
        result = runner.invoke(app, [*command, "--actors", str(actors)])
        assert result.exit_code == 2, result.output
        assert says in " ".join(result.output.replace("│", " ").split())
    assert not (tmp_path / "t.duckdb").exists()


def test_a_header_without_tabs_or_with_an_unknown_column_is_told(tmp_path: Path) -> None:
    spaces = write(tmp_path / "spaces.tsv", HEADER.replace("\t", " ") + ROWS)
    result = runner.invoke(app, ["statements", str(story(tmp_path)), "--actors", str(spaces)])
    assert result.exit_code == 2 and "line 1: the header has no tab" in " ".join(result.output.split())
    typo = write(tmp_path / "typo.tsv", HEADER.replace("valid_to", "valid_until") + ROWS)
    result = runner.invoke(app, ["statements", str(story(tmp_path)), "--actors", str(typo)])
    assert result.exit_code == 2 and "line 1: unknown column 'valid_until'" in " ".join(result.output.split())


def test_a_run_records_the_extra_file_and_names_its_hash_in_the_extractor_version(tmp_path: Path) -> None:
    text, actors = story(tmp_path), write(tmp_path / "desk" / "actors.tsv", HEADER + ROWS)
    db = tmp_path / "t.duckdb"
    plain = run.run_local([text.parent], db)
    assert plain["config_change"] == {}
    extra = run.run_local([text.parent], db, actors_file=str(actors), reread=True)
    version = f"{extractor_version()}+actors-{file_hash(actors)[:12]}"
    with store.connect(db, read_only=True) as con:
        assert con.execute("select distinct extractor_version from documents").fetchall() == [(version,)]
        assert con.execute("select speaker_actor from statements").fetchall() == [("Minoru Kihara",)]
        recorded, noted, change = con.execute(
            "select extractor_version, actors_extra, config_change from runs order by started_at desc").fetchone()
    assert recorded == version
    assert json.loads(noted) == {"file": str(actors.resolve()), "sha256": file_hash(actors), "rows": [
        ["Minoru Kihara", "Minoru Kihara", "JPN", "person", "chief cabinet secretary", "2025-10-21", ""],
        ["Kihara", "Minoru Kihara", "JPN", "person", "chief cabinet secretary", "2025-10-21", ""]], "overrides": []}
    assert json.loads(change) == {"actors": {"before": None, "now": {
        "file": str(actors.resolve()), "sha256": file_hash(actors), "rows": 2, "overrides": []}}}
    assert any(line.startswith(f"extra actor file changed since the previous run: none -> {actors.resolve()} (2 rows, "
                               f"sha256 {file_hash(actors)[:12]})") for line in summary_lines(extra, db, None))
    # the same file again: no change; without it: the change back, and its documents are another extractor's
    same = run.run_local([text.parent], db, actors_file=str(actors))
    assert same["config_change"] == {} and same["documents_stale"] == 0
    without = run.run_local([text.parent], db)
    assert list(without["config_change"]) == ["actors"] and without["config_change"]["actors"]["now"] is None
    assert without["documents_stale"] == 1 and without["documents_other_actors"] == 1
    said = " ".join(summary_lines(without, db, None))
    assert ("1 stored document was read by this release's extractor with an extra actor file (--actors) other than "
            "this run's, or with one where this run has none: run again with --reread") in said
    # session 26's tester followed the advice and lost the file's attributions: the line says how to keep them
    assert "give the same --actors FILE to every run instead" in said


def test_the_first_run_on_a_new_database_says_its_extra_actor_file(tmp_path: Path) -> None:
    """Session 26's tester: the first `run --actors FILE` on a new database printed no line on the file and left no
    note in `tension runs` — only the extractor version's suffix showed it."""
    text, actors = story(tmp_path), write(tmp_path / "desk" / "actors.tsv", HEADER + ROWS)
    db = tmp_path / "t.duckdb"
    first = run.run_local([text.parent], db, actors_file=str(actors))
    assert first["config_change"]["first"] is True
    assert any(line.startswith(f"extra actor file: {actors.resolve()} (2 rows, sha256 {file_hash(actors)[:12]})")
               and line.endswith("the documents this run reads use it") for line in summary_lines(first, db, None))
    with store.connect(db, read_only=True) as con:
        [(note,)] = con.execute("select note from runs").fetchall()
    assert "configuration of the first run: extra actor file: none -> " in note
    plain = run.run_local([text.parent], tmp_path / "other" / "other.duckdb")
    assert plain["config_change"] == {}  # no file, nothing to say
