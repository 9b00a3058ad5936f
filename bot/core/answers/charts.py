"""Charts for answers, drawn by ``indicators.charts`` only when a chart says more than text.

A comparison of two or more regions (named regions, Nederland, the SWV, peers) gets a bar chart,
a trend a line chart; single values, positions and breakdowns get none. matplotlib is imported by
the charts module only when a chart is made, and a failing chart never costs the user the answer.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from typing import TYPE_CHECKING, Any

from bot.core.messages import Chart

if TYPE_CHECKING:  # pragma: no cover
    from bot.core.answers.indicator import Draft
    from bot.core.understanding.model import Understanding

logger = logging.getLogger(__name__)
CHART_MODES = ("trend", "national", "swv", "regions", "compare", "peers", "value")
# Drawing a PNG costs ~100 ms (matplotlib), far more than the answer itself; the same figures
# always give the same chart, so recent charts are kept by their exact inputs (bounded).
_CACHE_SIZE = 256
_cache: OrderedDict[tuple, bytes] = OrderedDict()
_cache_lock = threading.Lock()


def _chart_key(kind: str, lang: str, values: list[Any]) -> tuple:
    return (kind, lang) + tuple(
        (v.indicator, v.region, v.category, v.year, v.value, v.unit, v.suppressed,
         getattr(v, "ci_low", None), getattr(v, "ci_high", None), getattr(v, "name", None),
         getattr(v, "demo", None), getattr(v, "source", None))
        for v in values)


def _cached_png(key: tuple, draw: Any) -> bytes:
    with _cache_lock:
        png = _cache.get(key)
        if png is not None:
            _cache.move_to_end(key)
            return png
    png = draw()
    with _cache_lock:
        _cache[key] = png
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return png


def clear_chart_cache() -> None:
    """Forget the drawn charts (benchmarks measure the drawing itself with this)."""
    with _cache_lock:
        _cache.clear()


def _unique(values: list[Any]) -> list[Any]:
    seen: set[tuple] = set()
    out = []
    for v in values:
        key = (v.region, v.category, v.year)
        if key not in seen:
            seen.add(key)
            out.append(v)
    return out


def maybe_chart(u: Understanding, draft: Draft, lang: str = "nl") -> Chart | None:
    """A chart for trend and comparison answers, or None."""
    values = _unique([v for v in draft.values if getattr(v, "value", None) is not None])
    if u.mode not in CHART_MODES or len(values) < 2:
        return None
    try:
        from indicators import charts
    except ImportError:
        return None
    try:
        if u.mode == "trend":
            first = values[0].region
            series = sorted((v for v in values if v.region == first), key=lambda v: v.year)
            kind = "trend"
            png = _cached_png(_chart_key(kind, lang, series),
                              lambda: charts.trend_chart(series, lang=lang))
        else:
            kind = "comparison"
            png = _cached_png(_chart_key(kind, lang, values),
                              lambda: charts.comparison_chart(values, lang=lang))
    except Exception:  # noqa: BLE001 - a chart is a bonus, never a reason to fail
        logger.warning("chart failed", exc_info=True)
        return None
    alt = "; ".join(f"{getattr(v, 'name', '') or v.region} {v.year}: {v.value}{v.unit}"
                    for v in values[:12])
    title = f"{u.indicator} · {u.category or 'totaal'}"
    return Chart(title=title, png=png, alt=alt, key=f"{kind}-{u.indicator}-{values[0].region}")
