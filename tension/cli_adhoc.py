"""The commands that need no database: `tension statements` (files in, statements out) and `tension score`
(texts in, scores out), both printing JSON lines. Registered on the `tension` command group by tension/cli.py.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from tension.cli_checks import (
    check_actors,
    check_files, check_pairs, parse_countries, parse_defaults, parse_fields, unmatched_fields,
)
from tension.config import PAIRS_HELP
from tension.config_actors import ACTORS_HELP

ECHO_LINES = 200  # JSON lines `tension score --file` prints with one echo (each echo flushes)
# json.dumps(obj, ensure_ascii=False) without building an encoder for each line, and without the check for circular
# references (a scored object is made of fresh dicts and lists, never circular): the same text, 12% less CPU in JSON
_JSON_LINE = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode


def statements(
    files: list[Path] = typer.Argument(..., metavar="PATH", help="Input files or folders (read recursively): .txt .md .pdf .html .rss .atom .xml .jsonl .csv .tsv (each document needs a date)."),
    field: list[str] = typer.Option([], "--field", metavar="OURS=THEIRS", help="JSONL/CSV field mapping OURS=THEIRS, e.g. text=story or text=title+description (repeatable)."),
    pairs: Optional[Path] = typer.Option(None, "--pairs", metavar="FILE", help=PAIRS_HELP),
    default: list[str] = typer.Option([], "--default", metavar="FIELD=VALUE", help="Metadata for documents lacking it, e.g. speaker=KCNA (repeatable)."),
    actors: Optional[Path] = typer.Option(None, "--actors", metavar="FILE", help=ACTORS_HELP),
) -> None:
    """Print every statement as one JSON object per line (no database, no Prefect).

    Example: tension statements seeds/000_e318909af9d05ecd.txt | jq .hostility

    Folders are read recursively, e.g. the pair statements of every seed:
    tension statements seeds/ | jq -c 'select(.pairs != []) | [.speaker_country, .targets, .hostility]'

    An extra actor file (officials the dictionary does not know), to see what it changes before a run:
    tension statements desk/story.txt --actors desk/actors.tsv
    """
    from tension.adhoc import document_statements, input_paths
    from tension.analyse import build_context
    from tension.ingest.documents import Rejection, printable

    fields, defaults = parse_fields(field), parse_defaults(default)
    check_files(files)
    check_pairs(pairs)
    check_actors(actors)
    paths = input_paths(files)
    if not paths:
        typer.echo(f"no input files under {', '.join(map(str, files))} (dotfiles and .meta.yaml sidecars are not "
                   "documents)", err=True)
        raise typer.Exit(code=1)
    for warning in unmatched_fields(files, fields):
        typer.echo(warning, err=True)
    rejected = accepted = printed = 0
    for found in document_statements(paths, build_context(pairs, actors), fields, defaults):
        if isinstance(found, Rejection):
            rejected += 1
            typer.echo(f"rejected {found.where()}: {printable(found.reason)}", err=True)
            continue
        accepted += 1
        if found.decoding:  # as a run notes it (runs.note): the text lost a few characters
            typer.echo(f"note {found.where}: undecodable bytes replaced by U+FFFD ({found.decoding}); its text lost "
                       "a few characters", err=True)
        for statement in found.statements:
            printed += 1
            typer.echo(json.dumps(statement, ensure_ascii=False))
    if rejected and not accepted:
        raise typer.Exit(code=1)  # nothing readable at all
    if accepted and not printed:
        # An empty output read as a failure to run: say the documents were read and nothing in them was a statement
        typer.echo(f"read {accepted} document{'s' if accepted != 1 else ''}: no statements found in "
                   f"{'it' if accepted == 1 else 'them'}", err=True)


def score(
    text: Optional[str] = typer.Argument(None, metavar="TEXT", help="Text to score."),
    file: Optional[Path] = typer.Option(None, "--file", "-f", metavar="PATH", help="One text per line (blank lines skipped); '-' reads stdin."),
    modality: str = typer.Option("asserted", "--modality", metavar="MODALITY", help="asserted, threat_or_future, hypothetical, negated, reported."),
    targets: Optional[str] = typer.Option(None, "--targets", metavar="ISO3[,ISO3...]", help="Score toward these countries (ISO3, comma-separated), as the pipeline scores a statement toward its targets: a cue whose object is a named country that is neither a target nor the speaker's counts 0 (each state of a list is an object); a cue that names no country counts toward the targets."),
    speaker_country: Optional[str] = typer.Option(None, "--speaker-country", metavar="ISO3", help="The speaker's country (ISO3), with --targets."),
) -> None:
    """Score text: one JSON object per text, named as `tension statements` names them (content, targets,
    speaker_country, modality, hostility, explanation, scorer_version).

    --file: one text per line; blank lines are skipped, each object's "line" is its line in the file, and stderr
    says how many lines were scored. Without --targets the text is scored as it stands; a stored statement was scored toward its targets.

    Example: tension score "North Korea threatened war over the drills."

    Example: tension score --targets PRK --speaker-country RUS "Russia, at war with Ukraine, signed a pact with Pyongyang."
    """
    from tension.adhoc import scored_lines_text, scored_texts, text_lines
    from tension.score.scorer import MODALITY_FACTORS

    if modality not in MODALITY_FACTORS:
        raise typer.BadParameter(f"choose one of {', '.join(MODALITY_FACTORS)}", param_hint="--modality")
    if (text is None) == (file is None):
        raise typer.BadParameter("give either TEXT or --file PATH")
    codes, speaker_country = parse_countries(targets, speaker_country)
    if text is not None and not text.strip():
        raise typer.BadParameter("the text is empty: give the sentence to score, e.g. tension score "
                                 "'North Korea called him a diplomatic idiot'")
    if text is not None:
        for scored in scored_texts([text], modality, codes, speaker_country):
            typer.echo(json.dumps(scored, ensure_ascii=False))
        return
    try:
        numbered, n_lines = text_lines(file)
    except OSError as error:
        raise typer.BadParameter(f"cannot read {file}: {error.strerror or error}", param_hint="--file") from None
    except UnicodeDecodeError as error:
        raise typer.BadParameter(f"{file} is not UTF-8 text ({error.reason} at byte {error.start}); convert it "
                                 "first, e.g. iconv -f cp949 -t utf-8", param_hint="--file") from None
    if not numbered:
        raise typer.BadParameter(f"{'standard input' if str(file) == '-' else file} has no text to score (every "
                                 "line is blank): one text per line", param_hint="--file")
    # printed ECHO_LINES objects at a time: one echo per line asked the terminal (isatty) and flushed each time, 8% of
    # the process's CPU on 20,000 KCNA lines; the bytes are the same (a JSON line holds no ANSI escape to strip)
    printed: list[str] = []
    for (number, _), scored in zip(numbered, scored_texts((t for _, t in numbered), modality, codes,
                                                          speaker_country)):
        printed.append(_JSON_LINE({"line": number, **scored}))
        if len(printed) == ECHO_LINES:
            typer.echo("\n".join(printed))
            printed.clear()
    if printed:
        typer.echo("\n".join(printed))
    typer.echo(scored_lines_text(len(numbered), n_lines), err=True)
