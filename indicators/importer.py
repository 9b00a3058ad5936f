"""Importing real indicator figures (``oogo data import FILE``), all or nothing.

Why all or nothing: a half-imported file would silently mix real and demonstration figures. Every
row is validated first, then the file's figures must agree with each other (the consistency rules
of ``indicators.checks``: zorgtypes and totals, onderwijssoorten and totals, sums, levels); one
bad row rejects the whole file with "bestand, regel N: reden" for
every problem, and the stored data is not touched. A good file is merged into
``<data_dir>/indicators/imported.csv`` (written to a temporary file and renamed, so a crash never
leaves half a file); imported rows replace demonstration rows with the same key, and are the only
rows the engine marks as not-demo.

Two input shapes are accepted:

* the long format of DESIGN.md: ``indicator,region,category,year,numerator,denominator,value``
  (comma or semicolon separated; numerator/denominator may be empty; for ``neet_rr`` they must
  be empty);
* the same with the optional provenance columns ``source``, ``source_modified`` and ``mark`` (as
  ``oogo data fetch cbs`` writes them): a row with a ``mark`` (CBS's "." and the like) has no
  numbers and means "geen cijfer"; a row whose ``source`` is CBS StatLine may differ from its
  counts by CBS's rounding (counts rounded to fives). A ``<file>.provenance.json`` next to the
  file (table, title, modification date, licence, definitions) is merged into the data dir;
* a CSV export of a CBS StatLine table (TypedDataSet-like): ``RegioS`` (GM0363, NL01; other
  region types are rejected), ``Perioden`` ("2023JJ00" or "2023"; other period types are
  rejected), and one value column. The value column is recognised by name
  (``PercentageJongerenMetJeugdzorg*`` -> ``jeugdzorg``/``totaal``), or named with
  ``value_column`` together with ``indicator`` and ``category``. StatLine's "." (secret or not
  available) means "no figure": such rows are skipped and counted, not rejected.
"""

from __future__ import annotations

import csv
import io
import logging
import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from indicators.catalog import IndicatorDef, build_catalog
from indicators.cbs.mapping import MARKS
from indicators.checks import cbs_percent_tolerance, consistency_problems, from_cbs
from indicators.errors import ImportRejected
from indicators.provenance import merged, provenance_path, read_sidecar, write_record
from indicators.registry import RegionRegistry
from indicators.store import COLUMNS, PROVENANCE_COLUMNS, imported_path
from prompts.data_texts import data_text

logger = logging.getLogger(__name__)

MIN_YEAR = 2000
STORED = COLUMNS + PROVENANCE_COLUMNS
MAX_PROBLEMS_IN_MESSAGE = 20
STATLINE_KNOWN = {"percentagejongerenmetjeugdzorg": ("jeugdzorg", "totaal")}
_PERIOD = re.compile(r"^(\d{4})(?:JJ00)?$")
#: the indicators a file may hold: the caller's catalog (the composition root's), or the shipped
Catalog = Mapping[str, IndicatorDef] | None


@dataclass
class ImportReport:
    """What an import did (ingestion reports what it did: added / updated / unchanged)."""

    path: Path
    stored_at: Path
    rows: int
    added: int
    updated: int
    unchanged: int
    skipped: int
    replaces_demo: int
    sources: dict[str, int] | None = None  # source line -> rows (real figures with a source)

    def summary(self) -> str:
        """Dutch one-paragraph summary for the CLI."""
        skipped = data_text("import_skipped", count=self.skipped) if self.skipped else ""
        replaced = data_text("import_replaces_one" if self.replaces_demo == 1
                             else "import_replaces_many", rows=rows_phrase(self.replaces_demo))
        text = data_text("import_summary", rows=rows_phrase(self.rows), file=self.path.name,
                         added=self.added, updated=self.updated, unchanged=self.unchanged,
                         skipped=skipped, replaced=replaced, stored_at=self.stored_at)
        for source, count in (self.sources or {}).items():
            text += "\n" + data_text("import_source_line", rows=rows_phrase(count), source=source)
        return text


def _sniff(text: str) -> str:
    header = text.splitlines()[0] if text else ""
    return ";" if header.count(";") > header.count(",") else ","


def rows_phrase(count: int) -> str:
    """"1 rij" / "3 rijen" (messages about a file say the number with the right noun)."""
    return data_text("import_rows_one" if count == 1 else "import_rows_many", count=count)


