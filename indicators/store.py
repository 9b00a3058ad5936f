"""Loading the indicator tables: the shipped demonstration data plus imported real figures.

Why a separate module: the engine answers questions; this module decides which row wins. The
demonstration CSV ships with the package; ``oogo data import`` writes real figures to
``<data_dir>/indicators/imported.csv``. An imported row replaces the demonstration row with the
same (indicator, region, category, year), and only imported rows are marked ``demo=False``.
The rows are read with the ``csv`` module into a dict keyed by that tuple, so a lookup is a
dictionary access (microseconds). No pandas: importing it costs more than reading the whole
table, and a one-question ``oogo ask`` would pay that on every run.
"""

from __future__ import annotations

import csv
import logging
import marshal
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path

from indicators import tablecache
from indicators.tablecache import LazyRows
from prompts.data_texts import data_text

logger = logging.getLogger(__name__)

PACKAGE_DATA = Path(__file__).resolve().parent / "data"
DEMO_CSV = "indicators_demo.csv"
RR_COUNTS_CSV = "neet_rr_counts_demo.csv"
# The parsed table of the shipped CSVs, written next to them at install (``write_shipped``, run
# by ``python -m bot.install``): a fresh data dir reads it instead of parsing 48,000 rows.
SHIPPED_TABLE = PACKAGE_DATA / "table.marshal"
IMPORTED_CSV = Path("indicators") / "imported.csv"
COLUMNS = ["indicator", "region", "category", "year", "numerator", "denominator", "value"]
# optional provenance columns (additions to the DESIGN.md format; a file without them reads as
# before): where the row comes from, the source's modification date, and the source's own mark
# when it published no figure ("." = geheim of onbekend bij CBS)
PROVENANCE_COLUMNS = ["source", "source_modified", "mark"]

Key = tuple[str, str, str, int]


@dataclass(slots=True)
class Row:
    """One stored figure (raw, before suppression)."""

    numerator: int | None
    denominator: int | None
    value: float | None
    demo: bool
    source: str = ""  # e.g. "CBS StatLine 85099NED (2024-10-31)"; empty for demonstration data
    mark: str = ""  # the source's mark instead of a figure ("." at CBS): "geen cijfer"


class IndicatorTable:
    """All figures in memory: a mapping keyed by (indicator, region, category, year), sorted.

    ``rows`` is a plain dict (just parsed) or a ``LazyRows`` that decodes one indicator on first
    use (read from the parsed-table cache, ``indicators.tablecache``); ``rr_counts`` likewise
    decoded on first use when ``rr_loader`` is given.
    """

    def __init__(self, rows: Mapping[Key, Row],
                 rr_counts: dict[Key, tuple[int, int, int, int]] | None = None,
                 imported_rows: int = 0, *,
                 rr_loader: Callable[[], dict[Key, tuple[int, int, int, int]]] | None = None,
                 summary: dict[str, dict[str, dict]] | None = None,
                 ) -> None:
        self.rows = rows
        self.imported_rows = imported_rows
        self._summary = summary
        self._rr = rr_counts
        self._rr_loader = rr_loader
        self._by_indicator: dict[str, dict[Key, Row]] | None = None
        self._years: dict[str, list[int]] = {}
        # where to cache this table when it was read from the CSVs (see ``save``)
        self.unsaved: tuple[Path, tablecache.Signature | None] | None = None

    def save(self) -> None:
        """Write the parsed table to the data dir's cache, when it was read from the CSVs.

        Separate from loading, because it converts every indicator: a fresh start or a
        first ``oogo ask`` answers first and saves after."""
        unsaved, self.unsaved = self.unsaved, None
        if unsaved is not None:
            rr = self.rr_counts
            tablecache.write(unsaved[0], unsaved[1], _encode(self),
                             (list(rr), list(rr.values())), self.imported_rows, self.summary())

    def load_all(self) -> None:
        """Decode every indicator's rows and the relative-risk counts now (a server worker
        does this right after it is ready; a one-question process never needs it)."""
        for indicator in self.indicators():
            self.rows_of(indicator)
        self.rr_counts  # noqa: B018 - decoded and kept

    def summary(self) -> dict[str, dict[str, dict]]:
        """Per indicator and category: real or demonstration, sources and years
        (``indicators.sources.summarise``). Read from the cache with the rows when the table
        came from there, so it costs no decoding of every row (0.3 s at a worker's start)."""
        if self._summary is None:
            from indicators.sources import summarise

            self._summary = summarise(self.rows)
        return self._summary

    @property
    def rr_counts(self) -> dict[Key, tuple[int, int, int, int]]:
        """Counts behind the demo relative risks (decoded on first use)."""
        if self._rr is None:
            self._rr = self._rr_loader() if self._rr_loader is not None else {}
        return self._rr

    def indicators(self) -> list[str]:
        """The indicators with rows, sorted."""
        if isinstance(self.rows, LazyRows):
            return self.rows.indicators()
        return sorted({key[0] for key in self.rows})

    def rows_of(self, indicator: str) -> Mapping[Key, Row]:
        """The rows of one indicator, sorted (without touching the other indicators' rows)."""
        if isinstance(self.rows, LazyRows):
            return self.rows.part(indicator)
        if self._by_indicator is None:
            grouped: dict[str, dict[Key, Row]] = {}
            for key, row in self.rows.items():
                grouped.setdefault(key[0], {})[key] = row
            self._by_indicator = grouped
        return self._by_indicator.get(indicator, {})

    def years(self, indicator: str) -> list[int]:
        """Years with data for this indicator, ascending."""
        found = self._years.get(indicator)
        if found is None:
            found = self._years[indicator] = sorted({k[3] for k in self.rows_of(indicator)})
        return found


