"""The consistency rules over CBS figures: one documented tolerance for CBS's rounding and for
the young people without a known gemeente in the national count, and nothing looser.

The file is built the way CBS publishes and ``indicators.cbs.mapping`` reads: counts rounded to
fives, percentages to one decimal, the 0-22 population derived as count x 100 / percentage, and
a national count that is larger than the gemeenten's sum by the youngsters without a gemeente.
"""

from __future__ import annotations

import csv
import random

import pytest

from indicators.checks import CBS_UNKNOWN_GEMEENTE_SHARE, consistency_problems
from indicators.errors import ImportRejected
from indicators.importer import import_file

SOURCE = "CBS StatLine 85099NED"
SUM_RULE = "is niet de som van de gemeenten"


def _round5(x: float) -> int:
    return int(5 * round(x / 5))


def _row(region: str, exact: float, population: float, category: str = "totaal",
         den: int | None = None, source: str = SOURCE) -> dict:
    pct = round(100 * exact / population, 1)
    count = _round5(exact)
    return {"indicator": "jeugdzorg", "region": region, "category": category, "year": 2023,
            "numerator": count, "denominator": den or round(count * 100 / pct), "value": pct,
            "source": source, "source_modified": "2024-10-31", "mark": ""}


def _national_file(registry, unknown_share: float = 0.01, source: str = SOURCE,
                   scale_den: float = 1.0) -> list[dict]:
    """Every gemeente plus Nederland, as CBS would publish them (seeded, so reproducible)."""
    rng = random.Random(19)
    rows, exact_sum, pop_sum = [], 0.0, 0.0
    for gemeente in registry.gemeenten():
        population = rng.randint(1_500, 200_000)
        exact = population * rng.uniform(0.07, 0.14)
        rows.append(_row(gemeente.code, exact, population, source=source))
        exact_sum += exact
        pop_sum += population
    national = _row("NL01", exact_sum * (1 + unknown_share), pop_sum, source=source)
    national["denominator"] = round(national["denominator"] * scale_den)
    rows.append(national)
    return [{**row, "line": n} for n, row in enumerate(rows, start=2)]


def _sum_problems(rows: list[dict], registry) -> list[str]:
    return [p for p in consistency_problems(rows, registry, "cbs.csv") if SUM_RULE in p]


def test_a_real_cbs_national_figure_passes_within_the_documented_tolerance(registry):
    rows = _national_file(registry, unknown_share=0.01)
    national, gemeenten = rows[-1], rows[:-1]
    assert national["numerator"] != sum(r["numerator"] for r in gemeenten)  # not an exact sum
    assert national["denominator"] != sum(r["denominator"] for r in gemeenten)
    assert _sum_problems(rows, registry) == []


def test_the_same_figures_without_a_cbs_source_must_add_up_exactly(registry):
    rows = _national_file(registry, unknown_share=0.01, source="")
    problems = _sum_problems(rows, registry)
    assert len(problems) == 1 and "NL01 2023" in problems[0]
    assert "afronding van CBS" not in problems[0]


@pytest.mark.parametrize(("unknown", "scale_den", "why"), [
    (CBS_UNKNOWN_GEMEENTE_SHARE + 0.02, 1.0, "more unknown youngsters than the tolerance"),
    (-0.01, 1.0, "Nederland smaller than its gemeenten together"),
    (0.01, 1.03, "a national population 3% off the gemeenten's"),
])
def test_cbs_figures_beyond_the_tolerance_are_rejected(registry, unknown, scale_den, why):
    problems = _sum_problems(_national_file(registry, unknown, scale_den=scale_den), registry)
    assert len(problems) == 1 and "afronding van CBS" in problems[0], why


def test_partnership_sums_made_from_cbs_figures_must_be_exact(registry):
    swv = next(s for s in registry.all("swv_vo") if len(registry.members(s.code)) > 1)
    rows = [_row(m.code, 1000 + 37 * k, 12_000) for k, m in enumerate(registry.members(swv.code))]
    total = {**rows[0], "region": swv.code, "numerator": sum(r["numerator"] for r in rows) + 5,
             "denominator": sum(r["denominator"] for r in rows)}
    numbered = [{**r, "line": n} for n, r in enumerate([*rows, total], start=2)]
    problems = _sum_problems(numbered, registry)
    assert len(problems) == 1 and swv.code in problems[0]


def test_zorgtypes_may_fall_short_of_the_total_by_cbs_rounding_only(registry):
    def file(total: int, source: str) -> list[dict]:
        counts = {"totaal": total, "jeugdhulp_zonder_verblijf": 70,
                  "jeugdhulp_met_verblijf": 10, "jeugdbescherming": 10,
                  "jeugdreclassering": 5}
        return [{"indicator": "jeugdzorg", "region": "GM0363", "category": cat, "year": 2023,
                 "numerator": n, "denominator": 1000, "value": n / 10, "source": source,
                 "line": k} for k, (cat, n) in enumerate(counts.items(), start=2)]

    short = "minstens één zorgtype"
    # four rounded zorgtypes (95) against a rounded total of 100: CBS rounding, accepted
    assert not [p for p in consistency_problems(file(100, SOURCE), registry, "f") if short in p]
    assert [p for p in consistency_problems(file(100, ""), registry, "f") if short in p]
    assert [p for p in consistency_problems(file(110, SOURCE), registry, "f") if short in p]


def test_import_accepts_the_cbs_file_and_rejects_it_without_its_source(registry, tmp_path):
    columns = ["indicator", "region", "category", "year", "numerator", "denominator", "value",
               "source", "source_modified", "mark"]

    def write(rows: list[dict], name: str):
        path = tmp_path / name
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore",
                                    lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        return path

    report = import_file(write(_national_file(registry), "cbs.csv"), registry, tmp_path / "a")
    assert report.rows == len(registry.gemeenten()) + 1
    plain = [{**r, "source": "", "source_modified": ""} for r in _national_file(registry)]
    with pytest.raises(ImportRejected) as caught:
        import_file(write(plain, "plain.csv"), registry, tmp_path / "b")
    assert any(SUM_RULE in p for p in caught.value.problems)


@pytest.mark.parametrize(("gemeente_share", "national_share", "why"), [
    (1.0, 0.85, "Nederland read from a zorgtype column (jeugdhulp zonder verblijf)"),
    (0.85, 1.0, "the gemeenten read from a zorgtype column, Nederland from the total"),
    (1.0, 1.12, "Nederland read from a later year's column"),
])
def test_the_tolerance_still_catches_a_wrong_mapping(registry, gemeente_share, national_share,
                                                      why):
    """A wrong column or year moves a count by far more than CBS's rounding and the youngsters
    without a known gemeente; the sum rule rejects it even with the CBS tolerance."""
    rows = _national_file(registry, unknown_share=0.01)
    national = rows[-1]
    for row in rows[:-1]:
        row["numerator"] = _round5(row["numerator"] * gemeente_share)
    national["numerator"] = _round5(national["numerator"] * national_share)
    problems = _sum_problems(rows, registry)
    assert len(problems) == 1 and "NL01 2023" in problems[0], why
