"""The Telegram channel's own sentences (everything else a user reads comes from the core).

The sentences are templates in ``prompts/channels/<nl|en>/telegram_*.txt`` (the strict loader
checks that both languages exist with the same placeholders). A chat's own sentences follow the
language of its latest reply (``ChatState.language``), so an English conversation does not get a
Dutch "this button has expired". The command menu is published in both languages; Telegram shows
the one of the user's app language. One form of address: "je", like the rest of the assistant.
"""

from __future__ import annotations

from collections.abc import Mapping

from indicators.catalog import IndicatorDef, listed
from prompts.loader import LANGUAGES, templates

COMMAND_NAMES = ("start", "help", "regio", "regioscan", "oogo", "bronnen")


def text(name: str, language: str = "nl", /, **values: object) -> str:
    """The channel sentence ``telegram_<name>`` in the chat's language."""
    return templates("channels").render(f"telegram_{name}", language, **values)


def commands(language: str = "nl") -> list[tuple[str, str]]:
    """The command menu: (command, description) in ``language``."""
    return [(name, text(f"command_{name}", language)) for name in COMMAND_NAMES]


def welcome(catalog: Mapping[str, IndicatorDef], language: str = "nl") -> str:
    """The greeting after /start, naming the figures of the catalog this process uses."""
    return text("welcome", language, indicators=listed(catalog, language))


def menu_languages() -> tuple[str, ...]:
    """The languages the command menu is published in (the first is Telegram's default)."""
    return LANGUAGES
