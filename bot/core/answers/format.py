"""Number formatting for answers: Dutch decimal comma, English decimal point.

The grounding check (``bot.core.llm.grounding``) reads numbers back in both styles, so every
number an answer shows must be produced here, from the engine's value, at the data's precision.
"""

from __future__ import annotations

from typing import Any


def decimals_of(value: float, most: int = 2) -> int:
    """How many decimals the published value has (at least 1, at most ``most``)."""
    text = f"{value:.{most}f}".rstrip("0")
    return max(1, min(most, len(text.split(".")[1]) if "." in text else 0))


def fmt_number(value: float, language: str = "nl", decimals: int | None = None) -> str:
    """1234.5 -> '1.234,5' (nl) or '1,234.5' (en)."""
    d = decimals_of(value) if decimals is None else decimals
    text = f"{value:,.{d}f}"
    if language == "nl":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def fmt_int(value: int, language: str = "nl") -> str:
    """4567 -> '4.567' (nl) or '4,567' (en)."""
    text = f"{int(value):,d}"
    return text.replace(",", ".") if language == "nl" else text


def fmt_value(value: Any, language: str = "nl") -> str:
    """An engine ``Value`` as text: '12,3%' or '3,1' (ratio), or the suppression wording."""
    if getattr(value, "mark", "") and getattr(value, "value", None) is None:
        return "geen cijfer" if language == "nl" else "no figure"
    if getattr(value, "suppressed", False) or getattr(value, "value", None) is None:
        return "minder dan 10" if language == "nl" else "fewer than 10"
    number = fmt_number(float(value.value), language)
    unit = getattr(value, "unit", "") or ""
    return f"{number}%" if unit == "%" else number


def fmt_counts(value: Any, language: str = "nl") -> str:
    """' (4.567 van 37.210)' when numerator and denominator are known, else ''."""
    num, den = getattr(value, "numerator", None), getattr(value, "denominator", None)
    if num is None or den is None or getattr(value, "suppressed", False):
        return ""
    word = "van" if language == "nl" else "of"
    return f" ({fmt_int(num, language)} {word} {fmt_int(den, language)})"
