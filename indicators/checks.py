"""Consistency rules for indicator figures: a file may not contradict itself.

Why: a policy advisor who reads "jeugdhulp zonder verblijf 15,1%" next to "jeugdzorg 14,7%" stops
trusting every number. ``oogo data check FILE`` and ``oogo data import`` (and the engine for
``OOGO_INDICATOR_DATA``) run these rules after the row checks of ``indicators.importer``; each
problem reads "bestand, regel N: reden". The rules, per region and year:

1. **level**: a figure only at a level where the catalog says the monitor publishes it (no NEET
   for a samenwerkingsverband PO);
2. **zorgtype <= totaal**: no zorgtype has more children than all jeugdzorg together (counts, or
   percentages when a file has no counts: they share the 0-22 denominator);
3. **zorgtypes >= totaal**: together the zorgtypes have at least as many children as the total (a
   child can have more than one, but everyone has at least one);
4. **same population**: a zorgtype's denominator is the total's (all 0-22-year-olds);
5. **onderwijssoorten <= totaal**: their numerators together are at most the total's, and their
   pupils together at most all 0-22-year-olds (each onderwijssoort's numerator <= its pupils is a
   row rule of the importer);
6. **sums**: a samenwerkingsverband's and Nederland's counts are the sums of their gemeenten
   (checked where the file has every member gemeente with counts);
7. **relative-risk counts** (the demo count file): NEET with + NEET without = NEET, with +
   without = all 15-27-year-olds, and the relative risk equals the counts.

The rules are exact for the demonstration data and for any file without a source. Rows whose
``source`` is CBS StatLine (``oogo data fetch cbs``) get one documented tolerance, defined in the
section "CBS StatLine" below and nowhere else (explained in ``indicators/data/PROVENANCE.md``):
CBS rounds its counts to fives and its percentages to one decimal, the import derives the 0-22
population from those rounded figures, and CBS's national count includes young people whose
gemeente is unknown. The tolerance is the bound of exactly those effects, so a CBS file that
contradicts itself beyond them is still rejected.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from indicators.catalog import ONDERWIJSSOORT, ZORGTYPE, IndicatorDef, build_catalog
from indicators.formatting import integer, percent
from indicators.registry import RegionRegistry
from indicators.vocabulary import level_plural
from prompts.data_texts import data_text

Key = tuple[str, str, str, int]
RR_TOLERANCE = 0.0051  # relative risks are stored with two decimals


@dataclass
class CheckReport:
    """What a check found: the problems and, for a good file, a few national figures."""

    path: Path
    rows: int
    problems: list[str] = field(default_factory=list)
    national: dict[str, float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


def _where(row: dict) -> str:
    return f"{row['region']} {row['year']}"


def consistency_problems(rows: Iterable[dict], registry: RegionRegistry, file: str,
                         known: Mapping[str, IndicatorDef] | None = None) -> list[str]:
    """Rules 1-6 over checked long-format rows (each with ``line``); "bestand, regel N: reden".
    ``known``: the caller's catalog (default the shipped one)."""
    catalog = build_catalog() if known is None else known
    rows = list(rows)
    by_key: dict[Key, dict] = {
        (r["indicator"], r["region"], r["category"], r["year"]): r for r in rows}
    problems: list[tuple[int, str]] = []
    for row in rows:
        definition = catalog[row["indicator"]]
        level = registry.get(row["region"]).level
        allowed = definition.published_levels(row["category"])
        if level not in allowed:
            where = ", ".join(level_plural(lv) for lv in allowed)
            problems.append((row["line"], data_text(
                "check_level", figure=definition.figure_label(row["category"]),
                level=registry.get(row["region"]).level_label, levels=where)))
    totals = [r for r in rows if r["indicator"] == "jeugdzorg" and r["category"] == "totaal"]
    for total in totals:
        region, year = total["region"], total["year"]
        parts = {c: by_key.get(("jeugdzorg", region, c, year)) for c in (*ZORGTYPE,
                                                                         *ONDERWIJSSOORT)}
        problems += _zorgtype_rules(total, {c: parts[c] for c in ZORGTYPE if parts[c]})
        problems += _onderwijs_rules(total, {c: parts[c] for c in ONDERWIJSSOORT if parts[c]})
    problems += _sum_rules(by_key, registry)
    return [data_text("import_row_problem", file=file, line=line, reason=reason)
            for line, reason in sorted(problems)]


def _measure(row: dict) -> tuple[float | None, str]:
    """The numerator when known, else the percentage (zorgtypes share the denominator)."""
    if row.get("numerator") is not None:
        return float(row["numerator"]), "teller"
    return row.get("value"), "percentage"


