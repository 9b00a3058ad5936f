"""Seeded generator of the demonstration indicator data (2019-2023).

Why demonstration data: the real Monitor AOJ figures come from CBS microdata and are not public.
To let the assistant work end to end, this script makes a plausible dataset with the same shape
and calibrated to the published national figures (CBS Jeugdmonitor 2024): about 10,6% of
0-22-year-olds with jeugdzorg in 2023 (about 9,5% in 2019), far more in vso/so than in po, NEET
about 4% of 15-27-year-olds, relative risk of NEET after praktijkonderwijs about 3,3. Every row is
flagged as demonstration data wherever it is shown.

How it works (all draws from one ``numpy`` generator with a fixed seed, gemeenten in code order,
so the same seed gives the same file):

* populations per gemeente and year from the CBS 2024 inhabitants: 0-22 years about 25,5% and
  15-27 years about 15,5% of the inhabitants (a little per-gemeente variation), pupils per
  onderwijssoort as plausible shares of the 0-22 population;
* counts, not only percentages: numerator ~ Binomial(denominator, rate), where the rate is the
  national rate of that year times a gemeente effect (shared by all categories, plus a small
  category effect and year noise);
* SWV and NL01 rows are SUMS of their gemeenten (every indicator is aggregated both to the PO and
  to the VO SWV of each gemeente, using the main SWV), never independent draws;
* ``neet_rr`` is computed from four counts (NEET with / all with the characteristic, NEET without
  / all without), which are summed the same way; the counts go to ``neet_rr_counts_demo.csv`` so
  the engine can compute confidence intervals; the long CSV keeps numerator/denominator empty
  for ``neet_rr``, as DESIGN.md says.

The CSV stores the raw demonstration counts, including counts under 10; the engine suppresses
those when it shows them ("minder dan 10"), like CBS does.

Run: ``python -m indicators.generate_demo [--seed N]``.
"""

from __future__ import annotations

import csv
import json
import logging
import math
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

from indicators.catalog import ONDERWIJSSOORT, RISICOFACTOR, ZORGTYPE
from indicators.registry import RegionRegistry

logger = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent / "data"
DEMO_CSV = "indicators_demo.csv"
RR_CSV = "neet_rr_counts_demo.csv"
META_JSON = "indicators_demo.meta.json"
DEFAULT_SEED = 20240101
YEARS = (2019, 2020, 2021, 2022, 2023)

YOUTH_SHARE = 0.255  # 0-22 year olds as share of inhabitants
NEET_AGE_SHARE = 0.155  # 15-27 year olds as share of inhabitants
# Pupils per onderwijssoort as a share of the 0-22 population.
PUPIL_SHARE = {"po": 0.300, "sbo": 0.0085, "so": 0.0080, "vo": 0.200, "vso": 0.0085,
               "pro": 0.0063, "mbo": 0.100}
# National jeugdzorg rates in 2023 (% of the group) and the factor per year.
JZ_RATE_2023 = {
    "totaal": 10.6, "po": 9.0, "sbo": 27.0, "so": 45.0, "vo": 9.0, "vso": 57.0, "pro": 27.0,
    "mbo": 11.0, "jeugdhulp_zonder_verblijf": 9.9, "jeugdhulp_met_verblijf": 0.9,
    "jeugdbescherming": 0.8, "jeugdreclassering": 0.18,
}
JZ_YEAR = {2019: 0.90, 2020: 0.92, 2021: 0.95, 2022: 0.975, 2023: 1.0}
NEET_RATE = {2019: 3.9, 2020: 4.3, 2021: 3.8, 2022: 3.6, 2023: 3.7}  # before the density effect
# Risk factor: (share of 15-27 year olds with the characteristic, national relative risk).
RR_FACTORS = {
    "pro": (0.025, 3.3), "vso": (0.030, 3.5), "vmbo_basis": (0.080, 2.0),
    "mbo_entree": (0.030, 2.5), "vsv": (0.060, 3.5), "jeugdhulp_zonder_verblijf": (0.250, 2.0),
    "jeugdhulp_met_verblijf": (0.030, 3.5), "jeugdbescherming": (0.030, 3.0),
    "jeugdreclassering": (0.012, 3.8),
}
GEMEENTE_SD = 0.20  # sd of the log gemeente effect on jeugdzorg rates
NEET_SD = 0.25


