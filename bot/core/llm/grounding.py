"""Reading numbers in both notations, and the token-level grounding check.

The conversation's LLM texts are checked on claims (``bot.core.llm.check``): a number must be
the figure of the fact it stands next to. What is here is the number reading that check uses,
and the older, weaker token check (a number must occur somewhere among the facts) that the OOGO
points' rephrasing (``bot/oogo/rephrase.py``) still calls. The check reads
every number in the text in both Dutch ("1.234,5", "4,8%") and English ("1,234.5", "4.8%")
notation, and accepts the text only when each number equals a fact's value, numerator,
denominator or year, or another number the template answer itself computed (a rank, a count),
allowing for rounding to the precision shown. Pure Python, no LangChain.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

# a number: digits with optional thousands separators and decimals, either notation
NUMBER = re.compile(r"(?<![\w.,])[-+]?\d+(?:[.,\u202f\u00a0]\d{3})*(?:[.,]\d+)?(?![\w])")
LIST_MARKER = re.compile(r"^\s*\d{1,2}[.)]\s+", re.MULTILINE)
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


@dataclass(slots=True)
class Grounding:
    """Outcome of the check: ``ok`` and the numbers that were not found."""

    ok: bool
    unknown: list[str] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)


def readings(token: str) -> set[tuple[float, int]]:
    """All plausible (value, decimals shown) readings of a number as written.

    '4,8' -> 4.8; '10.340' -> 10340 (Dutch thousands) or 10.34 (English decimals);
    '1,234.5' -> 1234.5; '3' -> 3.
    """
    raw = token.replace("\u202f", "").replace("\u00a0", "").replace(" ", "").lstrip("+")
    out: set[tuple[float, int]] = set()
    for thousands, decimal in ((".", ","), (",", ".")):
        text = raw
        parts = text.split(decimal)
        if len(parts) > 2:
            continue
        whole = parts[0]
        groups = whole.split(thousands)
        if len(groups) > 1 and not all(len(g) == 3 for g in groups[1:]):
            continue
        whole = "".join(groups)
        if not whole.lstrip("-").isdigit():
            continue
        if len(parts) == 2:
            if not parts[1].isdigit():
                continue
            out.add((float(f"{whole}.{parts[1]}"), len(parts[1])))
        else:
            out.add((float(whole), 0))
    return out


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
