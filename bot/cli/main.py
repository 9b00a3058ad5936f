"""The ``oogo`` command: assembles the command groups and turns errors into Dutch messages.

Each group lives in its own module with a ``register(app)`` function, so a newcomer finds the
command next to the code it drives. Nothing is built at import time: ``run()`` creates the app.
"""

from __future__ import annotations

import typer

from bot.cli import (
    ask_cmd,
    data_fetch_cmd,
    indicators_cmd,
    knowledge_cmd,
    regioscan_cmd,
    report_cmd,
    serve_cmd,
    understanding_cmd,
)
from bot.cli.common import text

GROUPS = (indicators_cmd, data_fetch_cmd, knowledge_cmd, ask_cmd, regioscan_cmd, report_cmd,
          serve_cmd, understanding_cmd)


def create_cli() -> typer.Typer:
    """Build the typer app with every command group registered."""
    app = typer.Typer(
        name="oogo",
        help=text("help_app"),
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )
    for group in GROUPS:
        group.register(app)
    return app


def run() -> None:
    """Console-script entry point: click's usage errors and aborts in Dutch (``bot.cli.usage``),
    every other outcome as click would end it (exit codes of ``bot.cli.common``)."""
    from typer._click.exceptions import UsageError

    from bot.cli.help_chrome import install

    install()
    try:
        outcome = create_cli()(standalone_mode=False)
    except UsageError as error:
        from bot.cli.usage import usage_message

        typer.echo(usage_message(error), err=True)
        raise SystemExit(error.exit_code) from None
    except typer.Abort:
        typer.echo(text("usage_aborted"), err=True)
        raise SystemExit(1) from None
    raise SystemExit(outcome if isinstance(outcome, int) else 0)
