"""The OOGO preparation document: everything a region brings to the table, built from the data.

``build_report(services, region_code, own_scan=None) -> Report`` collects the region profile,
the figures table (``report_table.py``) and charts, the regioscan (the region's newest closed
round and, when the core passes it, the asker's own completed scan), the points and the
sources. The renderers in ``report_render.py`` turn the same ``Report`` into HTML, PDF
(WeasyPrint, from that HTML) and Markdown, so the three never disagree. Every number in the
report is an engine value, a registry (CBS) value or a regioscan figure; ``Report.numbers()``
lists them so a test can check the output.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import bot
from bot.oogo import sources_view
from bot.oogo.findings import swv_alone
from bot.oogo.model import PointsResult
from bot.oogo.own_scan import OwnScan, own_scan_view
from bot.oogo.passages import citation
from bot.oogo.points import find_region, generate_points
from bot.oogo.report_table import TableRow, build_rows
from bot.oogo.report_words import report_text
from bot.oogo.scan_signals import (
    RegionRounds,
    no_scan_note,
    region_rounds,
    round_view,
    scan_source,
)
from indicators import formatting as fm
from indicators.vocabulary import level_name

if TYPE_CHECKING:  # pragma: no cover
    from bot.services import Services

log = logging.getLogger(__name__)




@dataclass(slots=True)
class ReportChart:
    key: str
    title: str
    alt: str
    png: bytes
    half: bool = False


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
    own_scan: OwnScan | None = None
    swv_names: dict[str, str] = field(default_factory=dict)  # "swv_po"/"swv_vo" -> name
    alone: list[str] = field(default_factory=list)  # partnerships that are the gemeente alone
    definitions: list[str] = field(default_factory=list)
    real_figures: bool = False  # real figures stand beside demonstration ones
    subjects: str = "jeugdzorg en NEET"  # what the figures section is about (``subjects``)

    @property
    def has_swv(self) -> bool:
        """Only a gemeente has samenwerkingsverbanden to show beside it."""
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
            values.add(float(number))
            for evidence in point.evidence:
                for fact in evidence.facts:
                    values.add(float(fact.year))
                    if fact.value is not None:
                        values.add(float(fact.value))
                values.update(_numbers_in(evidence.detail))
        for view in (self.scan, self.own_scan):
            if view is not None:
                values.update(view.numbers())
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


def _safe(call: Any, *args: Any, **kwargs: Any) -> Any:
    try:
        return call(*args, **kwargs)
    except Exception:  # noqa: BLE001 - a missing part leaves the profile line out
        return None


def _swv_label(registry: Any, region: Any, code: str | None, alone: list[str]) -> str:
    if not code:
        return "-"
    name = _safe(lambda: registry.get(code).name) or code
    if code in alone:
        return report_text("profile", "swv_alone", name=name, code=code, region=region.name)
    return f"{name} ({code})"


def build_profile(services: Services, region: Any, alone: list[str]
                  ) -> tuple[list[tuple[str, str]], list[float]]:
    """Label/value pairs for the region profile, and the raw numbers shown in it."""
    registry = services.registry
    def label(key: str) -> str:
        return report_text("profile", key)

    rows = [(label("name"), region.name), (label("code"), region.code),
            (label("level"), level_name(region.level, "nl"))]
    numbers: list[float] = []
    if getattr(region, "province", None):
        rows.append((label("province"), region.province))
    if getattr(region, "inhabitants", None) is not None:
        rows.append((label("inhabitants"), fm.integer(region.inhabitants)))
        numbers.append(float(region.inhabitants))
    if getattr(region, "density", None) is not None:
        rows.append((label("density"), fm.integer(region.density)))
        numbers.append(float(round(region.density)))
    if getattr(region, "size_class", None):
        rows.append((label("size_class"), str(region.size_class)))
    if region.level == "gemeente":
        rows.append((label("swv_po"), _swv_label(registry, region, region.swv_po,
                                                           alone)))
        rows.append((label("swv_vo"), _swv_label(registry, region, region.swv_vo,
                                                           alone)))
        peers = _safe(registry.peers, region.code, n=8) or []
        if peers:
            rows.append((label("peers"), ", ".join(p.name for p in peers)))
    elif region.level in ("swv_po", "swv_vo"):
        members = _safe(registry.members, region.code) or []
        if members:
            rows.append((label("members"), ", ".join(m.name for m in members)))
    return rows, numbers


def _definitions(services: Services, shown: list[Any]) -> list[str]:
    """The one-line definition of each indicator, for the table's introduction (``shown``: the
    region's own figures in the table): the catalog's
    for an indicator with only demonstration figures; for one with real figures, the CBS table
    and CBS's own definition of those, and the demo definition only for its demo figures."""
    out = []
    for d in services.indicators.catalog.values():
        own = [v for v in shown if v.indicator == d.id]
        real = sources_view.about(services, own, "nl")
        out += real or [f"{d.label('nl')[:1].upper()}{d.label('nl')[1:]}: {d.definition('nl')}"]
    return out


