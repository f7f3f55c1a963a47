"""`tension_index(pair := ...)` on a pair a run dropped from the configuration names the run that dropped it and how
to bring it back (session 25's Japan-desk analyst, finding 13: "no pair 'JPN-KOR'", as for a typo, for a pair queried
the week before). Real runs, real DuckDB, through `tension sql`; texts written for the test."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from tension import run
from tension.cli import app
from tension.warehouse import store

from test_run_config_s26 import FIELDS, inbox, pairs_file


def test_tension_index_on_a_pair_no_longer_configured_names_the_run_that_dropped_it(tmp_path: Path) -> None:
    """Finding 13: after a run without the pairs file, `tension_index(pair := 'JPN-KOR')` said only "no pair
    'JPN-KOR'", as for a typo; the analyst had queried it the week before."""
    folder, db = inbox(tmp_path), tmp_path / "t.duckdb"
    mine = pairs_file(tmp_path, "JPN-KOR\tJapan–ROK\tJPN\tKOR\ttest")
    run.run_local([folder], db, fields=FIELDS, pairs_file=str(mine))
    query = "select count(*) as n from tension_index('week', pair := 'JPN-KOR')"
    shown = CliRunner().invoke(app, ["sql", "--db", str(db), "--format", "csv", query])
    assert shown.exit_code == 0 and shown.output.splitlines()[-1] == "1", shown.output
    run.run_local([folder], db, fields=FIELDS, run_id="local-without-jpn")
    said = CliRunner().invoke(app, ["sql", "--db", str(db), query])
    assert said.exit_code != 0
    text = " ".join(said.output.split())
    assert ("tension_index: no pair 'JPN-KOR' now: Japan–ROK (JPN, KOR) was a configured pair until run "
            "local-without-jpn (started 20") in text
    assert ("ran without it; its statements stay stored, and a run with a --pairs file that lists it shows it again "
            "(tension runs notes which pairs each run added or removed); the pairs are 'PRK-KOR', 'RUS-KOR'") in text
    # a name never configured is told as before
    typo = CliRunner().invoke(app, ["sql", "--db", str(db), query.replace("JPN-KOR", "JPN-KRO")])
    assert "no pair 'JPN-KRO'; the pairs are 'PRK-KOR', 'RUS-KOR'" in " ".join(typo.output.split())
    # configured again: the index is there, and the pair is no former pair any more
    run.run_local([folder], db, fields=FIELDS, pairs_file=str(mine))
    again = CliRunner().invoke(app, ["sql", "--db", str(db), "--format", "csv", query])
    assert again.exit_code == 0 and again.output.splitlines()[-1] == "1", again.output
    with store.connect(db, read_only=True) as con:
        assert con.execute("select count(*) from former_pairs").fetchone() == (0,)
