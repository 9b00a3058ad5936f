"""The words click puts around our help texts ("Usage:", "Options", "Show this message and
exit.", "required") in Dutch, from ``prompts/cli`` (``chrome_*``).

Why: every help text of ``oogo`` is Dutch, but the headings and the ``--help`` line came from
click in English, so a policy adviser read a help page in two languages. click looks these words
up through ``gettext`` in typer's own copy of it (``typer.core._``), takes the usage prefix from
its help formatter and writes the ``--help`` line in its ``help_option`` decorator; ``install``
replaces those three, once, in the ``oogo`` process only (``bot.cli.main.run``). typer 0.26-0.28
carries click as ``typer._click`` (pinned in pyproject.toml; ``bot.cli.usage`` reads the same
private path). A word without a Dutch template stays as click wrote it.
"""

from __future__ import annotations

import re
from typing import Any

from bot.cli.common import text

# click's words (the gettext message ids typer uses) and our templates for them
_WORDS = {
    "Arguments": "chrome_arguments",
    "Options": "chrome_options",
    "Commands": "chrome_commands",
    "required": "chrome_required",
    "default: {default}": "chrome_default",
    "(dynamic)": "chrome_dynamic",
    "env var: {var}": "chrome_env_var",
}
_PLACEHOLDERS = {"default": "{default}", "var": "{var}"}  # typer fills them in itself


def dutch(message: str) -> str:
    """click's ``message`` in Dutch, or unchanged when we have no template for it."""
    name = _WORDS.get(message)
    return text(name, **_PLACEHOLDERS) if name else message


def install() -> None:
    """Make typer's click write its help chrome in Dutch (see the module docstring)."""
    import typer.core
    from typer._click import core, formatting

    typer.core._ = dutch
    if not getattr(core.Context.formatter_class, "dutch", False):
        core.Context.formatter_class = _formatter(formatting.HelpFormatter)
    original = core.Command.get_help_option
    if getattr(original, "dutch", False):
        return

    def get_help_option(self: Any, ctx: Any) -> Any:
        option = original(self, ctx)
        if option is not None:
            option.help = text("chrome_help_option")
        return option

    get_help_option.dutch = True  # type: ignore[attr-defined]
    core.Command.get_help_option = get_help_option  # type: ignore[method-assign]


# placeholders click writes in a usage line and before an option's help, in Dutch
_PLACEHOLDER_WORDS = (("[OPTIONS]", "chrome_options_metavar"),
                      ("COMMAND [ARGS]...", "chrome_command_metavar"),
                      ("<str>", "chrome_type_text"), ("<int>", "chrome_type_number"),
                      ("<float>", "chrome_type_number"), ("<path>", "chrome_type_file"))


# typer names an argument after its Python parameter ("{region}" in the usage line, "region" in
# the Arguments list); the English ones in Dutch (``chrome_arg_<name>``)
_ARGUMENT_NAMES = ("region", "question", "query", "name", "file", "source")
_ARGUMENT_IN_USAGE = re.compile(r"(?<=[{\[])(" + "|".join(_ARGUMENT_NAMES) + r")(?=[}\]])")


def placeholders_in_dutch(line: str) -> str:
    """A usage line or option column with click's placeholders in Dutch."""
    for english, name in _PLACEHOLDER_WORDS:
        if english in line:
            line = line.replace(english, text(name))
    if line in _ARGUMENT_NAMES:  # an argument's own row
        return text(f"chrome_arg_{line}")
    return _ARGUMENT_IN_USAGE.sub(lambda m: text(f"chrome_arg_{m.group(1)}"), line)


def _formatter(base: type) -> type:
    class DutchHelpFormatter(base):
        """click's help formatter with a Dutch usage prefix and placeholders."""

        dutch = True

        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            super().write_usage(prog, placeholders_in_dutch(args),
                                f"{text('chrome_usage')} " if prefix is None else prefix)

        def write_dl(self, rows: Any, *args: Any, **kwargs: Any) -> None:
            super().write_dl([(placeholders_in_dutch(first), second) for first, second in rows],
                             *args, **kwargs)

    return DutchHelpFormatter
