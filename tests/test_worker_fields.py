"""evaluation/worker.py names its fields as `tension statements` does, where they mean the same thing."""

from __future__ import annotations

import json
import subprocess
import sys

from typer.testing import CliRunner

from conftest import ROOT, SEED_TEXT
from tension.cli import app


def _worker(*args: str, stdin: str = "") -> list[dict]:
    done = subprocess.run([sys.executable, str(ROOT / "evaluation" / "worker.py"), *args], input=stdin, cwd=ROOT,
                          capture_output=True, text=True, check=True)
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_worker_statements_use_the_clis_field_names_and_values():
    cli = [json.loads(line) for line in CliRunner().invoke(app, ["statements", str(SEED_TEXT)]).output.splitlines()
           if line.startswith("{")]
    worker = _worker("statements", str(SEED_TEXT))
    assert len(worker) == len(cli) > 0
    own = {"cues", "pair_ids"}  # cues: [pattern, contribution, kind, effective]; the CLI: explanation.cues, pairs
    assert set(worker[0]) - own <= set(cli[0]), set(worker[0]) - own - set(cli[0])
    for mine, theirs in zip(worker, cli):
        assert {k: mine[k] for k in set(mine) - own - {"published"}} == {k: theirs[k] for k in set(mine) - own - {"published"}}


def test_worker_scores_name_the_scorer_version_as_the_cli_does():
    [line] = _worker("score", stdin=json.dumps({"text": "North Korea fired a missile."}) + "\n")
    assert set(line) == {"hostility", "modality", "cues", "scorer_version"}
