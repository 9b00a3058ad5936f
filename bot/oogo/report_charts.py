"""Charts for the preparation document, drawn by the indicator library (``indicators.charts``).

Why the library's charts: the chat, the web page and the report must draw a figure the same way
(titles and axes from the catalog, ticks with one decimal, nothing clipped, the source line and
the demonstration mark on the image). Per figure the report shows:

* a comparison: the region, the rest of its own samenwerkingsverband without it (the group it
  was tested against; left out when the partnership is the gemeente alone) and Nederland;
* a trend: the region, its samenwerkingsverband and Nederland over the years.

Drawn for the figures the catalog charts for each indicator (``IndicatorDef.charted``: jeugdzorg
among all young people and NEET, where published), and for the lead figure of the first ranked
points. A chart that fails is logged and left out; the table has the numbers.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from bot.oogo.report import ReportChart

if TYPE_CHECKING:  # pragma: no cover
    from bot.services import Services

log = logging.getLogger(__name__)

NL = "NL01"
LEAD_CHARTS = 2  # the lead figures of this many top points get a chart of their own


def _safe(call: Any, *args: Any) -> Any:
    try:
        return call(*args)
    except Exception:  # noqa: BLE001 - missing or unpublished figure: no bar or line
        return None


def _swv(engine: Any, region: Any, category: str, alone: set[str]) -> str | None:
    if region.level != "gemeente":
        return None
    code = _safe(engine.swv_for, region.code, category)
    return None if code in alone else code


def _name(value: Any) -> str:
    from indicators.wording import region_name

    return region_name(value, "nl")


def comparison_figure(services: Services, region: Any, indicator: str, category: str,
                      alone: set[str], key: str) -> ReportChart | None:
    from indicators.charts import comparison_chart, title_of

    engine = services.indicators
    year = _safe(engine.latest_year, indicator)
    own = _safe(engine.lookup, indicator, region.code, category, year)
    if own is None:
        return None
    values = [own]
    swv = _swv(engine, region, category, alone)
    if swv:
        tested = _safe(engine.compare, indicator, region.code, swv, category, year)
        if tested is not None and not tested.skipped:
            values.append(tested.shown)
    national = _safe(engine.lookup, indicator, NL, category, year)
    if national is not None and region.code != NL:
        values.append(national)
    if len(values) < 2:
        return None
    png = comparison_chart(values, lang="nl", known=engine.catalog)
    names = [_name(v) for v in values]
    title = (f"{title_of(own, 'nl', known=engine.catalog)}, {year}: {names[0]} vergeleken met "
             + " en met ".join(names[1:]))
    return ReportChart(key, title, f"Staafdiagram: {title}", png, half=True)


def trend_figure(services: Services, region: Any, indicator: str, category: str,
                 alone: set[str]) -> ReportChart | None:
    from indicators.charts import title_of, trend_chart

    engine = services.indicators
    codes = [region.code, _swv(engine, region, category, alone), NL]
    trends = [t for t in (_safe(engine.trend, indicator, c, category)
                          for c in dict.fromkeys(c for c in codes if c)) if t is not None]
    if not trends or len([v for v in trends[0].values if v.value is not None]) < 2:
        return None
    png = trend_chart(trends, lang="nl", known=engine.catalog)
    years = sorted({v.year for t in trends for v in t.values})
    names = [_name(t.values[0]) for t in trends]
    who = names[0] + (" naast " + " en ".join(names[1:]) if len(names) > 1 else "")
    label = title_of(trends[0].values[0], "nl", known=engine.catalog)
    title = f"{label}, {years[0]}-{years[-1]}: {who}"
    return ReportChart(f"trend_{indicator}_{category}", title, f"Lijndiagram: {title}", png,
                       half=True)


def _published(engine: Any, region: Any, indicator: str, category: str) -> bool:
    return region.level in (_safe(engine.published_levels, indicator, category) or ())


def build_charts(services: Services, region: Any, alone: set[str],
                 points: Any | None = None) -> list[ReportChart]:
    """All report charts that could be made; failures are logged, never raised."""
    engine = services.indicators
    wanted = [(i, c) for i, definition in engine.catalog.items() for c in definition.charted
              if _published(engine, region, i, c)]
    leads: list[tuple[str, str]] = []
    number: dict[tuple[str, str], int] = {}
    for rank, point in enumerate(points.ranked if points is not None else [], start=1):
        lead = point.lead
        if lead and lead[0] != "scan" and (lead[0], lead[2]) not in wanted + leads \
                and len(leads) < LEAD_CHARTS:
            leads.append((lead[0], lead[2]))
            number[(lead[0], lead[2])] = rank
    charts: list[ReportChart] = []
    for indicator, category in wanted + leads:
        for make in (lambda i=indicator, c=category: comparison_figure(
                         services, region, i, c, alone, f"vergelijking_{i}_{c}"),
                     lambda i=indicator, c=category: trend_figure(services, region, i, c,
                                                                  alone)):
            try:
                chart = make()
            except Exception:  # noqa: BLE001 - a chart never stops the report
                log.warning("chart for %s failed", region.code, exc_info=True)
                continue
            if chart is not None:
                if (indicator, category) in number:
                    chart.title = f"Bij gesprekspunt {number[(indicator, category)]}. " \
                                  f"{chart.title}"
                charts.append(chart)
    return charts
