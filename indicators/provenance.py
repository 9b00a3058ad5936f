"""Where each imported figure comes from, and what it means according to its source.

Why a record beside the figures: a real figure must carry its own source and its source's own
definition (age range, region basis), never the demonstration definition. ``oogo data fetch cbs``
writes ``<file>.provenance.json`` next to its CSV; ``oogo data import`` merges it into
``<data_dir>/indicators/provenance.json``; the engine reads it as an overlay: per table its title,
CBS modification date, download time and licence, per indicator and category the definition.
"""

from __future__ import annotations

import json
import logging
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from prompts.data_texts import data_text

logger = logging.getLogger(__name__)

LICENCE = "CC BY 4.0"
ATTRIBUTION = "Bron: CBS"
STORE_NAME = Path("indicators") / "provenance.json"
_AGE = re.compile(r"(\d+)\s*(?:tot|t/m|-)\s*(\d+)\s*jaar", re.IGNORECASE)
_PREFIX = re.compile(r"^[A-Z]{2}(\s+\d+)?\s+")


def source_line(table_id: str) -> str:
    """The per-row ``source`` value: 'CBS StatLine 85099NED'."""
    return f"CBS StatLine {table_id}"


def fact_source(source: str, modified: str) -> str:
    """The contract's per-figure source: 'CBS StatLine 85099NED (2024-10-31)'."""
    return f"{source} ({modified})" if modified else source


def table_of(source: str) -> str:
    """'CBS StatLine 85099NED (2024-10-31)' -> '85099NED' ('' when not a StatLine source)."""
    match = re.search(r"StatLine\s+(\w+)", source or "")
    return match.group(1) if match else ""


def provenance_path(csv_path: Path | str) -> Path:
    """The provenance record next to an import file: x.csv -> x.provenance.json."""
    path = Path(csv_path)
    return path.with_name(path.stem + ".provenance.json")


def _first_sentences(text: str, limit: int = 420) -> str:
    """Whole sentences from the start of ``text``, up to about ``limit`` characters."""
    text = re.sub(r"\s+", " ", text or "").strip()
    if len(text) <= limit:
        return text
    cut = text[:limit]
    end = max(cut.rfind(". "), cut.rfind(".\n"))
    return cut[:end + 1] if end > 0 else cut.rstrip() + "…"


def _sentence_with(text: str, word: str) -> str:
    for sentence in re.split(r"(?<=[.!?])\s+", re.sub(r"\s+", " ", text or "")):
        if word in sentence.lower():
            return sentence.strip()
    return ""


def definitions_from_table(record: dict) -> dict[str, dict]:
    """Per 'indicator/category@table': label, definition, age range and region basis from CBS."""
    topics = record.get("topics", {})
    main = topics.get("share") or topics.get("count") or {}
    described = " ".join(str(main.get(k, "")) for k in ("Title", "Unit", "Description"))
    about_table = f"{record.get('short_description', '')} {record.get('summary', '')}"
    age = _AGE.search(described) or _AGE.search(about_table)
    basis = _sentence_with(about_table, "woonplaatsbeginsel")
    out = {}
    categories = record.get("categories", {})
    if record.get("indicator") == "neet":
        categories = {"totaal": {}}
    for category, code in categories.items():
        code_title = _PREFIX.sub("", str(code.get("Title", ""))).strip()
        label = str(main.get("Title", "")).strip()
        if code_title:
            label = f"{label}, {code_title[:1].lower()}{code_title[1:]}"
        parts = [_first_sentences(str(main.get("Description", "")))]
        if code.get("Description"):
            parts.append(_first_sentences(str(code["Description"]), 300))
        out[f"{record['indicator']}/{category}@{record['id']}"] = {
            "label_nl": label, "definition_nl": " ".join(p for p in parts if p),
            "unit_cbs": str(main.get("Unit", "")),
            "age_range": f"{age.group(1)} tot {age.group(2)} jaar" if age else "",
            "region_basis": basis, "table": record["id"],
            "table_title": record.get("title", ""), "modified": record.get("modified", ""),
        }
    return out


