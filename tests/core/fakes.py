"""A small deterministic indicator engine with the documented interface, for unit tests.

It lets the understanding and rendering be tested without the shipped data: values are derived
from a hash of (indicator, region, category, year), so they are stable and differ per region.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from types import SimpleNamespace

YEARS = [2019, 2020, 2021, 2022, 2023]
CATS = {
    "jeugdzorg": ["totaal", "po", "sbo", "so", "vo", "vso", "pro", "mbo",
                  "jeugdhulp_zonder_verblijf", "jeugdhulp_met_verblijf", "jeugdbescherming",
                  "jeugdreclassering"],
    "neet": ["totaal"],
    "neet_rr": ["pro", "vso", "vmbo_basis", "mbo_entree", "vsv", "jeugdhulp_zonder_verblijf",
                "jeugdhulp_met_verblijf", "jeugdbescherming", "jeugdreclassering"],
}


@dataclass
class Value:
    indicator: str
    region: str
    category: str
    year: int
    value: float | None
    numerator: int | None
    denominator: int | None
    unit: str
    suppressed: bool = False
    ci_low: float | None = None
    ci_high: float | None = None


class FakeEngine:
    is_demo = True

    def __init__(self, registry) -> None:
        self.registry = registry
        self.catalog = {
            "jeugdzorg": SimpleNamespace(id="jeugdzorg", label_nl="Jeugdzorggebruik",
                                         label_en="Youth care use", unit="%",
                                         definition_nl="aandeel jeugdigen met jeugdzorg.",
                                         definition_en="share of young people with youth care.",
                                         source="CBS, bewerking NJi (demo)"),
            "neet": SimpleNamespace(id="neet", label_nl="NEET", label_en="NEET", unit="%",
                                    definition_nl="jongeren zonder werk en opleiding.",
                                    definition_en="young people without work or education.",
                                    source="CBS, bewerking NJi (demo)"),
            "neet_rr": SimpleNamespace(id="neet_rr", label_nl="Relatief risico op NEET",
                                       label_en="Relative risk of NEET", unit="x",
                                       definition_nl="kans met kenmerk gedeeld door kans zonder.",
                                       definition_en="chance with trait divided by chance without.",
                                       source="CBS, bewerking NJi (demo)"),
        }

    def years(self, indicator):
        return list(YEARS)

    def latest_year(self, indicator):
        return YEARS[-1]

    def lookup(self, indicator, region, category="totaal", year=None):
        year = year or YEARS[-1]
        self.registry.get(region)
        if category not in CATS[indicator] or year not in YEARS:
            raise KeyError("no value")
        h = int(hashlib.md5(f"{indicator}{region}{category}{year}".encode()).hexdigest(), 16)
        if indicator == "neet_rr":
            return Value(indicator, region, category, year, round(1.2 + (h % 30) / 10, 1),
                         None, None, "x")
        den = 1000 + h % 50000
        num = den * (3 + h % 12) // 100
        if region == "GM0001":
            return Value(indicator, region, category, year, None, None, den, "%", True)
        return Value(indicator, region, category, year, round(100 * num / den, 1), num, den, "%")

    def compare(self, indicator, region, other, category="totaal", year=None):
        a = self.lookup(indicator, region, category, year)
        b = self.lookup(indicator, other, category, year)
        diff = (a.value or 0) - (b.value or 0)
        direction = "hoger" if diff > 0 else "lager" if diff < 0 else "gelijk"
        return SimpleNamespace(a=a, b=b, difference=diff, significant=abs(diff) > 1,
                               direction=direction, test="z")

    def position(self, indicator, region, category="totaal", year=None):
        own = self.lookup(indicator, region, category, year)
        values = []
        for g in self.registry.gemeenten():
            try:
                v = self.lookup(indicator, g.code, category, own.year).value
            except KeyError:
                continue
            if v is not None:
                values.append(v)
        rank = 1 + sum(1 for v in values if v > (own.value or 0))
        n = len(values)
        return SimpleNamespace(rank=rank, n=n, percentile=100 * (n - rank) / n,
                               top_5pct=rank <= n * 0.05, bottom_5pct=rank > n * 0.95)
