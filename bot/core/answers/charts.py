"""Charts for answers, drawn by ``indicators.charts`` only when a chart says more than text.

A comparison of two or more values gets a bar chart, a trend a line chart. matplotlib is
imported by the charts module only, and only when a chart is made; a failing chart never
costs the user the answer.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from bot.core.messages import Chart

if TYPE_CHECKING:  # pragma: no cover
    from bot.core.answers.indicator import Draft
    from bot.core.understanding.model import Understanding

logger = logging.getLogger(__name__)


def maybe_chart(u: Understanding, draft: Draft) -> Chart | None:
    """A chart for trend and comparison answers, or None."""
    facts = [f for f in draft.facts if f.value is not None]
    if len(facts) < 2:
        return None
    try:
        from indicators import charts
    except ImportError:
        return None
    title = f"{u.indicator} ({u.category or 'totaal'})"
    try:
        if u.mode == "trend":
            png = _call(charts, "trend_chart", facts, title)
            kind = "trend"
        else:
            png = _call(charts, "comparison_chart", facts, title)
            kind = "comparison"
    except Exception:  # noqa: BLE001 - a chart is a bonus, never a reason to fail
        logger.warning("chart failed", exc_info=True)
        return None
    if not png:
        return None
    alt = "; ".join(f"{f.region} {f.year}: {f.value}" for f in facts[:12])
    return Chart(title=title, png=png, alt=alt, key=f"{kind}-{u.indicator}")


def _call(module: Any, name: str, facts: list[Any], title: str) -> bytes | None:
    func = getattr(module, name, None)
    if func is None:
        return None
    return func(facts, title=title)
