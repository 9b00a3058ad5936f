"""Charts of the regioscan as PNG bytes (matplotlib, Agg backend, imported only when drawn)."""

from __future__ import annotations

import io
from typing import Any

from bot.regioscan.outcome import Outcome
from bot.regioscan.round_result import RoundResult
from bot.regioscan.texts import number_nl, t


def _figure(width: float, height: float) -> tuple[Any, Any]:
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    return plt.subplots(figsize=(width, height), dpi=110)


def _png(fig: Any) -> bytes:
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    fig.tight_layout()
    fig.savefig(buffer, format="png")
    plt.close(fig)
    return buffer.getvalue()


def outcome_chart(outcome: Outcome) -> bytes:
    """Horizontal bars: the mean per theme on the 1-5 scale (themes without score left empty)."""
    labels = outcome.chart["labels"]
    values = [v if v is not None else 0 for v in outcome.chart["values"]]
    fig, ax = _figure(6.4, 3.2)
    bars = ax.barh(labels[::-1], values[::-1], color="#2a6f97")
    for bar, value in zip(bars, outcome.chart["values"][::-1], strict=True):
        text = "-" if value is None else number_nl(value, outcome.language)
        ax.text(bar.get_width() + 0.05, bar.get_y() + bar.get_height() / 2, text, va="center")
    ax.set_xlim(0, 5.5)
    ax.set_xticks([1, 2, 3, 4, 5])
    ax.axvline(3, color="#999999", linewidth=0.8, linestyle="--")
    ax.set_title(t(outcome.language, "chart_outcome_title"))
    return _png(fig)


def round_chart(result: RoundResult) -> bytes:
    """Grouped bars: all respondents and every role that may be shown, per theme (a theme the
    anonymity rules hold back has no bar)."""
    series = result.chart["series"]
    labels = result.chart["labels"]
    fig, ax = _figure(7.2, 3.6)
    width = 0.8 / max(1, len(series))
    for i, (name, values) in enumerate(series.items()):
        xs = [x + i * width for x in range(len(labels))]
        ax.bar(xs, [v if v is not None else 0 for v in values], width=width, label=name)
    ax.set_xticks([x + width * (len(series) - 1) / 2 for x in range(len(labels))], labels,
                  fontsize=8)
    ax.set_ylim(0, 5)
    ax.set_ylabel(t("nl", "chart_round_axis"))
    ax.set_title(t("nl", "chart_round_title", title=result.title, region=result.region))
    ax.legend(fontsize=7)
    return _png(fig)
