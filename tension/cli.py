"""The `tension` command: one command group whose commands are thin wrappers that parse arguments, call the library
and print. The commands live by what they touch: tension/cli_pipeline.py writes the database (run, serve, rescore,
publish), tension/cli_adhoc.py needs none (statements, score), tension/cli_published.py reads the published one
(sql, views, report). This module only names them, in the order `tension --help` lists them.
"""

from __future__ import annotations

import typer

from tension.cli_adhoc import score, statements
from tension.cli_pipeline import publish_command, rescore_command, run, serve
from tension.cli_published import report_command, sql, views_command

app = typer.Typer(
    help="Weekly country-pair tension index from what officials say and do.\n\n"
    "Example: tension run --inbox seeds && tension sql \"select * from weekly_index\"",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)

app.command("run", short_help="Run the whole pipeline on an inbox, publish the database, write the report.")(run)
app.command("serve", short_help="Run the weekly flow on a schedule until Ctrl-C.")(serve)
app.command("rescore", short_help="Score stored statements again under the current scorer.")(rescore_command)
app.command("publish", short_help="Finish a publication a killed or failed run left undone.")(publish_command)
app.command("statements", short_help="Print the statements of files as JSON lines (no database).")(statements)
app.command("score", short_help="Score texts: one JSON object per text (no database).")(score)
app.command("sql", short_help="Run read-only SQL against the published database.")(sql)
app.command("views", short_help="List the analysts' views, or describe one.")(views_command)
app.command("report", short_help="Write the PDF report for a week or a period.")(report_command)


if __name__ == "__main__":
    app()
