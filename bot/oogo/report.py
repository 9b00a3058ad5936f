"""The OOGO preparation document: everything a region brings to the table, built from the data.

``build_report(services, region_code) -> Report`` collects the region profile, an indicator
overview (table and charts), the regioscan round outcome, the ranked discussion points and the
sources. The renderers in ``report_render.py`` turn the same ``Report`` into HTML, PDF
(WeasyPrint, from that HTML) and Markdown, so the three never disagree. Every number in the
report is either an engine value, a registry (CBS) value, a regioscan statistic or a score
computed by the generator; ``Report.numbers()`` lists them all so a test can check the output.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Any

import bot
from bot.oogo.formatting import category_label, fact_from_value, fmt_fact
from bot.oogo.indicator_signals import NL, _safe, _usable, swv_for
from bot.oogo.model import PointsResult
from bot.oogo.points import find_region, generate_points
from bot.oogo.scan_signals import NO_SCAN_NL, latest_round
from bot.oogo.sources_view import checked_compare, mixed_table, report_sources, tag
from bot.oogo.standing import PROFILE_SOURCE

log = logging.getLogger(__name__)

OVERVIEW_CATEGORIES = ("totaal", "po", "sbo", "so", "vo", "vso", "pro", "mbo")


@dataclass(slots=True)
class ReportChart:
    key: str
    title: str
    alt: str
    png: bytes
    half: bool = False


@dataclass(slots=True)
class TableRow:
    indicator: str
    label: str
    year: int
    region: str
    swv: str
    nederland: str
    wording: str
    numbers: list[float] = field(default_factory=list)


@dataclass(slots=True)
class Report:
    """One preparation document; ``profile`` and ``rows`` are already formatted for display."""

    region_code: str
    region_name: str
    region_level: str
    created: dt.date
    version: str
    demo_data: bool
    profile: list[tuple[str, str]]
    rows: list[TableRow]
    charts: list[ReportChart]
    points: PointsResult
    scan: Any | None
    scan_note: str
    sources: list[str]
    knowledge_sources: list[str]
    profile_numbers: list[float] = field(default_factory=list)
    real_figures: bool = False  # imported real figures stand beside demonstration ones

    @property
    def has_swv(self) -> bool:
        """Only a gemeente has a samenwerkingsverband to compare with."""
        return self.region_level == "gemeente"

    def numbers(self) -> set[float]:
        """Every number the report may show (rounded to 2 decimals), for the output checks."""
        values: set[float] = {float(self.created.year), float(self.created.month),
                              float(self.created.day)}
        values.update(float(part) for part in self.version.split(".") if part.isdigit())
        values.update(self.profile_numbers)
        for row in self.rows:
            values.update(row.numbers)
            values.add(float(row.year))
        for number, point in enumerate(self.points.points, start=1):
            values.update({float(number), float(point.score)})
            values.update(float(v) for v in point.score_parts.values())
            for evidence in point.evidence:
                for fact in evidence.facts:
                    values.add(float(fact.year))
                    if fact.value is not None:
                        values.add(float(fact.value))
                values.update(_numbers_in(evidence.detail))
        if self.scan is not None:
            values.update(self.scan.numbers())
        return {round(v, 2) for v in values}


def _numbers_in(obj: Any) -> list[float]:
    if isinstance(obj, bool):
        return []
    if isinstance(obj, int | float):
        return [float(obj)]
    if isinstance(obj, dict):
        return [n for v in obj.values() for n in _numbers_in(v)]
    if isinstance(obj, list | tuple):
        return [n for v in obj for n in _numbers_in(v)]
    return []


def _region_label(registry: Any, code: str | None) -> str:
    if not code:
        return "-"
    try:
        return f"{registry.get(code).name} ({code})"
    except Exception:
        return code


def build_profile(services: Any, region: Any) -> tuple[list[tuple[str, str]], list[float]]:
    """Label/value pairs for the region profile, and the raw numbers shown in it."""
    from bot.oogo.formatting import fmt_int

    registry = services.registry
    level = {"gemeente": "gemeente", "swv_po": "samenwerkingsverband po",
             "swv_vo": "samenwerkingsverband vo", "land": "land"}.get(region.level, region.level)
    rows = [("Naam", region.name), ("Code", region.code), ("Soort regio", level)]
    numbers: list[float] = []
    if getattr(region, "province", None):
        rows.append(("Provincie", region.province))
    if getattr(region, "inhabitants", None) is not None:
        rows.append(("Inwoners", fmt_int(region.inhabitants)))
        numbers.append(float(region.inhabitants))
    if getattr(region, "density", None) is not None:
        rows.append(("Inwoners per km²", fmt_int(region.density)))
        numbers.append(float(round(region.density)))
    if getattr(region, "size_class", None):
        rows.append(("Grootteklasse", str(region.size_class)))
    if region.level == "gemeente":
        rows.append(("Samenwerkingsverband po", _region_label(registry, region.swv_po)))
        rows.append(("Samenwerkingsverband vo", _region_label(registry, region.swv_vo)))
        peers = _safe(registry.peers, region.code, n=8) or []
        if peers:
            rows.append(("Vergelijkbare gemeenten", ", ".join(p.name for p in peers)))
    elif region.level in ("swv_po", "swv_vo"):
        members = _safe(registry.members, region.code) or []
        if members:
            rows.append(("Gemeenten", ", ".join(m.name for m in members)))
    return rows, numbers


def _wording(engine: Any, indicator: str, region: Any, category: str, year: int) -> str:
    """Short comparison wording for the table; the engine decides significance."""
    if region.code == NL:
        return "landelijk cijfer"
    comp = checked_compare(engine, indicator, region.code, NL, category, year)
    if isinstance(comp, str):  # a real figure against a demonstration one: not compared
        return comp
    if comp is None or not getattr(comp, "tested", True):
        return "niet te toetsen"
    if comp.direction in ("hoger", "lager") and comp.significant:
        return f"significant {comp.direction} dan Nederland"
    return "niet significant anders dan Nederland"


def build_rows(services: Any, region: Any) -> list[TableRow]:
    """The figures table: jeugdzorg per onderwijssoort and NEET, region vs SWV vs Nederland."""
    engine = services.indicators
    rows: list[TableRow] = []
    wanted = [("jeugdzorg", c) for c in OVERVIEW_CATEGORIES] + [("neet", "totaal")]
    mixed = mixed_table(engine, wanted, (region.code, NL))  # then demo cells say '(demo)'
    for indicator, category in wanted:
        year = _safe(engine.latest_year, indicator)
        value = _safe(engine.lookup, indicator, region.code, category, year)
        if value is None:
            continue
        swv_code = swv_for(region, category)
        swv = _safe(engine.lookup, indicator, swv_code, category, year) if swv_code else None
        national = _safe(engine.lookup, indicator, NL, category, year)
        label = "NEET (15-27 jaar)" if indicator == "neet" else \
            f"Jeugdzorg, {category_label(category)}"
        numbers = [float(v.value) for v in (value, swv, national) if _usable(v)]
        rows.append(TableRow(
            indicator=indicator, label=label, year=int(year), numbers=numbers,
            region=tag(fmt_fact(fact_from_value(value)), value, mixed),
            swv=tag(fmt_fact(fact_from_value(swv)), swv, mixed) if swv is not None else "-",
            nederland=tag(fmt_fact(fact_from_value(national)), national, mixed)
            if national is not None else "-",
            wording=_wording(engine, indicator, region, category, year) if _usable(value)
            else "te weinig gegevens (minder dan 10)"))
    return rows


def build_report(services: Any, region_code: str, *, max_points: int = 7,
                 with_charts: bool = True) -> Report:
    """Collect everything for the preparation document of one region."""
    from bot.oogo.report_charts import build_charts
    from bot.oogo.scan_view import scan_view

    registry, engine = services.registry, services.indicators
    region, _ = find_region(registry, region_code)
    points = generate_points(services, region.code, language="nl", max_points=max_points)
    profile, profile_numbers = build_profile(services, region)
    rows = build_rows(services, region)
    charts = build_charts(services, region) if with_charts else []
    raw_round = latest_round(services, region.code)
    scan = scan_view(raw_round, getattr(services, "scan_definition", None)) if raw_round else None
    if scan is not None and not scan.count:
        scan = None
    sources, demo_data, real = report_sources(engine, rows, points.demo_data)
    sources.append(PROFILE_SOURCE)
    if scan is not None:
        sources.append("Regioscan van deze regio (antwoorden van de deelnemers)")
    by_doc: dict[tuple[str, str], list[str]] = {}
    for passage in points.passages:
        by_doc.setdefault((passage.title, passage.source), []).append(f"'{passage.heading}'")
    knowledge = [f"{title} ({source}), paragrafen {', '.join(headings)}"
                 if len(headings) > 1 else f"{title} ({source}), paragraaf {headings[0]}"
                 for (title, source), headings in by_doc.items()]
    return Report(
        region_code=region.code, region_name=region.name, region_level=region.level,
        created=dt.date.today(), version=bot.__version__,
        demo_data=demo_data, real_figures=bool(real), profile=profile, rows=rows,
        charts=charts, points=points, scan=scan, scan_note=NO_SCAN_NL if scan is None else "",
        sources=sources, knowledge_sources=list(dict.fromkeys(knowledge)),
        profile_numbers=profile_numbers)
