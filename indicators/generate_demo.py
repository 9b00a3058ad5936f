"""Seeded generator of consistent demonstration indicator data (2019-2023).

Why demonstration data: the real Monitor AOJ figures come from CBS microdata and are not public.
To let the assistant work end to end, this script makes a dataset with the same shape that a
policy advisor can read without contradictions, calibrated to the published national figures
(CBS Jeugdmonitor 2024, see ``/work/shared/domain/FACTS.md`` §6): 10,6% of 0-22-year-olds with
jeugdzorg in 2023, of whom about 94% jeugdhulp zonder verblijf; NEET about 4% of 15-27-year-olds;
relative risk of NEET after praktijkonderwijs about 3.

How the counts hang together (per gemeente and year; all draws from one ``numpy`` generator with
a fixed seed, gemeenten in code order, so the same seed gives the same files):

* **children first**: the 0-22-year-olds are split into pupils per onderwijssoort plus a rest
  (0-3-year-olds and 18-22-year-olds outside mbo); every group gets its own count with jeugdzorg,
  and the total is their sum. So every onderwijssoort's numerator is at most its pupils, and the
  onderwijssoorten together are at most the total (numerator and denominator);
* **age profile**: so and vso highest, then sbo and pro, po and vo above the total, mbo the
  lowest of the regular types (jeugdzorg mostly ends at 18; about 1 in 7 under 18 has it);
* **zorgtypes from the same children**: of the children with jeugdzorg, some get jeugdhulp met
  verblijf, jeugdbescherming or jeugdreclassering; everyone else has jeugdhulp zonder verblijf, and
  some of the first group have that too. So every zorgtype is at most the total and together they
  are at least the total (a child can have more than one);
* **own trends**: each gemeente has its own yearly change around the national one, so some
  gemeenten fall while the country rises;
* **NEET and relative risks**: the NEET count is drawn first; per risk factor the young people
  are split into with / without the characteristic and the NEET count is divided between them,
  so NEET with + NEET without = NEET, and with + without = all 15-27-year-olds;
* **aggregates are sums**: samenwerkingsverband and Nederland rows are sums of their gemeenten
  (main SWV), written only at the levels the catalog says the monitor publishes.

The files keep the raw counts, also those under 10; the engine hides small and derivable cells
when it shows them (``indicators.disclosure``). ``oogo data check`` verifies all of the above.

Run: ``python -m indicators.generate_demo [--seed N] [--out DIR]``.
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

from indicators.catalog import ONDERWIJSSOORT, PUBLISHED_LEVELS, RISICOFACTOR, ZORGTYPE
from indicators.registry import RegionRegistry

logger = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent / "data"
DEMO_CSV = "indicators_demo.csv"
RR_CSV = "neet_rr_counts_demo.csv"
META_JSON = "indicators_demo.meta.json"
DEFAULT_SEED = 20240101
YEARS = (2019, 2020, 2021, 2022, 2023)
LAST = YEARS[-1]

YOUTH_SHARE = 0.255  # 0-22-year-olds as a share of inhabitants
NEET_AGE_SHARE = 0.155  # 15-27-year-olds as a share of inhabitants
# pupils per onderwijssoort as a share of the 0-22-year-olds (the rest is not in these schools)
PUPIL_SHARE = {"po": 0.300, "sbo": 0.0085, "so": 0.0080, "vo": 0.200, "vso": 0.0085,
               "pro": 0.0063, "mbo": 0.100}
# national % with jeugdzorg in the last year, per group (the rest is solved for the total)
GROUP_RATE = {"po": 14.0, "sbo": 30.0, "so": 45.0, "vo": 13.5, "vso": 57.0, "pro": 28.0,
              "mbo": 7.0}
TOTAL_RATE = 10.6
TOTAL_RATE_FIRST = 9.5  # first year; the national yearly change follows from the two
# of the children with jeugdzorg: share with each other zorgtype, and the share of those who
# have no jeugdhulp zonder verblijf besides (474k: 447k zonder, 41k met, 36k jb, 8k jr in 2023)
OTHER_TYPE_SHARE = {"jeugdhulp_met_verblijf": 0.086, "jeugdbescherming": 0.076,
                    "jeugdreclassering": 0.017}
ONLY_OTHER = 0.33
NEET_RATE = {2019: 4.3, 2020: 4.6, 2021: 4.2, 2022: 3.9, 2023: 4.0}
# risk factor: (share of 15-27-year-olds with it, national relative risk)
RR_FACTORS = {
    "pro": (0.025, 3.1), "vso": (0.030, 3.5), "vmbo_basis": (0.080, 2.0),
    "mbo_entree": (0.030, 2.5), "vsv": (0.060, 3.5), "jeugdhulp_zonder_verblijf": (0.250, 2.0),
    "jeugdhulp_met_verblijf": (0.030, 3.5), "jeugdbescherming": (0.030, 3.0),
    "jeugdreclassering": (0.012, 3.8),
}
GEMEENTE_SD = 0.20  # sd of the log gemeente effect on jeugdzorg rates
TREND_SD = 0.035  # sd of a gemeente's yearly log change around the national change
NEET_SD = 0.25


def _rest_rate() -> float:
    """% with jeugdzorg outside the listed school types, so that the total is TOTAL_RATE."""
    listed = sum(PUPIL_SHARE[k] * GROUP_RATE[k] for k in PUPIL_SHARE)
    return (TOTAL_RATE - listed) / (1.0 - sum(PUPIL_SHARE.values()))


def _populations(rng, inhabitants: int) -> dict[int, dict[str, int]]:
    """Group sizes per year for one gemeente: pupils per type, rest, 15-27-year-olds."""
    growth = rng.normal(0.004, 0.003)
    youth_share = YOUTH_SHARE * float(rng.lognormal(0.0, 0.06))
    neet_share = NEET_AGE_SHARE * float(rng.lognormal(0.0, 0.07))
    pupil_mult = {k: float(rng.lognormal(0.0, 0.08)) for k in PUPIL_SHARE}
    out: dict[int, dict[str, int]] = {}
    for year in YEARS:
        inh = inhabitants * (1.0 + growth) ** (year - 2024)
        youth = round(inh * youth_share)
        pop = {k: round(youth * share * pupil_mult[k]) for k, share in PUPIL_SHARE.items()}
        pop["rest"] = youth - sum(pop.values())
        pop["neet"] = round(inh * neet_share)
        out[year] = pop
    return out


def _jeugdzorg(rng, pop: dict[str, int], level: dict[str, float]) -> list[tuple]:
    """One gemeente-year of jeugdzorg: (category, numerator, denominator) rows."""
    nums = {g: int(rng.binomial(pop[g], min(0.95, level[g]))) for g in (*PUPIL_SHARE, "rest")}
    total = sum(nums.values())
    youth = sum(pop[g] for g in (*PUPIL_SHARE, "rest"))
    rows = [("totaal", total, youth)] + [(k, nums[k], pop[k]) for k in ONDERWIJSSOORT]
    others = {z: int(rng.binomial(total, min(1.0, level[z]))) for z in OTHER_TYPE_SHARE}
    only_other = min(total, int(rng.binomial(sum(others.values()), ONLY_OTHER)))
    rows.append(("jeugdhulp_zonder_verblijf", total - only_other, youth))
    rows += [(z, others[z], youth) for z in OTHER_TYPE_SHARE]
    return rows


def _neet(rng, den: int, rate: float, rr_g: dict[str, float],
          share_g: dict[str, float]) -> list[tuple]:
    """NEET and, per risk factor, the four counts: (category, a, n1, c, n0)."""
    neet = int(rng.binomial(den, min(0.95, rate)))
    rows: list[tuple] = [("totaal", neet, den)]
    for factor in RISICOFACTOR:
        n1 = min(den, max(0, round(den * share_g[factor] * float(rng.lognormal(0.0, 0.05)))))
        n0 = den - n1
        weight = n1 * rr_g[factor]
        share = weight / (weight + n0) if weight + n0 else 0.0
        a = int(rng.binomial(neet, share))
        a = max(neet - n0, min(a, n1, neet))
        rows.append((factor, a, n1, neet - a, n0))
    return rows


def _params(rng, inhabitants: int, density_z: float) -> dict:
    """The drawn make-up of one gemeente: group sizes, its effects and its own trends."""
    national_slope = math.log(TOTAL_RATE / TOTAL_RATE_FIRST) / (LAST - YEARS[0])
    return {
        "pops": _populations(rng, inhabitants),
        "effect": float(rng.normal(0.0, GEMEENTE_SD)),
        "slope": national_slope + float(rng.normal(0.0, TREND_SD)),
        "noise": {y: float(rng.normal(0.0, 0.02)) for y in YEARS},
        "group": {g: float(rng.normal(0.0, 0.08)) for g in (*GROUP_RATE, "rest")},
        "types": {z: float(rng.lognormal(0.0, 0.15)) for z in OTHER_TYPE_SHARE},
        "neet": float(rng.normal(0.0, NEET_SD)) + 0.12 * density_z,
        "neet_slope": float(rng.normal(0.0, 0.03)),
        "neet_noise": {y: float(rng.normal(0.0, 0.03)) for y in YEARS},
        "rr": {f: rr * math.exp(float(rng.normal(0.0, 0.12))) for f, (_, rr) in RR_FACTORS.items()},
        "share": {f: s * float(rng.lognormal(0.0, 0.15)) for f, (s, _) in RR_FACTORS.items()},
    }


def _group_levels(p: dict, year: int) -> dict[str, float]:
    """Uncalibrated chance of jeugdzorg per group in one year."""
    rates = {**GROUP_RATE, "rest": _rest_rate()}
    trend = math.exp(p["effect"] + p["slope"] * (year - LAST) + p["noise"][year])
    return {g: rates[g] / 100 * trend * math.exp(p["group"][g]) for g in rates}


def _neet_level(p: dict, year: int) -> float:
    return NEET_RATE[year] / 100 * math.exp(
        p["neet"] + p["neet_slope"] * (year - LAST) + p["neet_noise"][year])


def _calibration(params: list[dict]) -> tuple[dict[int, float], dict[int, float]]:
    """Per year the factors that put the expected national jeugdzorg and NEET on target.

    Without this the population-weighted national figure would follow the luck of the draw in
    the largest gemeenten; with it the shape varies by seed and the country stays calibrated.
    """
    jz, neet = {}, {}
    for year in YEARS:
        share = (year - YEARS[0]) / (LAST - YEARS[0])
        target = TOTAL_RATE_FIRST * (TOTAL_RATE / TOTAL_RATE_FIRST) ** share / 100
        youth = sum(sum(v for k, v in p["pops"][year].items() if k != "neet") for p in params)
        expected = sum(p["pops"][year][g] * level for p in params
                       for g, level in _group_levels(p, year).items())
        jz[year] = target * youth / expected
        young = sum(p["pops"][year]["neet"] for p in params)
        neet_expected = sum(p["pops"][year]["neet"] * _neet_level(p, year) for p in params)
        neet[year] = NEET_RATE[year] / 100 * young / neet_expected
    return jz, neet


def _gemeente_rows(rng, p: dict, jz_scale: dict[int, float],
                   neet_scale: dict[int, float]) -> list[tuple]:
    """All demo counts of one gemeente: (indicator, category, year, counts...)."""
    rows: list[tuple] = []
    for year in YEARS:
        pop = p["pops"][year]
        level = {g: v * jz_scale[year] for g, v in _group_levels(p, year).items()}
        level.update({z: OTHER_TYPE_SHARE[z] * p["types"][z] for z in OTHER_TYPE_SHARE})
        for category, num, den in _jeugdzorg(rng, pop, level):
            rows.append(("jeugdzorg", category, year, num, den))
        rate = _neet_level(p, year) * neet_scale[year]
        for category, *counts in _neet(rng, pop["neet"], rate, p["rr"], p["share"]):
            indicator = "neet" if category == "totaal" else "neet_rr"
            rows.append((indicator, category, year, *counts))
    return rows


def generate(registry: RegionRegistry, seed: int = DEFAULT_SEED) -> tuple[list[dict], list[dict]]:
    """Rows of the long CSV and of the relative-risk count file, gemeenten + SWV + NL01."""
    import numpy as np

    rng = np.random.default_rng(seed)
    gemeenten = sorted(registry.gemeenten(), key=lambda r: r.code)
    logs = [math.log(max(g.density, 1)) for g in gemeenten]
    mean = sum(logs) / len(logs)
    sd = (sum((v - mean) ** 2 for v in logs) / (len(logs) - 1)) ** 0.5
    params = [_params(rng, g.inhabitants, (lg - mean) / sd)
              for g, lg in zip(gemeenten, logs, strict=True)]
    jz_scale, neet_scale = _calibration(params)
    sums: dict[tuple, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for g, p in zip(gemeenten, params, strict=True):
        for ind, cat, year, *counts in _gemeente_rows(rng, p, jz_scale, neet_scale):
            published = PUBLISHED_LEVELS[ind][cat]
            targets = [g.code, "NL01"]
            targets += [swv for swv, level in ((g.swv_po, "swv_po"), (g.swv_vo, "swv_vo"))
                        if level in published]
            for target in targets:
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
                       "CBS Jeugdmonitor 2024; tellers en noemers hangen samen (oogo data check).",
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