def _number(cell: str) -> float | None:
    """A numeric cell as float; None for missing or unreadable cells (pandas' ``coerce``)."""
    try:
        number = float(cell)
    except ValueError:
        return None
    return None if number != number else number  # NaN

def _count(cell: str) -> int | None:
    """A count cell as int (``12`` or ``12.0``); None for missing or unreadable cells."""
    number = _number(cell)
    if number is None or math.isinf(number):
        return None
    if number != int(number):
        raise ValueError(data_text("store_count_not_whole", cell=repr(cell)))
    return int(number)


def read_long_csv(path: Path, demo: bool) -> list[tuple[Key, Row]]:
    """The rows of a long-format CSV (DESIGN.md), in file order, columns found by name; the
    optional provenance columns (source, source_modified, mark) are kept for real rows."""
    raw = RawRows.read(path, demo)
    return [pair for indicator in raw.groups for pair in raw.convert(indicator)]


@dataclass
class RawRows:
    """A long-format CSV split by indicator but not yet converted (``csv`` does the splitting
    in C; turning ~50,000 rows into numbers and ``Row`` objects is the slow part, done per
    indicator when it is first needed)."""

    groups: dict[str, list[list[str]]]
    columns: tuple[int, ...]
    demo: bool
    keep: bool  # the provenance columns are read (real rows that have them)

    @classmethod
    def read(cls, path: Path, demo: bool) -> RawRows:
        groups: dict[str, list[list[str]]] = {}
        with Path(path).open(newline="", encoding="utf-8") as handle:
            reader = csv.reader(handle)
            header = next(reader, [])
            columns = tuple(header.index(c) for c in COLUMNS) + tuple(
                header.index(c) if c in header else -1 for c in PROVENANCE_COLUMNS)
            ind = columns[0]
            for r in reader:
                if r:
                    group = groups.get(r[ind])
                    if group is None:
                        group = groups[r[ind]] = []
                    group.append(r)
        return cls(groups, columns, demo, not demo and max(columns[7:]) >= 0)

    def __len__(self) -> int:
        return sum(len(g) for g in self.groups.values())

    def convert(self, indicator: str) -> list[tuple[Key, Row]]:
        """The rows of one indicator, in file order. The loop is written for speed: plain
        integers take the fast ``int()`` path, anything else goes through ``_count``/``_number``.
        """
        ind, reg, cat, yr, num, den, val, src, mod, mrk = self.columns
        demo, keep = self.demo, self.keep
        out: list[tuple[Key, Row]] = []
        append = out.append
        for r in self.groups.get(indicator, ()):
            year, n, d = r[yr], r[num], r[den]
            key = (r[ind], r[reg], r[cat], int(year) if year.isdigit() else int(float(year)))
            row = Row(int(n) if n.isdigit() else _count(n),
                      int(d) if d.isdigit() else _count(d), _number(r[val]), demo)
            if keep:
                row.source = _source(_cell(r, src), _cell(r, mod))
                row.mark = _cell(r, mrk)
            append((key, row))
        return out


def _cell(r: list[str], index: int) -> str:
    return r[index].strip() if 0 <= index < len(r) else ""


def imported_path(data_dir: Path | str | None) -> Path | None:
    """Where ``oogo data import`` keeps the imported figures for this data dir."""
    return Path(data_dir) / IMPORTED_CSV if data_dir is not None else None


def _shipped_sources(package_dir: Path) -> list[Path]:
    """The shipped CSVs a table is made from (the counts file only where it exists)."""
    counts = package_dir / RR_COUNTS_CSV
    return [package_dir / DEMO_CSV, *([counts] if counts.exists() else [])]


