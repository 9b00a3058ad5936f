"""From engine values to the evidence a ``Reply`` carries: facts and region references.

A fact is the engine's value copied field by field, never recomputed or rounded, so a test can
compare every fact with the shipped data and the grounding check can trust it.
"""

from __future__ import annotations

from typing import Any

from bot.core.messages import Fact, Notice, RegionLevel, RegionRef

LEVELS: tuple[RegionLevel, ...] = ("gemeente", "swv_po", "swv_vo", "land")


def to_fact(value: Any) -> Fact:
    """Copy an ``indicators.engine.Value`` into a ``Fact``."""
    suppressed = bool(getattr(value, "suppressed", False))
    raw = getattr(value, "value", None)
    return Fact(
        indicator=value.indicator,
        region=value.region,
        category=value.category,
        year=int(value.year),
        value=None if suppressed or raw is None else float(raw),
        unit=getattr(value, "unit", "") or "",
        numerator=_int_or_none(getattr(value, "numerator", None)),
        denominator=_int_or_none(getattr(value, "denominator", None)),
        suppressed=suppressed,
        source=fact_source(value),
        excluding=getattr(value, "excluding", "") or None,
    )


def fact_source(value: Any) -> str:
    """The contract's per-figure source: "demo" for demonstration data, else its source line."""
    if getattr(value, "demo", True):
        return "demo"
    return str(getattr(value, "source", "") or "onbekende bron")


def demo_notice(language: str) -> Notice:
    """The one demonstration-figures notice, worded in the reply's language."""
    from prompts.loader import templates

    return Notice(kind="demo", text=templates().render("demo", language))


def _int_or_none(value: Any) -> int | None:
    if value is None:
        return None
    try:
        if value != value:  # NaN from pandas
            return None
        return int(value)
    except (TypeError, ValueError):
        return None


def dedupe(facts: list[Fact]) -> list[Fact]:
    seen: set[tuple] = set()
    out = []
    for fact in facts:
        key = (fact.indicator, fact.region, fact.category, fact.year, fact.excluding)
        if key not in seen:
            seen.add(key)
            out.append(fact)
    return out


def region_refs(registry: Any, codes: list[str]) -> list[RegionRef]:
    """Region references (code, name, level) for the contract, in first-seen order."""
    refs: list[RegionRef] = []
    seen: set[str] = set()
    for code in codes:
        if code in seen:
            continue
        seen.add(code)
        try:
            region = registry.get(code)
        except Exception:  # noqa: BLE001 - a region without registry entry is skipped
            continue
        level: RegionLevel = region.level if region.level in LEVELS else "gemeente"
        refs.append(RegionRef(code=region.code, name=region.name, level=level))
    return refs


def region_name(registry: Any, code: str, language: str = "nl") -> str:
    if code == "NL01":
        return "Nederland" if language == "nl" else "the Netherlands"
    try:
        return registry.get(code).name
    except Exception:  # noqa: BLE001
        return code
