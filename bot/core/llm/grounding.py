"""The older token-level grounding check, kept only for the OOGO points' rephrasing.

Conversation answers are checked on claims (``bot.core.llm.check.check_answer``): a number must
be the figure of the fact it stands next to, comparison words must agree with the computed
comparison. This weaker check only asks whether every number of a text occurs somewhere among
the facts (value, numerator, denominator, year) or the extra numbers given, in either notation
and allowing for rounding to the precision shown. ``bot/oogo/rephrase.py`` still calls it; when
the points move to ``check_answer`` this module can go. The number reading lives in
``bot.core.llm.textscan`` (imported here under the old names for that caller).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from bot.core.llm.textscan import ISO_DATE, LIST_MARKER, NUMBER, readings

__all__ = ["Grounding", "allowed_numbers", "check_grounding", "extract_numbers", "numbers_in",
           "readings"]


@dataclass(slots=True)
class Grounding:
    """Outcome of the check: ``ok`` and the numbers that were not found."""

    ok: bool
    unknown: list[str] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)


def extract_numbers(text: str) -> list[str]:
    """The number tokens of a text, without list markers ('1. ') and ISO dates."""
    text = LIST_MARKER.sub("", text)
    text = ISO_DATE.sub(" ", text)
    return [m.group(0).strip() for m in NUMBER.finditer(text)]


def allowed_numbers(facts: Iterable[Any], extra: Iterable[float] = ()) -> list[float]:
    """Everything a grounded text may mention: fact values, counts and years, plus extras."""
    numbers: list[float] = []
    for fact in facts:
        for name in ("value", "numerator", "denominator", "year"):
            value = fact.get(name) if isinstance(fact, dict) else getattr(fact, name, None)
            if value is not None:
                numbers.append(float(value))
    numbers.extend(float(x) for x in extra)
    return numbers


def _matches(reading: tuple[float, int], allowed: list[float]) -> bool:
    value, decimals = reading
    tolerance = 0.5 * 10 ** (-decimals) + 1e-9
    return any(abs(value - a) <= tolerance for a in allowed)


def check_grounding(text: str, facts: Iterable[Any], extra: Iterable[float] = ()) -> Grounding:
    """Accept ``text`` only if every number in it is one of the allowed numbers."""
    allowed = allowed_numbers(facts, extra)
    tokens = extract_numbers(text)
    unknown = [t for t in tokens if not any(_matches(r, allowed) for r in readings(t))]
    return Grounding(ok=not unknown, unknown=unknown, numbers=tokens)


def numbers_in(text: str) -> list[float]:
    """Every number the template text shows (its first reading), to allow it for the LLM."""
    out: list[float] = []
    for token in extract_numbers(text):
        out.extend(value for value, _ in readings(token))
    return out
