"""The words for every category of the catalog: noun, population and background forms, nl and en.

Why here and not in the renderers: an answer, a chart axis, a breakdown list and the report must
name a category the same way, and must say whose percentage it is (the vso figure is a share of
vso pupils, the total a share of all 0-22-year-olds). ``indicators.catalog`` attaches these words
to its indicators; renderers ask the catalog, never a table of their own.

Per category:

* ``noun``: the name in a list ("primair onderwijs (po)");
* ``group``: the population a percentage is taken of ("leerlingen in het primair onderwijs
  (po)"), used in titles ("Jeugdzorggebruik onder ...") and chart axes ("% van de ...");
* ``background``: for relative risks, what the young people have in common ("een achtergrond in
  het praktijkonderwijs"), used in "jongeren met ...".
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Words:
    """The forms of one category in one language."""

    noun: str
    group: str
    background: str = ""


ALL_YOUTH = Words("alle jeugdigen van 0 tot 23 jaar", "alle jeugdigen van 0 tot 23 jaar")
ALL_YOUTH_EN = Words("all young people aged 0 to 22", "all young people aged 0 to 22")

# jeugdzorg: onderwijssoort (a share of the pupils of that type) and zorgtype (a share of all
# 0-22-year-olds, like the total)
JEUGDZORG_NL = {
    "totaal": ALL_YOUTH,
    "po": Words("primair onderwijs (po)", "leerlingen in het primair onderwijs (po)"),
    "sbo": Words("speciaal basisonderwijs (sbo)",
                 "leerlingen in het speciaal basisonderwijs (sbo)"),
    "so": Words("speciaal onderwijs (so)", "leerlingen in het speciaal onderwijs (so)"),
    "vo": Words("voortgezet onderwijs (vo)", "leerlingen in het voortgezet onderwijs (vo)"),
    "vso": Words("voortgezet speciaal onderwijs (vso)",
                 "leerlingen in het voortgezet speciaal onderwijs (vso)"),
    "pro": Words("praktijkonderwijs (pro)", "leerlingen in het praktijkonderwijs (pro)"),
    "mbo": Words("middelbaar beroepsonderwijs (mbo)",
                 "studenten in het middelbaar beroepsonderwijs (mbo)"),
    "jeugdhulp_zonder_verblijf": Words("jeugdhulp zonder verblijf", ALL_YOUTH.group),
    "jeugdhulp_met_verblijf": Words("jeugdhulp met verblijf", ALL_YOUTH.group),
    "jeugdbescherming": Words("jeugdbescherming", ALL_YOUTH.group),
    "jeugdreclassering": Words("jeugdreclassering", ALL_YOUTH.group),
}
JEUGDZORG_EN = {
    "totaal": ALL_YOUTH_EN,
    "po": Words("primary education (po)", "pupils in primary education (po)"),
    "sbo": Words("special primary education (sbo)", "pupils in special primary education (sbo)"),
    "so": Words("special education (so)", "pupils in special education (so)"),
    "vo": Words("secondary education (vo)", "pupils in secondary education (vo)"),
    "vso": Words("special secondary education (vso)",
                 "pupils in special secondary education (vso)"),
    "pro": Words("practical education (pro)", "pupils in practical education (pro)"),
    "mbo": Words("vocational education (mbo)", "students in vocational education (mbo)"),
    "jeugdhulp_zonder_verblijf": Words("youth help without residence", ALL_YOUTH_EN.group),
    "jeugdhulp_met_verblijf": Words("youth help with residence", ALL_YOUTH_EN.group),
    "jeugdbescherming": Words("child protection", ALL_YOUTH_EN.group),
    "jeugdreclassering": Words("juvenile probation", ALL_YOUTH_EN.group),
}

NEET_NL = {"totaal": Words("alle jongeren van 15 tot 27 jaar", "jongeren van 15 tot 27 jaar")}
NEET_EN = {"totaal": Words("all young people aged 15 to 26", "young people aged 15 to 26")}


def _rr(noun: str, background: str, lang: str) -> Words:
    group = ("young people with " if lang == "en" else "jongeren met ") + background
    return Words(noun, group, background)


RISK_NL = {
    "pro": _rr("praktijkonderwijs (pro)", "een achtergrond in het praktijkonderwijs", "nl"),
    "vso": _rr("voortgezet speciaal onderwijs (vso)",
               "een achtergrond in het voortgezet speciaal onderwijs (vso)", "nl"),
    "vmbo_basis": _rr("vmbo basisberoepsgerichte leerweg",
                      "een achtergrond in de vmbo basisberoepsgerichte leerweg", "nl"),
    "mbo_entree": _rr("mbo-entreeopleiding", "een mbo-entreeopleiding", "nl"),
    "vsv": _rr("voortijdig schoolverlaten (vsv)", "voortijdig schoolverlaten", "nl"),
    "jeugdhulp_zonder_verblijf": _rr("jeugdhulp zonder verblijf",
                                     "een voorgeschiedenis van jeugdhulp zonder verblijf", "nl"),
    "jeugdhulp_met_verblijf": _rr("jeugdhulp met verblijf",
                                  "een voorgeschiedenis van jeugdhulp met verblijf", "nl"),
    "jeugdbescherming": _rr("jeugdbescherming", "een voorgeschiedenis van jeugdbescherming",
                            "nl"),
    "jeugdreclassering": _rr("jeugdreclassering", "een voorgeschiedenis van jeugdreclassering",
                             "nl"),
}
RISK_EN = {
    "pro": _rr("practical education (pro)", "a background in practical education", "en"),
    "vso": _rr("special secondary education (vso)",
               "a background in special secondary education (vso)", "en"),
    "vmbo_basis": _rr("vmbo basic vocational track",
                      "a background in the vmbo basic vocational track", "en"),
    "mbo_entree": _rr("mbo entry level", "an mbo entry-level course", "en"),
    "vsv": _rr("early school leaving (vsv)", "early school leaving", "en"),
    "jeugdhulp_zonder_verblijf": _rr("youth help without residence",
                                     "a history of youth help without residence", "en"),
    "jeugdhulp_met_verblijf": _rr("youth help with residence",
                                  "a history of youth help with residence", "en"),
    "jeugdbescherming": _rr("child protection", "a history of child protection", "en"),
    "jeugdreclassering": _rr("juvenile probation", "a history of juvenile probation", "en"),
}

DIMENSIONS = {
    "nl": {"totaal": "totaal", "onderwijssoort": "onderwijssoort", "zorgtype": "zorgtype",
           "risicofactor": "risicofactor"},
    "en": {"totaal": "total", "onderwijssoort": "type of education", "zorgtype": "type of care",
           "risicofactor": "risk factor"},
}

LEVEL_NAMES = {
    "nl": {"gemeente": "gemeente", "swv_po": "samenwerkingsverband PO",
           "swv_vo": "samenwerkingsverband VO", "land": "Nederland"},
    "en": {"gemeente": "municipality", "swv_po": "samenwerkingsverband PO (primary)",
           "swv_vo": "samenwerkingsverband VO (secondary)", "land": "the Netherlands"},
}
LEVEL_PLURALS = {
    "nl": {"gemeente": "gemeenten", "swv_po": "samenwerkingsverbanden PO",
           "swv_vo": "samenwerkingsverbanden VO", "land": "Nederland"},
    "en": {"gemeente": "municipalities", "swv_po": "samenwerkingsverbanden PO",
           "swv_vo": "samenwerkingsverbanden VO", "land": "the Netherlands"},
}


def level_name(level: str, lang: str = "nl") -> str:
    """"samenwerkingsverband PO" / "gemeente" in the asked language."""
    return LEVEL_NAMES["en" if lang == "en" else "nl"].get(level, level)


def level_plural(level: str, lang: str = "nl") -> str:
    """"samenwerkingsverbanden VO" / "gemeenten"."""
    return LEVEL_PLURALS["en" if lang == "en" else "nl"].get(level, level)


def dimension_name(dimension: str, lang: str = "nl") -> str:
    """"onderwijssoort" / "type of education"."""
    return DIMENSIONS["en" if lang == "en" else "nl"].get(dimension, dimension)
