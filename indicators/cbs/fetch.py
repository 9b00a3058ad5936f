"""``oogo data fetch cbs``: download the tables, map, aggregate, check, write file + provenance.

The result is two files side by side: the long-format CSV (DESIGN.md columns plus the optional
``source``, ``source_modified`` and ``mark``) and ``<name>.provenance.json`` with, per table, its
id, title, CBS modification date, the download time, the licence (CC BY 4.0, "Bron: CBS"), the
codes and columns used and CBS's own definitions. ``oogo data import FILE`` reads both, anywhere.
"""

from __future__ import annotations

import csv
import json
import logging
import os
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from indicators.cbs.aggregate import aggregate_swv
from indicators.cbs.client import StatLineClient, StatLineError
from indicators.cbs.mapping import LONG_COLUMNS, Mapped, MappingError, map_jeugdzorg, map_neet
from indicators.cbs.tables import DEFAULT_TABLES, TABLES, JeugdzorgTable, NeetTable, find_code
from indicators.checks import consistency_problems
from indicators.provenance import (
    ATTRIBUTION,
    LICENCE,
    definitions_from_table,
    provenance_path,
    source_line,
)
from indicators.registry import RegionRegistry
from prompts.data_texts import data_text

logger = logging.getLogger(__name__)


@dataclass
class FetchReport:
    """What a fetch did, for the command's summary."""

    out: Path
    provenance: Path
    rows: int = 0
    per_table: dict[str, int] = field(default_factory=dict)
    swv_rows: int = 0
    marks: Counter = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)
    checks: str = ""

    def summary(self) -> str:
        """Dutch summary for the terminal."""
        tables = ", ".join(data_text("fetch_table_rows", table=t, count=n)
                           for t, n in self.per_table.items())
        lines = [data_text("fetch_written", rows=self.rows, out=self.out, tables=tables,
                           swv_rows=self.swv_rows),
                 data_text("fetch_marks", count=sum(self.marks.values())),
                 data_text("fetch_provenance", path=self.provenance), self.checks]
        lines += [data_text("fetch_problem", problem=p) for p in self.problems]
        lines.append(data_text("fetch_next_step", out=self.out))
        return "\n".join(line for line in lines if line)


def _known_regions(registry: RegionRegistry) -> set[str]:
    return {g.code for g in registry.gemeenten()} | {"NL01"}


def _fetch_one(client: StatLineClient, spec: JeugdzorgTable | NeetTable,
               registry: RegionRegistry) -> tuple[dict, Mapped]:
    info = client.table_info(spec.id)
    properties = client.data_properties(spec.id)
    modified = str(info.get("Modified") or "")[:10]
    source = {"source": source_line(spec.id), "modified": modified}
    known = _known_regions(registry)
    regions = "(substringof('GM',RegioS) or substringof('NL01',RegioS))"
    if isinstance(spec, JeugdzorgTable):
        codes = client.dimension(spec.id, spec.dimension)
        mapped_codes = []
        for patterns in spec.categories.values():
            code = find_code(codes, patterns)
            if code is not None:
                mapped_codes.append(str(code["Key"]).strip())
        # substringof, not eq: CBS pads codes with spaces ('NL01  ')
        wanted = " or ".join(f"substringof('{k}',{spec.dimension})" for k in mapped_codes)
        data = client.data(spec.id, filters=f"({wanted}) and {regions}" if wanted else regions)
        mapped = map_jeugdzorg(spec, properties, codes, data, known, source)
    else:
        dims = {p["Key"]: client.dimension(spec.id, p["Key"]) for p in properties
                if p.get("Type") == "Dimension"}
        data = client.data(spec.id, filters=regions)
        mapped = map_neet(spec, properties, dims, data, known, source)
    record = {
        "id": spec.id, "title": str(info.get("Title") or "").strip(),
        "short_title": str(info.get("ShortTitle") or "").strip(),
        "modified": modified, "modified_raw": str(info.get("Modified") or ""),
        "short_description": str(info.get("ShortDescription") or "").strip(),
        "summary": str(info.get("Summary") or "").strip(),
        "indicator": spec.indicator, "years": sorted(mapped.years),
        "categories": mapped.categories, "topics": mapped.topics,
        "rows": len(mapped.rows), "marks": dict(mapped.marks),
        "computed_values": mapped.computed_values,
        "url": f"https://opendata.cbs.nl/#/CBS/nl/dataset/{spec.id}",
    }
    return record, mapped


