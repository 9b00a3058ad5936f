"""Charts for answers, drawn by ``indicators.charts`` only when a chart says more than text.

A comparison of two or more regions (named regions, Nederland, the SWV, peers) gets a bar chart,
a trend a line chart; single values, positions and breakdowns get none. matplotlib is imported by
the charts module only when a chart is made, and a failing chart never costs the user the answer.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from bot.core.messages import Chart

if TYPE_CHECKING:  # pragma: no cover
    from bot.core.answers.indicator import Draft
    from bot.core.understanding.model import Understanding

logger = logging.getLogger(__name__)
CHART_MODES = ("trend", "national", "swv", "regions", "compare", "peers", "value")


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
            png = charts.trend_chart(series, lang=lang)
            kind = "trend"
        else:
            png = charts.comparison_chart(values, lang=lang)
            kind = "comparison"
    except Exception:  # noqa: BLE001 - a chart is a bonus, never a reason to fail
        logger.warning("chart failed", exc_info=True)
        return None
    alt = "; ".join(f"{getattr(v, 'name', '') or v.region} {v.year}: {v.value}{v.unit}"
                    for v in values[:12])
    title = f"{u.indicator} · {u.category or 'totaal'}"
    return Chart(title=title, png=png, alt=alt, key=f"{kind}-{u.indicator}-{values[0].region}")
