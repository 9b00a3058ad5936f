"""Where a region stands: among all regions of its level, and against its peers.

Why apart from the engine: ranking needs every region's shown figure; the peers comparison pools
the shown peers for one test. Both read figures only through ``engine.lookup``, so a hidden cell
never enters a rank, a mean or a pool (a pool with a hidden peer would give it back by
subtraction).
"""

from __future__ import annotations

import math
import statistics
from typing import TYPE_CHECKING

from indicators import stats
from indicators.errors import NoData
from indicators.significance import compare_values
from indicators.values import PeerComparison, Position, Value

# a real figure is ranked only when (nearly) the whole level has real figures
REAL_SHARE_FOR_RANK = 0.9

if TYPE_CHECKING:  # pragma: no cover
    from indicators.engine import IndicatorEngine


def position(engine: IndicatorEngine, indicator: str, region: str, category: str = "totaal",
             year: int | None = None) -> Position:
    """Rank and percentile among all regions of the same level."""
    own = engine.lookup(indicator, region, category, year)
    level = engine.registry.get(own.region).level
    # Nederland has no peers of its own level: no rank instead of a meaningless "1 of 1".
    ranked = [] if level == "land" else ranked_values(engine, indicator, own.category, own.year,
                                                      level, own.demo)
    extra = {}
    if not own.demo and len(ranked) < REAL_SHARE_FOR_RANK * len(engine.registry.all(level)):
        ranked, extra = [], {"real_partial": True}  # real for part of the level: no rank
    n = len(ranked)
    k = max(1, math.ceil(0.05 * n)) if n else 0
    common = {"indicator": indicator, "region": own.region, "category": own.category,
              "year": own.year, "value": own.value, "n": n, "level": level,
              "lowest_5pct_mean": _r(statistics.fmean(ranked[:k]), 2) if n else None,
              "highest_5pct_mean": _r(statistics.fmean(ranked[-k:]), 2) if n else None,
              "median": _r(statistics.median(ranked), 2) if n else None, "extra": extra}
    if own.value is None or not n:
        return Position(**common, rank=None, percentile=None, top_5pct=False, bottom_5pct=False)
    lower = sum(1 for v in ranked if v < own.value)
    equal = sum(1 for v in ranked if v == own.value)
    higher = n - lower - equal
    percentile = _r(100.0 * (lower + 0.5 * equal) / n, 1)
    return Position(**common, rank=higher + 1, percentile=percentile,
                    top_5pct=higher < k, bottom_5pct=lower < k)


def ranked_values(engine: IndicatorEngine, indicator: str, category: str, year: int,
                  level: str, demo: bool = True) -> list[float]:
    """The shown figures of every region of a level, ascending (cached on the engine); only
    real ones for a real figure and only demonstration ones for a demonstration figure."""
    key = (indicator, category, year, level, demo)
    if key not in engine._ranking:
        values = []
        for reg in engine.registry.all(level):
            try:
                found = engine.lookup(indicator, reg.code, category, year)
            except NoData:
                continue
            if found.value is not None and found.demo == demo:
                values.append(found.value)
        engine._ranking[key] = sorted(values)
    return engine._ranking[key]


def compare_peers(engine: IndicatorEngine, indicator: str, region: str,
                  category: str = "totaal", year: int | None = None,
                  n: int = 8) -> PeerComparison:
    """Region against its peers (most alike in size and density), with mean and median."""
    year = engine.latest_year(indicator) if year is None else int(year)
    own = engine.lookup(indicator, region, category, year)
    peers = [engine.lookup(indicator, p.code, own.category, year)
             for p in engine.registry.peers(own.region, n)]
    alike = [p for p in peers if p.demo == own.demo]  # like with like: real or demo only
    left_out, peers = len(peers) - len(alike), alike
    shown = [p.value for p in peers if p.value is not None]
    pooled = pooled_peers(own, peers)
    comparison = compare_values(own, pooled) if pooled is not None else None
    digits = 2 if own.unit == "x" else 1
    return PeerComparison(
        region=own, peers=peers,
        mean=_r(statistics.fmean(shown), digits) if shown else None,
        median=_r(statistics.median(shown), digits) if shown else None,
        n=len(shown), pooled=pooled, comparison=comparison, left_out=left_out,
    )


def pooled_peers(own: Value, peers: list[Value]) -> Value | None:
    """The shown peers taken together (summed counts) for a significance test."""
    if own.unit == "x":
        return None
    used = [p for p in peers if p.value is not None and p.numerator is not None]
    if not used:
        return None
    num, den = sum(p.numerator for p in used), sum(p.denominator for p in used)
    ci = stats.wilson(num, den)
    return Value(own.indicator, "PEERS", own.category, own.year, _r(100 * num / den, 1),
                 num, den, own.unit, False, _r(ci[0], 1), _r(ci[1], 1),
                 name="vergelijkbare gemeenten", demo=all(p.demo for p in used),
                 source=own.source)


def _r(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)