def errors_phrase(count: int) -> str:
    """"1 fout" / "3 fouten"."""
    return data_text("import_errors_one" if count == 1 else "import_errors_many", count=count)


# a table of figures per gemeente, year and category is a few MB; this keeps a wrong file
# (a disk image, /dev/zero) from filling the memory before it is refused
MAX_IMPORT_BYTES = 100 * 1024 * 1024


def read_rows(path: Path) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    """The header and the numbered rows of a CSV file; ``ImportRejected`` (Dutch) for anything
    that is not a readable CSV file of a sane size: a pipe or a device would block or never
    end, and the csv module's own errors are English tracebacks."""
    try:
        if path.exists() and not path.is_dir() and not path.is_file():
            msg = data_text("import_not_a_file", path=path)
            raise ImportRejected(msg, [msg])
        size = path.stat().st_size if path.is_file() else 0
        if size > MAX_IMPORT_BYTES:
            msg = data_text("import_too_large", path=path, size=size // (1024 * 1024),
                            limit=MAX_IMPORT_BYTES // (1024 * 1024))
            raise ImportRejected(msg, [msg])
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        msg = data_text("import_missing_file", path=path)
        raise ImportRejected(msg, [data_text("import_missing_file_problem", path=path)]) from None
    except IsADirectoryError:
        msg = data_text("import_is_folder", path=path)
        raise ImportRejected(msg, [msg]) from None
    except OSError as exc:  # no permission, a device, a broken link: say so, never a traceback
        msg = data_text("import_unreadable", path=path,
                        reason=exc.strerror or type(exc).__name__)
        raise ImportRejected(msg, [msg]) from None
    except UnicodeDecodeError:
        msg = data_text("import_not_utf8", file=path.name)
        raise ImportRejected(msg, [msg]) from None
    reader = csv.DictReader(io.StringIO(text), delimiter=_sniff(text))
    try:
        header = [h.strip() for h in (reader.fieldnames or [])]
        reader.fieldnames = header
        rows = [(reader.line_num, row) for row in reader]
    except csv.Error:
        msg = data_text("import_bad_csv", file=path.name)
        raise ImportRejected(msg, [msg]) from None
    # DictReader's line_num after reading is the line of that record (header is line 1).
    return header, rows


# a cell quoted back in a refusal longer than this is cut: a wrong file can hold a
# 100,000-character "region code", and the message should still fit on a screen
MAX_QUOTED = 80


def _quoted(text: str) -> str:
    """A cell's text as a refusal quotes it (cut with "…" past ``MAX_QUOTED`` characters)."""
    text = str(text)
    return text if len(text) <= MAX_QUOTED else text[:MAX_QUOTED - 20] + "…"


def _parse_int(text: str) -> int | None:
    text = (text or "").strip()
    if text == "":
        return None
    if not re.fullmatch(r"[0-9]+", text):  # ASCII digits: "٤٣٨٨" or "２０２３" is a typing slip
        raise ValueError(data_text("import_not_integer", text=_quoted(text)))
    return int(text)


# a decimal number as a spreadsheet writes it; float() would also take "inf", "nan" and
# other scripts' digits, which the answers then showed ("inf keer zo veel kans")
NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+)(?:[eE][+-]?[0-9]+)?")


def _parse_float(text: str) -> float | None:
    text = (text or "").strip()
    if text == "":
        return None
    value = float(text.replace(",", ".")) if NUMBER.fullmatch(text) else math.nan
    if not math.isfinite(value):
        raise ValueError(data_text("import_not_number", text=_quoted(text)))
    return value


def validate_long(path: Path, header: list[str], rows, registry: RegionRegistry,
                  known: Catalog = None) -> tuple[list[dict], list[str]]:
    """Check every row of a long-format file; returns (clean rows, problems)."""
    catalog = build_catalog() if known is None else known
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        return [], [_problem(path.name, 1, data_text("import_missing_columns",
                                                     columns=", ".join(missing)))]
    clean: list[dict] = []
    problems: list[str] = []
    seen: dict[tuple, int] = {}
    max_year = date.today().year + 1
    for line, row in rows:
        try:
            item = _check_row(row, registry, catalog, max_year)
        except ValueError as exc:
            problems.append(_problem(path.name, line, exc))
            continue
        key = (item["indicator"], item["region"], item["category"], item["year"])
        if key in seen:
            problems.append(_problem(path.name, line,
                                     data_text("import_duplicate_row", first=seen[key])))
            continue
        seen[key] = line
        item["line"] = line
        clean.append(item)
    return clean, problems


