"""What every ``oogo`` command shares: the services of this installation and how to fail.

Exit codes (one convention for every command, like click's own usage errors):

* ``0`` (``OK``): done;
* ``1`` (``UNAVAILABLE``): the command could not do its work although the input was fine: the
  database, the knowledge index or an embedding model cannot be used, a file was rejected by the
  import checks, a file cannot be written for a reason outside the user's choice;
* ``2`` (``BAD_INPUT``): what the user gave cannot be used: an unknown region, option value or
  format, a missing or unreadable file, a setting that must be set first. click and typer use 2
  for a wrong option too, so a script can tell "fix your command" (2) from "try again later or
  ask the administrator" (1).

The message is always Dutch, one or a few lines on stderr, never a stack trace. This module
imports only typer at load time (``oogo --help`` must stay fast); the services are built on
first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NoReturn

import typer

if TYPE_CHECKING:
    from bot.services import Services
    from bot.settings import Settings

OK = 0
UNAVAILABLE = 1
BAD_INPUT = 2


def load_services(*, one_shot: bool = False) -> Services:
    """The composition root for this installation's settings (OOGO_* and .env); ``one_shot``
    for a command that answers and exits (see ``bot.services.build_services``)."""
    from bot.services import build_services

    return build_services(load_settings(), one_shot=one_shot)


def load_settings() -> Settings:
    """This installation's settings; a value that does not fit is a Dutch message naming the
    variable (exit code 2), not a traceback."""
    from bot.settings import Settings, SettingsError

    try:
        return Settings()
    except SettingsError as exc:
        fail(f"De instellingen kloppen niet: {str(exc).rstrip('.')}. Pas ze aan in de omgeving "
             "of in .env.")


def fail(message: str, code: int = BAD_INPUT) -> NoReturn:
    """Print a Dutch message on stderr and stop the command with ``code``."""
    typer.echo(message, err=True)
    raise typer.Exit(code)
