"""Which region levels have a figure, and the nearest region that has one.

Why: the monitor publishes NEET per samenwerkingsverband VO, not per PO partnership; figures about
po pupils belong to the PO partnership. An answer for a level without figures must say so and
offer the nearest figure that exists, instead of inventing one (see ``catalog.PUBLISHED_LEVELS``).

"Nearest": for a samenwerkingsverband PO asked for a VO figure, the samenwerkingsverbanden VO of
its gemeenten, the one covering most of its inhabitants first (and the other way round); for a
gemeente or Nederland every figure exists.
"""

from __future__ import annotations

from collections import defaultdict

from indicators.catalog import IndicatorDef
from indicators.errors import IndicatorError
from indicators.registry import Region, RegionRegistry
from indicators.vocabulary import level_name
from prompts.data_texts import data_text


class NotPublished(IndicatorError):
    """A figure that does not exist at this region level; ``alternatives`` are region codes."""

    def __init__(self, message: str, *, indicator: str, category: str, region: str, level: str,
                 allowed: tuple[str, ...], alternatives: list[str]) -> None:
        super().__init__(message)
        self.indicator, self.category, self.region = indicator, category, region
        self.level, self.allowed, self.alternatives = level, allowed, alternatives


def alternatives(registry: RegionRegistry, region: Region, allowed: tuple[str, ...]) -> list[str]:
    """Regions at an allowed level that cover ``region``, largest overlap first."""
    other = next((lv for lv in ("swv_vo", "swv_po") if lv in allowed and lv != region.level),
                 None)
    if region.level not in ("swv_po", "swv_vo") or other is None:
        return ["NL01"] if "land" in allowed else []
    overlap: dict[str, int] = defaultdict(int)
    for member in registry.members(region.code):
        code = member.swv_vo if other == "swv_vo" else member.swv_po
        if code:
            overlap[code] += member.inhabitants
    return sorted(overlap, key=lambda code: (-overlap[code], code))


def check(definition: IndicatorDef, category: str, region: Region,
          registry: RegionRegistry) -> None:
    """Raise ``NotPublished`` (plain Dutch, with alternatives) when there is no such figure."""
    allowed = definition.published_levels(category)
    if region.level in allowed:
        return
    where = " en per ".join(level_name(level) for level in allowed if level != "land")
    message = data_text("level_not_published", figure=definition.figure_label(category),
                        level=level_name(region.level), levels=where)
    found = alternatives(registry, region, allowed)
    if found and found[0] != "NL01":
        names = ", ".join(registry.get(code).name for code in found)
        message += data_text("level_members_under", region=region.name, names=names)
    raise NotPublished(message, indicator=definition.id, category=category, region=region.code,
                       level=region.level, allowed=allowed, alternatives=found)
