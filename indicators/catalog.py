"""The indicator catalog: what each indicator means, its unit, categories and source line.

Why one place: every answer with a number must say what the number is (one-line definition), for
whom (age range) and where it comes from. Renderers, charts, the CLI and the import validator all
read these definitions instead of carrying their own copies. Ids and category values are the
contract of ``DESIGN.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

DEMO_SOURCE_NL = (
    "Demonstratiedata, gekalibreerd op CBS Jeugdmonitor 2024; vorm van de Monitor AOJ (NJi)"
)
DEMO_SOURCE_EN = (
    "Demonstration data, calibrated on CBS Jeugdmonitor 2024; in the form of the Monitor AOJ (NJi)"
)
IMPORT_SOURCE_NL = "Geïmporteerde cijfers (oogo data import)"
IMPORT_SOURCE_EN = "Imported figures (oogo data import)"

ONDERWIJSSOORT = ("po", "sbo", "so", "vo", "vso", "pro", "mbo")
ZORGTYPE = (
    "jeugdhulp_zonder_verblijf", "jeugdhulp_met_verblijf", "jeugdbescherming",
    "jeugdreclassering",
)
RISICOFACTOR = (
    "pro", "vso", "vmbo_basis", "mbo_entree", "vsv", "jeugdhulp_zonder_verblijf",
    "jeugdhulp_met_verblijf", "jeugdbescherming", "jeugdreclassering",
)

CATEGORY_LABELS_NL = {
    "totaal": "totaal",
    "po": "primair onderwijs (po)",
    "sbo": "speciaal basisonderwijs (sbo)",
    "so": "speciaal onderwijs (so)",
    "vo": "voortgezet onderwijs (vo)",
    "vso": "voortgezet speciaal onderwijs (vso)",
    "pro": "praktijkonderwijs (pro)",
    "mbo": "middelbaar beroepsonderwijs (mbo)",
    "vmbo_basis": "vmbo basisberoepsgerichte leerweg",
    "mbo_entree": "mbo-entreeopleiding",
    "vsv": "voortijdig schoolverlaten (vsv)",
    "jeugdhulp_zonder_verblijf": "jeugdhulp zonder verblijf",
    "jeugdhulp_met_verblijf": "jeugdhulp met verblijf",
    "jeugdbescherming": "jeugdbescherming",
    "jeugdreclassering": "jeugdreclassering",
}
CATEGORY_LABELS_EN = {
    "totaal": "total",
    "po": "primary education (po)",
    "sbo": "special primary education (sbo)",
    "so": "special education (so)",
    "vo": "secondary education (vo)",
    "vso": "special secondary education (vso)",
    "pro": "practical education (pro)",
    "mbo": "vocational education (mbo)",
    "vmbo_basis": "vmbo basic vocational track",
    "mbo_entree": "mbo entry level",
    "vsv": "early school leaving (vsv)",
    "jeugdhulp_zonder_verblijf": "youth care without residence",
    "jeugdhulp_met_verblijf": "youth care with residence",
    "jeugdbescherming": "child protection",
    "jeugdreclassering": "juvenile probation",
}
DIMENSION_LABELS_NL = {
    "totaal": "totaal", "onderwijssoort": "onderwijssoort", "zorgtype": "zorgtype",
    "risicofactor": "risicofactor",
}


@dataclass(frozen=True)
class IndicatorDef:
    """Definition of one indicator as shown to users."""

    id: str
    label_nl: str
    label_en: str
    unit: str  # "%" (percentage) or "x" (ratio)
    categories: dict[str, tuple[str, ...]]  # dimension -> category values
    definition_nl: str
    definition_en: str
    age_range: str
    source: str = DEMO_SOURCE_NL
    source_en: str = DEMO_SOURCE_EN
    demo: bool = True
    category_labels_nl: dict[str, str] = field(default_factory=dict)
    category_labels_en: dict[str, str] = field(default_factory=dict)

    @property
    def all_categories(self) -> tuple[str, ...]:
        """Every valid category value of this indicator."""
        out: list[str] = []
        for values in self.categories.values():
            out.extend(v for v in values if v not in out)
        return tuple(out)

    @property
    def default_category(self) -> str:
        """The category used when none is asked for."""
        return "totaal" if "totaal" in self.all_categories else self.all_categories[0]

    def dimension_of(self, category: str) -> str | None:
        """The dimension a category belongs to (``None`` if unknown)."""
        for dimension, values in self.categories.items():
            if category in values:
                return dimension
        return None

    def category_label(self, category: str, lang: str = "nl") -> str:
        """Readable label of a category in Dutch or English."""
        labels = self.category_labels_en if lang == "en" else self.category_labels_nl
        return labels.get(category, category)

    def label(self, lang: str = "nl") -> str:
        """Indicator label in Dutch or English."""
        return self.label_en if lang == "en" else self.label_nl

    def definition(self, lang: str = "nl") -> str:
        """One-line definition in Dutch or English."""
        return self.definition_en if lang == "en" else self.definition_nl

    def to_dict(self) -> dict:
        """JSON-friendly form."""
        return {
            "id": self.id, "label_nl": self.label_nl, "label_en": self.label_en,
            "unit": self.unit, "categories": {k: list(v) for k, v in self.categories.items()},
            "definition_nl": self.definition_nl, "definition_en": self.definition_en,
            "age_range": self.age_range, "source": self.source, "demo": self.demo,
        }


def build_catalog() -> dict[str, IndicatorDef]:
    """The three indicators of the Monitor AOJ that this assistant computes."""
    labels = {"category_labels_nl": CATEGORY_LABELS_NL, "category_labels_en": CATEGORY_LABELS_EN}
    return {
        "jeugdzorg": IndicatorDef(
            id="jeugdzorg",
            label_nl="jeugdzorggebruik",
            label_en="use of youth care",
            unit="%",
            categories={"totaal": ("totaal",), "onderwijssoort": ONDERWIJSSOORT,
                        "zorgtype": ZORGTYPE},
            definition_nl=("Percentage jeugdigen van 0 tot 23 jaar met jeugdzorg (jeugdhulp, "
                           "jeugdbescherming of jeugdreclassering) in het jaar, per onderwijssoort"
                           " van de leerling of per zorgtype."),
            definition_en=("Percentage of young people aged 0-22 with youth care (youth help, "
                           "child protection or juvenile probation) in the year, by type of "
                           "education or type of care."),
            age_range="0 tot 23 jaar",
            **labels,
        ),
        "neet": IndicatorDef(
            id="neet",
            label_nl="jongeren zonder werk en zonder opleiding (NEET)",
            label_en="young people not in employment, education or training (NEET)",
            unit="%",
            categories={"totaal": ("totaal",)},
            definition_nl=("Percentage jongeren van 15 tot 27 jaar dat op 1 oktober geen werk "
                           "had en in de vier weken daarvoor geen opleiding of cursus volgde."),
            definition_en=("Percentage of young people aged 15-27 who on 1 October had no work "
                           "and had followed no education or training in the four weeks before."),
            age_range="15 tot 27 jaar",
            **labels,
        ),
        "neet_rr": IndicatorDef(
            id="neet_rr",
            label_nl="relatief risico op NEET",
            label_en="relative risk of NEET",
            unit="x",
            categories={"risicofactor": RISICOFACTOR},
            definition_nl=("De kans om NEET te worden voor jongeren met een kenmerk (bijvoorbeeld "
                           "praktijkonderwijs) gedeeld door die kans voor jongeren zonder dat "
                           "kenmerk; 3 betekent drie keer zo groot."),
            definition_en=("The chance of becoming NEET for young people with a characteristic "
                           "(e.g. practical education) divided by that chance for those without "
                           "it; 3 means three times as high."),
            age_range="15 tot 27 jaar",
            **labels,
        ),
    }
