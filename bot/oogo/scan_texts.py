"""The sentences of regioscan points, Dutch and English, as neutral templates.

Each evidence template only restates a published figure of the round or the asker's own score;
the questions are neutral questions for the table. The texts are the ``points_<key>`` templates
of ``prompts/regioscan/{nl,en}/`` (strict loader: Dutch and English use the same placeholders);
``points_participants`` holds one participant per line. Numbers are written by the one formatter
(``indicators.formatting``): scan means with one decimal.
"""

from __future__ import annotations

from bot.regioscan.texts import number_nl
from prompts.loader import templates

FOLDER = "regioscan"


def number(value: float, language: str = "nl", decimals: int = 1) -> str:
    """A scan mean or scale end as shown: "2,3" / "2.3"; scale ends without decimals. Rounded
    half up, as the chat and the web page show the same mean (``regioscan.texts.number_nl``)."""
    return number_nl(value, language, decimals)


def text(language: str, key: str, /, **values: object) -> str:
    """The point sentence ``key`` in ``language``, filled with ``values``."""
    return templates(FOLDER).render(f"points_{key}", language, **values)


def items(language: str, key: str) -> tuple[str, ...]:
    """A list template (``participants``) as its lines."""
    return tuple(templates(FOLDER).get(f"points_{key}", language).text.splitlines())