def subjects(catalog: dict[str, Any]) -> str:
    """The figures section's subject, "jeugdzorg en NEET": each indicator's keyword, except one
    that names an earlier one ("relatief risico op NEET" is a figure about NEET)."""
    words: list[str] = []
    for definition in catalog.values():
        word = definition.keyword("nl")
        if not any(w.lower() in word.lower() for w in words):
            words.append(word)
    return fm.listing(words, "nl")


def build_report(services: Services, region_code: str, *, max_points: int = 7,
                 with_charts: bool = True, own_scan: Any = None,
                 rounds: RegionRounds | None = None) -> Report:
    """Collect everything for the preparation document of one region. ``own_scan`` is the
    asker's own completed regioscan (see ``own_scan.py``); the region's round is read from
    ``rounds`` (default: the installation's regioscan)."""
    from bot.oogo.report_charts import build_charts

    registry, engine = services.registry, services.indicators
    region, _ = find_region(registry, region_code)
    if rounds is None:
        rounds = region_rounds(services)
    points = generate_points(services, region.code, language="nl", max_points=max_points,
                             own_scan=own_scan, rounds=rounds)
    alone = swv_alone(engine, region)
    profile, profile_numbers = build_profile(services, region, alone)
    rows = build_rows(engine, region, set(alone))
    charts = build_charts(services, region, set(alone), points) if with_charts else []
    scan = round_view(rounds, region.code)
    own = own_scan_view(own_scan)
    shown = [v for row in rows for v in row.values]
    facts = [f for p in points.points for f in p.facts]
    real = sources_view.real_source_lines(engine) if sources_view.has_real(shown) else []
    sources = real + list(dict.fromkeys(str(v.source) for v in shown if v.source and v.demo))
    sources.append(report_text("profile_source"))
    sources += [scan_source(k) for k, view in (("round", scan), ("own", own)) if view]
    knowledge = list(dict.fromkeys(citation(p) for p in points.passages))
    swv_names = {level: _safe(lambda c=code: registry.get(c).name) or ""
                 for level, code in (("swv_po", region.swv_po), ("swv_vo", region.swv_vo))
                 if region.level == "gemeente" and code}
    return Report(
        region_code=region.code, region_name=region.name, region_level=region.level,
        created=dt.date.today(), version=bot.__version__,
        demo_data=any(v.demo for v in shown) or any(f.demo for f in facts), profile=profile,
        rows=rows, charts=charts, points=points, scan=scan,
        scan_note=no_scan_note("nl") if scan is None and own is None else "", sources=sources,
        knowledge_sources=knowledge, profile_numbers=profile_numbers, own_scan=own,
        swv_names=swv_names, alone=alone, definitions=_definitions(
            services, [v for v in shown if v.region == region.code]),
        real_figures=any(not v.demo for v in shown), subjects=subjects(engine.catalog))
