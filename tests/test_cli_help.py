"""What `tension --help` and each command's --help tell a new user: whole sentences, the same words for one option."""

from __future__ import annotations

import re

from typer.testing import CliRunner

from tension.cli import app

runner = CliRunner()
COMMANDS = ["run", "serve", "rescore", "publish", "statements", "score", "sql", "runs", "views", "report"]


def _help(*args: str) -> str:
    result = runner.invoke(app, [*args, "--help"])
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split())


def test_the_command_list_says_what_each_command_does_in_whole_words():
    # The list cut every description at 45 characters ("Score text: one JSON object per input (hostility, the...")
    listing = _help()
    for command in COMMANDS:
        described = re.search(rf"\s{command} (.+?)(?= (?:{'|'.join(COMMANDS)}) |$)", listing)
        assert described and not described.group(1).endswith("..."), (command, listing)


def test_an_option_several_commands_share_is_described_alike():
    def option_help(command: str, option: str) -> str:
        text = _help(command)
        return re.search(rf"{option} [A-Z][^ ]* (.+?)(?= -[-a-z]|$)", text).group(1)

    for option in ("--default", "--field", "--pairs", "--inbox"):
        used = [c for c in ("run", "serve", "statements") if re.search(rf"{option} [A-Z]", _help(c))]
        assert len(used) == (3 if option != "--inbox" else 2), (option, used)
        said = {c: option_help(c, option) for c in used}
        if option in ("--default", "--field", "--inbox"):
            assert all("(repeatable)" in text for text in said.values()), said
        if option == "--field":  # serve and statements did not say that fields can be joined, as run did
            assert len(set(said.values())) == 1 and "text=title+description" in said["run"], said
        if option == "--pairs":
            assert all("TSV: pair_id, name, country_a, country_b, source" in t and "packaged pairs.tsv" in t
                       for t in said.values()), said


def test_sql_says_how_to_pass_a_query_that_starts_with_a_comment():
    assert "goes after '--'" in _help("sql")


def test_a_report_week_without_data_names_the_option(tmp_path):
    from test_report import build_test_db

    db = build_test_db(tmp_path / "tension.duckdb")
    result = runner.invoke(app, ["report", "--db", str(db), "--out", str(tmp_path), "--week", "2023-W05"])
    assert result.exit_code == 2 and "Invalid value for --week: no data for 2023-W05" in " ".join(result.output.split())


def test_options_name_what_they_take_as_the_readme_does_not_as_python_types():
    """Session 12: a new user read `--inbox <list[Path]>`, `--batch-size <int range>`, `--db <path>`; the README
    writes `--inbox PATH`, `--db FILE`, `--batch-size N`."""
    for command in COMMANDS:
        options = runner.invoke(app, [command, "--help"]).output.split("Options:")[1]
        assert not re.search(r"--[a-z-]+ <", options), (command, options)
    run_help = _help("run")
    for shown in ("--inbox PATH", "--db FILE", "--reports DIR", "--week YYYY-Www", "--batch-size N",
                  "--field OURS=THEIRS", "--default FIELD=VALUE"):
        assert shown in run_help, shown


def test_arguments_read_as_what_to_type_not_as_python_types():
    """Session 12's leftover: `tension statements [OPTIONS] {files}...` and `files... <list[Path]>`, `view <str>`."""
    expected = {"statements": "PATH...", "score": "[TEXT]", "sql": "QUERY", "views": "[VIEW]"}
    for command, shown in expected.items():
        output = runner.invoke(app, [command, "--help"]).output
        usage = output.splitlines()[0]
        assert usage.endswith(f"[OPTIONS] {shown}"), usage
        arguments = output.split("Arguments:")[1].split("Options:")[0]
        assert not re.search(r"<[a-zA-Z\[\]]+>|\{", arguments), (command, arguments)
        assert arguments.split()[0] == shown.strip("[]"), (command, arguments)


def test_a_view_asked_of_a_missing_database_names_the_database(tmp_path):
    result = runner.invoke(app, ["views", "pair_statements", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "Invalid value for --db" in " ".join(result.output.split()), result.output


def test_a_count_option_says_at_least_one_in_words_and_refuses_zero_naming_the_option():
    """`--workers N ... [default: 2; x>=1]` read as a formula in a new user's --help."""
    for command in COMMANDS:
        assert "x>=" not in _help(command), command
    result = runner.invoke(app, ["run", "--workers", "0"])
    assert result.exit_code == 2 and "Invalid value for '--workers': must be at least 1, got 0" in result.output


def test_pairs_help_says_the_file_replaces_the_packaged_list() -> None:
    """Session 25's tester read "--pairs FILE" as adding pairs to the packaged ones; it replaces them."""
    said = " ".join(_help("statements").split())
    assert "The file is the whole list, not an addition: copy the packaged pairs into it to keep them." in said, said
