"""Charts as PNG bytes: a comparison bar chart and a trend line (matplotlib, Agg).

Why this way: charts are sent by the web chat, Telegram, the CLI and the report alike, so they
are plain PNG bytes. The figure is built with ``matplotlib.figure.Figure`` on an Agg canvas inside
the function: no pyplot, so no global state leaks between requests or threads, and importing this
module does not import matplotlib. Every chart takes its words from the catalog (the title says
what the figure is, the y-axis whose share it is: "% van de leerlingen in het vso"), its numbers
from ``indicators.formatting`` (ticks with one decimal), and carries the source line, including
"Demonstratiedata" for demo figures. The y-axis leaves room above the highest point and its label,
so nothing is clipped.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Mapping, Sequence
from textwrap import fill

from indicators import formatting as fm
from indicators.catalog import IndicatorDef, catalog
from indicators.values import Comparison, PeerComparison, Trend, Value
from indicators.wording import region_name, source_line
from prompts.data_texts import data_text

logger = logging.getLogger(__name__)

COLORS = ("#1f5f8b", "#e07b39", "#6a9f58", "#8c6bb1", "#c44e52", "#8c8c8c")
NATIONAL_COLOR = "#555555"
DPI = 110
HEADROOM = 1.22  # the top of the axis relative to the highest point or interval
#: the caller's indicator catalog (the composition root's); None: the shipped catalog
Catalog = Mapping[str, IndicatorDef] | None


def _values_of(items: Comparison | PeerComparison | Sequence[Value]) -> list[Value]:
    if isinstance(items, Comparison):
        return [items.a, items.shown]
    if isinstance(items, PeerComparison):
        return [items.region, *items.peers]
    return list(items)


def _known(known: Catalog) -> Mapping[str, IndicatorDef]:
    return catalog() if known is None else known


def axis_label(indicator: str, category: str, lang: str = "nl", known: Catalog = None) -> str:
    """Whose share the figure is, from the catalog ("% van de leerlingen in het vso")."""
    definition = _known(known).get(indicator)
    return definition.axis_label(category, lang) if definition else ""


def title_of(value: Value, lang: str = "nl", extra: str = "", known: Catalog = None) -> str:
    """What the chart shows, in words: "Jeugdzorggebruik onder leerlingen in het vso, 2023"."""
    definition = _known(known).get(value.indicator)
    label = definition.figure_label(value.category, lang) if definition else value.indicator
    return label[:1].upper() + label[1:] + extra


def short_name(value: Value, lang: str = "nl") -> str:
    """A region name for an axis or legend, wrapped instead of cut off."""
    return fill(plain_name(value, lang), 22)


def plain_name(value: Value, lang: str = "nl") -> str:
    """The region name of ``short_name`` on one line, for a chart's text alternative. Wrapping
    and joining the lines again broke 26 hyphenated names ("regio Groningen- Westerkwartier")
    and cost a ``textwrap`` run per value of every figure answer (issue 18)."""
    name = region_name(value, lang).replace("Samenwerkingsverband ", "SWV ")
    if value.excluding:
        swv = (value.name or value.region).replace("Samenwerkingsverband ", "SWV ")
        word = "without" if lang == "en" else "zonder"
        name = f"{'Rest of' if lang == 'en' else 'Rest'} {swv.split(' (')[0]} ({word} " \
               f"{value.excluding_name or value.excluding})"
    return name


def _new_figure(width: float = 7.5, height: float = 4.8):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=DPI)
    FigureCanvasAgg(fig)
    return fig


def _finish(fig, values: list[Value], lang: str) -> bytes:
    width = int(fig.get_figwidth() * 15)
    fig.text(0.01, 0.01, fill(source_line(values, lang), width), fontsize=7, color="#444444",
             ha="left", va="bottom")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight", pad_inches=0.2)
    return buffer.getvalue()


def _axis(ax, unit: str, lang: str, top: float) -> None:
    """Y from 0 to above the highest point, ticks with one decimal."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    ax.set_ylim(0, max(top, 0.1) * HEADROOM)
    ax.yaxis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 2.5, 5, 10]))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _pos: fm.number(y, 1, lang)))
    ax.spines[["top", "right"]].set_visible(False)


