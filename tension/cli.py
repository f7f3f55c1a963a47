"""The `tension` command: one command group whose commands are thin wrappers that parse arguments, call the library
and print. The commands live by what they touch: tension/cli_pipeline.py writes the database (run, serve, rescore,
publish), tension/cli_adhoc.py needs none (statements, score), tension/cli_published.py reads the published one
(sql, runs, views, report). This module only names them, in the order `tension --help` lists them.
"""

from __future__ import annotations

import typer
from typer.core import TyperArgument, TyperCommand

from tension.cli_adhoc import score, statements
from tension.cli_pipeline import publish_command, rescore_command, run, serve
from tension.cli_published import report_command, runs_command, sql, views_command

class _ArgumentAsTyped(TyperArgument):
    """A positional argument shown in --help by what to type ("FILE...", "[TEXT]"), as click shows one and the
    README writes it, not by its Python type ("files... <list[Path]>", "{query}")."""

    def display_type_rich(self, ctx: object) -> None:
        """No '<list[Path]>' after the name: the metavar says what to type."""
        return None

    def _rich_display_name(self) -> str:
        return self.display_name_raw + ("..." if self.nargs != 1 else "")

    def _usage_display_name(self) -> str:
        name = self._rich_display_name()
        return name if self.required else f"[{name}]"


class _Command(TyperCommand):
    """A command whose positional arguments read as what to type (_ArgumentAsTyped)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        for param in self.params:
            if type(param) is TyperArgument:
                param.__class__ = _ArgumentAsTyped  # same fields, another way of showing them


app = typer.Typer(
    help="Weekly country-pair tension index from what officials say and do.\n\n"
    "Example: tension run --inbox seeds && tension sql \"select * from weekly_index\"",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)

def _version(value: bool) -> None:
    if value:
        from tension.version_info import version_lines

        typer.echo("\n".join(version_lines()))
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the package version, the checkout's commit (an editable install), the extractor and scorer versions, and exit."),
) -> None:
    """Weekly country-pair tension index from what officials say and do."""


app.command("run", cls=_Command, short_help="Run the whole pipeline on an inbox, publish the database, write the report.")(run)
app.command("serve", cls=_Command, short_help="Run the weekly flow on a schedule until Ctrl-C.")(serve)
app.command("rescore", cls=_Command, short_help="Score stored statements again under the current scorer.")(rescore_command)
app.command("publish", cls=_Command, short_help="Finish a publication a killed or failed run left undone.")(publish_command)
app.command("statements", cls=_Command, short_help="Print the statements of files as JSON lines (no database).")(statements)
app.command("score", cls=_Command, short_help="Score texts: one JSON object per text (no database).")(score)
app.command("sql", cls=_Command, short_help="Run read-only SQL against the published database.")(sql)
app.command("runs", cls=_Command, short_help="List the runs: when, with what status, what each read and stored.")(runs_command)
app.command("views", cls=_Command, short_help="List the analysts' views, or describe one.")(views_command)
app.command("report", cls=_Command, short_help="Write the PDF report for a week or a period.")(report_command)


if __name__ == "__main__":
    app()
