"""`tension score`: blank lines of a --file are no texts, and its objects name what `tension statements` names."""

from __future__ import annotations

import inspect
import subprocess
import sys
import json

from typer.testing import CliRunner

from tension.cli import app
from tension.cli_adhoc import ECHO_LINES

runner = CliRunner()


def test_blank_lines_of_a_file_are_skipped_and_the_count_is_said(tmp_path):
    # A new user's file with an empty line between paragraphs printed a 0.0 score for each blank line.
    path = tmp_path / "texts.txt"
    path.write_text("Pyongyang threatened war.\n\n   \nSeoul and Moscow signed a treaty.\n\n")
    result = runner.invoke(app, ["score", "--file", str(path)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["line"], r["content"]) for r in records] == [(1, "Pyongyang threatened war."),
                                                          (4, "Seoul and Moscow signed a treaty.")]
    assert "scored 2 lines; 3 blank lines skipped" in result.stderr


def test_a_file_of_blank_lines_is_a_usage_error(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text("\n  \n\t\n")
    result = runner.invoke(app, ["score", "--file", str(path)])
    assert result.exit_code == 2 and "has no text to score" in " ".join(result.output.split())


def test_score_names_the_fields_as_statements_does(tmp_path):
    story = tmp_path / "story.jsonl"
    story.write_text(json.dumps({"id": "s1", "text": "North Korea threatened war against South Korea.",
                                 "published": "2024-02-01"}) + "\n")
    [statement] = [json.loads(line) for line in runner.invoke(app, ["statements", str(story)]).stdout.splitlines()]
    scored = json.loads(runner.invoke(app, ["score", "--targets", "KOR", "--speaker-country", "PRK",
                                            "--modality", statement["modality"], statement["content"]]).stdout)
    shared = ["content", "targets", "speaker_country", "modality", "hostility", "explanation", "scorer_version"]
    assert {k: scored[k] for k in shared} == {k: statement[k] for k in shared}
    # and nothing twice: the earlier top-level copies of the text and of the explanation's parts are gone
    assert set(scored) == set(shared)


def test_country_codes_are_the_actor_dictionarys(tmp_path):
    # --targets is checked against the codes of the dictionary the pipeline loads, not a second reading of its files
    from tension.cli_checks import country_codes
    from tension.extract.actors import load_actors

    actors = tmp_path / "actors.tsv"
    actors.write_text("alias\tactor\tcountry\tkind\trole\tgender\tvalid_from\tvalid_to\tambiguous\tsource\n"
                      "Pristina\tKosovo\tXKX\tcapital\tcapital\t\t\t\t\ttest row\n")
    dictionary = load_actors(actors, countries=None)
    assert dictionary.countries() == {"XKX"}  # the dictionary says which countries it knows: no reaching into it
    assert country_codes(dictionary) == {"XKX"}
    assert {"KOR", "PRK", "RUS", "FRA"} <= country_codes()
    assert "by_alias" not in inspect.getsource(country_codes)


def test_score_does_not_load_the_extractor(tmp_path):
    # `tension score --file` needs the scorer alone: importing the extractor, the batch analysis and the row shapes
    # (tension.analyse and what it imports: numpy, pyarrow) cost 0.3 s of CPU before the first text was scored, a
    # sixth of the whole process on 20,000 KCNA sentences, and building the actor dictionary to check --targets when
    # none was given 0.25 s more (docs/evaluation-scoring.md, round h14an).
    path = tmp_path / "texts.txt"
    path.write_text("Pyongyang threatened war.\nSeoul and Moscow signed a treaty.\n")
    script = (
        "import json, sys\n"
        "from typer.testing import CliRunner\n"
        "from tension.cli import app\n"
        f"result = CliRunner().invoke(app, ['score', '--file', {str(path)!r}])\n"
        "assert result.exit_code == 0, result.output\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('numpy', 'pyarrow', 'pandas', "
        "'duckdb', 'prefect') or m.startswith(('tension.analyse', 'tension.records', 'tension.extract.statements', "
        "'tension.ingest', 'tension.extract.actors')))))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == []


def test_a_long_file_prints_every_line_once_in_order(tmp_path):
    # the objects are printed a few hundred at a time (cli_adhoc.ECHO_LINES): none lost or doubled at a batch's edge
    texts = [f"Pyongyang fired {n} shells at the border." if n % 3 else "" for n in range(1, 3 * ECHO_LINES + 8)]
    path = tmp_path / "texts.txt"
    path.write_text("\n".join(texts) + "\n")
    result = runner.invoke(app, ["score", "--file", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stdout.endswith("}\n")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["line"], r["content"]) for r in records] == [(n, t) for n, t in enumerate(texts, 1) if t]
    single = json.loads(runner.invoke(app, ["score", records[-1]["content"]]).stdout)
    assert {**single, "line": records[-1]["line"]} == records[-1]
