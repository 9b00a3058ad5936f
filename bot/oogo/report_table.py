"""The figures table of the preparation document: the region, its SWV PO and SWV VO, Nederland.

Why this shape: a policy adviser reads the table next to the chat, so the table uses the chat's
rules. Each row is one published figure (label from the catalog), with a column per partnership
level ("SWV PO", "SWV VO"), filled only where the monitor publishes that figure for that level
(po, sbo and so per SWV PO; vo, vso, pro, mbo, NEET and its risks per SWV VO; the totals for
both). The comparison column says what the engine tested: against Nederland, and against the
rest of the partnership that ``engine.swv_for`` picks, which is the one the chat uses for the
same figure. A partnership that is the gemeente alone is said so, not repeated as a figure.
Numbers come from ``indicators.formatting``; when real and demonstration figures stand side by
side, demonstration cells say "(demo)". The rows are the engine's catalog: its indicators in
order, each with its ``report_rows`` categories, so a new catalog entry gets its rows here.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from bot.oogo.report_words import report_text
from bot.oogo.sources_view import checked_compare
from indicators import formatting as fm

log = logging.getLogger(__name__)

NL = "NL01"
#: the tested directions, each a phrase before what it was tested against ("hoger dan
#: Nederland", ``words.yaml``: report.tested)
DIRECTIONS = ("hoger", "lager", "gelijk", "onbekend")


@dataclass(slots=True)
class TableRow:
    indicator: str
    category: str
    label: str
    year: int
    region: str
    swv_po: str
    swv_vo: str
    nederland: str
    wording: str
    numbers: list[float] = field(default_factory=list)
    values: list[Any] = field(default_factory=list)  # the engine Values shown in this row


def _safe(call: Any, *args: Any) -> Any:
    try:
        return call(*args)
    except Exception:  # noqa: BLE001 - missing, unpublished or mixed data: an empty cell
        return None


def row_label(engine: Any, indicator: str, category: str) -> str:
    """The catalog's name of the figure: "Jeugdzorggebruik onder leerlingen in het vso"."""
    definition = engine.catalog[indicator]
    label = definition.figure_label(category, "nl")
    if definition.all_categories == ("totaal",):
        label = f"{label}, {definition.age_range}"
    return label[:1].upper() + label[1:]


def cell(value: Any, mixed: bool) -> str:
    """A figure as text, "minder dan 10" when hidden, "(demo)" beside real figures."""
    if value is None:
        return "-"
    text = fm.value_text(value, "nl")
    return text + report_text("demo_tag") if mixed and getattr(value, "demo", True) else text


def wording(engine: Any, region: Any, value: Any, swv: str | None, alone: set[str]) -> str:
    """What was tested: "hoger dan Nederland; ongeveer gelijk aan rest SWV VO"."""
    if value is None or value.value is None:
        return report_text("too_few") if value is not None else "-"
    if region.code == NL:
        return report_text("national_figure")
    parts = []
    nl = checked_compare(engine, value.indicator, region.code, NL, value.category, value.year)
    parts.append(_against(nl, report_text("nederland")))
    if swv and swv not in alone:  # a partnership of this gemeente alone: said under the table
        kind = report_text("swv_po" if swv.startswith("PO") else "swv_vo")
        cmp = checked_compare(engine, value.indicator, region.code, swv, value.category,
                              value.year)
        parts.append(_against(cmp, report_text("swv_rest", kind=kind)))
    return "; ".join(parts)


def _against(comparison: Any, name: str) -> str:
    """One tested comparison as the reader says it; a failed test says it was not tested, a
    real figure against a demonstration one says it was not compared."""
    if isinstance(comparison, str):
        return f"{comparison} ({name})"
    direction = comparison.direction if comparison else "onbekend"
    phrase = report_text("tested", direction if direction in DIRECTIONS else "onbekend")
    return f"{phrase} {name}"


def _column(engine: Any, region: Any, level: str, code: str | None, indicator: str,
            category: str, year: int, alone: set[str]) -> tuple[str, Any]:
    if not code or level not in (_safe(engine.published_levels, indicator, category) or ()):
        return report_text("not_per", kind=report_text(level)), None
    if code in alone:
        return report_text("alone_column", region=region.name), None
    return "", _safe(engine.lookup, indicator, code, category, year)


def build_rows(engine: Any, region: Any, alone: set[str]) -> list[TableRow]:
    """One row per published figure of the region (latest year), in catalog order."""
    gemeente = region.level == "gemeente"
    raw = []
    for indicator, definition in engine.catalog.items():
        year = _safe(engine.latest_year, indicator)
        for category in definition.report_rows:
            if region.level not in (_safe(engine.published_levels, indicator, category) or ()):
                continue
            value = _safe(engine.lookup, indicator, region.code, category, year)
            if value is None:
                continue
            cols = {level: _column(engine, region, level, code, indicator, category, year,
                                   alone) if gemeente else ("", None)
                    for level, code in (("swv_po", region.swv_po), ("swv_vo", region.swv_vo))}
            national = _safe(engine.lookup, indicator, NL, category, year)
            raw.append((indicator, category, int(year), value, cols, national))
    shown = [v for *_, value, cols, national in raw
             for v in (value, cols["swv_po"][1], cols["swv_vo"][1], national) if v is not None]
    mixed = any(not v.demo for v in shown) and any(v.demo for v in shown)
    rows = []
    for indicator, category, year, value, cols, national in raw:
        values = [v for v in (value, cols["swv_po"][1], cols["swv_vo"][1], national) if v]
        swv = _safe(engine.swv_for, region.code, category) if gemeente else None
        rows.append(TableRow(
            indicator=indicator, category=category, year=year,
            label=row_label(engine, indicator, category),
            region=cell(value, mixed), nederland=cell(national, mixed),
            swv_po=cols["swv_po"][0] or cell(cols["swv_po"][1], mixed),
            swv_vo=cols["swv_vo"][0] or cell(cols["swv_vo"][1], mixed),
            wording=wording(engine, region, value, swv, alone),
            numbers=[float(v.value) for v in values if v.value is not None], values=values))
    return rows
