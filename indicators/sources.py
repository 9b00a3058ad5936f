"""Real and demonstration figures side by side: which is which, and never mixed silently.

Why: after ``oogo data import`` part of the figures are real (e.g. jeugdzorg totals per gemeente
from CBS StatLine) and the rest stays demonstration data (jeugdzorg per onderwijssoort, NEET
relative risks: CBS microdata, not public). Every figure carries its own ``demo`` flag and
``source``; this module summarises them per indicator and category (for ``/readyz``, the page and
the CLI) and names the refusal when a comparison would set a real figure against a demo one.
"""

from __future__ import annotations

from collections.abc import Mapping

from indicators.errors import IndicatorError
from prompts.data_texts import data_text


class MixedSources(IndicatorError):
    """A comparison of a real figure with a demonstration figure: refused, in plain Dutch."""

    def __init__(self, a, b) -> None:
        real, demo = (a, b) if not a.demo else (b, a)
        self.real, self.demo = real, demo
        super().__init__(self._text("nl"))

    def _text(self, language: str) -> str:
        return data_text("mixed_sources", language, real=self.real.name or self.real.region,
                         source=self.real.source, demo=self.demo.name or self.demo.region)

    def english(self) -> str:
        """The same refusal in English."""
        return self._text("en")


def summarise(rows: Mapping) -> dict[str, dict[str, dict]]:
    """Per indicator and category: counts of real and demo rows, the real sources and years.

    ``status`` is ``echt`` (all real), ``demo`` (all demonstration) or ``deels echt``.
    """
    out: dict[str, dict[str, dict]] = {}
    for (indicator, region, category, year), row in rows.items():
        entry = out.setdefault(indicator, {}).setdefault(category, {
            "real_rows": 0, "demo_rows": 0, "sources": set(), "years_real": set(),
            "years_demo": set(), "regions_real": set()})
        if row.demo:
            entry["demo_rows"] += 1
            entry["years_demo"].add(year)
        else:
            entry["real_rows"] += 1
            entry["years_real"].add(year)
            entry["regions_real"].add(region)
            if row.source:
                entry["sources"].add(row.source)
    for categories in out.values():
        for entry in categories.values():
            entry["status"] = ("demo" if not entry["real_rows"] else
                               "echt" if not entry["demo_rows"] else "deels echt")
            entry["sources"] = sorted(entry["sources"])
            entry["years_real"] = sorted(entry["years_real"])
            entry["years_demo"] = sorted(entry["years_demo"])
            entry["regions_real"] = len(entry["regions_real"])
    return out


def real_summary(provenance: dict[str, dict[str, dict]]) -> list[dict]:
    """The indicator/category pairs with real figures, for ``/readyz`` and the page."""
    out = []
    for indicator, categories in provenance.items():
        for category, entry in categories.items():
            if entry["real_rows"]:
                out.append({"indicator": indicator, "category": category,
                            "status": entry["status"], "sources": entry["sources"],
                            "years": entry["years_real"], "regions": entry["regions_real"]})
    return out


def demo_only(provenance: dict[str, dict[str, dict]]) -> list[str]:
    """'indicator/category' of everything that is still demonstration data only."""
    return [f"{ind}/{cat}" for ind, cats in provenance.items() for cat, e in cats.items()
            if not e["real_rows"]]


def figures_status(engine) -> dict:
    """Which indicators are real, for ``/readyz`` and the page: lists plus one Dutch line."""
    provenance = engine.provenance()
    real = real_summary(provenance)
    status = {"real": real, "demo_only": demo_only(provenance)}
    if not real:
        status["text_nl"] = data_text("status_all_demo")
        return status
    by_indicator: dict[str, list[str]] = {}
    regions: dict[str, int] = {}
    tables: list[str] = []
    for item in real:
        by_indicator.setdefault(item["indicator"], []).append(item["category"].replace("_", " "))
        regions[item["indicator"]] = max(regions.get(item["indicator"], 0), item["regions"])
        tables += [s.split(" (")[0].replace("CBS StatLine ", "") for s in item["sources"]]
    parts = "; ".join(data_text("status_real_part", indicator=ind,
                                categories=", ".join(sorted(cats)), regions=regions[ind])
                      for ind, cats in by_indicator.items())
    status["text_nl"] = data_text("status_real", parts=parts,
                                  tables=", ".join(dict.fromkeys(sorted(tables))))
    return status
