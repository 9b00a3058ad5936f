"""Build the processed region files in ``indicators/data/`` from the raw CBS and OCW files.

Why a script: the registry must be reproducible from public sources. The raw files (CBS
gemeenten 2023/2025, CBS Kerncijfers wijken en buurten 2024, the OCW regio-indeling of the
samenwerkingsverbanden passend onderwijs of 2015 per postcode) live outside the package; this
script turns them into two small CSVs that ship with the package:

* ``regions.csv``: every gemeente (2024 division), every SWV PO and VO, and Nederland (NL01);
* ``gemeente_swv_pc4.csv``: per gemeente, how many postcodes (pc4) fall in each SWV, which is the
  evidence for the main SWV and the "other" SWVs.

The 2015 regio-indeling uses 2015 gemeente names. Names that no longer exist are mapped with the
hand-made table ``herindelingen_2015_2024.csv`` (one row per merger/rename; a row with a pc4 moves
only that postcode, used for gemeenten that were split, like Haaren in 2021). A 2024 gemeente that
spans several SWVs gets the SWV with the most postcodes as its main SWV (ties: the lowest code)
and records the others.

Run: ``python -m indicators.build_regions [RAW_DIR]`` (default ``../shared/data/raw``).
"""

from __future__ import annotations

import csv
import logging
import sys
from collections import Counter, defaultdict
from pathlib import Path

logger = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent / "data"
DEFAULT_RAW = Path(__file__).resolve().parents[2] / "shared" / "data" / "raw"

REGION_COLUMNS = [
    "code", "name", "level", "province", "inhabitants", "density", "size_class",
    "swv_po", "swv_vo", "swv_po_other", "swv_vo_other", "land_km2", "statline_name",
]

# CBS gemeentegrootteklasse: lower bound of the class -> Dutch label.
SIZE_CLASSES = [
    (250_000, "250.000 inwoners of meer"),
    (150_000, "150.000 tot 250.000 inwoners"),
    (100_000, "100.000 tot 150.000 inwoners"),
    (50_000, "50.000 tot 100.000 inwoners"),
    (20_000, "20.000 tot 50.000 inwoners"),
    (10_000, "10.000 tot 20.000 inwoners"),
    (5_000, "5.000 tot 10.000 inwoners"),
    (0, "minder dan 5.000 inwoners"),
]


def size_class(inhabitants: int) -> str:
    """CBS size class label computed from the population classes."""
    for lower, label in SIZE_CLASSES:
        if inhabitants >= lower:
            return label
    return SIZE_CLASSES[-1][1]


def swv_display_code(code: str) -> str:
    """``PO2707`` -> ``PO 27.07`` (the way OCW writes the codes)."""
    return f"{code[:2]} {code[2:4]}.{code[4:6]}"


def _read_csv(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=delimiter))


def load_gemeenten(raw: Path) -> dict[str, dict]:
    """The 342 gemeenten with name, province, inhabitants, density and land area."""
    names = {r["GemeentecodeGM"]: r for r in _read_csv(raw / "gemeenten-alfabetisch-2023.csv")}
    statline = {r["gm_code"]: r["gm_naam"] for r in _read_csv(raw / "gemeenten.csv")}
    kwb = {r["gm_code"]: r for r in _read_csv(raw / "kwb2024_gemeenten_derived.csv")}
    if set(names) != set(kwb):
        raise ValueError("gemeentecodes in de CBS-lijst en KWB 2024 verschillen")
    out: dict[str, dict] = {}
    for code, row in names.items():
        inh = int(kwb[code]["AantalInwoners_5"])
        land_km2 = int(kwb[code]["OppervlakteLand_123"]) / 100.0
        out[code] = {
            "code": code,
            "name": row["Gemeentenaam"],
            "level": "gemeente",
            "province": row["Provincienaam"],
            "inhabitants": inh,
            "density": int(kwb[code]["Bevolkingsdichtheid_34"]),
            "size_class": size_class(inh),
            "land_km2": round(land_km2, 2),
            "statline_name": statline.get(code, row["Gemeentenaam"]),
        }
    return out


def load_herindelingen(path: Path) -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """Mapping 2015 name -> 2024 code, plus per-pc4 overrides for split gemeenten."""
    by_name: dict[str, str] = {}
    by_pc4: dict[tuple[str, str], str] = {}
    for row in _read_csv(path):
        if row["pc4"]:
            by_pc4[(row["gemeente_2015"], row["pc4"])] = row["gm_code_2024"]
        else:
            by_name[row["gemeente_2015"]] = row["gm_code_2024"]
    return by_name, by_pc4