def _problem(file: str, line: int, reason: object) -> str:
    """One problem as the user reads it: "bestand, regel N: reden"."""
    return data_text("import_row_problem", file=file, line=line, reason=reason)


def _check_row(row: dict, registry: RegionRegistry, catalog, max_year: int) -> dict:
    indicator = (row.get("indicator") or "").strip()
    if indicator not in catalog:
        raise ValueError(data_text("import_unknown_indicator", indicator=_quoted(indicator),
                                   choices=", ".join(catalog)))
    definition = catalog[indicator]
    region = (row.get("region") or "").strip().upper()
    if region not in registry:
        raise ValueError(data_text("import_unknown_region", region=_quoted(row.get("region", ""))))
    category = (row.get("category") or "").strip()
    if category not in definition.all_categories:
        raise ValueError(data_text("import_wrong_category", category=_quoted(category),
                                   indicator=indicator))
    year_text = (row.get("year") or "").strip()
    if not re.fullmatch(r"\d{4}", year_text) or not MIN_YEAR <= int(year_text) <= max_year:
        raise ValueError(data_text("import_bad_year", year=_quoted(year_text), first=MIN_YEAR,
                                   last=max_year))
    num = _parse_int(row.get("numerator", ""))
    den = _parse_int(row.get("denominator", ""))
    value = _parse_float(row.get("value", ""))
    extra = {k: (row.get(k) or "").strip() for k in PROVENANCE_COLUMNS}
    base = {"indicator": indicator, "region": region, "category": category,
            "year": int(year_text), **extra}
    if extra["mark"]:
        if extra["mark"] not in MARKS:
            raise ValueError(data_text("import_unknown_mark", mark=_quoted(extra["mark"]),
                                       marks=" ".join(m for m in MARKS if m)))
        if num is not None or den is not None or value is not None:
            raise ValueError(data_text("import_mark_with_numbers"))
        return {**base, "numerator": None, "denominator": None, "value": None}
    if definition.unit == "x":
        if num is not None or den is not None:
            raise ValueError(data_text("import_rr_counts"))
        # empty: not computable (nobody without the characteristic is NEET); 0: nobody with it
        if value is not None and value < 0:
            raise ValueError(data_text("import_rr_negative"))
    else:
        value = _check_proportion(num, den, value, rounded=from_cbs(extra))
    return {**base, "numerator": num, "denominator": den, "value": value}


def _check_proportion(num: int | None, den: int | None, value: float | None,
                      rounded: bool = False) -> float:
    if (num is None) != (den is None):
        raise ValueError(data_text("import_half_counts"))
    if num is not None and den is not None:
        if den == 0:
            raise ValueError(data_text("import_zero_denominator"))
        if num > den:
            raise ValueError(data_text("import_numerator_too_big", numerator=num, denominator=den))
        computed = round(100.0 * num / den, 1)
        if value is None:
            return computed
        # CBS rounds its counts to fives and computes the percentage from the exact ones
        if abs(value - computed) > (cbs_percent_tolerance(value, den) if rounded else 0.051):
            raise ValueError(data_text("import_value_mismatch", value=value, numerator=num,
                                       denominator=den, computed=computed))
    if value is None:
        raise ValueError(data_text("import_value_missing"))
    if not 0.0 <= value <= 100.0:
        raise ValueError(data_text("import_percent_range", value=value))
    return value


def statline_to_long(path: Path, header: list[str], rows, indicator: str | None,
                     category: str | None, value_column: str | None
                     ) -> tuple[list[str], list[tuple[int, dict[str, str]]], int, list[str]]:
    """Map a StatLine export to long-format rows (same line numbers); returns skipped count."""
    column = value_column
    if column is None:
        for name in header:
            base = re.sub(r"_\d+$", "", name).lower()
            if base in STATLINE_KNOWN:
                column = name
                indicator, category = indicator or STATLINE_KNOWN[base][0], (
                    category or STATLINE_KNOWN[base][1])
                break
    if column is None or column not in header or not indicator:
        msg = _problem(path.name, 1, data_text("import_no_value_column"))
        return COLUMNS, [], 0, [msg]
    out, skipped, problems = [], 0, []
    for line, row in rows:
        raw = (row.get(column) or "").strip()
        if raw in (".", ""):
            skipped += 1
            continue
        period = (row.get("Perioden") or "").strip()
        match = _PERIOD.match(period)
        if not match:
            problems.append(_problem(path.name, line,
                                     data_text("import_bad_period", period=_quoted(period))))
            continue
        out.append((line, {"indicator": indicator, "region": (row.get("RegioS") or "").strip(),
                           "category": category or "totaal", "year": match.group(1),
                           "numerator": "", "denominator": "", "value": raw}))
    return COLUMNS, out, skipped, problems


