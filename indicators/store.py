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
import math
from dataclasses import dataclass, field
from pathlib import Path

logger = logging.getLogger(__name__)

PACKAGE_DATA = Path(__file__).resolve().parent / "data"
DEMO_CSV = "indicators_demo.csv"
RR_COUNTS_CSV = "neet_rr_counts_demo.csv"
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


@dataclass
class IndicatorTable:
    """All figures in memory: a dict index (sorted by key) for fast lookups."""

    rows: dict[Key, Row]
    rr_counts: dict[Key, tuple[int, int, int, int]] = field(default_factory=dict)
    imported_rows: int = 0

    def years(self, indicator: str) -> list[int]:
        """Years with data for this indicator, ascending."""
        return self._years.get(indicator, [])

    def __post_init__(self) -> None:
        years: dict[str, set[int]] = {}
        for ind, _, _, year in self.rows:
            years.setdefault(ind, set()).add(year)
        self._years = {k: sorted(v) for k, v in years.items()}


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
        raise ValueError(f"telling is geen geheel getal: {cell!r}")
    return int(number)


def read_long_csv(path: Path, demo: bool) -> list[tuple[Key, Row]]:
    """The rows of a long-format CSV (DESIGN.md), in file order, columns found by name; the
    optional provenance columns (source, source_modified, mark) are kept for real rows.

    The loop is written for speed (it reads ~50,000 rows on every start): plain integers take
    the fast ``int()`` path, anything else goes through ``_count``/``_number``.
    """
    out: list[tuple[Key, Row]] = []
    append = out.append
    with Path(path).open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        header = next(reader, [])
        ind, reg, cat, yr, num, den, val = (header.index(c) for c in COLUMNS)
        src, mod, mrk = (header.index(c) if c in header else -1 for c in PROVENANCE_COLUMNS)
        keep = not demo and max(src, mod, mrk) >= 0
        for r in reader:
            if not r:
                continue
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


def load_table(data_dir: Path | str | None = None, package_dir: Path = PACKAGE_DATA,
               extra_files: tuple[Path, ...] = ()) -> IndicatorTable:
    """Demo data, overridden row by row by imported files (the imported file, then extras)."""
    merged: dict[Key, Row] = dict(read_long_csv(package_dir / DEMO_CSV, demo=True))
    imported = 0
    candidates = [imported_path(data_dir), *extra_files]
    for path in candidates:
        if path is not None and Path(path).exists():
            extra = read_long_csv(Path(path), demo=False)
            imported += len(extra)
            merged.update(extra)  # the last file wins, as it did row by row
            logger.info("imported indicator data loaded: %s (%d rows)", path, len(extra))
    rows = {key: merged[key] for key in sorted(merged)}
    rr = _load_rr_counts(package_dir / RR_COUNTS_CSV, rows)
    return IndicatorTable(rows=rows, rr_counts=rr, imported_rows=imported)


def _source(source: str, modified: str) -> str:
    """The per-figure source line of an imported row ("" when the file names none)."""
    return f"{source} ({modified})" if source and modified else source


def _load_rr_counts(path: Path, rows: dict[Key, Row]) -> dict[Key, tuple[int, int, int, int]]:
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