def assign_pc4(raw: Path, gemeenten: dict[str, dict], mapping_path: Path) -> dict[str, dict]:
    """Count postcodes per SWV for every 2024 gemeente."""
    name_to_code = {g["name"]: c for c, g in gemeenten.items()}
    by_name, by_pc4 = load_herindelingen(mapping_path)
    counts: dict[str, dict[str, Counter]] = defaultdict(lambda: {"po": Counter(), "vo": Counter()})
    unmapped: set[str] = set()
    for row in _read_csv(raw / "swv_regio_indeling_pc4_2015_derived.csv"):
        name, pc4 = row["gemeente_2015"], row["pc4"]
        code = by_pc4.get((name, pc4)) or name_to_code.get(name) or by_name.get(name)
        if code is None:
            unmapped.add(name)
            continue
        for kind, col in (("po", "po_swv"), ("vo", "vo_swv")):
            swv = row[col].strip()
            if swv.startswith(kind.upper()):  # skips "Europoort" port postcodes
                counts[code][kind][swv] += 1
    if unmapped:
        raise ValueError(f"2015-gemeenten zonder koppeling naar 2024: {sorted(unmapped)}")
    missing = set(gemeenten) - set(counts)
    if missing:
        raise ValueError(f"gemeenten zonder postcodes in de regio-indeling: {sorted(missing)}")
    return counts


def _main_and_others(counter: Counter) -> tuple[str, list[str]]:
    ranked = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    return ranked[0][0], [code for code, _ in ranked[1:]]


def build(raw: Path = DEFAULT_RAW, out_dir: Path = DATA_DIR) -> dict[str, int]:
    """Regenerate ``regions.csv`` and ``gemeente_swv_pc4.csv``; returns counts per level."""
    gemeenten = load_gemeenten(raw)
    counts = assign_pc4(raw, gemeenten, out_dir / "herindelingen_2015_2024.csv")
    pc4_rows = []
    for code, g in gemeenten.items():
        for kind in ("po", "vo"):
            main, others = _main_and_others(counts[code][kind])
            g[f"swv_{kind}"] = main
            g[f"swv_{kind}_other"] = ";".join(others)
        pc4_rows.append({
            "gm_code": code,
            "name": g["name"],
            "po_swv_pc4": ";".join(f"{k}:{v}" for k, v in counts[code]["po"].most_common()),
            "vo_swv_pc4": ";".join(f"{k}:{v}" for k, v in counts[code]["vo"].most_common()),
        })
    swvs = _build_swvs(gemeenten)
    land = _aggregate("NL01", "Nederland", "land", list(gemeenten.values()))
    rows = sorted(gemeenten.values(), key=lambda r: r["code"]) + swvs + [land]
    _write(out_dir / "regions.csv", REGION_COLUMNS, rows)
    _write(out_dir / "gemeente_swv_pc4.csv", ["gm_code", "name", "po_swv_pc4", "vo_swv_pc4"],
           sorted(pc4_rows, key=lambda r: r["gm_code"]))
    result = Counter(r["level"] for r in rows)
    logger.info("regions written: %s", dict(result))
    return dict(result)


def _aggregate(code: str, name: str, level: str, members: list[dict]) -> dict:
    inh = sum(m["inhabitants"] for m in members)
    land = sum(m["land_km2"] for m in members)
    by_prov: Counter = Counter()
    for m in members:
        by_prov[m["province"]] += m["inhabitants"]
    return {
        "code": code, "name": name, "level": level,
        "province": "" if level == "land" else ", ".join(p for p, _ in by_prov.most_common()),
        "inhabitants": inh, "density": round(inh / land) if land else 0, "size_class": "",
        "swv_po": "", "swv_vo": "", "swv_po_other": "", "swv_vo_other": "",
        "land_km2": round(land, 2), "statline_name": "",
    }


def _build_swvs(gemeenten: dict[str, dict]) -> list[dict]:
    """One row per SWV that is the main SWV of at least one gemeente, with a derived name.

    SWV names are not in the OCW data; the name is derived from the code and the two largest
    member gemeenten, e.g. "Samenwerkingsverband PO 27.07 (regio Amsterdam-Diemen)" ("en" instead of
    the hyphen when a name has a hyphen itself).
    """
    members: dict[str, list[dict]] = defaultdict(list)
    for g in gemeenten.values():
        members[g["swv_po"]].append(g)
        members[g["swv_vo"]].append(g)
    rows = []
    for code in sorted(members):
        group = sorted(members[code], key=lambda m: -m["inhabitants"])
        names = [m["name"] for m in group[:2]]
        largest = (" en " if any("-" in n for n in names) else "-").join(names)
        name = f"Samenwerkingsverband {swv_display_code(code)} (regio {largest})"
        level = "swv_po" if code.startswith("PO") else "swv_vo"
        rows.append(_aggregate(code, name, level, group))
    # An "other" SWV that is nobody's main SWV is dropped from the other-lists: it has no region.
    known = {r["code"] for r in rows}
    for g in gemeenten.values():
        for kind in ("po", "vo"):
            others = [c for c in g[f"swv_{kind}_other"].split(";") if c and c in known]
            g[f"swv_{kind}_other"] = ";".join(others)
    return rows


def _write(path: Path, columns: list[str], rows: list[dict]) -> None:
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore",
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    tmp.replace(path)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: ``python -m indicators.build_regions [RAW_DIR]``."""
    args = sys.argv[1:] if argv is None else argv
    raw = Path(args[0]) if args else DEFAULT_RAW
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    result = build(raw)
    print(", ".join(f"{k}: {v}" for k, v in sorted(result.items())))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