def _zorgtype_rules(total: dict, types: dict[str, dict]) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    if not types:
        return out
    t_value, kind = _measure(total)
    if t_value is None:
        return out
    same_kind = {c: _measure(r) for c, r in types.items()}
    same_kind = {c: v for c, (v, k) in same_kind.items() if k == kind and v is not None}
    for category, value in same_kind.items():
        row = types[category]
        if value > t_value:
            out.append((row["line"], data_text(
                "check_zorgtype_above_total", where=_where(row),
                category=category.replace("_", " "), value=_show(value, kind),
                total=_show(t_value, kind), line=total["line"])))
        if kind == "teller" and row.get("denominator") != total.get("denominator"):
            out.append((row["line"], data_text(
                "check_zorgtype_denominator", where=_where(row),
                category=category.replace("_", " "), denominator=integer(row["denominator"]),
                total=integer(total["denominator"]), line=total["line"])))
    if len(same_kind) == len(ZORGTYPE) and sum(same_kind.values()) < t_value - _slack(kind,
                                                                                    total):
        out.append((total["line"], data_text(
            "check_zorgtypes_below_total", where=_where(total),
            value=_show(sum(same_kind.values()), kind), total=_show(t_value, kind))))
    return out


def _onderwijs_rules(total: dict, kinds: dict[str, dict]) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    counted = [r for r in kinds.values() if r.get("numerator") is not None]
    if total.get("numerator") is None or not counted:
        return out
    num = sum(r["numerator"] for r in counted)
    den = sum(r["denominator"] for r in counted)
    if num > total["numerator"]:
        out.append((total["line"], data_text(
            "check_onderwijs_numerator", where=_where(total), value=integer(num),
            total=integer(total["numerator"]))))
    if den > total["denominator"]:
        out.append((total["line"], data_text(
            "check_onderwijs_denominator", where=_where(total), value=integer(den),
            total=integer(total["denominator"]))))
    return out


def _sum_rules(by_key: dict[Key, dict], registry: RegionRegistry) -> list[tuple[int, str]]:
    """Aggregates equal the sums of their member gemeenten, where all members are present
    (within ``cbs_sum_allowance`` for a national CBS row)."""
    parts: dict[Key, list[dict]] = defaultdict(list)
    for (ind, region, cat, year), row in by_key.items():
        if row.get("numerator") is None or not region.startswith("GM"):
            continue
        gem = registry.get(region)
        for target in (gem.swv_po, gem.swv_vo, "NL01"):
            parts[(ind, target, cat, year)].append(row)
    out: list[tuple[int, str]] = []
    for key, members in parts.items():
        row = by_key.get(key)
        if row is None or row.get("numerator") is None:
            continue
        expected = len(registry.gemeenten()) if key[1] == "NL01" else len(
            registry.members(key[1]))
        if len(members) != expected:
            continue
        num = sum(m["numerator"] for m in members)
        den = sum(m["denominator"] for m in members)
        below, above, den_slack = cbs_sum_allowance(row, members, by_key)
        if not (num - below <= row["numerator"] <= num + above) or abs(
                row["denominator"] - den) > den_slack:
            margin = data_text("check_sum_margin") if below or above else ""
            out.append((row["line"], data_text(
                "check_sum", where=_where(row), indicator=key[0], category=key[2],
                numerator=integer(row["numerator"]), denominator=integer(row["denominator"]),
                sum_numerator=integer(num), sum_denominator=integer(den), margin=margin)))
    return out


def _slack(kind: str, total: dict) -> float:
    """How far the zorgtypes together may fall short of the total by rounding alone."""
    if kind != "teller":
        return 0.2  # four rounded percentages
    return (len(ZORGTYPE) + 1) * CBS_COUNT_ROUNDING if from_cbs(total) else 0.0


# -- CBS StatLine: the one tolerance for figures CBS rounded ------------------------------------
CBS_SOURCE = "CBS StatLine"
CBS_COUNT_ROUNDING = 2  # CBS rounds counts to fives: a published count is at most 2 off
CBS_PERCENT_ROUNDING = 0.05  # CBS percentages have one decimal
# CBS's national count also holds young people whose gemeente is unknown, so Nederland may exceed
# the sum of its gemeenten by up to this share of its own count (never fall short of it).
CBS_UNKNOWN_GEMEENTE_SHARE = 0.03


def from_cbs(row: dict) -> bool:
    """True for a row published by CBS StatLine (its ``source`` column says so)."""
    return str(row.get("source") or "").startswith(CBS_SOURCE)