def _population(rng, inhabitants: int) -> dict[int, dict[str, int]]:
    """Youth and pupil counts per year for one gemeente."""
    growth = rng.normal(0.004, 0.003)
    youth_share = YOUTH_SHARE * float(rng.lognormal(0.0, 0.06))
    neet_share = NEET_AGE_SHARE * float(rng.lognormal(0.0, 0.07))
    pupil_mult = {k: float(rng.lognormal(0.0, 0.08)) for k in PUPIL_SHARE}
    out: dict[int, dict[str, int]] = {}
    for year in YEARS:
        inh = inhabitants * (1.0 + growth) ** (year - 2024)
        youth = inh * youth_share
        pop = {"totaal": round(youth), "neet": round(inh * neet_share)}
        for key in ZORGTYPE:
            pop[key] = pop["totaal"]
        for key, share in PUPIL_SHARE.items():
            pop[key] = max(1, round(youth * share * pupil_mult[key]))
        out[year] = pop
    return out


def _gemeente_rows(rng, code: str, inhabitants: int, density_z: float) -> list[tuple]:
    """All demo counts of one gemeente: (indicator, category, year, num, den[, c, d])."""
    pops = _population(rng, inhabitants)
    effect = float(rng.normal(0.0, GEMEENTE_SD)) - GEMEENTE_SD**2 / 2
    cat_effect = {c: float(rng.normal(0.0, 0.08)) for c in JZ_RATE_2023}
    neet_effect = float(rng.normal(0.0, NEET_SD)) + 0.12 * density_z - NEET_SD**2 / 2
    rr_effect = {f: float(rng.normal(0.0, 0.12)) for f in RISICOFACTOR}
    rows: list[tuple] = []
    for year in YEARS:
        pop = pops[year]
        noise = float(rng.normal(0.0, 0.03))
        for cat, base in JZ_RATE_2023.items():
            mult = math.exp(effect + cat_effect[cat] + noise)
            rate = min(0.95, base / 100 * JZ_YEAR[year] * mult)
            den = pop[cat]
            rows.append(("jeugdzorg", cat, year, int(rng.binomial(den, rate)), den))
        neet_rate = NEET_RATE[year] / 100 * math.exp(neet_effect + float(rng.normal(0.0, 0.04)))
        den = pop["neet"]
        rows.append(("neet", "totaal", year, int(rng.binomial(den, neet_rate)), den))
        for factor, (share, rr) in RR_FACTORS.items():
            n_with = max(0, round(den * share * float(rng.lognormal(0.0, 0.15))))
            rr_g = rr * math.exp(rr_effect[factor])
            p0 = neet_rate / (share * rr_g + (1 - share))
            p1 = min(0.95, rr_g * p0)
            n_without = den - n_with
            rows.append(("neet_rr", factor, year, int(rng.binomial(n_with, p1)), n_with,
                         int(rng.binomial(n_without, p0)), n_without))
    return rows


