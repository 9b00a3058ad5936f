"""Loading the indicator tables: the shipped demonstration data plus imported real figures.

Why a separate module: the engine answers questions; this module decides which row wins. The
demonstration CSV ships with the package; ``oogo data import`` writes real figures to
``<data_dir>/indicators/imported.csv``. An imported row replaces the demonstration row with the
same (indicator, region, category, year), and only imported rows are marked ``demo=False``.
The frame is loaded once with pandas and turned into a dict keyed by that tuple, so a lookup is a
dictionary access (microseconds) instead of a DataFrame query.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

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


@dataclass
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
    """All figures in memory: the pandas frame and a dict index for fast lookups."""

    frame: pd.DataFrame
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


def read_long_csv(path: Path) -> pd.DataFrame:
    """Read a long-format CSV with nullable integer counts."""
    import pandas as pd

    frame = pd.read_csv(path, dtype={"indicator": str, "region": str, "category": str},
                        keep_default_na=True)
    frame["year"] = frame["year"].astype(int)
    for col in ("numerator", "denominator"):
        frame[col] = pd.to_numeric(frame[col], errors="coerce").astype("Int64")
    frame["value"] = pd.to_numeric(frame["value"], errors="coerce")
    for col in PROVENANCE_COLUMNS:
        frame[col] = frame[col].fillna("").astype(str) if col in frame else ""
    return frame[COLUMNS + PROVENANCE_COLUMNS]


def imported_path(data_dir: Path | str | None) -> Path | None:
    """Where ``oogo data import`` keeps the imported figures for this data dir."""
    return Path(data_dir) / IMPORTED_CSV if data_dir is not None else None


def load_table(data_dir: Path | str | None = None, package_dir: Path = PACKAGE_DATA,
               extra_files: tuple[Path, ...] = ()) -> IndicatorTable:
    """Demo data, overridden row by row by imported files (the imported file, then extras)."""
    import pandas as pd

    frames = []
    demo = read_long_csv(package_dir / DEMO_CSV)
    demo["demo"] = True
    frames.append(demo)
    imported = 0
    candidates = [imported_path(data_dir), *extra_files]
    for path in candidates:
        if path is not None and Path(path).exists():
            extra = read_long_csv(Path(path))
            extra["demo"] = False
            imported += len(extra)
            frames.append(extra)
            logger.info("imported indicator data loaded: %s (%d rows)", path, len(extra))
    frame = pd.concat(frames, ignore_index=True)
    frame = frame.drop_duplicates(["indicator", "region", "category", "year"], keep="last")
    frame = frame.set_index(["indicator", "region", "category", "year"]).sort_index()
    rows: dict[Key, Row] = {}
    nums = frame["numerator"].astype("float64").tolist()
    dens = frame["denominator"].astype("float64").tolist()
    values = frame["value"].tolist()
    demos = frame["demo"].tolist()
    sources = [_source(src, mod) for src, mod in zip(frame["source"].tolist(),
                                                     frame["source_modified"].tolist(),
                                                     strict=True)]
    marks = frame["mark"].tolist()
    for key, num, den, value, is_demo, source, mark in zip(
            frame.index.tolist(), nums, dens, values, demos, sources, marks, strict=True):
        rows[key] = Row(
            None if num != num else int(num),  # NaN check without pandas per element
            None if den != den else int(den),
            None if value != value else float(value),
            bool(is_demo),
            "" if is_demo else source,
            "" if is_demo else str(mark or ""),
        )
    rr = _load_rr_counts(package_dir / RR_COUNTS_CSV, rows)
    return IndicatorTable(frame=frame, rows=rows, rr_counts=rr, imported_rows=imported)


def _source(source: object, modified: object) -> str:
    """The per-figure source line of an imported row ("" when the file names none)."""
    source = "" if source is None or source != source else str(source).strip()
    modified = "" if modified is None or modified != modified else str(modified).strip()
    return f"{source} ({modified})" if source and modified else source


def _load_rr_counts(path: Path, rows: dict[Key, Row]) -> dict[Key, tuple[int, int, int, int]]:
    """Counts behind the demo relative risks, only where the demo row is still in use."""
    import pandas as pd

    if not path.exists():
        return {}
    counts = pd.read_csv(path)
    out: dict[Key, tuple[int, int, int, int]] = {}
    columns = [counts[c].tolist() for c in counts.columns[:8]]
    for ind, region, cat, year, a, n1, c, n0 in zip(*columns, strict=True):
        key = (ind, region, cat, int(year))
        if key in rows and rows[key].demo:
            out[key] = (int(a), int(n1), int(c), int(n0))
    return out