def check_rows(rows: list[dict], registry: RegionRegistry, file_name: str) -> tuple[list[str],
                                                                                   str]:
    """The figures' consistency rules (``indicators.checks``, as ``oogo data check`` runs them)
    over the mapped rows, before anything is written. CBS rows carry their source, so the rules
    apply the one CBS tolerance of ``indicators.checks`` (rounding to fives, derived population,
    young people without a known gemeente in the national count) and nothing looser."""
    numbered = [{**row, "line": n} for n, row in enumerate(rows, start=2)]
    return consistency_problems(numbered, registry, file_name), data_text("fetch_checked")


def fetch(out: Path | str, registry: RegionRegistry, *, tables: tuple[str, ...] = DEFAULT_TABLES,
          base_url: str | None = None, now: datetime | None = None) -> FetchReport:
    """Download ``tables`` and write the import file and its provenance record.

    Raises ``StatLineError`` (unreachable, bad answer) or ``ValueError`` (unknown table id, a
    check that fails); nothing is written then.
    """
    out = Path(out)
    unknown = [t for t in tables if t.upper() not in TABLES]
    if unknown:
        raise ValueError(data_text("fetch_unknown_table", tables=", ".join(unknown),
                                   choices=", ".join(TABLES)))
    client = StatLineClient(base_url or "https://opendata.cbs.nl")  # the CLI reads the setting
    report = FetchReport(out=out, provenance=provenance_path(out))
    records, rows = {}, []
    for table_id in (t.upper() for t in tables):
        try:
            record, mapped = _fetch_one(client, TABLES[table_id], registry)
        except MappingError as exc:
            report.problems.append(str(exc))
            continue
        records[table_id] = record
        rows += mapped.rows
        report.per_table[table_id] = len(mapped.rows)
        report.marks.update(mapped.marks)
        report.problems += mapped.problems
    if not rows:
        raise StatLineError(data_text("fetch_nothing_usable",
                                      problems=" ".join(report.problems)))
    rows = _latest_table_per_key(rows)
    aggregated = aggregate_swv(rows, registry)
    rows += aggregated.rows
    report.swv_rows = len(aggregated.rows)
    problems, report.checks = check_rows(rows, registry, out.name)
    if problems:
        raise ValueError(data_text("fetch_inconsistent", problems="\n".join(problems[:20])))
    stamp = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    provenance = {
        "format": 1, "licence": LICENCE, "attribution": ATTRIBUTION, "downloaded": stamp,
        "base_url": client.base_url, "tables": records,
        "definitions": {k: v for t in records.values()
                        for k, v in definitions_from_table(t).items()},
        "aggregation": {
            "method": "som van tellers en noemers van de gemeenten, alleen als alle gemeenten "
                      "van het samenwerkingsverband een cijfer hebben en het verband uit hele "
                      "gemeenten bestaat",
            "rows": len(aggregated.rows), "split_swvs": sorted(aggregated.split)},
    }
    _write(out, rows, provenance)
    report.rows = len(rows)
    return report


def _latest_table_per_key(rows: list[dict]) -> list[dict]:
    """Where two tables give the same figure (an overlap year), the later table wins."""
    order = {t: i for i, t in enumerate(TABLES)}
    best: dict[tuple, dict] = {}
    for row in rows:
        key = (row["indicator"], row["region"], row["category"], row["year"])
        old = best.get(key)
        table = row["source"].split()[-1]
        if old is None or order.get(table, 0) >= order.get(old["source"].split()[-1], 0):
            best[key] = row
    return list(best.values())


def _write(out: Path, rows: list[dict], provenance: dict) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=LONG_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in sorted(rows, key=lambda r: (r["indicator"], r["region"], r["category"],
                                               r["year"])):
            writer.writerow({k: "" if row[k] is None else row[k] for k in LONG_COLUMNS})
    prov = provenance_path(out)
    prov_tmp = prov.with_name(prov.name + ".tmp")
    prov_tmp.write_text(json.dumps(provenance, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, out)
    os.replace(prov_tmp, prov)
