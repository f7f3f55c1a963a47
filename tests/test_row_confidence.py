"""evaluation.row_confidence: a logistic regression over what a pair row stores, measured by document folds.

A tiny real database (our own sentences, `run.run_local`), a verdict file over its pair rows, the tool's main; and the
gold check half refused."""
from __future__ import annotations

import json
from pathlib import Path

import duckdb
import numpy as np
import pytest

from evaluation import row_confidence as rc
from tension import run

from conftest import PAIR_SENTENCES

FIELDS = {"id": "id", "text": "text", "published": "published"}
SENTENCES = [
    *PAIR_SENTENCES,
    "South Korea's defence ministry said North Korea fired two ballistic missiles into the sea.",
    "North Korea's foreign ministry rejected Seoul's proposal for military talks.",
    "South Korea warned North Korea against any further provocation on the border.",
]


@pytest.fixture(scope="module")
def labelled(module_tmp) -> tuple[Path, Path]:
    folder = module_tmp("row_confidence")
    inbox = folder / "items.jsonl"
    items = [{"id": f"https://example.org/item-{k}", "text": text, "published": "2024-03-05"}
             for k, text in enumerate(SENTENCES)]
    inbox.write_text("".join(json.dumps(item) + "\n" for item in items), encoding="utf-8")
    db = folder / "tiny.duckdb"
    run.run_local([inbox], db, fields=FIELDS)
    con = duckdb.connect(str(db), read_only=True)
    keys = con.execute("select statement_id, direction from pair_statements order by statement_id, direction").fetchall()
    con.close()
    assert len(keys) >= 8, "our sentences give pair rows"
    verdicts = folder / "verdicts.tsv"
    lines = ["source\tdb\tstatement_id\tdirection\tverdict"]
    # every third row "should not exist"; one key that does not join (counted, not used)
    lines += [f"tiny\t{db}\t{sid}\t{d}\t{'should_not_exist' if i % 3 == 0 else 'exists'}" for i, (sid, d) in enumerate(keys)]
    lines.append(f"tiny\t{db}\tno-such-doc:0\tPRK→KOR\texists")
    verdicts.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return db, verdicts


def test_the_rows_of_a_verdict_file_join_to_the_database_and_keep_their_stored_columns(labelled) -> None:
    db, verdicts = labelled
    rows, seen = rc.label_rows(verdicts)
    assert seen[("tiny", True)] == len(rows) and seen[("tiny", False)] == 1
    first = rows[0]
    assert first["direction"] in ("PRK→KOR", "KOR→PRK") and first["attribution"]
    assert first["group"].startswith("tiny:") and first["y"] == 1
    assert any(r["cue_kinds"] for r in rows), "the score's explanation gives the cue kinds"
    assert any(f.startswith("attribution=") for f in rc.categorical(first))


def test_the_tool_runs_on_a_tiny_database_and_prints_held_out_figures(labelled, capsys) -> None:
    _, verdicts = labelled
    out = verdicts.parent / "scores.tsv"
    assert rc.main(["--labels", str(verdicts), "--baselines", "3", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    n = len(rc.label_rows(verdicts)[0])
    assert f"tiny {n} of {n + 1} keys joined" in printed
    assert "pooled" in printed and "single-feature baselines" in printed
    written = out.read_text(encoding="utf-8").splitlines()
    assert written[0].startswith("source\tgroup") and len(written) > 8


def test_auc_and_the_fit_behave_as_their_definitions_say() -> None:
    y = np.array([0, 0, 1, 1])
    assert rc.auc(np.array([0.1, 0.2, 0.8, 0.9]), y) == 1.0
    assert rc.auc(np.array([0.9, 0.8, 0.2, 0.1]), y) == 0.0
    assert rc.auc(np.array([0.5, 0.5, 0.5, 0.5]), y) == 0.5
    x = np.column_stack([np.ones(40), np.r_[np.zeros(20), np.ones(20)]])
    w = rc.fit(x, np.r_[np.zeros(18), np.ones(2), np.ones(18), np.zeros(2)], l2=0.0)
    assert w[1] > 2.0  # the feature that separates the classes gets a large positive weight


def test_the_check_half_is_refused(capsys) -> None:
    with pytest.raises(SystemExit):
        rc.main(["--gold", "--gold-split", "check"])
    assert "check half" in capsys.readouterr().err
    with pytest.raises(ValueError, match="check half"):
        rc.gold_rows("check")
