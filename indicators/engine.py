"""The indicator engine: lookups, comparisons, trends, positions and breakdowns.

Why this shape: every number the assistant shows comes from here, computed over the tables, with
its year, region and source. Rules it applies everywhere:

* **Suppression**: a figure resting on fewer than 10 cases (numerator or denominator under 10;
  for a relative risk: NEET with or without the characteristic, or the group with it, under 10)
  is not shown: ``value=None, suppressed=True`` ("minder dan 10"), as CBS does. The CSV keeps the
  raw demonstration counts; suppression happens on output.
* **Significance**: a difference is "hoger"/"lager" only when a two-sided test at alpha 0,05
  rejects equality: the pooled two-proportion z-test for percentages, a z-test on log relative
  risks for ``neet_rr`` (only when the counts are known; imported relative risks without counts
  are compared descriptively and marked untested). When region A is part of B (a gemeente in its
  SWV, anything in Nederland) the test compares A with the rest of B, so A is not compared with
  itself.
* **Which SWV**: for po, sbo and so the gemeente's PO samenwerkingsverband; for everything else
  (vo, vso, pro, mbo, totaal, zorgtypes, NEET) its VO samenwerkingsverband.
* **Trend**: the first and the last year with a figure are compared with the same tests:
  "gestegen"/"gedaald" when significant, else "stabiel".
* **Position**: among all regions of the same level (gemeenten among the 342 gemeenten);
  percentile = share with a lower value (ties count half); "hoogste 5%" / "laagste 5%" as the
  Monitor AOJ shows, plus the mean of the lowest and highest 5%.
"""

from __future__ import annotations

import logging
import math
import statistics
from functools import cached_property
from pathlib import Path

from indicators import stats
from indicators.catalog import IMPORT_SOURCE_NL, IndicatorDef, build_catalog
from indicators.errors import IndicatorError, InvalidCategory, NoData, UnknownIndicator
from indicators.provenance import Provenance
from indicators.registry import Region, RegionRegistry
from indicators.significance import NO_TEST, compare_values
from indicators.store import IndicatorTable, Key, load_table
from indicators.values import Comparison, PeerComparison, Position, Trend, Value

logger = logging.getLogger(__name__)

SUPPRESS_BELOW = 10
PO_CATEGORIES = frozenset({"po", "sbo", "so"})