def cbs_percent_tolerance(value: float, denominator: int) -> float:
    """How far a CBS percentage may sit from 100 x count / denominator: the percentage is
    rounded to one decimal, the count to fives, and the denominator is itself derived from
    rounded figures (count x 100 / percentage), which adds the same relative error again."""
    return 0.06 + 250.0 / max(denominator, 1) + 0.02 * abs(value)


def _derived_error(row: dict, total: dict) -> float:
    """Bound of the error of a denominator derived as count x 100 / percentage of ``total``
    (the same region's jeugdzorg total, whose population every zorgtype shares)."""
    pct = total.get("value") or row.get("value")
    if not pct or row.get("denominator") is None:
        return 0.0
    return (row["denominator"] * CBS_PERCENT_ROUNDING + 100.0 * CBS_COUNT_ROUNDING) / pct + 0.5


def cbs_sum_allowance(aggregate: dict, members: list[dict],
                      by_key: dict[Key, dict]) -> tuple[float, float, float]:
    """(below, above, denominator): how far a CBS national row may sit from the sum of its
    gemeenten. Zero for every other row, including the samenwerkingsverband rows the import
    sums itself (those are exact sums of the CBS gemeenten).

    * count: each of the n + 1 rounded counts is at most ``CBS_COUNT_ROUNDING`` off, so the
      national count may differ by that much either way, plus ``CBS_UNKNOWN_GEMEENTE_SHARE``
      of itself upwards (young people without a known gemeente count only nationally);
    * denominator: the sum of the bounds of every derived population (``_derived_error``).
    """
    if aggregate["region"] != "NL01" or not from_cbs(aggregate):
        return 0.0, 0.0, 0.0
    rounding = CBS_COUNT_ROUNDING * (len(members) + 1)
    above = rounding + CBS_UNKNOWN_GEMEENTE_SHARE * aggregate["numerator"]

    def total_of(row: dict) -> dict:
        return by_key.get((row["indicator"], row["region"], "totaal", row["year"])) or row

    den = sum(_derived_error(m, total_of(m)) for m in [*members, aggregate]
              if from_cbs(m))
    return rounding, above, den


def _show(value: float, kind: str) -> str:
    return integer(value) if kind == "teller" else percent(value)


def rr_count_problems(path: Path, by_key: dict[Key, dict]) -> list[str]:
    """Rule 7 over a relative-risk count file next to the long file."""
    problems = []
    with path.open(encoding="utf-8", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            key = (row["indicator"], row["region"], row["category"], int(row["year"]))
            a, n1, c, n0 = (int(row[k]) for k in ("neet_with", "n_with", "neet_without",
                                                  "n_without"))
            reasons = []
            if a > n1 or c > n0:
                reasons.append(data_text("check_rr_group"))
            neet = by_key.get(("neet", key[1], "totaal", key[3]))
            if neet and neet.get("numerator") is not None and (
                    a + c != neet["numerator"] or n1 + n0 != neet["denominator"]):
                reasons.append(data_text(
                    "check_rr_neet", value=integer(a + c), total=integer(n1 + n0),
                    neet=integer(neet["numerator"]), neet_total=integer(neet["denominator"])))
            rr = by_key.get(key)
            if rr and rr.get("value") is not None and n1 and n0 and c and abs(
                    (a / n1) / (c / n0) - rr["value"]) > RR_TOLERANCE:
                reasons.append(data_text("check_rr_value", value=rr["value"]))
            problems += [data_text("import_row_problem", file=path.name, line=line,
                                   reason=data_text("check_rr_problem", region=key[1],
                                                    year=key[3], category=key[2], reason=r))
                         for r in reasons]
    return problems


def check_file(path: Path | str, registry: RegionRegistry,
               rr_path: Path | str | None = None,
               known: Mapping[str, IndicatorDef] | None = None) -> CheckReport:
    """Row rules (importer) and consistency rules over one long-format file."""
    from indicators.importer import read_rows, validate_long

    path = Path(path)
    header, raw = read_rows(path)
    catalog = build_catalog() if known is None else known
    clean, problems = validate_long(path, header, raw, registry, catalog)
    problems += consistency_problems(clean, registry, path.name, catalog)
    by_key = {(r["indicator"], r["region"], r["category"], r["year"]): r for r in clean}
    if rr_path is not None and Path(rr_path).exists():
        problems += rr_count_problems(Path(rr_path), by_key)
    latest = max((r["year"] for r in clean), default=None)
    national = {f"{ind}/{cat}": by_key[(ind, "NL01", cat, latest)]["value"]
                for ind, cat in ((d.id, d.default_category) for d in catalog.values())
                if (ind, "NL01", cat, latest) in by_key}
    return CheckReport(path, len(raw), problems, national)
