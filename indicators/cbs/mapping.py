"""From StatLine rows to the long format: one row per region, category and year.

Rules (see ``indicators/data/PROVENANCE.md`` for the table-by-table mapping):

* only whole years (``2023JJ00``); half years and peildata are skipped;
* only regions the assistant knows: the gemeenten of the registry (``GM0363``) and ``NL01``
  (CBS pads codes with spaces: ``'NL01  '``); provinces, COROP and jeugdregio's are skipped;
* a CBS mark instead of a number (``.`` secret or missing, ``x`` secret, ``-`` nil, ``?``
  unreliable, empty) becomes a row *without* numbers and with that ``mark``: "geen cijfer",
  never zero;
* jeugdzorg: ``numerator`` is CBS's count (rounded to fives by CBS), ``value`` CBS's published
  percentage. CBS does not publish the 0-22 population beside it, so ``denominator`` is the
  population the total's count and percentage imply (count x 100 / percentage, rounded); the four
  zorgtypes share that denominator (same population). A zorgtype keeps CBS's own percentage when
  it agrees with that denominator within CBS's rounding; otherwise (another base population) its
  percentage is computed from the count over the 0-22 population, and counted as such;
* NEET (opt-in): numerator = not in education and without work, denominator = all 15-26-year-olds,
  value computed from the two.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from indicators.cbs.tables import YEAR_PERIOD, JeugdzorgTable, NeetTable, find_code, norm, topic
from indicators.checks import cbs_percent_tolerance
from prompts.data_texts import data_text

MARKS = {".": "geheim of ontbreekt", "x": "geheim", "-": "nihil", "–": "nihil",
         "?": "onbetrouwbaar", "": "kan niet voorkomen"}
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
LONG_COLUMNS = ["indicator", "region", "category", "year", "numerator", "denominator", "value",
                "source", "source_modified", "mark"]


class MappingError(ValueError):
    """The table's metadata lacks something the mapping needs (Dutch message)."""


def parse_cell(text: object) -> tuple[float | None, str | None]:
    """(number, None) or (None, mark). CBS's untyped values are padded text with '.' decimals."""
    if text is None:
        return None, "."
    if isinstance(text, int | float):
        return float(text), None
    raw = str(text).strip()
    if _NUMBER.match(raw):
        return float(raw), None
    return None, raw if raw in MARKS else "."


@dataclass
class Mapped:
    """The long rows of one table plus what the provenance record says about them."""

    rows: list[dict] = field(default_factory=list)
    marks: Counter = field(default_factory=Counter)
    computed_values: int = 0
    skipped_regions: set[str] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)
    categories: dict[str, dict] = field(default_factory=dict)
    topics: dict[str, dict] = field(default_factory=dict)
    years: set[int] = field(default_factory=set)


def _region(raw: str, known: set[str]) -> str | None:
    code = (raw or "").strip().upper()
    return code if code in known else None


def _year(raw: str) -> int | None:
    match = YEAR_PERIOD.match((raw or "").strip())
    return int(match.group(1)) if match else None


def _row(source: dict, indicator: str, region: str, category: str, year: int, *,
         num: int | None = None, den: int | None = None, value: float | None = None,
         mark: str = "") -> dict:
    return {"indicator": indicator, "region": region, "category": category, "year": year,
            "numerator": num, "denominator": den,
            "value": None if value is None else round(value, 1),
            "source": source["source"], "source_modified": source["modified"], "mark": mark}


def map_jeugdzorg(spec: JeugdzorgTable, properties: list[dict], codes: list[dict],
                  data: list[dict], known_regions: set[str], source: dict) -> Mapped:
    """Count and share per vorm van jeugdzorg -> jeugdzorg totaal and the four zorgtypes."""
    out = Mapped()
    count = topic(properties, title="jongeren met jeugdzorg", unit="aantal")
    share = topic(properties, title="jongeren met jeugdzorg", unit="%")
    if count is None:
        raise MappingError(data_text("cbs_no_count_column", table=spec.id))
    out.topics = {"count": _describe(count), **({"share": _describe(share)} if share else {})}
    by_code: dict[str, str] = {}
    for category, patterns in spec.categories.items():
        code = find_code(codes, patterns)
        if code is None:
            out.problems.append(data_text("cbs_no_category_code", table=spec.id,
                                          category=category.replace("_", " ")))
            continue
        out.categories[category] = _describe(code)
        by_code[str(code["Key"]).strip()] = category
    cells: dict[tuple[str, int], dict[str, tuple]] = {}
    for item in data:
        found = by_code.get(str(item.get(spec.dimension, "")).strip())
        year = _year(item.get("Perioden", ""))
        if found is None or year is None:
            continue
        region = _region(item.get("RegioS", ""), known_regions)
        if region is None:
            out.skipped_regions.add(str(item.get("RegioS", "")).strip())
            continue
        shared = parse_cell(item.get(share["Key"])) if share else (None, ".")
        cells.setdefault((region, year), {})[found] = (parse_cell(item.get(count["Key"])),
                                                       shared)
    for (region, year), parts in sorted(cells.items()):
        out.years.add(year)
        den = _denominator(parts.get("totaal"))
        for category, ((num, num_mark), (pct, pct_mark)) in parts.items():
            out.rows.append(_jeugdzorg_row(out, source, region, year, category, num, num_mark,
                                           pct, pct_mark, den))
    return out


