"""The indicator engine: lookups, comparisons, trends, positions and breakdowns.

Why this shape: every number the assistant shows comes from here, computed over the tables, with
its year, region and source. Rules it applies everywhere:

* **Levels**: a figure exists only at the levels the catalog names (NEET per gemeente, SWV VO
  and Nederland, ...); asking for another level raises ``NotPublished`` with the nearest regions
  that do have it (``indicators.levels``).
* **Disclosure control**: a cell under 10 (numerator, denominator or the complement) is not
  shown, nor any cell from which one could be computed back through the sums of gemeenten,
  samenwerkingsverbanden and Nederland (``indicators.disclosure``); ``value=None,
  suppressed=True`` with the reason. A relative risk is hidden when NEET with the
  characteristic, the group without NEET, or NEET without the characteristic is under 10. The CSV
  keeps the raw demonstration counts.
* **Significant and relevant**: "hoger"/"lager" only when a two-sided test at alpha 0,05 rejects
  equality *and* the larger figure is at least 10% larger (``indicators.significance``).
* **Own samenwerkingsverband**: a gemeente is tested against the *rest* of its SWV, and that rest
  is the comparison's ``reference`` (the figure a text shows); when the SWV is the gemeente
  alone nothing is tested (``skipped="swv_is_gemeente"``). For po, sbo and so the SWV is the PO
  partnership, for everything else the VO partnership.
* **Trend**: first against last year with a figure, by the same rules; ``compare_trend`` tests a
  region's change against the national change (``indicators.trends``).
* **Position**: among all regions of the same level; percentile = share with a lower value (ties
  count half); "hoogste 5%" / "laagste 5%" as the Monitor AOJ shows.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from functools import cached_property
from pathlib import Path

from indicators import cells, disclosure, levels, positions
from indicators.catalog import IMPORT_SOURCE_NL, PO_TYPES, IndicatorDef, build_catalog
from indicators.errors import IndicatorError, InvalidCategory, NoData, UnknownIndicator
from indicators.provenance import Provenance
from indicators.registry import Region, RegionRegistry, UnknownRegion
from indicators.significance import NO_TEST, compare_values
from indicators.store import SHIPPED_TABLE, IndicatorTable, Key, Row, load_table
from indicators.trends import compare_trend, judge_trend, same_kind
from indicators.values import (
    Comparison,
    PeerComparison,
    Position,
    Trend,
    TrendComparison,
    Value,
)
from prompts.data_texts import data_text

logger = logging.getLogger(__name__)

SUPPRESS_BELOW = disclosure.THRESHOLD
PO_CATEGORIES = frozenset(PO_TYPES)
NotPublished = levels.NotPublished


class IndicatorEngine:
    """Answers indicator questions over one in-memory table."""

    def __init__(self, registry: RegionRegistry, table: IndicatorTable,
                 provenance: Provenance | None = None,
                 catalog: dict[str, IndicatorDef] | None = None) -> None:
        self.registry = registry
        self.table = table
        self.sources = provenance or Provenance()  # imported figures' own definitions
        # the definitions every reader of this engine uses (report, points, answers)
        self.catalog: dict[str, IndicatorDef] = catalog if catalog is not None else \
            build_catalog()
        self._ranking: dict[tuple, list[float]] = {}
        self._masks: dict[tuple[str, str, int], dict[str, str]] = {}
        self._cells: dict[str, dict[tuple[str, str, int], dict[str, disclosure.Counts]]] = {}
        self._mask_lock = threading.Lock()

    @classmethod
    def load(cls, registry: RegionRegistry, data_dir: Path | str | None = None,
             extra_files: tuple[Path, ...] = (),
             catalog: dict[str, IndicatorDef] | None = None) -> IndicatorEngine:
        """Shipped demonstration data, with imported figures from ``data_dir`` taking precedence.

        ``extra_files`` (e.g. ``OOGO_INDICATOR_DATA``) are long-format CSVs laid over that, in
        order; each is validated first and a bad one raises ``ImportRejected`` (fail fast).
        """
        extras = tuple(Path(p) for p in extra_files if p)
        if extras:  # the import checks are loaded only when there is a file to check
            from indicators.importer import validate_file

            for path in extras:
                validate_file(path, registry, catalog)
        return cls(registry, load_table(data_dir, extra_files=extras, shipped=SHIPPED_TABLE),
                   Provenance.load(data_dir), catalog)

    # -- catalog ----------------------------------------------------------------------------
    def indicator(self, indicator: str) -> IndicatorDef:
        """The definition; raises ``UnknownIndicator`` with the valid ids."""
        try:
            return self.catalog[indicator]
        except KeyError:
            known = ", ".join(self.catalog)
            raise UnknownIndicator(data_text("engine_unknown_indicator", indicator=indicator,
                                             choices=known)) from None

    def check_category(self, indicator: str, category: str) -> str:
        """The category if valid for the indicator; raises ``InvalidCategory`` otherwise."""
        definition = self.indicator(indicator)
        if category not in definition.all_categories:
            valid = ", ".join(definition.all_categories)
            raise InvalidCategory(data_text("engine_invalid_category", category=category,
                                            label=definition.label_nl, choices=valid))
        return category

    def published_levels(self, indicator: str, category: str = "totaal") -> tuple[str, ...]:
        """Region levels with figures for this indicator and category."""
        definition = self.indicator(indicator)
        return definition.published_levels(self._category(definition, category))

    def alternatives(self, indicator: str, region: str, category: str = "totaal") -> list[str]:
        """Regions that have the figure and cover ``region`` (empty when it has it itself)."""
        definition = self.indicator(indicator)
        category = self._category(definition, category)
        reg = self.registry.get(region)
        allowed = definition.published_levels(category)
        return [] if reg.level in allowed else levels.alternatives(self.registry, reg, allowed)

    def years(self, indicator: str) -> list[int]:
        """Years with data for the indicator."""
        self.indicator(indicator)
        return self.table.years(indicator)

    def latest_year(self, indicator: str) -> int:
        """The most recent year with data."""
        years = self.years(indicator)
        if not years:
            raise NoData(data_text("engine_no_figures", label=self.catalog[indicator].label_nl))
        return years[-1]

    @cached_property
    def is_demo(self) -> bool:
        """True while any figure in use is demonstration data (False only if all is imported)."""
        return any(entry["demo_rows"] for categories in self.provenance().values()
                   for entry in categories.values())

    def is_demo_for(self, indicator: str, category: str | None = None) -> bool:
        """True while any figure of this indicator (and category) is demonstration data."""
        status = self.provenance().get(indicator, {})
        cats = [status.get(category, {})] if category else list(status.values())
        return any(c.get("demo_rows", 0) for c in cats) or not cats

    def provenance(self) -> dict[str, dict[str, dict]]:
        """Per indicator and category: real or demonstration, sources and years (see
        ``indicators.sources.summarise`` and ``IndicatorTable.summary``)."""
        return self.table.summary()

    def definition_for(self, value: Value) -> dict | None:
        """The source's own definition of an imported figure (None for demonstration data)."""
        if value.demo:
            return None
        return self.sources.definition(value.indicator, value.category, value.source)

    # -- lookup -----------------------------------------------------------------------------
    @staticmethod
    def _category(definition: IndicatorDef, category: str) -> str:
        if category == "totaal" and "totaal" not in definition.all_categories:
            return definition.default_category
        return category

    def _checked(self, indicator: str, category: str) -> tuple[IndicatorDef, str]:
        """The indicator's definition and the category as stored, both checked."""
        definition = self.indicator(indicator)
        category = self._category(definition, category)
        self.check_category(indicator, category)
        return definition, category

    def lookup(self, indicator: str, region: str, category: str = "totaal",
               year: int | None = None) -> Value:
        """One figure; ``year=None`` is the latest year. Hides small and derivable cells."""
        definition, category = self._checked(indicator, category)
        reg = self.registry.get(region)
        levels.check(definition, category, reg, self.registry)
        year = self.latest_year(indicator) if year is None else int(year)
        key = (indicator, reg.code, category, year)
        row = self.table.rows.get(key)
        if row is None:
            raise NoData(data_text(
                "engine_no_figure", figure=definition.figure_label(category), region=reg.name,
                year=year, years=", ".join(map(str, self.years(indicator)))))
        return self._value(definition, reg, key, row)

    def lookup_each(self, indicator: str, regions: Iterable[str], category: str = "totaal",
                    year: int | None = None) -> list[Value]:
        """``lookup`` of one figure for many regions (a ranking), leaving out the regions
        without it (no row, or an unknown code). Why not ``lookup`` per region: the checks of
        the indicator and category were most of the cost of each of the 342 gemeenten (issue
        18). Raises as ``lookup`` does for the figure, and ``NotPublished`` at the first region
        of a level without it, after the figures before it, as a loop of lookups would."""
        definition, category = self._checked(indicator, category)
        wanted = None if year is None else int(year)
        values = []
        for code in regions:
            try:
                reg = self.registry.get(code)
            except UnknownRegion:
                continue
            levels.check(definition, category, reg, self.registry)
            if wanted is None:
                wanted = self.latest_year(indicator)
            key = (indicator, reg.code, category, wanted)
            row = self.table.rows.get(key)
            if row is not None:
                values.append(self._value(definition, reg, key, row))
        return values

    def _value(self, definition: IndicatorDef, reg: Region, key: Key, row: Row) -> Value:
        indicator, _, category, year = key
        source = definition.source if row.demo else (row.source or IMPORT_SOURCE_NL)
        common = {"indicator": indicator, "region": reg.code, "category": category,
                  "year": year, "unit": definition.unit, "name": reg.name, "demo": row.demo,
                  "source": source, "mark": row.mark}
        if definition.unit == "x":
            return cells.rr_value(row.value, self.table.rr_counts.get(key), common)
        reason = self.hidden(indicator, reg.code, category, year)
        if reason:
            return cells.hidden_value(common, reason)
        return cells.proportion_value(row.value, row.numerator, row.denominator, common)

    def hidden(self, indicator: str, region: str, category: str, year: int) -> str:
        """Why a cell is not shown ("klein" / "afgeleid"), or "" when it may be shown."""
        group = (indicator, category, int(year))
        mask = self._masks.get(group)
        if mask is None:
            with self._mask_lock:
                mask = self._masks.get(group)
                if mask is None:
                    counts = self._group_cells(indicator).get(group, {})
                    mask = disclosure.suppress(counts, disclosure.SumGraph.build(self.registry,
                                                                                 counts))
                    self._masks[group] = mask
        return mask.get(region, "")

    def _group_cells(self, indicator: str) -> dict[tuple[str, str, int],
                                                    dict[str, disclosure.Counts]]:
        """Counts per (indicator, category, year) of one indicator, the input of disclosure
        control (built per indicator: a NEET question never reads the jeugdzorg rows)."""
        groups = self._cells.get(indicator)
        if groups is None:
            groups = {}
            for (ind, region, cat, year), row in self.table.rows_of(indicator).items():
                if row.numerator is not None and row.denominator is not None:
                    groups.setdefault((ind, cat, year), {})[region] = (row.numerator,
                                                                       row.denominator)
            self._cells[indicator] = groups
        return groups

    # -- comparisons ------------------------------------------------------------------------
    def swv_for(self, region: str, category: str = "totaal") -> str:
        """The SWV a gemeente is compared with for this category (see module docstring)."""
        kind = "po" if category in PO_CATEGORIES else "vo"
        reg = self.registry.get(region)
        if reg.level != "gemeente":
            raise IndicatorError(data_text("engine_not_a_gemeente", region=reg.name))
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
        if res.region is not None:
            return res.region.code
        raise UnknownRegion(other)

    def is_alone(self, gemeente: str, swv: str) -> bool:
        """True when the samenwerkingsverband consists of this gemeente only."""
        return [m.code for m in self.registry.members(swv)] == [gemeente]

    def compare(self, indicator: str, region: str, other: str = "NL01",
                category: str = "totaal", year: int | None = None, *,
                first: Value | None = None) -> Comparison:
        """Region against another region, its SWV ("swv") or Nederland, in the same year.
        ``first``: the region's figure as the caller looked it up already (an answer shows it
        before comparing it), so it is not looked up twice; one for other coordinates is not
        used."""
        year = self.latest_year(indicator) if year is None else int(year)
        a = first if first is not None and (first.indicator, first.region, first.category,
                                             first.year) == (indicator, region, category, year) \
            else self.lookup(indicator, region, category, year)
        other_code = self.resolve_other(a.region, other, a.category)
        b = self.lookup(indicator, other_code, a.category, year)
        if a.demo != b.demo:  # never a real figure against a demonstration figure
            from indicators.sources import MixedSources

            raise MixedSources(a, b)
        nested = self.is_part_of(a.region, b.region)
        rr = self.table.rr_counts if a.unit == "x" else {}
        if nested and b.region != "NL01":
            if self.is_alone(a.region, b.region):
                return Comparison(a, b, None, False, "onbekend",
                                  NO_TEST + " (het samenwerkingsverband is deze gemeente)",
                                  None, False, True, skipped="swv_is_gemeente")
            rest = cells.rest_of(b, a, self.table.rr_counts)
            return compare_values(a, b, rr, nested=True, reference=rest)
        return compare_values(a, b, rr, nested)

    def is_part_of(self, a: str, b: str) -> bool:
        """True when region ``a`` lies inside ``b`` (its own SWV, or Nederland)."""
        if a == b:
            return False
        rb = self.registry.get(b)
        if rb.level == "land":
            return True
        ra = self.registry.get(a)
        return ra.level == "gemeente" and rb.code in (ra.swv_po, ra.swv_vo)

    def compare_peers(self, indicator: str, region: str, category: str = "totaal",
                      year: int | None = None, n: int = 8) -> PeerComparison:
        """Region against its peers (most alike in size and density), with mean and median."""
        return positions.compare_peers(self, indicator, region, category, year, n)

    def rest_of(self, whole: Value, part: Value) -> Value:
        """``whole`` without ``part`` (the rest of a samenwerkingsverband), hidden when small."""
        return cells.rest_of(whole, part, self.table.rr_counts)

    # -- trend, position, breakdown ---------------------------------------------------------
    def trend(self, indicator: str, region: str, category: str = "totaal",
              years: list[int] | None = None) -> Trend:
        """Values over the years; direction judged on the first and last shown year."""
        values = []
        for year in years or self.years(indicator):
            try:
                values.append(self.lookup(indicator, region, category, year))
            except NoData:
                continue
        if not values:
            raise NoData(data_text("engine_no_trend", region=region))
        return judge_trend(indicator, values, self.table.rr_counts)

    def compare_trend(self, indicator: str, region: str, category: str = "totaal",
                      reference: str = "NL01", years: list[int] | None = None, *,
                      own: Trend | None = None) -> TrendComparison:
        """Did the region change differently from the reference (default Nederland)?
        ``own``: the region's trend over the same ``years`` as the caller made it already (an
        answer shows it first), so it is not computed twice; one of another figure or region
        is not used."""
        definition = self.indicator(indicator)
        if own is None or (own.indicator, own.region, own.category) != (
                indicator, region, self._category(definition, category)):
            own = self.trend(indicator, region, category, years)
        ref_code = self.resolve_other(own.region, reference, own.category)
        ref = self.trend(indicator, ref_code, own.category, years)
        mine, theirs = same_kind(own.values), same_kind(ref.values)
        if mine and theirs and mine[-1].demo != theirs[-1].demo:  # real against demo: refused
            from indicators.sources import MixedSources

            raise MixedSources(mine[-1], theirs[-1])
        return compare_trend(own, ref, self.table.rr_counts, self.is_part_of(own.region, ref_code))

    def position(self, indicator: str, region: str, category: str = "totaal",
                 year: int | None = None) -> Position:
        """Rank and percentile among all regions of the same level."""
        return positions.position(self, indicator, region, category, year)

    def breakdown(self, indicator: str, region: str, year: int | None = None,
                  dimension: str | None = None) -> list[Value]:
        """The categories of one dimension that this region's level has figures for."""
        definition = self.indicator(indicator)
        if dimension is None:
            dimension = next(d for d in definition.categories if d != "totaal") if len(
                definition.categories) > 1 else next(iter(definition.categories))
        if dimension not in definition.categories:
            valid = ", ".join(definition.categories)
            raise InvalidCategory(data_text("engine_invalid_dimension", dimension=dimension,
                                            label=definition.label_nl, choices=valid))
        out = []
        for category in definition.categories[dimension]:
            try:
                out.append(self.lookup(indicator, region, category, year))
            except (NoData, NotPublished):
                continue
        return out


def _r(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)
