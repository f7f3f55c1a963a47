"""evaluation.blind_pool: blind hostility keys found again in a real database (the seed's run) and ranked."""

from __future__ import annotations

import duckdb
import pytest

from evaluation import blind_pool

HEADER = "corpus\tdraw\tstatement_id\texternal_id\tchar_start\tchar_end\tdirection\tclass\n"


@pytest.fixture(scope="module")
def seed_rows(seed_run) -> list[tuple]:
    con = duckdb.connect(seed_run["database"], read_only=True)
    rows = con.execute("""select d.external_id, p.char_start, p.char_end, p.direction, p.hostility
        from pair_statements p join documents d using (doc_id) order by p.hostility""").fetchall()
    con.close()
    assert len(rows) >= 4, "the seed's run holds the pair rows this test ranks"
    return rows


def _write(folder, name, rows, classes, corpus="kcna", extra=""):
    lines = [f"{corpus}\tdraw\t-\t{r[0]}\t{r[1]}\t{r[2]}\t{r[3]}\t{c}\n" for r, c in zip(rows, classes)]
    (folder / name).write_text("# keys of a test\n" + HEADER + "".join(lines) + extra, encoding="utf-8")


def test_keys_found_again_and_ranked(seed_run, seed_rows, tmp_path, capsys):
    n = len(seed_rows)
    # classes that follow the stored scores (rows are ordered by hostility): rho 1 unless scores tie
    rising = [min(3, -1 + 4 * i // n) for i in range(n)]
    _write(tmp_path, "x_rising_hostility.tsv", seed_rows, rising)
    _write(tmp_path, "x_falling_hostility.tsv", seed_rows, list(reversed(rising)),
           extra="kcna\tdraw\t-\tno-such-document\t0\t10\tPRK→KOR\t2\n")
    assert blind_pool.main(["--db", f"kcna={seed_run['database']}", "--keys", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    rising_line = next(line for line in out.splitlines() if "x_rising" in line)
    falling_line = next(line for line in out.splitlines() if "x_falling" in line)
    assert f"keys {n:4d} found {n:4d}" in rising_line
    assert f"keys {n + 1:4d} found {n:4d}" in falling_line  # the key of no document is counted, not found
    rho_rising = float(rising_line.split("ρ ")[1].split()[0])
    rho_falling = float(falling_line.split("ρ ")[1].split()[0])
    assert rho_rising > 0.5 > -0.5 > rho_falling
    assert f"pooled  stored n {2 * n:4d}" in out


def test_unknown_corpus_and_missing_database_are_refused(tmp_path, capsys):
    with pytest.raises(SystemExit):
        blind_pool.main(["--db", "kcna2=/x.duckdb"])
    assert "unknown corpus kcna2" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        blind_pool.main(["--db", f"kcna={tmp_path / 'none.duckdb'}"])
    assert "no database at" in capsys.readouterr().err