def generate(registry: RegionRegistry, seed: int = DEFAULT_SEED) -> tuple[list[dict], list[dict]]:
    """Rows of the long CSV and of the relative-risk count file, gemeenten + SWV + NL01."""
    import numpy as np

    rng = np.random.default_rng(seed)
    gemeenten = sorted(registry.gemeenten(), key=lambda r: r.code)
    logs = [math.log(max(g.density, 1)) for g in gemeenten]
    mean = sum(logs) / len(logs)
    sd = (sum((v - mean) ** 2 for v in logs) / (len(logs) - 1)) ** 0.5
    # key (region, indicator, category, year) -> list of summed counts
    sums: dict[tuple, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for g, lg in zip(gemeenten, logs, strict=True):
        for row in _gemeente_rows(rng, g.code, g.inhabitants, (lg - mean) / sd):
            ind, cat, year, *counts = row
            for target in (g.code, g.swv_po, g.swv_vo, "NL01"):
                acc = sums[(target, ind, cat, year)]
                for k, v in enumerate(counts):
                    acc[k] += v
    return _to_rows(registry, sums)


def _to_rows(registry: RegionRegistry, sums: dict) -> tuple[list[dict], list[dict]]:
    from indicators.registry import LEVELS

    ranked = sorted(registry.all(), key=lambda r: (LEVELS.index(r.level), r.code))
    order = {r.code: i for i, r in enumerate(ranked)}
    cat_order = {c: i for i, c in enumerate(("totaal", *ONDERWIJSSOORT, *ZORGTYPE))}
    rr_order = {c: i for i, c in enumerate(RISICOFACTOR)}
    ind_order = {"jeugdzorg": 0, "neet": 1, "neet_rr": 2}

    def sort_key(key: tuple) -> tuple:
        region, ind, cat, year = key
        cats = rr_order if ind == "neet_rr" else cat_order
        return (ind_order[ind], order[region], cats[cat], year)

    long_rows, rr_rows = [], []
    for key in sorted(sums, key=sort_key):
        region, ind, cat, year = key
        a, n1, c, n0 = sums[key]
        if ind == "neet_rr":
            rr = _rr(a, n1, c, n0)
            long_rows.append(_row(ind, region, cat, year, None, None,
                                  None if rr is None else round(rr, 2)))
            rr_rows.append({"indicator": ind, "region": region, "category": cat, "year": year,
                            "neet_with": a, "n_with": n1, "neet_without": c, "n_without": n0})
        else:
            value = round(100.0 * a / n1, 1) if n1 else None
            long_rows.append(_row(ind, region, cat, year, a, n1, value))
    return long_rows, rr_rows


def _rr(a: int, n1: int, c: int, n0: int) -> float | None:
    if not n1 or not n0 or not c:
        return None
    return (a / n1) / (c / n0)


def _row(ind, region, cat, year, num, den, value) -> dict:
    return {"indicator": ind, "region": region, "category": cat, "year": year,
            "numerator": "" if num is None else num, "denominator": "" if den is None else den,
            "value": "" if value is None else value}


def write(out_dir: Path = DATA_DIR, seed: int = DEFAULT_SEED,
          registry: RegionRegistry | None = None) -> dict:
    """Generate and write the CSVs and the metadata file; returns the metadata."""
    registry = registry or RegionRegistry.load()
    long_rows, rr_rows = generate(registry, seed)
    _write_csv(out_dir / DEMO_CSV, long_rows)
    _write_csv(out_dir / RR_CSV, rr_rows)
    meta = {
        "demo": True,
        "description": "Demonstratiedata: geen echte cijfers. Gemaakt door "
                       "indicators.generate_demo, gekalibreerd op landelijke cijfers van de "
                       "CBS Jeugdmonitor 2024.",
        "seed": seed, "generated": date.today().isoformat(), "years": list(YEARS),
        "rows": len(long_rows), "rr_rows": len(rr_rows),
    }
    (out_dir / META_JSON).write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n",
                                     encoding="utf-8")
    logger.info("demo data written: %d rows", len(long_rows))
    return meta


def _write_csv(path: Path, rows: list[dict]) -> None:
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    tmp.replace(path)


def main(argv: list[str] | None = None) -> int:
    """``python -m indicators.generate_demo [--seed N] [--out DIR]``."""
    args = list(sys.argv[1:] if argv is None else argv)
    seed, out = DEFAULT_SEED, DATA_DIR
    if "--seed" in args:
        seed = int(args[args.index("--seed") + 1])
    if "--out" in args:
        out = Path(args[args.index("--out") + 1])
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    meta = write(out, seed)
    print(f"{meta['rows']} rijen demonstratiedata geschreven (seed {seed}).")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
