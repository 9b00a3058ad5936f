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

The message is always Dutch, one or a few lines on stderr, never a stack trace. Every sentence
the CLI prints, and its help texts, are templates in ``prompts/cli/<nl|en>/`` (``text``; the CLI
has no language setting, so it speaks Dutch and the English files keep the parity check). This
module imports only typer and the template loader at load time (``oogo --help`` must stay fast);
the services are built on first use.
"""

from __future__ import annotations

import copy
import functools
import inspect
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import typer
from typer.models import ParameterInfo

from prompts.loader import templates

if TYPE_CHECKING:
    from bot.services import Services
    from bot.settings import Settings

OK = 0
UNAVAILABLE = 1
BAD_INPUT = 2

Command = TypeVar("Command", bound=Callable[..., Any])


def text(name: str, /, **values: object) -> str:
    """The CLI sentence ``prompts/cli/nl/<name>.txt`` filled with ``values``."""
    return templates("cli").render(name, "nl", **values)


def with_help(command: Command, name: str) -> Command:
    """``command`` with its help texts from the templates: ``help_<name>`` for the command and
    ``help_<name>_<parameter>`` for each typer argument or option. A template that is missing
    fails when the app is built (``PromptError``), so no command goes without help."""
    signature = inspect.signature(command, eval_str=True)
    parameters = []
    for parameter in signature.parameters.values():
        info = parameter.default
        if isinstance(info, ParameterInfo):
            info = copy.copy(info)
            info.help = text(f"help_{name}_{parameter.name}")
            parameter = parameter.replace(default=info)
        parameters.append(parameter)

    @functools.wraps(command)
    def documented(*args: Any, **kwargs: Any) -> Any:
        return command(*args, **kwargs)

    documented.__signature__ = signature.replace(parameters=parameters)  # type: ignore[attr-defined]
    documented.__doc__ = text(f"help_{name}")
    return documented  # type: ignore[return-value]


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
        fail(text("settings_invalid", problems=str(exc).rstrip(".")))


def check_language(value: str) -> str:
    """``--lang`` as "nl" or "en"; anything else stops with a Dutch message instead of quietly
    answering in Dutch."""
    lang = value.strip().lower()
    if lang not in ("nl", "en"):
        fail(text("unknown_language", value=value))
    return lang


def fail(message: str, code: int = BAD_INPUT) -> NoReturn:
    """Print a Dutch message on stderr and stop the command with ``code``."""
    typer.echo(message, err=True)
    raise typer.Exit(code)
