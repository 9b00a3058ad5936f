"""Number formatting for answers: the names the conversation uses for ``indicators.formatting``.

The grounding check (``bot.core.llm.grounding``) reads numbers back in both styles, so every
number an answer shows is produced by the one formatter of the indicators library, from the
engine's value (percentages with one decimal, relative risks as "3,5 keer").
"""

from __future__ import annotations

from typing import Any

from indicators import formatting

decimals_of = formatting.decimals_of


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
