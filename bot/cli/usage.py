"""click's usage errors (a missing argument, an unknown option or command, a value that does not
fit) as Dutch sentences from ``prompts/cli``.

Why: typer prints click's own English ("Error: Missing argument 'REGION'.") to a policy adviser
who gets every other message of ``oogo`` in Dutch. The entry point (``bot.cli.main.run``) runs the
app without click's standalone handling and prints these sentences instead, with click's exit
code (2, "fix your command", as ``bot/cli/common.py`` documents). typer 0.26-0.28 carries click
as ``typer._click``; that private path is read only here.
"""

from __future__ import annotations

import re
from typing import Any

from typer._click import types
from typer._click.exceptions import (
    BadParameter,
    MissingParameter,
    NoArgsIsHelpError,
    NoSuchOption,
    UsageError,
)

from bot.cli.common import text

NO_SUCH_COMMAND = re.compile(r"No such command '([^']*)'")


def usage_message(error: UsageError) -> str:
    """The Dutch sentence for one usage error (for a command typed without anything it needs:
    its help, as click shows it)."""
    ctx = error.ctx
    if isinstance(error, NoArgsIsHelpError) and ctx is not None:
        return ctx.get_help()
    command = ctx.command_path if ctx is not None else "oogo"
    if isinstance(error, MissingParameter):
        return text("usage_missing", name=_name(error.param), command=command)
    if isinstance(error, NoSuchOption):
        options = sorted(error.possibilities or [])[:3]
        hint = text("usage_did_you_mean", options=" of ".join(options)) if options else ""
        return text("usage_no_such_option", name=error.option_name, hint=hint, command=command)
    if isinstance(error, BadParameter):
        return text("usage_bad_value", name=_name(error.param), reason=_reason(error.param),
                    command=command)
    found = NO_SUCH_COMMAND.search(error.message)
    if found:
        return text("usage_no_such_command", name=found.group(1), command=command)
    return text("usage_other", command=command)


def _name(param: Any) -> str:
    """How the user typed the parameter: its longest option flag, or the argument's name."""
    if param is None:
        return "?"
    opts = [o for o in getattr(param, "opts", []) if o.startswith("-")]
    if opts:
        return max(opts, key=len)
    from bot.cli.help_chrome import placeholders_in_dutch  # the name the help page shows

    return f"'{placeholders_in_dutch(param.name or '')}'"


def _reason(param: Any) -> str:
    """What the parameter accepts, from its type (click's own reason is English)."""
    kind = getattr(param, "type", None)
    if isinstance(kind, (types.IntRange, types.FloatRange)) and kind.min is not None \
            and kind.max is not None:
        return text("usage_reason_range", low=kind.min, high=kind.max)
    if isinstance(kind, types.IntParamType):
        return text("usage_reason_int")
    if isinstance(kind, types.FloatParamType):
        return text("usage_reason_number")
    choices = getattr(kind, "choices", None)
    if choices:
        return text("usage_reason_choice", choices=", ".join(map(str, choices)))
    if getattr(kind, "name", "") in ("path", "file", "filename"):
        return text("usage_reason_path")
    return text("usage_reason_other")
