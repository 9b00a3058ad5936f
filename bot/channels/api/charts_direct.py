"""Direct chart URLs (``/api/charts/indicator.png?indicator=&region=&compare=``) for integrations
that want a picture without a conversation: a comparison bar chart when ``compare`` is given,
else the region's trend over the available years. Drawn by ``indicators.charts``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fastapi import HTTPException

from bot.channels.api.texts import text

if TYPE_CHECKING:  # pragma: no cover
    from bot.services import Services


def render_indicator_chart(services: Services, indicator: str, region: Any, other: Any | None,
                           category: str, year: int | None) -> bytes:
    from indicators import charts

    engine = services.indicators
    if indicator not in engine.catalog:
        raise HTTPException(404, text("indicator_unknown", indicator=indicator,
                                      known=", ".join(sorted(engine.catalog))))
    label = getattr(engine.catalog[indicator], "label_nl", indicator)
    def demo(values: list) -> str:  # per figure: only when a figure drawn is demo data
        return text("chart_demo_mark") if any(v.demo for v in values) else ""

    try:
        if other is not None:
            year = year or engine.latest_year(indicator)
            values = [engine.lookup(indicator, region.code, category, year),
                      engine.lookup(indicator, other.code, category, year)]
            title = text("chart_title_compare", label=label, region=region.name,
                         other=other.name, year=year, demo=demo(values))
            png = charts.comparison_chart(values, title=title)
        else:
            trend = engine.trend(indicator, region.code, category)
            values = list(trend.values)
            title = text("chart_title_trend", label=label, region=region.name,
                         demo=demo(values))
            png = charts.trend_chart(values, title=title)
    except HTTPException:
        raise
    except (LookupError, ValueError) as exc:
        raise HTTPException(404, text("chart_no_figures", label=label, region=region.name,
                                      category=category)) from exc
    if not png:
        raise HTTPException(404, text("chart_impossible"))
    return png
