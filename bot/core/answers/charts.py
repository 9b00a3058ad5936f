"""Charts for answers, drawn by ``indicators.charts`` only when a chart says more than text.

A comparison of two or more regions (named regions, Nederland, the rest of the own SWV, peers)
gets a bar chart of exactly the figures the text compares; a trend a line chart with the region,
its samenwerkingsverband and Nederland; single values, positions and breakdowns get none. Titles
and alt texts are words and Dutch numbers, never ids. matplotlib is imported by the charts module
only when a chart is made, and a failing chart never costs the user the answer.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from bot.core.messages import Chart

if TYPE_CHECKING:  # pragma: no cover
    from bot.core.answers.context import Draft
    from bot.core.understanding.model import Understanding
    from indicators.catalog import IndicatorDef

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
         getattr(v, "demo", None), getattr(v, "source", None), getattr(v, "excluding", ""))
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
        key = (v.region, getattr(v, "excluding", ""), v.category, v.year)
        if key not in seen:
            seen.add(key)
            out.append(v)
    return out


def maybe_chart(u: Understanding, draft: Draft, lang: str, known: Mapping[str, IndicatorDef]
                ) -> Chart | None:
    """A chart for trend and comparison answers, or None; its words from ``known`` (the
    composition root's catalog)."""
    if u.mode not in CHART_MODES:
        return None
    values = _unique([v for v in draft.values if getattr(v, "value", None) is not None])
    if len(values) < 2 or len({(v.indicator, v.category) for v in values}) > 1:
        return None  # one axis, one kind of figure: a breakdown or jeugdhulp answer has none
    try:
        # a plain import of the module: "from indicators import charts" runs importlib's
        # Python-level fromlist handling on every answer
        import indicators.charts as charts
        from indicators.formatting import value_text
    except ImportError:
        return None
    try:
        if u.mode == "trend":
            series = draft.series or [sorted((v for v in values if v.region == values[0].region),
                                             key=lambda v: v.year)]
            flat = [v for s in series for v in getattr(s, "values", s)]
            kind, shown = "trend", [s for s in series]
            png = _cached_png(_chart_key(kind, lang, flat),
                              lambda: charts.trend_chart(shown, lang=lang, known=known))
            title = charts.title_of(flat[0], lang, f", {flat[0].year}-{flat[-1].year}"
                                    if len({v.year for v in flat}) > 1 else "", known)
        else:
            kind = "comparison"
            png = _cached_png(_chart_key(kind, lang, values),
                              lambda: charts.comparison_chart(values, lang=lang, known=known))
            title = charts.title_of(values[0], lang, f", {values[0].year}", known)
    except Exception:  # noqa: BLE001 - a chart is a bonus, never a reason to fail
        logger.warning("chart failed", exc_info=True)
        return None
    alt = "; ".join(f"{charts.plain_name(v, lang)} {v.year}: "
                    f"{value_text(v, lang)}" for v in values[:12])
    return Chart(title=title, png=png, alt=alt, key=f"{kind}-{u.indicator}-{values[0].region}")