def _denominator(total: tuple | None) -> int | None:
    if total is None:
        return None
    (num, _), (pct, _) = total
    if num is None or pct is None or pct <= 0 or num <= 0:
        return None
    return round(num * 100.0 / pct)


def _jeugdzorg_row(out: Mapped, source: dict, region: str, year: int, category: str,
                   num: float | None, num_mark: str | None, pct: float | None,
                   pct_mark: str | None, den: int | None) -> dict:
    args = (source, "jeugdzorg", region, category, year)
    if num is None and pct is None:
        mark = num_mark or pct_mark or "."
        out.marks[mark] += 1
        return _row(*args, mark=mark)
    if num is None or den is None:
        if pct is None:  # a count without any base: no percentage to show
            out.marks[pct_mark or "."] += 1
            return _row(*args, mark=pct_mark or ".")
        return _row(*args, value=pct)
    count = int(round(num))
    if pct is not None and abs(pct - 100.0 * count / den) <= cbs_percent_tolerance(pct, den):
        return _row(*args, num=count, den=den, value=pct)
    out.computed_values += 1
    return _row(*args, num=count, den=den, value=100.0 * count / den)


def _describe(item: dict) -> dict:
    """The parts of a metadata entry the provenance record keeps."""
    keep = ("Key", "Title", "Description", "Unit", "Decimals")
    return {k: (v.strip() if isinstance(v := item.get(k), str) else v)
            for k in keep if item.get(k) not in (None, "")}


def map_neet(spec: NeetTable, properties: list[dict], dimension_codes: dict[str, list[dict]],
             data: list[dict], known_regions: set[str], source: dict) -> Mapped:
    """Counts per situation -> NEET numerator (no education, no work) over all 15-26s."""
    out = Mapped()
    count = next((p for p in properties if p.get("Type") == "Topic"
                  and "aantal" in norm(p.get("Unit"))), None)
    if count is None:
        raise MappingError(data_text("cbs_no_youth_counts", table=spec.id))
    out.topics = {"count": _describe(count)}
    wanted: dict[str, tuple[str, str]] = {}
    for prop in properties:
        if prop.get("Type") != "Dimension":
            continue
        for pattern, (neet_pattern, total_pattern) in spec.dimensions.items():
            if re.search(pattern, norm(prop.get("Title"))):
                codes = dimension_codes.get(prop["Key"], [])
                neet, total = find_code(codes, (neet_pattern,)), find_code(codes, (total_pattern,))
                if neet is None or total is None:
                    raise MappingError(data_text("cbs_no_neet_code", table=spec.id,
                                                 dimension=prop.get("Title")))
                wanted[prop["Key"]] = (str(neet["Key"]).strip(), str(total["Key"]).strip())
                out.categories[f"{prop['Key']}"] = {"neet": _describe(neet),
                                                    "totaal": _describe(total)}
                break
    if len(wanted) != len(spec.dimensions):
        raise MappingError(data_text("cbs_missing_dimensions", table=spec.id))
    cells: dict[tuple[str, int], dict[str, tuple]] = {}
    for item in data:
        keys = {dim: str(item.get(dim, "")).strip() for dim in wanted}
        is_neet = all(keys[d] == wanted[d][0] for d in wanted)
        is_total = all(keys[d] == wanted[d][1] for d in wanted)
        year = _year(item.get("Perioden", ""))
        region = _region(item.get("RegioS", ""), known_regions)
        if year is None or region is None or not (is_neet or is_total):
            continue
        part = "num" if is_neet else "den"
        cells.setdefault((region, year), {})[part] = parse_cell(item.get(count["Key"]))
    for (region, year), parts in sorted(cells.items()):
        out.years.add(year)
        (num, num_mark), (den, den_mark) = parts.get("num", (None, ".")), parts.get(
            "den", (None, "."))
        args = (source, "neet", region, "totaal", year)
        if num is None or den is None or den <= 0:
            mark = num_mark or den_mark or "."
            out.marks[mark] += 1
            out.rows.append(_row(*args, mark=mark))
            continue
        out.computed_values += 1
        out.rows.append(_row(*args, num=int(num), den=int(den), value=100.0 * num / den))
    return out