def load_table(data_dir: Path | str | None = None, package_dir: Path = PACKAGE_DATA,
               extra_files: tuple[Path, ...] = (), shipped: Path | None = None) -> IndicatorTable:
    """Demo data, overridden row by row by imported files (the imported file, then extras).

    The parsed result is cached in ``data_dir`` (``indicators.tablecache``): an unchanged set
    of files is read back from there, one indicator at a time, instead of being parsed. Without
    a cache there, ``shipped`` (``SHIPPED_TABLE``) is read when it was made from the same files
    (only the shipped CSVs: any imported file makes it not apply)."""
    imports = [Path(p) for p in (imported_path(data_dir), *extra_files)
               if p is not None and Path(p).exists()]
    sources = [*_shipped_sources(package_dir), *imports]
    sig = tablecache.signature(sources)
    cache = tablecache.cache_path(data_dir)
    cached = tablecache.read(cache, sig)
    if cached is None and shipped is not None:
        cached = tablecache.read(shipped, sig)
    if cached is not None:
        parts, rr_blob, imported_count, summary = cached
        return IndicatorTable(LazyRows(list(parts), lambda ind: _decode(ind, parts[ind])),
                              imported_rows=imported_count,
                              rr_loader=lambda: _decode_rr(rr_blob), summary=summary)
    layers = [RawRows.read(package_dir / DEMO_CSV, demo=True)]
    for path in imports:
        layers.append(RawRows.read(path, demo=False))
        logger.info("imported indicator data loaded: %s (%d rows)", path, len(layers[-1]))

    def build(indicator: str) -> dict[Key, Row]:
        merged: dict[Key, Row] = {}
        for layer in layers:  # the last file wins, as it did row by row
            merged.update(layer.convert(indicator))
        return {key: merged[key] for key in sorted(merged)}

    rows = LazyRows(list(dict.fromkeys(i for layer in layers for i in layer.groups)), build)
    table = IndicatorTable(rows, imported_rows=sum(len(layer) for layer in layers[1:]),
                           rr_loader=lambda: _load_rr_counts(package_dir / RR_COUNTS_CSV, rows))
    table.unsaved = (cache, sig) if cache is not None else None
    return table


def _encode(table: IndicatorTable) -> dict[str, tuple]:
    """Per indicator: its rows as flat columns (regions, categories, years, numerators, ...)
    for the cache; the source and mark columns are left out (None) while all are empty."""
    out: dict[str, tuple] = {}
    for indicator in table.indicators():
        part = table.rows_of(indicator)
        keys, rows = list(part), list(part.values())
        sources = [r.source for r in rows]
        marks = [r.mark for r in rows]
        out[indicator] = ([k[1] for k in keys], [k[2] for k in keys], [k[3] for k in keys],
                          [r.numerator for r in rows], [r.denominator for r in rows],
                          [r.value for r in rows], [r.demo for r in rows],
                          sources if any(sources) else None, marks if any(marks) else None)
    return out


def _decode(indicator: str, blob: bytes) -> dict[Key, Row]:
    regions, categories, years, numerators, denominators, values, demo, sources, marks = \
        marshal.loads(blob)
    keys = zip(repeat(indicator), regions, categories, years)
    rows = map(Row, numerators, denominators, values, demo,
               repeat("") if sources is None else sources, repeat("") if marks is None else marks)
    return dict(zip(keys, rows, strict=False))  # keys repeat the indicator endlessly


def _decode_rr(blob: bytes) -> dict[Key, tuple[int, int, int, int]]:
    keys, counts = marshal.loads(blob)
    return dict(zip(keys, counts, strict=True))


def _source(source: str, modified: str) -> str:
    """The per-figure source line of an imported row ("" when the file names none)."""
    return f"{source} ({modified})" if source and modified else source


def _load_rr_counts(path: Path, rows: Mapping[Key, Row]) -> dict[Key, tuple[int, int, int, int]]:
    """Counts behind the demo relative risks, only where the demo row is still in use."""
    if not path.exists():
        return {}
    out: dict[Key, tuple[int, int, int, int]] = {}
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        next(reader, None)  # header: indicator,region,category,year,neet_with,n_with,...
        for ind, region, cat, year, a, n1, c, n0, *_ in reader:
            key = (ind, region, cat, int(year))
            row = rows.get(key)
            if row is not None and row.demo:
                out[key] = (int(a), int(n1), int(c), int(n0))
    return out


def write_shipped(package_dir: Path = PACKAGE_DATA, path: Path = SHIPPED_TABLE) -> None:
    """Parse the shipped CSVs and write their table to ``path`` (at install, next to them)."""
    table = load_table(None, package_dir)
    table.unsaved = (path, tablecache.signature(_shipped_sources(package_dir)))
    table.save()
    path.chmod(0o644)  # demonstration figures only; read by the user the service runs as
