"""Charts as PNG bytes: a comparison bar chart and a trend line (matplotlib, Agg).

Why this way: charts are sent by the web chat, Telegram and the CLI alike, so they are plain PNG
bytes. The figure is built with ``matplotlib.figure.Figure`` on an Agg canvas inside the function:
no pyplot, so no global state leaks between requests or threads, and importing this module does
not import matplotlib. Every chart carries Dutch (or English) labels, the unit on the y-axis and
the source line at the bottom, including "Demonstratiedata" when the figures are demo data.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Sequence

from indicators.catalog import build_catalog
from indicators.values import Comparison, PeerComparison, Trend, Value
from indicators.wording import category_label, format_number, format_value, region_name, source_line

logger = logging.getLogger(__name__)

COLORS = ("#1f5f8b", "#e07b39", "#6a9f58", "#8c6bb1", "#c44e52", "#8c8c8c")
DPI = 110


def _values_of(items: Comparison | PeerComparison | Sequence[Value]) -> list[Value]:
    if isinstance(items, Comparison):
        return [items.a, items.b]
    if isinstance(items, PeerComparison):
        return [items.region, *items.peers]
    return list(items)


def _axis_label(indicator: str, lang: str) -> str:
    definition = build_catalog().get(indicator)
    if definition is None:
        return ""
    if definition.unit == "x":
        return "relative risk (times)" if lang == "en" else "relatief risico (keer zo groot)"
    if lang == "en":
        return f"% of young people aged {definition.age_range.replace(' tot ', '-')}"
    return f"% van de jongeren van {definition.age_range}"


def _title(value: Value, lang: str, extra: str = "") -> str:
    definition = build_catalog().get(value.indicator)
    label = definition.label(lang) if definition else value.indicator
    label = label[:1].upper() + label[1:]
    if definition and definition.all_categories == ("totaal",):
        return f"{label}{extra}"
    return f"{label} ({category_label(value.category, lang)}){extra}"


def _new_figure(width: float = 7.5, height: float = 4.6):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=DPI)
    FigureCanvasAgg(fig)
    return fig


def _finish(fig, values: list[Value], lang: str) -> bytes:
    from textwrap import fill

    width = int(fig.get_figwidth() * 15)
    fig.text(0.01, 0.01, fill(source_line(values, lang), width), fontsize=7, color="#444444",
             ha="left", va="bottom")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()


def _tick_formatter(unit: str, lang: str):
    from matplotlib.ticker import FuncFormatter

    decimals = 1 if unit == "x" else 0
    return FuncFormatter(lambda y, _pos: format_number(y, decimals, lang))


def comparison_chart(items: Comparison | PeerComparison | Sequence[Value], *,
                     title: str | None = None, lang: str = "nl") -> bytes:
    """Bars for a region and what it is compared with (SWV, Nederland, another region, peers).

    The first value is the region itself (darker bar). Suppressed figures get no bar but the
    text "minder dan 10"; 95% intervals are drawn as error bars when known.
    """
    values = _values_of(items)
    if not values:
        raise ValueError("Geen cijfers om te tekenen.")
    first = values[0]
    fig = _new_figure(width=max(6.0, 1.1 * len(values) + 2.5))
    ax = fig.add_axes((0.1, 0.27, 0.87, 0.62))
    mixed = len({v.demo for v in values}) > 1  # real beside demo: mark the demo bars
    names = [_short(region_name(v, lang)) + (" (demo)" if mixed and v.demo else "")
             for v in values]
    heights = [v.value if v.value is not None else 0.0 for v in values]
    colors = [COLORS[0]] + [COLORS[5] if v.region == "NL01" else COLORS[1] for v in values[1:]]
    bars = ax.bar(range(len(values)), heights, color=colors, width=0.65)
    top = max([v.ci_high or v.value or 0.0 for v in values] + [1.0])
    for i, (bar, value) in enumerate(zip(bars, values, strict=True)):
        if value.value is not None and value.ci_low is not None and value.ci_high is not None:
            ax.errorbar(i, value.value, yerr=[[value.value - value.ci_low],
                                              [value.ci_high - value.value]],
                        fmt="none", ecolor="#333333", capsize=3, linewidth=0.8)
        label = format_value(value.value, value.unit, lang, value.suppressed)
        ax.text(bar.get_x() + bar.get_width() / 2, (value.ci_high or value.value or 0) + top * 0.02,
                label, ha="center", va="bottom", fontsize=8)
    ax.set_xticks(range(len(values)), names, rotation=20 if len(values) > 3 else 0,
                  ha="right" if len(values) > 3 else "center", fontsize=8)
    ax.set_ylim(0, top * 1.18)
    ax.set_ylabel(_axis_label(first.indicator, lang), fontsize=8)
    ax.yaxis.set_major_formatter(_tick_formatter(first.unit, lang))
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_title(title or _title(first, lang, f", {first.year}"), fontsize=10)
    return _finish(fig, values, lang)


def trend_chart(items: Trend | Sequence[Trend] | Sequence[Value], *, title: str | None = None,
                lang: str = "nl") -> bytes:
    """One line per region over the years; suppressed years are left out of the line."""
    if isinstance(items, Trend):
        series = [items.values]
    elif items and isinstance(items[0], Trend):
        series = [t.values for t in items]  # type: ignore[union-attr]
    else:
        series = [list(items)]  # type: ignore[arg-type]
    values = [v for s in series for v in s]
    if not values:
        raise ValueError("Geen cijfers om te tekenen.")
    first = values[0]
    fig = _new_figure()
    ax = fig.add_axes((0.1, 0.22, 0.56, 0.67))
    for k, line in enumerate(series):
        shown = [v for v in line if v.value is not None]
        if not shown:
            continue
        ax.plot([v.year for v in shown], [v.value for v in shown], marker="o",
                color=COLORS[k % len(COLORS)], label=_short(region_name(shown[0], lang), 36))
        if k > 0:
            continue  # only the main region gets a value label, to keep lines readable
        last = shown[-1]
        ax.annotate(format_value(last.value, last.unit, lang), (last.year, last.value),
                    textcoords="offset points", xytext=(4, 4), fontsize=8)
    years = sorted({v.year for v in values})
    ax.set_xticks(years, [str(y) for y in years])
    ax.set_xlabel("jaar" if lang != "en" else "year", fontsize=8)
    ax.set_ylabel(_axis_label(first.indicator, lang), fontsize=8)
    ax.yaxis.set_major_formatter(_tick_formatter(first.unit, lang))
    low = min((v.value for v in values if v.value is not None), default=0.0)
    ax.set_ylim(0 if low >= 0 else low * 1.1, None)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
    span = f", {years[0]}-{years[-1]}" if len(years) > 1 else f", {years[0]}"
    ax.set_title(title or _title(first, lang, span), fontsize=10)
    return _finish(fig, values, lang)


def _short(name: str, limit: int = 28) -> str:
    """Long SWV names are shortened on the axis: "SWV PO 27.07 (regio Amsterdam-Diemen)"."""
    name = name.replace("Samenwerkingsverband ", "SWV ")
    return name if len(name) <= limit else name[: limit - 1] + "…"
