"""Names of indicators, categories and directions as users read them (Dutch and English).

The engine's catalog has the official labels and definitions; these short names are for
sentences ("bij praktijkonderwijs", "per onderwijssoort") where the catalog label would read badly.
"""

from __future__ import annotations

from typing import Any

CATEGORY_NL = {
    "totaal": "alle jongeren", "po": "basisonderwijs (po)", "sbo": "speciaal basisonderwijs (sbo)",
    "so": "speciaal onderwijs (so)", "vo": "voortgezet onderwijs (vo)",
    "vso": "voortgezet speciaal onderwijs (vso)", "pro": "praktijkonderwijs",
    "mbo": "mbo", "vmbo_basis": "vmbo basisberoepsgerichte leerweg",
    "mbo_entree": "een mbo-entreeopleiding", "vsv": "voortijdig schoolverlaten",
    "jeugdhulp_zonder_verblijf": "jeugdhulp zonder verblijf",
    "jeugdhulp_met_verblijf": "jeugdhulp met verblijf", "jeugdbescherming": "jeugdbescherming",
    "jeugdreclassering": "jeugdreclassering",
}
CATEGORY_EN = {
    "totaal": "all young people", "po": "primary education (po)",
    "sbo": "special primary education (sbo)", "so": "special education (so)",
    "vo": "secondary education (vo)", "vso": "special secondary education (vso)",
    "pro": "practical education (praktijkonderwijs)", "mbo": "vocational education (mbo)",
    "vmbo_basis": "basic pre-vocational track (vmbo basis)",
    "mbo_entree": "an mbo entry-level course", "vsv": "early school leaving",
    "jeugdhulp_zonder_verblijf": "youth care without residence",
    "jeugdhulp_met_verblijf": "residential youth care", "jeugdbescherming": "child protection",
    "jeugdreclassering": "juvenile probation",
}
RR_FACTOR_NL = {
    "pro": "een achtergrond in het praktijkonderwijs", "vso": "een achtergrond in het vso",
    "vmbo_basis": "een achtergrond in vmbo basis", "mbo_entree": "een mbo-entreeopleiding",
    "vsv": "voortijdig schoolverlaten", "jeugdhulp_zonder_verblijf": "jeugdhulp zonder verblijf",
    "jeugdhulp_met_verblijf": "jeugdhulp met verblijf", "jeugdbescherming": "jeugdbescherming",
    "jeugdreclassering": "jeugdreclassering",
}
RR_FACTOR_EN = {
    "pro": "a background in practical education", "vso": "a background in special secondary "
    "education", "vmbo_basis": "a background in basic pre-vocational education",
    "mbo_entree": "an mbo entry-level course", "vsv": "early school leaving",
    "jeugdhulp_zonder_verblijf": "youth care without residence",
    "jeugdhulp_met_verblijf": "residential youth care", "jeugdbescherming": "child protection",
    "jeugdreclassering": "juvenile probation",
}
INDICATOR_NL = {"jeugdzorg": "Jeugdzorggebruik", "neet": "NEET (jongeren zonder werk en opleiding)",
                "neet_rr": "Relatief risico op NEET"}
INDICATOR_EN = {"jeugdzorg": "Youth care use", "neet": "NEET (not in education, employment or "
                "training)", "neet_rr": "Relative risk of NEET"}
DIMENSION = {"nl": {"onderwijssoort": "onderwijssoort", "zorgtype": "zorgtype",
                    "risicofactor": "risicofactor"},
             "en": {"onderwijssoort": "type of education", "zorgtype": "type of care",
                    "risicofactor": "risk factor"}}
DIRECTION = {"nl": {"hoger": "hoger", "lager": "lager", "gelijk": "gelijk"},
             "en": {"hoger": "higher", "lager": "lower", "gelijk": "equal"}}
TREND_WORD = {"nl": {"up": "gestegen", "down": "gedaald", "flat": "ongeveer gelijk gebleven"},
              "en": {"up": "increased", "down": "decreased", "flat": "stayed about the same"}}


def category_label(category: str, language: str) -> str:
    table = CATEGORY_NL if language == "nl" else CATEGORY_EN
    return table.get(category, category)


def factor_label(category: str, language: str) -> str:
    table = RR_FACTOR_NL if language == "nl" else RR_FACTOR_EN
    return table.get(category, category_label(category, language))


def indicator_label(engine: Any, indicator: str, category: str, language: str) -> str:
    """'Jeugdzorggebruik (vso)' style label: catalog label plus the category when not totaal."""
    definition = engine.catalog.get(indicator) if hasattr(engine, "catalog") else None
    attr = "label_nl" if language == "nl" else "label_en"
    base = getattr(definition, attr, None) or (
        INDICATOR_NL if language == "nl" else INDICATOR_EN).get(indicator, indicator)
    if category and category != "totaal" and indicator != "neet_rr":
        return f"{base}, {category_label(category, language)}"
    return base


def definition_text(engine: Any, indicator: str, language: str) -> str:
    definition = engine.catalog.get(indicator) if hasattr(engine, "catalog") else None
    attr = "definition_nl" if language == "nl" else "definition_en"
    return (getattr(definition, attr, "") or "").strip()


def source_text(engine: Any, indicator: str, language: str = "nl") -> str:
    definition = engine.catalog.get(indicator) if hasattr(engine, "catalog") else None
    text = getattr(definition, "source_en", "") if language == "en" else ""
    return (text or getattr(definition, "source", "") or "").strip().rstrip(".")
