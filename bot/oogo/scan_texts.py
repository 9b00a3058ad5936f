"""The sentences of regioscan points, Dutch and English, as neutral templates.

Each evidence template only restates a published figure of the round or the asker's own score;
the questions are neutral questions for the table. The texts are the ``points_<key>`` templates
of ``prompts/regioscan/{nl,en}/`` (strict loader: Dutch and English use the same placeholders);
``points_participants`` holds one participant per line. Numbers are written by the one formatter
(``indicators.formatting``): scan means with one decimal.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from indicators import formatting as fm
from prompts.loader import templates

FOLDER = "regioscan"
#: templates whose text is a list, one item per line
LISTS = frozenset({"participants"})


def number(value: float, language: str = "nl", decimals: int = 1) -> str:
    """A scan mean or scale end as shown: "2,3" / "2.3"; scale ends without decimals."""
    return fm.number(value, decimals, language)


def text(language: str, key: str, /, **values: object) -> str:
    """The point sentence ``key`` in ``language``, filled with ``values``."""
    return templates(FOLDER).render(f"points_{key}", language, **values)


def items(language: str, key: str) -> tuple[str, ...]:
    """A list template (``participants``) as its lines."""
    return tuple(templates(FOLDER).get(f"points_{key}", language).text.splitlines())


class _Language(Mapping[str, Any]):
    """The point texts of one language, read from the templates when asked for: the raw text
    (``str.format`` placeholders) or, for a list template, a tuple of its lines."""

    def __init__(self, language: str) -> None:
        self.language = language

    def __getitem__(self, key: str) -> Any:
        if key in LISTS:
            return items(self.language, key)
        return templates(FOLDER).get(f"points_{key}", self.language).text

    def __iter__(self) -> Iterator[str]:
        prefix = "points_"
        return iter([n[len(prefix):] for n in templates(FOLDER).names() if n.startswith(prefix)])

    def __len__(self) -> int:
        return sum(1 for _ in self)


#: ``TEXTS[language][key]``, as ``bot.oogo.scan_signals`` reads them (nothing loads at import)
TEXTS: dict[str, Mapping[str, Any]] = {"nl": _Language("nl"), "en": _Language("en")}
