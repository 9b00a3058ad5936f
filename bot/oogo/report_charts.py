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
    colors = ("#0b4f6c", "#7fb8d1", "#c45100")
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


def _line(title: str, series: dict[str, tuple[list[int], list[float]]], unit: str) -> bytes:
    import io

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7.2, 2.6), dpi=130)
    colors = ("#0b4f6c", "#c45100", "#7fb8d1")
    for i, (name, (years, values)) in enumerate(series.items()):
        ax.plot(years, values, marker="o", label=name, color=colors[i % len(colors)])
    ax.set_ylabel(unit, fontsize=8)
    ax.set_title(title, fontsize=9)
    ax.tick_params(labelsize=8)
    ax.xaxis.get_major_locator().set_params(integer=True)
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


def comparison_figure(services: Any, region: Any) -> ReportChart | None:
    engine = services.indicators
    labels, series = [], {region.name: [], "Samenwerkingsverband": [], "Nederland": []}
    for ind, cat, label in (("jeugdzorg", "totaal", "Jeugdzorg"), ("neet", "totaal", "NEET")):
        year = _safe(engine.latest_year, ind)
        labels.append(f"{label} {year}")
        series[region.name].append(_value(engine, ind, region.code, cat, year))
        series["Samenwerkingsverband"].append(_value(engine, ind, swv_for(region, cat), cat, year))
        series["Nederland"].append(_value(engine, ind, NL, cat, year))
    if region.level != "gemeente":
        series.pop("Samenwerkingsverband")
    png = _bars("Jeugdzorg en NEET: regio, samenwerkingsverband en Nederland", labels, series, "%")
    return ReportChart("vergelijking", "Jeugdzorg (totaal) en NEET: " + region.name +
                       " vergeleken met samenwerkingsverband en Nederland",
                       "Staafdiagram met jeugdzorg en NEET voor de regio, het "
                       "samenwerkingsverband en Nederland", png)


def breakdown_figure(services: Any, region: Any) -> ReportChart | None:
    engine = services.indicators
    year = _safe(engine.latest_year, "jeugdzorg")
    labels = list(BREAKDOWN)
    series = {region.name: [_value(engine, "jeugdzorg", region.code, c, year) for c in BREAKDOWN],
              "Nederland": [_value(engine, "jeugdzorg", NL, c, year) for c in BREAKDOWN]}
    png = _bars(f"Jeugdzorg per onderwijssoort, {year}", labels, series, "%")
    return ReportChart("onderwijssoort", f"Jeugdzorg per onderwijssoort in {year}: {region.name} "
                       "en Nederland", "Staafdiagram van jeugdzorg per onderwijssoort", png)


def trend_figure(services: Any, region: Any) -> ReportChart | None:
    engine = services.indicators
    series: dict[str, tuple[list[int], list[float]]] = {}
    for ind, label in (("jeugdzorg", "Jeugdzorg"), ("neet", "NEET")):
        trend = _safe(engine.trend, ind, region.code, "totaal")
        if trend is None:
            continue
        values = [v for v in trend.values if _usable(v)]
        if len(values) >= 2:
            series[f"{label} {region.name}"] = ([v.year for v in values],
                                                [float(v.value) for v in values])
    if not series:
        return None
    png = _line(f"Ontwikkeling in {region.name}", series, "%")
    return ReportChart("trend", f"Ontwikkeling van jeugdzorg en NEET in {region.name}",
                       "Lijndiagram van jeugdzorg en NEET door de jaren", png)


def build_charts(services: Any, region: Any) -> list[ReportChart]:
    """All report charts that could be made; failures are logged, never raised."""
    charts: list[ReportChart] = []
    for make in (comparison_figure, breakdown_figure, trend_figure):
        try:
            chart = make(services, region)
        except Exception:
            log.warning("chart %s failed for %s", make.__name__, region.code, exc_info=True)
            continue
        if chart is not None:
            charts.append(chart)
    return charts
