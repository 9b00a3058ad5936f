"""What the figures of one region say, as tested findings: the only input a data point may use.

Why a finding per figure: a point must rest on differences that were tested, and one figure must
not lead two points. So every published figure of the region (indicator x category, latest year)
is tested once, by the engine, against

* Nederland (``engine.compare``; the test is against the rest of the country);
* its own samenwerkingsverband, PO or VO as ``engine.swv_for`` says (the test and the figure
  named are the rest of the partnership without the gemeente; skipped, and remembered, when the
  partnership is the gemeente alone);
* its comparable gemeenten taken together (``engine.compare_peers``; percentages only);
* the national trend (``engine.compare_trend``): a change counts only when it differs from the
  change in Nederland, since a rise everywhere is no local signal.

A test counts only when the engine's direction is "hoger" or "lager": significant *and* relevant
(``indicators.significance.MIN_RELEVANT_RATIO``). A relative risk gets exactly the same tests and
no other route in. The figures are those of the engine's catalog (every indicator, every
category), so a new catalog entry is tested here with no change. Figures the monitor does not
publish at the region's level (NEET per samenwerkingsverband PO, vo figures for a PO
partnership) are never looked up.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass, field
from typing import Any

from bot.oogo import scoring

log = logging.getLogger(__name__)

NL = "NL01"
DECISIVE = ("hoger", "lager")


@dataclass(slots=True)
class Clause:
    """One decisive comparison of the figure: with Nederland, the SWV rest or the peers."""

    kind: str  # "nl" | "swv" | "peers"
    comparison: Any  # indicators.values.Comparison

    @property
    def direction(self) -> str:
        return self.comparison.direction


@dataclass(slots=True)
class Finding:
    """One figure of the region with every test that came out significant and relevant."""

    value: Any  # indicators.values.Value of the region
    clauses: list[Clause] = field(default_factory=list)
    trend: Any | None = None  # TrendComparison with a decisive direction
    alone: list[str] = field(default_factory=list)  # SWV codes that are this gemeente alone

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.value.indicator, self.value.region, self.value.category)

    @property
    def direction(self) -> str:
        """The level's direction (Nederland first, then the SWV, then peers), else the trend's."""
        for kind in ("nl", "swv", "peers"):
            for clause in self.clauses:
                if clause.kind == kind:
                    return clause.direction
        return self.trend.direction if self.trend is not None else "gelijk"

    meaning_if_lower: str = "vraag"  # the catalog's ``lower_meaning`` of the indicator

    @property
    def meaning(self) -> str:
        """aandacht / sterk / vraag (see ``topics.py``): higher asks attention, lower means
        what the catalog says for the indicator."""
        if self.direction == "hoger":
            return "aandacht"
        return self.meaning_if_lower

    @property
    def score(self) -> float:
        """The strongest test, by the size of its difference (``scoring.py``)."""
        scores = [scoring.comparison_score(
            scoring.effect(c.comparison.a.value, c.comparison.shown.value, self.value.unit),
            c.kind) for c in self.clauses]
        if self.trend is not None and self.trend.ratio:
            scores.append(scoring.trend_score(abs(math.log(self.trend.ratio))))
        return max(scores, default=0.0)


def _safe(call: Any, *args: Any) -> Any:
    """An engine call; missing or unpublished data means 'no test', never an error."""
    try:
        return call(*args)
    except Exception as exc:  # noqa: BLE001 - NoData, NotPublished, MixedSources, ...
        log.debug("engine call %s%s: %s", getattr(call, "__name__", call), args,
                  type(exc).__name__)
        return None


def published(engine: Any, region: Any, indicator: str, category: str) -> bool:
    """Does the monitor publish this figure at the region's level?"""
    levels = _safe(engine.published_levels, indicator, category) or ()
    return region.level in levels


def figures(engine: Any, region: Any) -> list[Any]:
    """The region's shown figures (latest year) at levels the monitor publishes."""
    out = []
    for indicator, definition in engine.catalog.items():
        year = _safe(engine.latest_year, indicator)
        if year is None:
            continue
        for category in definition.all_categories:
            if not published(engine, region, indicator, category):
                continue
            value = _safe(engine.lookup, indicator, region.code, category, year)
            if value is not None and not value.suppressed and value.value is not None:
                out.append(value)
    return out


def examine(engine: Any, region: Any, value: Any) -> Finding:
    """Every test of one figure; only decisive ones are kept."""
    definition = engine.catalog.get(value.indicator)
    finding = Finding(value, meaning_if_lower=getattr(definition, "lower_meaning", "vraag"))
    ind, cat, year = value.indicator, value.category, value.year
    if region.level == "land":
        return finding
    tests: list[tuple[str, Any]] = [("nl", _safe(engine.compare, ind, region.code, NL, cat,
                                                 year))]
    if region.level == "gemeente":
        swv = _safe(engine.swv_for, region.code, cat)
        if swv and published(engine, engine.registry.get(swv), ind, cat):
            comparison = _safe(engine.compare, ind, region.code, swv, cat, year)
            if comparison is not None and comparison.skipped == "swv_is_gemeente":
                finding.alone.append(swv)
            tests.append(("swv", comparison))
        if value.unit == "%":
            peers = _safe(engine.compare_peers, ind, region.code, cat, year)
            tests.append(("peers", getattr(peers, "comparison", None)))
    for kind, comparison in tests:
        if comparison is not None and comparison.direction in DECISIVE \
                and comparison.significant and comparison.relevant:
            finding.clauses.append(Clause(kind, comparison))
    trend = _safe(engine.compare_trend, ind, region.code, cat)
    if trend is not None and trend.direction in DECISIVE and trend.significant \
            and trend.relevant:
        finding.trend = trend
    return finding


def collect(engine: Any, region: Any) -> tuple[list[Finding], int | None]:
    """The decisive findings of ``region`` (strongest first) and the latest year of the
    catalog's first indicator (the year the points are about)."""
    found = [examine(engine, region, value) for value in figures(engine, region)]
    decisive = [f for f in found if f.clauses or f.trend is not None]
    decisive.sort(key=lambda f: (-f.score, f.key))
    first = next(iter(engine.catalog), None)
    return decisive, _safe(engine.latest_year, first) if first else None


def swv_alone(engine: Any, region: Any) -> list[str]:
    """The partnerships (PO and VO) that consist of this gemeente alone."""
    if region.level != "gemeente":
        return []
    codes = [c for c in (region.swv_po, region.swv_vo) if c]
    return [c for c in codes if _safe(engine.is_alone, region.code, c)]