@dataclass
class Provenance:
    """The merged provenance of everything imported into one data dir."""

    tables: dict[str, dict] = field(default_factory=dict)
    definitions: dict[str, dict] = field(default_factory=dict)

    @classmethod
    def load(cls, data_dir: Path | str | None) -> Provenance:
        """The stored record, or an empty one (no import yet, or no data dir)."""
        if data_dir is None:
            return cls()
        path = Path(data_dir) / STORE_NAME
        if not path.exists():
            return cls()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            logger.warning("provenance record %s is unreadable; imported figures keep their "
                           "source line only", path)
            return cls()
        return cls(tables=data.get("tables", {}), definitions=data.get("definitions", {}))

    def definition(self, indicator: str, category: str, source: str) -> dict | None:
        """The source's own definition of this figure, if the source is a recorded table."""
        table = table_of(source)
        return self.definitions.get(f"{indicator}/{category}@{table}") if table else None

    def table(self, source: str) -> dict | None:
        """The table record (title, modified, downloaded, licence) of a row's source."""
        return self.tables.get(table_of(source))


def read_sidecar(sidecar: Path) -> dict | None:
    """An import file's provenance record, None when there is none; ``ValueError`` (Dutch) when
    it is not a readable record, so the import can refuse before it changes anything."""
    return _read_record(sidecar) if sidecar.exists() else None


def _read_record(path: Path) -> dict:
    """A provenance record from ``path`` (an import's sidecar or the data dir's store);
    ``ValueError`` (Dutch) when it cannot be read or has another shape."""
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValueError(data_text("provenance_unreadable", file=path.name,
                                   reason=type(exc).__name__)) from None
    if not _record_shape(record):
        raise ValueError(data_text("provenance_bad_shape", file=path.name))
    return record


def _record_shape(record: object) -> bool:
    """Whether ``record`` has the shape ``merged`` reads: a table's record and the definitions
    are mappings, the texts are texts. Checked whole before the import stores a row: a record
    of another shape used to fail in the merge, after the figures had been written."""
    if not isinstance(record, dict):
        return False
    tables, definitions = record.get("tables", {}), record.get("definitions", {})
    aggregation = record.get("aggregation", {})
    return (isinstance(tables, dict) and all(isinstance(v, dict) for v in tables.values())
            and isinstance(definitions, dict) and isinstance(aggregation, dict)
            and all(isinstance(record.get(key, ""), str)
                    for key in ("downloaded", "licence", "attribution"))
            and isinstance(aggregation.get("method", ""), str))


def merged(data_dir: Path | str, incoming: dict | None) -> dict | None:
    """The data dir's provenance record with ``incoming`` merged in (None: nothing to write).
    Computed before the import stores its rows, so that an unreadable stored record refuses
    the import instead of failing after it (``ValueError``, Dutch)."""
    if not incoming:
        return None
    target = Path(data_dir) / STORE_NAME
    current = _read_record(target) if target.exists() else {}
    tables = current.get("tables", {})
    for table_id, record in incoming.get("tables", {}).items():
        tables[table_id] = {**record, "downloaded": incoming.get("downloaded", ""),
                            "licence": incoming.get("licence", LICENCE),
                            "attribution": incoming.get("attribution", ATTRIBUTION),
                            "aggregation": incoming.get("aggregation", {}).get("method", "")}
    definitions = {**current.get("definitions", {}), **incoming.get("definitions", {})}
    return {"tables": tables, "definitions": definitions}


def write_record(data_dir: Path | str, record: dict | None) -> bool:
    """Write a merged provenance record into the data dir (atomic); False when there is none."""
    if not record:
        return False
    target = Path(data_dir) / STORE_NAME
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_text(json.dumps(record, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, target)
    return True

