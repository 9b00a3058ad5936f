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
import os
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from indicators.catalog import build_catalog
from indicators.cbs.mapping import MARKS
from indicators.checks import cbs_percent_tolerance, consistency_problems, from_cbs
from indicators.errors import ImportRejected
from indicators.provenance import merge_into, provenance_path, read_sidecar
from indicators.registry import RegionRegistry
from indicators.store import COLUMNS, PROVENANCE_COLUMNS, imported_path

logger = logging.getLogger(__name__)

MIN_YEAR = 2000
STORED = COLUMNS + PROVENANCE_COLUMNS
MAX_PROBLEMS_IN_MESSAGE = 20
STATLINE_KNOWN = {"percentagejongerenmetjeugdzorg": ("jeugdzorg", "totaal")}
_PERIOD = re.compile(r"^(\d{4})(?:JJ00)?$")


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
        text = (f"{_rows(self.rows)} uit {self.path.name} goedgekeurd: {self.added} nieuw, "
                f"{self.updated} bijgewerkt, {self.unchanged} ongewijzigd")
        if self.skipped:
            text += f", {self.skipped} overgeslagen (geen cijfer, '.' in StatLine)"
        replace = "vervangt" if self.replaces_demo == 1 else "vervangen"
        text += (f". {_rows(self.replaces_demo)} {replace} demonstratiedata. "
                 f"Opgeslagen in {self.stored_at}.")
        for source, count in (self.sources or {}).items():
            text += f"\n{_rows(count)} uit {source} (Bron: CBS, licentie CC BY 4.0)."
        return text


def _sniff(text: str) -> str:
    header = text.splitlines()[0] if text else ""
    return ";" if header.count(";") > header.count(",") else ","


def _rows(count: int) -> str:
    return f"{count} rij" if count == 1 else f"{count} rijen"


def read_rows(path: Path) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        msg = f"Bestand {path} bestaat niet."
        raise ImportRejected(msg, [f"{path}: bestand niet gevonden"]) from None
    except IsADirectoryError:
        msg = f"{path} is een map, geen bestand. Geef het CSV-bestand zelf op."
        raise ImportRejected(msg, [msg]) from None
    except OSError as exc:  # no permission, a device, a broken link: say so, never a traceback
        msg = f"Bestand {path} kan ik niet lezen ({exc.strerror or type(exc).__name__})."
        raise ImportRejected(msg, [msg]) from None
    except UnicodeDecodeError:
        msg = f"{path.name}: het bestand is geen UTF-8-tekst (CSV)."
        raise ImportRejected(msg, [msg]) from None
    reader = csv.DictReader(io.StringIO(text), delimiter=_sniff(text))
    header = [h.strip() for h in (reader.fieldnames or [])]
    reader.fieldnames = header
    rows = [(reader.line_num, row) for row in reader]
    # DictReader's line_num after reading is the line of that record (header is line 1).
    return header, rows


def _parse_int(text: str) -> int | None:
    text = (text or "").strip()
    if text == "":
        return None
    if not re.fullmatch(r"\d+", text):
        raise ValueError(f"'{text}' is geen geheel getal van 0 of meer")
    return int(text)


def _parse_float(text: str) -> float | None:
    text = (text or "").strip()
    if text == "":
        return None
    try:
        return float(text.replace(",", "."))
    except ValueError:
        raise ValueError(f"'{text}' is geen getal") from None


def validate_long(path: Path, header: list[str], rows, registry: RegionRegistry
                  ) -> tuple[list[dict], list[str]]:
    """Check every row of a long-format file; returns (clean rows, problems)."""
    catalog = build_catalog()
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        return [], [f"{path.name}, regel 1: kolom ontbreekt: {', '.join(missing)}"]
    clean: list[dict] = []
    problems: list[str] = []
    seen: dict[tuple, int] = {}
    max_year = date.today().year + 1
    for line, row in rows:
        try:
            item = _check_row(row, registry, catalog, max_year)
        except ValueError as exc:
            problems.append(f"{path.name}, regel {line}: {exc}")
            continue
        key = (item["indicator"], item["region"], item["category"], item["year"])
        if key in seen:
            problems.append(f"{path.name}, regel {line}: dubbele rij (zelfde indicator, regio, "
                            f"categorie en jaar als regel {seen[key]})")
            continue
        seen[key] = line
        item["line"] = line
        clean.append(item)
    return clean, problems


