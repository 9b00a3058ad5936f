"""Number formatting for answers: the names the conversation uses for ``indicators.formatting``.

The claim check (``bot.core.llm.check``) reads numbers back in both styles, so every
number an answer shows is produced by the one formatter of the indicators library, from the
engine's value (percentages with one decimal, relative risks as "3,5 keer").
"""

from __future__ import annotations

from typing import Any

from indicators import formatting

decimals_of = formatting.decimals_of


# small counts as words, 0 to 12: "de drie gemeenten", "vijf procent"
_COUNT_WORDS = {"nl": ("nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht",
                       "negen", "tien", "elf", "twaalf"),
                "en": ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
                       "nine", "ten", "eleven", "twelve")}


def count_word(number: int, language: str = "nl") -> str:
    """``number`` (0 to 12) as a word in the answer's language; larger ones as digits."""
    words = _COUNT_WORDS["en" if language == "en" else "nl"]
    return words[number] if 0 <= number < len(words) else str(number)


def fmt_number(value: float, language: str = "nl", decimals: int = 1) -> str:
    """1234.5 -> '1.234,5' (nl) or '1,234.5' (en)."""
    return formatting.number(value, decimals, language)


def fmt_int(value: int, language: str = "nl") -> str:
    """4567 -> '4.567' (nl) or '4,567' (en)."""
    return formatting.integer(value, language)


def fmt_value(value: Any, language: str = "nl") -> str:
    """An engine ``Value`` or a ``Fact``: '12,3%', '3,1 keer', or 'minder dan 10'."""
    return formatting.value_text(value, language)


def fmt_counts(value: Any, language: str = "nl") -> str:
    """' (4.567 van 37.210)' when numerator and denominator may be shown, else ''."""
    return formatting.counts_text(value, language)