def comparison_chart(items: Comparison | PeerComparison | Sequence[Value], *,
                     title: str | None = None, lang: str = "nl", known: Catalog = None
                     ) -> bytes:
    """Bars for a region and what it is compared with (the rest of its SWV, Nederland, peers).

    The first value is the region itself (darker bar), Nederland grey. Hidden figures get no bar
    but the text "minder dan 10"; 95% intervals are drawn as error bars when known.
    """
    values = _values_of(items)
    if not values:
        raise ValueError(data_text("chart_no_figures"))
    first = values[0]
    fig = _new_figure(width=max(6.0, 1.3 * len(values) + 2.5))
    ax = fig.add_axes((0.11, 0.3, 0.86, 0.56))
    mixed = len({v.demo for v in values}) > 1  # real beside demo: mark the demo bars
    names = [short_name(v, lang) + (" (demo)" if mixed and v.demo else "") for v in values]
    heights = [v.value if v.value is not None else 0.0 for v in values]
    colors = [COLORS[0]] + [NATIONAL_COLOR if v.region == "NL01" else COLORS[1]
                            for v in values[1:]]
    bars = ax.bar(range(len(values)), heights, color=colors, width=0.6)
    top = max([v.ci_high or v.value or 0.0 for v in values] + [0.1])
    for i, (bar, value) in enumerate(zip(bars, values, strict=True)):
        if value.value is not None and value.ci_low is not None and value.ci_high is not None:
            ax.errorbar(i, value.value, yerr=[[value.value - value.ci_low],
                                              [value.ci_high - value.value]],
                        fmt="none", ecolor="#333333", capsize=3, linewidth=0.8)
        ax.text(bar.get_x() + bar.get_width() / 2,
                (value.ci_high or value.value or 0) + top * 0.02,
                fm.value_text(value, lang), ha="center", va="bottom", fontsize=8)
    ax.set_xticks(range(len(values)), names, fontsize=7)
    ax.set_ylabel(fill(axis_label(first.indicator, first.category, lang, known), 40),
                  fontsize=8)
    _axis(ax, first.unit, lang, top)
    ax.set_title(fill(title or title_of(first, lang, f", {first.year}", known), 70),
                 fontsize=10)
    return _finish(fig, values, lang)


def trend_chart(items: Trend | Sequence[Trend] | Sequence[Value], *, title: str | None = None,
                lang: str = "nl", known: Catalog = None) -> bytes:
    """One line per region over the years (the region first, Nederland grey and dashed);
    hidden years are left out of a line."""
    if isinstance(items, Trend):
        series = [items.values]
    elif items and isinstance(items[0], Trend):
        series = [t.values for t in items]  # type: ignore[union-attr]
    else:
        series = [list(items)]  # type: ignore[arg-type]
    values = [v for s in series for v in s]
    if not values:
        raise ValueError(data_text("chart_no_figures"))
    first = values[0]
    fig = _new_figure()
    ax = fig.add_axes((0.11, 0.22, 0.56, 0.64))
    for k, line in enumerate(series):
        shown = [v for v in line if v.value is not None]
        if not shown:
            continue
        national = shown[0].region == "NL01"
        ax.plot([v.year for v in shown], [v.value for v in shown], marker="o",
                color=NATIONAL_COLOR if national else COLORS[k % len(COLORS)],
                linestyle="--" if national else "-", label=short_name(shown[0], lang))
        if k == 0:  # only the main region gets a value label, to keep lines readable
            last = shown[-1]
            ax.annotate(fm.value_text(last, lang), (last.year, last.value),
                        textcoords="offset points", xytext=(4, 6), fontsize=8)
    years = sorted({v.year for v in values})
    ax.set_xticks(years, [str(y) for y in years])
    ax.set_xlim(years[0] - 0.3, years[-1] + 0.6)
    ax.set_xlabel("jaar" if lang != "en" else "year", fontsize=8)
    ax.set_ylabel(fill(axis_label(first.indicator, first.category, lang, known), 40),
                  fontsize=8)
    _axis(ax, first.unit, lang, max((v.value for v in values if v.value is not None),
                                    default=0.1))
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
    span = f", {years[0]}-{years[-1]}" if len(years) > 1 else f", {years[0]}"
    ax.set_title(fill(title or title_of(first, lang, span, known), 60), fontsize=10)
    return _finish(fig, values, lang)
