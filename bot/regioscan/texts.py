"""The regioscan's sentences, read from ``prompts/regioscan/{nl,en}/<key>.txt``.

Dutch is the default; English is used only when the user wrote English. The templates go through
the strict loader (``prompts.loader``): an unknown key, a missing value or Dutch and English
versions with different placeholders raise ``PromptError`` instead of showing a half sentence.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from prompts.loader import templates

FOLDER = "regioscan"


def t(language: str, key: str, **values: object) -> str:
    """The text ``key`` in ``language`` (Dutch when the language is unknown)."""
    return templates(FOLDER).render(key, language, **values)


def number_nl(value: float, language: str = "nl", digits: int = 1) -> str:
    """A number with a decimal comma in Dutch, a point in English, rounded half up.

    Why half up: scan means are small fractions (3,25 from 4, 4, 3 and 2), and the web page
    rounds as people do (``toLocaleString``: 3,3); Python's own rounding gave 3,2 in the
    report for the same mean."""
    rounded = Decimal(str(value)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    text = f"{rounded:.{digits}f}"
    return text if language == "en" else text.replace(".", ",")
