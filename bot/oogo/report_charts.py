"""Charts for the preparation document: region vs SWV vs Nederland, per onderwijssoort, trends.

The report prefers the indicator library's own chart functions (``indicators.charts``) so charts
look the same in the chat and on paper; the values always come from the engine. Chart failures
never stop a report: a missing chart is logged and the table still carries the numbers.
"""

from __future__ import annotations

import logging
from typing import Any

from bot.oogo.indicator_signals import NL, _safe, _usable, swv_for
from bot.oogo.report import ReportChart

log = logging.getLogger(__name__)

BREAKDOWN = ("po", "sbo", "so", "vo", "vso", "pro", "mbo")


def _bars(title: str, labels: list[str], series: dict[str, list[float | None]],
          unit: str) -> bytes:
    """Grouped bar chart as PNG bytes (matplotlib Agg, imported only here)."""
    import io

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7.2, 2.7), dpi=130)
    width = 0.8 / max(1, len(series))
    colors = ("#1f5f8b", "#8c8c8c", "#e07b39")  # the indicator charts' palette
    for i, (name, values) in enumerate(series.items()):
        xs = [x + (i - (len(series) - 1) / 2) * width for x in range(len(labels))]
        ys = [v if v is not None else 0 for v in values]
        ax.bar(xs, ys, width=width, label=name, color=colors[i % len(colors)])
    ax.set_xticks(range(len(labels)), labels, fontsize=8)
    ax.set_ylabel(unit, fontsize=8)
    ax.set_title(title, fontsize=9)
    ax.tick_params(axis="y", labelsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(fontsize=7, frameon=False)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    plt.close(fig)
    return buf.getvalue()


def _value(engine: Any, ind: str, code: str | None, cat: str, year: int) -> float | None:
    if not code:
        return None
    value = _safe(engine.lookup, ind, code, cat, year)
    return float(value.value) if _usable(value) else None


def _values(engine: Any, ind: str, codes: list[str | None], cat: str, year: int) -> list[Any]:
    out = []
    for code in codes:
        value = _safe(engine.lookup, ind, code, cat, year) if code else None
        if value is not None:
            out.append(value)
    return out


def comparison_figures(services: Any, region: Any) -> list[ReportChart]:
    """Jeugdzorg (totaal) and NEET: the region, its SWV and Nederland (the library's chart)."""
    from indicators.charts import comparison_chart

    engine = services.indicators
    charts = []
    for ind, label in (("jeugdzorg", "Jeugdzorg"), ("neet", "NEET")):
        year = _safe(engine.latest_year, ind)
        values = _values(engine, ind, [region.code, swv_for(region, "totaal"), NL], "totaal", year)
        if len(values) < 2:
            continue
        name = label if ind == "neet" else label.lower()
        others = "samenwerkingsverband en Nederland" if len(values) > 2 else "Nederland"
        png = comparison_chart(values, title=f"{label} {year}: regio, {others}", lang="nl")
        charts.append(ReportChart(f"vergelijking_{ind}", f"{label} in {year}: {region.name} "
                                  f"vergeleken met {others}",
                                  f"Staafdiagram: {name} in {region.name} en {others}", png,
                                  half=True))
    return charts


def breakdown_figure(services: Any, region: Any) -> ReportChart | None:
    engine = services.indicators
    year = _safe(engine.latest_year, "jeugdzorg")
    labels = list(BREAKDOWN)
    series = {region.name: [_value(engine, "jeugdzorg", region.code, c, year) for c in BREAKDOWN],
              "Nederland": [_value(engine, "jeugdzorg", NL, c, year) for c in BREAKDOWN]}
    png = _bars(f"Jeugdzorg per onderwijssoort, {year}", labels, series, "%")
    return ReportChart("onderwijssoort", f"Jeugdzorg per onderwijssoort in {year}: {region.name} "
                       "en Nederland", "Staafdiagram van jeugdzorg per onderwijssoort", png)


def trend_figures(services: Any, region: Any) -> list[ReportChart]:
    """Jeugdzorg (totaal) and NEET over the years: the region against Nederland."""
    from indicators.charts import trend_chart

    engine = services.indicators
    charts = []
    for ind, label in (("jeugdzorg", "Jeugdzorg"), ("neet", "NEET")):
        trends = [t for t in (_safe(engine.trend, ind, code, "totaal")
                              for code in (region.code, NL)) if t is not None]
        if not trends or len([v for v in trends[0].values if _usable(v)]) < 2:
            continue
        png = trend_chart(trends, title=f"{label}: ontwikkeling", lang="nl")
        name = label if ind == "neet" else label.lower()
        charts.append(ReportChart(f"trend_{ind}", f"Ontwikkeling van {name} in "
                                  f"{region.name} en Nederland",
                                  f"Lijndiagram: {name} door de jaren", png, half=True))
    return charts


def build_charts(services: Any, region: Any) -> list[ReportChart]:
    """All report charts that could be made; failures are logged, never raised."""
    charts: list[ReportChart] = []
    for make in (comparison_figures, breakdown_figure, trend_figures):
        try:
            made = make(services, region)
        except Exception:
            log.warning("chart %s failed for %s", make.__name__, region.code, exc_info=True)
            continue
        if isinstance(made, ReportChart):
            charts.append(made)
        elif made:
            charts.extend(made)
    return charts
