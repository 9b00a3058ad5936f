"""What the answer code computed and its sentences claim: ``Reply.debug["claims"]``, read.

The answer code (``bot/core/answers``: ``context.comparison_claim``, ``series.trend_claim``,
``series.trend_vs_claim``, the peers claim) and the LLM tools write one dictionary per
comparison or trend sentence; the check compares an LLM text's words with these. Shapes:

* ``{"kind": "compare", "indicator", "category", "year", "a", "b", "direction":
  "hoger"|"lager"|"gelijk", "significant": true|false|null, "relevant": true|false|null,
  "labels": {code: text}, "groups": {code: {"region", "excluding", "numerator",
  "denominator"}}}``: the direction is what the sentence said ("gelijk" unless significant and
  relevant); null significance: not testable. ``b`` may be a group that is no registry region
  (the rest of a samenwerkingsverband, code ``"<swv>-<gemeente>"``): ``labels`` gives the words
  the answer uses for it, ``groups`` what it is and its counts (it is named, not a ``Fact``);
* ``{"kind": "trend", "indicator", "category", "region", "from", "to", "direction":
  "up"|"down"|"flat"|"unknown", "significant", "relevant"}``;
* ``{"kind": "trend_vs", "indicator", "category", "region", "other", "from", "to",
  "direction": "hoger"|"lager"|"gelijk", "significant", "relevant", "change": "up"|"down",
  "other_change": "up"|"down"}``: the region's development against ``other``'s (hoger: rose
  more or fell less), with the raw changes the sentence names ("gestegen, terwijl het in
  Nederland daalde");
* ``{"kind": "peers", "indicator", "category", "year", "region", "standing":
  "top"|"bottom"|"high"|"low"|"middle", "significant", "relevant"}``: a gemeente against its
  most alike gemeenten together;
* ``{"kind": "interval", "indicator", "region", "category", "year", "low", "high"}``: the
  confidence interval shown with a figure (a relative risk); its bounds are that figure's, and
  only in a clause that says it is an interval;
* ``{"kind": "position", "indicator", "category", "year", "region", "rank", "n", "standing":
  "top"|"bottom"|"middle"}``: the region's place among all regions of its level ("plaats 37
  van de 342 gemeenten") and whether it is among the highest or lowest five percent.

Entries that do not parse are ignored: a missing claim only makes the check stricter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypedDict

from bot.core.llm.mentions import PEERS

STANDING = {"top": "hoger", "high": "hoger", "bottom": "lager", "low": "lager",
            "middle": "gelijk"}


@dataclass(slots=True)
class Claim:
    kind: str  # compare | trend | trend_vs
    indicator: str | None
    category: str | None
    years: frozenset[int]
    a: str
    b: str = ""
    direction: str = ""
    significant: bool | None = None
    relevant: bool | None = None
    standing: str = ""
    change: str = ""  # trend_vs: the raw change of a ("up"/"down")
    other_change: str = ""  # trend_vs: the raw change of b

    def is_relevant(self) -> bool | None:
        """Relevant as recorded; for claims without it, implied by the direction."""
        if self.relevant is not None:
            return bool(self.relevant)
        if self.significant is None:
            return None
        return self.direction in ("hoger", "lager", "up", "down")

    def change_of(self, code: str) -> str:
        return self.change if code == self.a else self.other_change if code == self.b else ""


@dataclass(frozen=True, slots=True)
class Group:
    """A reference group that is no registry region: ``region`` without ``excluding``."""

    code: str
    region: str
    excluding: str
    indicator: str | None
    category: str | None
    year: int
    numerator: int | None
    denominator: int | None


@dataclass(frozen=True, slots=True)
class Position:
    """A region's rank among ``n`` regions of its level, and its standing."""

    region: str
    year: int
    rank: int
    n: int
    standing: str  # top | bottom | middle


@dataclass(slots=True)
class Claims:
    items: list[Claim] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)
    groups: dict[str, Group] = field(default_factory=dict)
    # (indicator, region, category, year) -> (low, high)
    intervals: dict[tuple[str, str, str, int], tuple[float, float]] = field(
        default_factory=dict)
    positions: dict[str, Position] = field(default_factory=dict)  # region -> its position

    def codes(self) -> set[str]:
        return {c.a for c in self.items} | {c.b for c in self.items if c.b}

    def of(self, *kinds: str) -> list[Claim]:
        return [c for c in self.items if c.kind in kinds]


class _Shared(TypedDict):
    """The fields every claim kind reads the same way."""

    indicator: str | None
    category: str | None
    significant: bool | None
    relevant: bool | None


def _flag(value: Any) -> bool | None:
    return None if value is None else bool(value)


def claims_of(raw: list[Any]) -> Claims:
    """Normalise the claim dictionaries (see module docstring)."""
    out = Claims()
    for item in raw or []:
        if not isinstance(item, dict):
            continue
        try:
            _add(out, item)
        except (KeyError, TypeError, ValueError):
            continue
    return out


def _add(out: Claims, item: dict) -> None:
    kind = item.get("kind")
    base: _Shared = {"indicator": item.get("indicator"), "category": item.get("category"),
                     "significant": _flag(item.get("significant")),
                     "relevant": _flag(item.get("relevant"))}
    if kind == "compare":
        year = int(item["year"])
        out.items.append(Claim("compare", years=frozenset({year}), a=str(item["a"]),
                               b=str(item["b"]), direction=str(item["direction"]), **base))
        out.labels.update({str(k): str(v) for k, v in (item.get("labels") or {}).items()})
        for code, group in (item.get("groups") or {}).items():
            out.groups[str(code)] = Group(
                str(code), str(group["region"]), str(group["excluding"]), base["indicator"],
                base["category"], year, group.get("numerator"), group.get("denominator"))
    elif kind == "trend":
        out.items.append(Claim("trend", years=frozenset({int(item["from"]), int(item["to"])}),
                               a=str(item["region"]), direction=str(item["direction"]), **base))
    elif kind == "trend_vs":
        out.items.append(Claim("trend_vs",
                               years=frozenset({int(item["from"]), int(item["to"])}),
                               a=str(item["region"]), b=str(item["other"]),
                               direction=str(item["direction"]), change=str(item["change"]),
                               other_change=str(item["other_change"]), **base))
    elif kind == "interval":
        key = (str(item["indicator"]), str(item["region"]), str(item["category"]),
               int(item["year"]))
        out.intervals[key] = (float(item["low"]), float(item["high"]))
    elif kind == "position":
        region = str(item["region"])
        out.positions[region] = Position(region, int(item["year"]), int(item["rank"]),
                                         int(item["n"]), str(item["standing"]))
    elif kind == "peers":
        standing = str(item["standing"])
        out.items.append(Claim("compare", years=frozenset({int(item["year"])}),
                               a=str(item["region"]), b=PEERS,
                               direction=STANDING.get(standing, "?"), standing=standing,
                               **base))