def validate_file(path: Path | str, registry: RegionRegistry, known: Catalog = None) -> int:
    """Check a long-format file without storing it (used for ``OOGO_INDICATOR_DATA``).

    Returns the number of good rows; raises ``ImportRejected`` on any bad row.
    """
    path = Path(path)
    header, rows = read_rows(path)
    clean, problems = validate_long(path, header, rows, registry, known)
    problems += consistency_problems(clean, registry, path.name, known) if not problems else []
    if problems:
        raise ImportRejected(data_text(
            "import_file_rejected", file=path.name, errors=errors_phrase(len(problems)),
            problems="\n".join(problems[:MAX_PROBLEMS_IN_MESSAGE])), problems)
    return len(clean)


def import_file(path: Path | str, registry: RegionRegistry, data_dir: Path | str, *,
                indicator: str | None = None, category: str | None = None,
                value_column: str | None = None, known: Catalog = None) -> ImportReport:
    """Validate ``path`` and merge it into the imported data; raises ``ImportRejected``."""
    path = Path(path)
    header, rows = read_rows(path)
    skipped, problems = 0, list[str]()
    if "RegioS" in header and "Perioden" in header:
        header, rows, skipped, problems = statline_to_long(path, header, rows, indicator,
                                                           category, value_column)
    if not rows and not problems:
        problems = [data_text("import_no_rows", file=path.name)]
    clean, more = validate_long(path, header, rows, registry, known) if not problems else (
        [], [])
    problems += more
    if not problems:
        problems += consistency_problems(clean, registry, path.name, known)
    if problems:
        shown = problems[:MAX_PROBLEMS_IN_MESSAGE]
        extra = len(problems) - len(shown)
        message = data_text("import_refused", errors=errors_phrase(len(problems)), file=path.name,
                            problems="\n".join(shown))
        if extra > 0:
            message += "\n" + data_text("import_more_problems", errors=errors_phrase(extra))
        raise ImportRejected(message, problems)
    try:  # the whole provenance record is ready before a row is stored
        record = merged(data_dir, read_sidecar(provenance_path(path)))
    except ValueError as exc:
        raise ImportRejected(data_text("import_refused_sidecar", reason=exc),
                             [str(exc)]) from None
    report = _store(path, clean, skipped, Path(data_dir))
    write_record(data_dir, record)
    return report


def _store(source: Path, clean: list[dict], skipped: int, data_dir: Path) -> ImportReport:
    target = imported_path(data_dir)
    assert target is not None
    existing: dict[tuple, dict] = {}
    if target.exists():
        with target.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                existing[(row["indicator"], row["region"], row["category"],
                          int(row["year"]))] = row
    added = updated = unchanged = 0
    for item in clean:
        key = (item["indicator"], item["region"], item["category"], item["year"])
        text = {k: "" if item.get(k) is None else str(item[k]) for k in STORED}
        old = existing.get(key)
        if old is None:
            added += 1
        elif {k: old.get(k) or "" for k in STORED} == text:
            unchanged += 1
        else:
            updated += 1
        existing[key] = text
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=STORED, lineterminator="\n")
        writer.writeheader()
        for key in sorted(existing):
            writer.writerow({k: existing[key].get(k) or "" for k in STORED})
    os.replace(tmp, target)
    logger.info("imported %d rows from %s", len(clean), source)
    sources: dict[str, int] = {}
    for item in clean:
        if item.get("source"):
            line = f"{item['source']} ({item.get('source_modified') or '?'})"
            sources[line] = sources.get(line, 0) + 1
    return ImportReport(source, target, len(clean), added, updated, unchanged, skipped,
                        replaces_demo=_count_demo_keys(clean), sources=sources)


def _count_demo_keys(clean: list[dict]) -> int:
    """How many imported rows replace a row of the shipped demonstration data."""
    from indicators.store import DEMO_CSV, PACKAGE_DATA

    wanted = {(r["indicator"], r["region"], r["category"], str(r["year"])) for r in clean}
    with (PACKAGE_DATA / DEMO_CSV).open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        next(reader, None)
        return sum(1 for row in reader if tuple(row[:4]) in wanted)
