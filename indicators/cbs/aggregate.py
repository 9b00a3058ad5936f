"""Samenwerkingsverband figures from gemeente figures, only where the sum is sound.

CBS publishes no figures per samenwerkingsverband. A sum of gemeenten is the SWV's figure only
when (1) the SWV consists of whole gemeenten: no member gemeente is split over this SWV and
another one by postcode (``swv_po_other`` / ``swv_vo_other`` in the registry), and no gemeente
of another SWV lies partly in this one; and (2) every member gemeente has a count and a
denominator for that category and year (no CBS mark). Then numerator and denominator are the
sums of the members' and the value is computed from them. Otherwise the SWV gets no real figure
(its demonstration figure stays, labelled as such) rather than a sum over part of its area.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from indicators.registry import RegionRegistry

LEVELS = (("swv_po", "po"), ("swv_vo", "vo"))
# NEET concerns 15-27-year-olds: a figure of the VO partnerships only (as the Monitor AOJ);
# jeugdzorg totals and zorgtypes belong to both (every gemeente meets a PO and a VO partnership)
ONLY_LEVEL = {"neet": "swv_vo"}


@dataclass
class Aggregated:
    """SWV rows and why the other SWVs got none."""

    rows: list[dict] = field(default_factory=list)
    split: set[str] = field(default_factory=set)  # SWVs not made of whole gemeenten
    incomplete: int = 0  # (swv, category, year) cells skipped for a missing member figure


def split_swvs(registry: RegionRegistry) -> set[str]:
    """SWVs whose area is not exactly a set of whole gemeenten."""
    split: set[str] = set()
    for gemeente in registry.gemeenten():
        for main, other in ((gemeente.swv_po, gemeente.swv_po_other),
                            (gemeente.swv_vo, gemeente.swv_vo_other)):
            if other:
                split.add(main)
                split.update(other)
    return split


def aggregate_swv(rows: list[dict], registry: RegionRegistry) -> Aggregated:
    """Sum gemeente rows into SWV rows where sound (see module docstring)."""
    out = Aggregated(split=split_swvs(registry))
    by_key = {(r["indicator"], r["region"], r["category"], r["year"]): r for r in rows}
    groups = defaultdict(set)
    for ind, region, cat, year in by_key:
        if region.startswith("GM"):
            groups[(ind, cat, year)].add(region)
    for level, _kind in LEVELS:
        for swv in registry.all(level):
            if swv.code in out.split:
                continue
            members = [m.code for m in registry.members(swv.code)]
            if not members:
                continue
            for (ind, cat, year) in sorted(groups):
                if ONLY_LEVEL.get(ind, level) != level:
                    continue
                found = [by_key.get((ind, code, cat, year)) for code in members]
                parts = [p for p in found if p is not None]
                if len(parts) < len(found) or any(
                        p["numerator"] is None or not p["denominator"] for p in parts):
                    out.incomplete += 1
                    continue
                num = sum(p["numerator"] for p in parts)
                den = sum(p["denominator"] for p in parts)
                first = parts[0]
                out.rows.append({
                    "indicator": ind, "region": swv.code, "category": cat, "year": year,
                    "numerator": num, "denominator": den, "value": round(100.0 * num / den, 1),
                    "source": first["source"], "source_modified": first["source_modified"],
                    "mark": ""})
    return out
