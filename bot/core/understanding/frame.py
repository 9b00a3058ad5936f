"""The frame of a figure question (what the corpus labels) and the answer plan derived from it.

Why two shapes: the *frame* says what the user asked, in the slots of ``data/SCHEMA.md``
(indicator, category, mode, target, regions, year, years, dimension); it is what the corpus
labels, what follow-ups change slot by slot, and what ``oogo eval understanding`` scores. The
*plan* says how to answer it: which computation the figure renderers run (``Understanding.mode``:
value, national, swv, regions, trend, peers, position, ranking, breakdown) and every region code
it needs, including the ones the user only implied (Nederland, the own samenwerkingsverband).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Protocol

from indicators.catalog import PO_TYPES

NATIONAL = "NL01"
MODES = ("value", "compare", "trend", "position", "ranking", "breakdown", "peers")
TARGETS = ("land", "swv", "swv_po", "swv_vo", "region", "peers")
DIMENSIONS = ("onderwijssoort", "zorgtype", "risicofactor")
PO_CATEGORIES = ("po", "sbo", "so")


class RegionLookup(Protocol):
    """The part of the region registry the plan needs."""

    def get(self, code: str) -> Any: ...


@dataclass(slots=True)
class Frame:
    """The slots of a figure question (see ``data/SCHEMA.md``)."""

    indicator: str | None = None
    category: str | None = None
    mode: str = "value"
    target: str | None = None
    regions: list[str] = field(default_factory=list)
    year: int | None = None
    years: list[int] = field(default_factory=list)
    dimension: str | None = None
    # the other figures asked with this one ({"indicator", "category"} each): a follow-up that
    # names no figure ("en in 2020?") asks for all of them again
    also: list[dict[str, Any]] = field(default_factory=list)
    level: str | None = None  # what a ranking ranks: "swv_po" / "swv_vo"; None: gemeenten
    size: int | None = None  # how many places a ranking shows ("top 5"); None: the default
    lowest: bool = False  # a ranking from the bottom up ("de laagste"); False: highest first
    province: str | None = None  # a ranking of one province's gemeenten ("in Friesland")

    def to_dict(self) -> dict[str, Any]:
        # plain values and lists of them: a shallow copy with copied lists is what ``asdict``
        # gave, without its deep copy of every value (it ran every chat turn)
        return {"indicator": self.indicator, "category": self.category, "mode": self.mode,
                "target": self.target, "regions": list(self.regions), "year": self.year,
                "years": list(self.years), "dimension": self.dimension,
                "also": [dict(a) for a in self.also], "level": self.level,
                "size": self.size, "lowest": self.lowest, "province": self.province}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Frame | None:
        if not data:
            return None
        known = _FIELD_NAMES.get(cls)
        if known is None:  # dataclasses.fields() walks the class every call: once per class
            known = _FIELD_NAMES[cls] = frozenset(f.name for f in fields(cls))
        try:
            return cls(**{k: v for k, v in data.items() if k in known})
        except TypeError:
            return None


_FIELD_NAMES: dict[type, frozenset[str]] = {}


def swv_kind(indicator: str | None, category: str | None) -> str:
    """Which samenwerkingsverband goes with a figure: the engine's choice
    (``IndicatorEngine.swv_for``), PO for the po/sbo/so pupils' figures, VO for everything else
    (vo/vso/pro/mbo, jeugdzorg of all young people and per zorgtype, NEET and its risks)."""
    if indicator in ("neet", "neet_rr"):
        return "vo"
    return "po" if category in PO_TYPES else "vo"


def own_swv(registry: RegionLookup, code: str, kind: str) -> str | None:
    """The main samenwerkingsverband (``kind`` "po" or "vo") of a gemeente; an SWV itself."""
    try:
        region = registry.get(code)
    except LookupError:
        return None
    if region.level in ("swv_po", "swv_vo"):
        return str(region.code)
    swv = region.swv_vo if kind == "vo" else region.swv_po
    return str(swv) if swv else None


def target_swv(registry: RegionLookup, frame: Frame) -> str | None:
    """The SWV code a comparison with "the samenwerkingsverband" is about."""
    if not frame.regions:
        return None
    kind = {"swv_po": "po", "swv_vo": "vo"}.get(frame.target or "",
                                                 swv_kind(frame.indicator, frame.category))
    code = own_swv(registry, frame.regions[0], kind)
    return None if code == frame.regions[0] else code


def plan(frame: Frame, registry: RegionLookup) -> tuple[str, list[str]]:
    """(renderer mode, region codes) that answer ``frame`` (see the module docstring)."""
    regions = list(frame.regions) or [NATIONAL]
    subject = regions[0]
    mode, target = frame.mode, frame.target
    if frame.indicator == "neet_rr" and frame.category is None and mode in ("value", "compare"):
        return "breakdown", regions[:1]
    if mode == "value":
        return ("regions" if len(regions) > 1 else "value"), regions
    if mode == "position":
        return ("ranking" if subject == NATIONAL else "position"), regions
    if mode == "ranking":
        return "ranking", regions if frame.regions else [NATIONAL]
    if mode in ("trend", "breakdown", "peers"):
        if mode == "trend" and target == "land" and subject != NATIONAL:
            regions = _with_national(regions)
        return mode, regions
    # a comparison
    if target in ("swv", "swv_po", "swv_vo"):
        swv = target_swv(registry, frame)
        if swv:
            return "swv", [subject, swv] + [c for c in regions[1:] if c != swv]
        target = "land"
    if target == "region" and len(regions) > 1:
        return "regions", regions
    if subject == NATIONAL:
        return "value", regions
    return "national", _with_national(regions)


def _with_national(regions: list[str]) -> list[str]:
    """Nederland is the yardstick: it goes last, so the sentence is about the region."""
    return [c for c in regions if c != NATIONAL] + [NATIONAL]