class IndicatorEngine:
    """Answers indicator questions over one in-memory table."""

    def __init__(self, registry: RegionRegistry, table: IndicatorTable,
                 provenance: Provenance | None = None) -> None:
        self.registry = registry
        self.table = table
        self.sources = provenance or Provenance()  # imported figures' own definitions
        self.catalog: dict[str, IndicatorDef] = build_catalog()
        self._ranking: dict[tuple, list[float]] = {}

    @classmethod
    def load(cls, registry: RegionRegistry, data_dir: Path | str | None = None,
             extra_files: tuple[Path, ...] = ()) -> IndicatorEngine:
        """Shipped demonstration data, with imported figures from ``data_dir`` taking precedence.

        ``extra_files`` (e.g. ``OOGO_INDICATOR_DATA``) are long-format CSVs laid over that, in
        order; each is validated first and a bad one raises ``ImportRejected`` (fail fast).
        """
        from indicators.importer import validate_file

        extras = tuple(Path(p) for p in extra_files if p)
        for path in extras:
            validate_file(path, registry)
        return cls(registry, load_table(data_dir, extra_files=extras), Provenance.load(data_dir))

    # -- catalog ----------------------------------------------------------------------------
    def indicator(self, indicator: str) -> IndicatorDef:
        """The definition; raises ``UnknownIndicator`` with the valid ids."""
        try:
            return self.catalog[indicator]
        except KeyError:
            known = ", ".join(self.catalog)
            raise UnknownIndicator(
                f"Onbekende indicator '{indicator}'. Kies uit: {known}.") from None

    def check_category(self, indicator: str, category: str) -> str:
        """The category if valid for the indicator; raises ``InvalidCategory`` otherwise."""
        definition = self.indicator(indicator)
        if category not in definition.all_categories:
            valid = ", ".join(definition.all_categories)
            raise InvalidCategory(
                f"'{category}' is geen categorie van {definition.label_nl}. Kies uit: {valid}.")
        return category

    def years(self, indicator: str) -> list[int]:
        """Years with data for the indicator."""
        self.indicator(indicator)
        return self.table.years(indicator)

    def latest_year(self, indicator: str) -> int:
        """The most recent year with data."""
        years = self.years(indicator)
        if not years:
            raise NoData(f"Er zijn geen cijfers voor {self.catalog[indicator].label_nl}.")
        return years[-1]

    @cached_property
    def is_demo(self) -> bool:
        """True while any figure in use is demonstration data (False only if all is imported)."""
        return any(row.demo for row in self.table.rows.values())

    def is_demo_for(self, indicator: str, category: str | None = None) -> bool:
        """True while any figure of this indicator (and category) is demonstration data."""
        status = self.provenance().get(indicator, {})
        cats = [status.get(category, {})] if category else list(status.values())
        return any(c.get("demo_rows", 0) for c in cats) or not cats

    def provenance(self) -> dict[str, dict[str, dict]]:
        """Per indicator and category: real or demonstration, sources and years (see
        ``indicators.sources.summarise``)."""
        from indicators.sources import summarise

        if not hasattr(self, "_provenance"):
            self._provenance = summarise(self.table.rows)
        return self._provenance

    def definition_for(self, value: Value) -> dict | None:
        """The source's own definition of an imported figure (None for demonstration data)."""
        if value.demo:
            return None
        return self.sources.definition(value.indicator, value.category, value.source)

    # -- lookup -----------------------------------------------------------------------------
    def lookup(self, indicator: str, region: str, category: str = "totaal",
               year: int | None = None) -> Value:
        """One figure; ``year=None`` is the latest year. Suppresses counts under 10."""
        definition = self.indicator(indicator)
        if category == "totaal" and "totaal" not in definition.all_categories:
            category = definition.default_category
        self.check_category(indicator, category)
        reg = self.registry.get(region)
        year = self.latest_year(indicator) if year is None else int(year)
        key = (indicator, reg.code, category, year)
        row = self.table.rows.get(key)
        if row is None:
            raise NoData(
                f"Geen cijfer voor {definition.label_nl} ({definition.category_label(category)})"
                f" in {reg.name} in {year}. Beschikbare jaren: "
                f"{', '.join(map(str, self.years(indicator)))}.")
        return self._value(definition, reg, key, row)

    def _value(self, definition: IndicatorDef, reg: Region, key: Key, row) -> Value:
        indicator, _, category, year = key
        source = definition.source if row.demo else (row.source or IMPORT_SOURCE_NL)
        common = {"indicator": indicator, "region": reg.code, "category": category,
                  "year": year, "unit": definition.unit, "name": reg.name, "demo": row.demo,
                  "source": source, "mark": row.mark}
        if definition.unit == "x":
            counts = self.table.rr_counts.get(key)
            if counts and min(counts[0], counts[1], counts[2]) < SUPPRESS_BELOW:
                return Value(value=None, numerator=None, denominator=None, suppressed=True,
                             **common)
            ci = stats.rr_interval(*counts) if counts else None
            return Value(value=row.value, numerator=None, denominator=None,
                         ci_low=_r(ci[0], 2) if ci else None, ci_high=_r(ci[1], 2) if ci else None,
                         **common)
        num, den = row.numerator, row.denominator
        if (num is not None and num < SUPPRESS_BELOW) or (den is not None and den < SUPPRESS_BELOW):
            return Value(value=None, numerator=None, denominator=den, suppressed=True, **common)
        ci = stats.wilson(num, den) if num is not None and den else None
        return Value(value=row.value, numerator=num, denominator=den,
                     ci_low=_r(ci[0], 1) if ci else None, ci_high=_r(ci[1], 1) if ci else None,
                     **common)

    # -- comparisons ------------------------------------------------------------------------
    def swv_for(self, region: str, category: str = "totaal") -> str:
        """The SWV a gemeente is compared with for this category (see module docstring)."""
        kind = "po" if category in PO_CATEGORIES else "vo"
        reg = self.registry.get(region)
        if reg.level != "gemeente":
            raise IndicatorError(
                f"{reg.name} is geen gemeente en heeft dus geen eigen samenwerkingsverband om mee "
                "te vergelijken. Vergelijk met Nederland of met een andere regio.")
        return self.registry.swv_of(reg.code, kind).code

    def resolve_other(self, region: str, other: str, category: str = "totaal") -> str:
        """Turn "land", "nl", "swv" or a code/name into a region code."""
        word = other.strip().lower()
        if word in {"land", "nl", "nl01", "nederland", "landelijk"}:
            return "NL01"
        if word == "swv":
            return self.swv_for(region, category)
        if other in self.registry:
            return self.registry.get(other).code
        res = self.registry.resolve(other)
        if res.ok:
            return res.region.code
        from indicators.registry import UnknownRegion

        raise UnknownRegion(other)

    def compare(self, indicator: str, region: str, other: str = "NL01",
                category: str = "totaal", year: int | None = None) -> Comparison:
        """Region against another region, its SWV ("swv") or Nederland, in the same year."""
        year = self.latest_year(indicator) if year is None else int(year)
        a = self.lookup(indicator, region, category, year)
        other_code = self.resolve_other(a.region, other, a.category)
        b = self.lookup(indicator, other_code, a.category, year)
        if a.demo != b.demo:
            from indicators.sources import MixedSources

            raise MixedSources(a, b)
        nested = self._nested(a.region, b.region)
        return self._compare_values(a, b, nested)

    def _nested(self, a: str, b: str) -> bool:
        if a == b:
            return False
        rb = self.registry.get(b)
        if rb.level == "land":
            return True
        ra = self.registry.get(a)
        return ra.level == "gemeente" and rb.code in (ra.swv_po, ra.swv_vo)

    def _compare_values(self, a: Value, b: Value, nested: bool = False) -> Comparison:
        rr_counts = self.table.rr_counts if a.unit == "x" else {}
        return compare_values(a, b, rr_counts, nested)

    def compare_peers(self, indicator: str, region: str, category: str = "totaal",
                      year: int | None = None, n: int = 8) -> PeerComparison:
        """Region against its peers (most alike in size and density), with mean and median."""
        year = self.latest_year(indicator) if year is None else int(year)
        own = self.lookup(indicator, region, category, year)
        peers = [self.lookup(indicator, p.code, own.category, year)
                 for p in self.registry.peers(own.region, n)]
        peers = [p for p in peers if p.demo == own.demo]  # like with like: real or demo only
        shown = [p.value for p in peers if p.value is not None]
        pooled = self._pooled(own, peers)
        comparison = self._compare_values(own, pooled) if pooled is not None else None
        return PeerComparison(
            region=own, peers=peers,
            mean=_r(statistics.fmean(shown), 2 if own.unit == "x" else 1) if shown else None,
            median=_r(statistics.median(shown), 2 if own.unit == "x" else 1) if shown else None,
            n=len(shown), pooled=pooled, comparison=comparison,
        )

    def _pooled(self, own: Value, peers: list[Value]) -> Value | None:
        """All peers taken together (summed counts) for a significance test."""
        if own.unit == "x":
            return None
        rows = [self.table.rows.get((own.indicator, p.region, own.category, own.year))
                for p in peers]
        rows = [r for r in rows if r and r.numerator is not None and r.denominator]
        if not rows:
            return None
        num, den = sum(r.numerator for r in rows), sum(r.denominator for r in rows)
        ci = stats.wilson(num, den)
        return Value(own.indicator, "PEERS", own.category, own.year, _r(100 * num / den, 1),
                     num, den, own.unit, False, _r(ci[0], 1), _r(ci[1], 1),
                     name="vergelijkbare gemeenten", demo=all(r.demo for r in rows),
                     source=own.source)

    # -- trend, position, breakdown ---------------------------------------------------------
    def trend(self, indicator: str, region: str, category: str = "totaal",
              years: list[int] | None = None) -> Trend:
        """Values over the years; direction judged on the first and last shown year."""
        wanted = years or self.years(indicator)
        values = []
        for year in wanted:
            try:
                values.append(self.lookup(indicator, region, category, year))
            except NoData:
                continue
        if not values:
            raise NoData(f"Geen cijfers over de jaren voor {region}.")
        shown = [v for v in values if v.value is not None]
        if shown:  # never real against demo: the years of the latest figure's kind
            shown = [v for v in shown if v.demo == shown[-1].demo]
        base = {"indicator": indicator, "region": values[0].region,
                "category": values[0].category, "values": values}
        if len(shown) < 2:
            return Trend(**base, direction="onbekend", change=None, significant=False,
                         test=NO_TEST)
        first, last = shown[0], shown[-1]
        cmp = self._compare_values(last, first)
        direction = {"hoger": "gestegen", "lager": "gedaald", "gelijk": "stabiel"}.get(
            cmp.direction, "onbekend")
        return Trend(**base, direction=direction, change=cmp.difference,
                     significant=cmp.significant, test=cmp.test, p_value=cmp.p_value,
                     first_year=first.year, last_year=last.year)

    def position(self, indicator: str, region: str, category: str = "totaal",
                 year: int | None = None) -> Position:
        """Rank and percentile among all regions of the same level."""
        own = self.lookup(indicator, region, category, year)
        level = self.registry.get(own.region).level
        # Nederland has no peers of its own level: no rank instead of a meaningless "1 of 1".
        ranked = [] if level == "land" else self._ranked(indicator, own.category, own.year, level,
                                                         own.demo)
        if not own.demo and len(ranked) < 0.9 * len(self.registry.all(level)):
            ranked = []  # real figures for only part of the level: no rank among a few
        n = len(ranked)
        k = max(1, math.ceil(0.05 * n)) if n else 0
        common = {"indicator": indicator, "region": own.region, "category": own.category,
                  "year": own.year, "value": own.value, "n": n, "level": level,
                  "lowest_5pct_mean": _r(statistics.fmean(ranked[:k]), 2) if n else None,
                  "highest_5pct_mean": _r(statistics.fmean(ranked[-k:]), 2) if n else None,
                  "median": _r(statistics.median(ranked), 2) if n else None}
        if own.value is None or not n:
            return Position(**common, rank=None, percentile=None, top_5pct=False,
                            bottom_5pct=False)
        lower = sum(1 for v in ranked if v < own.value)
        equal = sum(1 for v in ranked if v == own.value)
        higher = n - lower - equal
        percentile = _r(100.0 * (lower + 0.5 * equal) / n, 1)
        return Position(**common, rank=higher + 1, percentile=percentile,
                        top_5pct=higher < k, bottom_5pct=lower < k)

    def _ranked(self, indicator: str, category: str, year: int, level: str,
                demo: bool = True) -> list[float]:
        """Values of the level, only real ones for a real figure and demo ones for a demo one."""
        key = (indicator, category, year, level, demo)
        if key not in self._ranking:
            values = []
            for reg in self.registry.all(level):
                try:
                    found = self.lookup(indicator, reg.code, category, year)
                except NoData:
                    continue
                if found.value is not None and found.demo == demo:
                    values.append(found.value)
            self._ranking[key] = sorted(values)
        return self._ranking[key]

    def breakdown(self, indicator: str, region: str, year: int | None = None,
                  dimension: str | None = None) -> list[Value]:
        """All categories of one dimension (onderwijssoort | zorgtype | risicofactor)."""
        definition = self.indicator(indicator)
        if dimension is None:
            dimension = next(d for d in definition.categories if d != "totaal") if len(
                definition.categories) > 1 else next(iter(definition.categories))
        if dimension not in definition.categories:
            valid = ", ".join(definition.categories)
            raise InvalidCategory(
                f"'{dimension}' is geen indeling van {definition.label_nl}. Kies uit: {valid}.")
        out = []
        for category in definition.categories[dimension]:
            try:
                out.append(self.lookup(indicator, region, category, year))
            except NoData:
                continue
        return out


def _r(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)