def _check_row(row: dict, registry: RegionRegistry, catalog, max_year: int) -> dict:
    indicator = (row.get("indicator") or "").strip()
    if indicator not in catalog:
        raise ValueError(f"onbekende indicator '{indicator}' (kies uit {', '.join(catalog)})")
    definition = catalog[indicator]
    region = (row.get("region") or "").strip().upper()
    if region not in registry:
        raise ValueError(f"onbekende regiocode '{row.get('region', '')}' (verwacht bv. GM0363, "
                         "PO2707, VO2708 of NL01)")
    category = (row.get("category") or "").strip()
    if category not in definition.all_categories:
        raise ValueError(f"categorie '{category}' hoort niet bij {indicator}")
    year_text = (row.get("year") or "").strip()
    if not re.fullmatch(r"\d{4}", year_text) or not MIN_YEAR <= int(year_text) <= max_year:
        raise ValueError(f"jaar '{year_text}' is geen jaartal tussen {MIN_YEAR} en {max_year}")
    num = _parse_int(row.get("numerator", ""))
    den = _parse_int(row.get("denominator", ""))
    value = _parse_float(row.get("value", ""))
    extra = {k: (row.get(k) or "").strip() for k in PROVENANCE_COLUMNS}
    base = {"indicator": indicator, "region": region, "category": category,
            "year": int(year_text), **extra}
    if extra["mark"]:
        if extra["mark"] not in MARKS:
            raise ValueError(f"teken '{extra['mark']}' is onbekend (verwacht een CBS-teken: "
                             f"{' '.join(m for m in MARKS if m)})")
        if num is not None or den is not None or value is not None:
            raise ValueError("een rij met een teken (geen cijfer) heeft geen getallen")
        return {**base, "numerator": None, "denominator": None, "value": None}
    if definition.unit == "x":
        if num is not None or den is not None:
            raise ValueError("bij neet_rr blijven numerator en denominator leeg")
        # empty: not computable (nobody without the characteristic is NEET); 0: nobody with it
        if value is not None and value < 0:
            raise ValueError("relatief risico is kleiner dan 0")
    else:
        value = _check_proportion(num, den, value, rounded=from_cbs(extra))
    return {**base, "numerator": num, "denominator": den, "value": value}


def _check_proportion(num: int | None, den: int | None, value: float | None,
                      rounded: bool = False) -> float:
    if (num is None) != (den is None):
        raise ValueError("vul numerator en denominator allebei in, of allebei niet")
    if num is not None and den is not None:
        if den == 0:
            raise ValueError("denominator is 0")
        if num > den:
            raise ValueError(f"numerator ({num}) is groter dan denominator ({den})")
        computed = round(100.0 * num / den, 1)
        if value is None:
            return computed
        # CBS rounds its counts to fives and computes the percentage from the exact ones
        if abs(value - computed) > (cbs_percent_tolerance(value, den) if rounded else 0.051):
            raise ValueError(f"value {value} past niet bij numerator/denominator "
                             f"(100 x {num} / {den} = {computed})")
    if value is None:
        raise ValueError("value ontbreekt (en er zijn geen aantallen om hem te berekenen)")
    if not 0.0 <= value <= 100.0:
        raise ValueError(f"percentage {value} ligt niet tussen 0 en 100")
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
        msg = (f"{path.name}, regel 1: geen bekende waardekolom; geef --indicator, --category "
               "en --value-column op")
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
            problems.append(f"{path.name}, regel {line}: periode '{period}' is geen jaar "
                            "(verwacht bv. 2023JJ00)")
            continue
        out.append((line, {"indicator": indicator, "region": (row.get("RegioS") or "").strip(),
                           "category": category or "totaal", "year": match.group(1),
                           "numerator": "", "denominator": "", "value": raw}))
    return COLUMNS, out, skipped, problems


def validate_file(path: Path | str, registry: RegionRegistry) -> int:
    """Check a long-format file without storing it (used for ``OOGO_INDICATOR_DATA``).

    Returns the number of good rows; raises ``ImportRejected`` on any bad row.
    """
    path = Path(path)
    header, rows = read_rows(path)
    clean, problems = validate_long(path, header, rows, registry)
    problems += consistency_problems(clean, registry, path.name) if not problems else []
    if problems:
        raise ImportRejected(
            f"Cijferbestand {path.name} afgekeurd ({len(problems)} fout(en)):\n"
            + "\n".join(problems[:MAX_PROBLEMS_IN_MESSAGE]), problems)
    return len(clean)


def import_file(path: Path | str, registry: RegionRegistry, data_dir: Path | str, *,
                indicator: str | None = None, category: str | None = None,
                value_column: str | None = None) -> ImportReport:
    """Validate ``path`` and merge it into the imported data; raises ``ImportRejected``."""
    path = Path(path)
    header, rows = read_rows(path)
    skipped, problems = 0, list[str]()
    if "RegioS" in header and "Perioden" in header:
        header, rows, skipped, problems = statline_to_long(path, header, rows, indicator,
                                                           category, value_column)
    if not rows and not problems:
        problems = [f"{path.name}: het bestand bevat geen rijen met cijfers"]
    clean, more = validate_long(path, header, rows, registry) if not problems else ([], [])
    problems += more
    if not problems:
        problems += consistency_problems(clean, registry, path.name)
    if problems:
        shown = problems[:MAX_PROBLEMS_IN_MESSAGE]
        extra = len(problems) - len(shown)
        message = (f"Import geweigerd: {len(problems)} fout(en) in {path.name}; er is niets "
                   "veranderd.\n" + "\n".join(shown)
                   + (f"\n... en nog {extra} fout(en)." if extra > 0 else ""))
        raise ImportRejected(message, problems)
    try:
        record = read_sidecar(provenance_path(path))
    except ValueError as exc:
        raise ImportRejected(f"Import geweigerd: {exc} Er is niets veranderd.",
                             [str(exc)]) from None
    report = _store(path, clean, skipped, Path(data_dir))
    merge_into(data_dir, record)
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
