"""The indicator catalog: what each figure means, whose share it is, and where it is published.

Why one place: every answer with a number must say what the number is (one-line definition), of
whom (the population of its category), at which level it exists and where it comes from.
Renderers, charts, the CLI, the import checks and the engine read these definitions instead of
carrying their own copies; the words per category live in ``indicators.vocabulary``. Ids and
category values are the contract of ``DESIGN.md``.

Region levels with figures (what the Monitor AOJ publishes; see ``PUBLISHED_LEVELS``):

* NEET and its relative risks: gemeente, samenwerkingsverband VO and Nederland (the monitor
  shows NEET "per samenwerkingsverband vo"; young people of 15-27 are no PO pupils);
* jeugdzorg for po, sbo and so pupils: gemeente, samenwerkingsverband PO and Nederland; for vo,
  vso, pro and mbo: gemeente, samenwerkingsverband VO and Nederland (children are placed in the
  partnership region of their own school type);
* jeugdzorg for all 0-22-year-olds and per zorgtype: every level, both partnerships included
  (every gemeente holds its OOGO with a PO and a VO partnership).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Generic, TypeVar

from indicators import formatting as fm
from indicators import vocabulary as vc

DEMO_SOURCE_NL = (
    "Demonstratiedata, gekalibreerd op CBS Jeugdmonitor 2024; vorm van de Monitor AOJ (NJi)"
)
DEMO_SOURCE_EN = (
    "Demonstration data, calibrated on CBS Jeugdmonitor 2024; in the form of the Monitor AOJ (NJi)"
)
IMPORT_SOURCE_NL = "Geïmporteerde cijfers (oogo data import)"
IMPORT_SOURCE_EN = "Imported figures (oogo data import)"

ONDERWIJSSOORT = ("po", "sbo", "so", "vo", "vso", "pro", "mbo")
PO_TYPES = ("po", "sbo", "so")
ZORGTYPE = (
    "jeugdhulp_zonder_verblijf", "jeugdhulp_met_verblijf", "jeugdbescherming",
    "jeugdreclassering",
)
JEUGDHULP = ("jeugdhulp_zonder_verblijf", "jeugdhulp_met_verblijf")
RISICOFACTOR = (
    "pro", "vso", "vmbo_basis", "mbo_entree", "vsv", "jeugdhulp_zonder_verblijf",
    "jeugdhulp_met_verblijf", "jeugdbescherming", "jeugdreclassering",
)
ALL_LEVELS = ("gemeente", "swv_po", "swv_vo", "land")
PO_LEVELS = ("gemeente", "swv_po", "land")
VO_LEVELS = ("gemeente", "swv_vo", "land")


def _jeugdzorg_levels() -> dict[str, tuple[str, ...]]:
    levels: dict[str, tuple[str, ...]] = {
        c: PO_LEVELS if c in PO_TYPES else VO_LEVELS for c in ONDERWIJSSOORT}
    levels.update({c: ALL_LEVELS for c in ("totaal", *ZORGTYPE)})
    return levels


PUBLISHED_LEVELS: dict[str, dict[str, tuple[str, ...]]] = {
    "jeugdzorg": _jeugdzorg_levels(),
    "neet": {"totaal": VO_LEVELS},
    "neet_rr": {c: VO_LEVELS for c in RISICOFACTOR},
}

#: the OOGO topic (``bot/oogo/topics.py``) of the jeugdzorg categories not about "wijkteams"
JEUGDZORG_TOPICS: dict[str, str] = {
    "so": "speciaal_onderwijs", "vso": "speciaal_onderwijs", "vo": "voortgezet",
    "pro": "naar_werk", "mbo": "naar_werk", "jeugdreclassering": "naar_werk",
    "jeugdhulp_met_verblijf": "zware_zorg", "jeugdbescherming": "zware_zorg",
}


@dataclass(frozen=True)
class IndicatorDef:
    """Definition of one indicator and the words to show it with."""

    id: str
    label_nl: str  # noun: "jeugdzorggebruik"
    label_en: str
    unit: str  # "%" (percentage) or "x" (ratio)
    categories: dict[str, tuple[str, ...]]  # dimension -> category values
    definition_nl: str
    definition_en: str
    age_range: str
    source: str = DEMO_SOURCE_NL
    source_en: str = DEMO_SOURCE_EN
    demo: bool = True
    words_nl: dict[str, vc.Words] = field(default_factory=dict)
    words_en: dict[str, vc.Words] = field(default_factory=dict)
    levels: dict[str, tuple[str, ...]] = field(default_factory=dict)  # category -> levels
    the_nl: str = ""  # with article, inside a sentence: "het jeugdzorggebruik"
    the_en: str = ""
    keyword_nl: str = ""  # the short word a question uses: "jeugdzorg", "NEET"
    keyword_en: str = ""
    synonyms: tuple[str, ...] = ()  # more words (nl or en) a question may name it by
    short_nl: str = ""  # its name on a button or in a list: "jeugdzorggebruik" (else keyword)
    short_en: str = ""
    # the preparation report and the OOGO points (``bot/oogo``); the defaults show every
    # published category in the table and chart the "totaal" figure
    report_categories: tuple[str, ...] | None = None  # table rows, in order (None: all)
    chart_categories: tuple[str, ...] | None = None  # always charted (None: "totaal" if any)
    topic: str = ""  # OOGO topic key of its points ("": a topic of its own, named by its label)
    topics: dict[str, str] = field(default_factory=dict)  # category -> topic key, overrides
    lower_meaning: str = "vraag"  # a tested lower figure: "sterk" (good) or "vraag" (unclear)
    higher_caveat: bool = False  # a higher figure is quoted with "higher is not always worse"
    wording_of: str = ""  # the indicator whose point wording it shares ("": its own id)

    @cached_property
    def all_categories(self) -> tuple[str, ...]:
        """Every valid category value of this indicator (kept once made: a definition is
        frozen, and understanding and the answer ask for it several times per turn, issue 18)."""
        out: list[str] = []
        for values in self.categories.values():
            out.extend(v for v in values if v not in out)
        return tuple(out)

    @cached_property
    def default_category(self) -> str:
        """The category used when none is asked for."""
        return "totaal" if "totaal" in self.all_categories else self.all_categories[0]

    def words(self, category: str, lang: str = "nl") -> vc.Words:
        """All forms of a category's name in one language."""
        table = self.words_en if lang == "en" else self.words_nl
        return table.get(category) or vc.Words(category, category, category)

    def category_label(self, category: str, lang: str = "nl") -> str:
        """The category's name in a list: "primair onderwijs (po)"."""
        return self.words(category, lang).noun

    def group(self, category: str, lang: str = "nl") -> str:
        """Whose share the figure is: "leerlingen in het primair onderwijs (po)"."""
        return self.words(category, lang).group

    def background(self, category: str, lang: str = "nl") -> str:
        """For a relative risk, the shared history: "een achtergrond in het praktijkonderwijs"."""
        return self.words(category, lang).background or self.category_label(category, lang)

    def label(self, lang: str = "nl") -> str:
        """Indicator label (noun) in Dutch or English."""
        return self.label_en if lang == "en" else self.label_nl

    def keyword(self, lang: str = "nl") -> str:
        """The short word to ask for this figure with ("NEET"), e.g. on a button."""
        return (self.keyword_en if lang == "en" else self.keyword_nl) or self.id

    def short(self, lang: str = "nl") -> str:
        """Its name on a button or in a list of what the assistant has: "jeugdzorggebruik"."""
        return (self.short_en if lang == "en" else self.short_nl) or self.keyword(lang)

    @property
    def report_rows(self) -> tuple[str, ...]:
        """The categories of the report's figures table, in order."""
        if self.report_categories is not None:
            return self.report_categories
        return self.all_categories

    @property
    def charted(self) -> tuple[str, ...]:
        """The categories the report always charts (more may follow as lead figures)."""
        if self.chart_categories is not None:
            return self.chart_categories
        return ("totaal",) if "totaal" in self.all_categories else ()

    def topic_of(self, category: str) -> str:
        """The OOGO topic a figure of this category speaks to (its own id when none is set)."""
        return self.topics.get(category) or self.topic or self.id

    @property
    def wording_key(self) -> str:
        """Whose point wording (questions, reasons) this indicator uses."""
        return self.wording_of or self.id

    def label_in_sentence(self, lang: str = "nl") -> str:
        """The label with its article: "het jeugdzorggebruik"."""
        return (self.the_en if lang == "en" else self.the_nl) or self.label(lang)

    def figure_label(self, category: str, lang: str = "nl") -> str:
        """What one figure is, starting lower case: "jeugdzorggebruik onder leerlingen in het
        voortgezet speciaal onderwijs (vso)", "relatief risico op NEET na praktijkonderwijs (pro)".
        """
        if self.unit == "x":
            word = "for" if lang == "en" else "bij"
            return f"{self.label(lang)} {word} {self.group(category, lang)}"
        if self.all_categories == ("totaal",):
            return self.label(lang)
        if category in ZORGTYPE:
            word = "among" if lang == "en" else "onder"
            return f"{self.category_label(category, lang)} {word} {self.group(category, lang)}"
        word = "among" if lang == "en" else "onder"
        return f"{self.label(lang)} {word} {self.group(category, lang)}"

    def axis_label(self, category: str, lang: str = "nl") -> str:
        """The y-axis of a chart: "% van de leerlingen in het vso" or the ratio wording."""
        if self.unit == "x":
            return "relative risk (times as high)" if lang == "en" else \
                "relatief risico (keer zo groot)"
        group = self.group(category, lang)
        return f"% of {group}" if lang == "en" else f"% van {_with_article(group)}"

    def published_levels(self, category: str) -> tuple[str, ...]:
        """Region levels that have figures for this category."""
        return self.levels.get(category, ALL_LEVELS)

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
            "levels": {k: list(v) for k, v in self.levels.items()},
        }


def _with_article(group: str) -> str:
    """"de leerlingen in ..." but "alle jeugdigen ..." (no article before "alle")."""
    return group if group.startswith("alle ") else f"de {group}"


def build_catalog() -> dict[str, IndicatorDef]:
    """The three indicators of the Monitor AOJ that this assistant computes, in the order the
    report, the lists and the buttons show them."""
    return {
        "jeugdzorg": IndicatorDef(
            id="jeugdzorg",
            label_nl="jeugdzorggebruik",
            label_en="use of youth care",
            the_nl="het jeugdzorggebruik",
            the_en="the use of youth care",
            keyword_nl="jeugdzorg", keyword_en="youth care",
            unit="%",
            categories={"totaal": ("totaal",), "onderwijssoort": ONDERWIJSSOORT,
                        "zorgtype": ZORGTYPE},
            definition_nl=("Percentage jeugdigen van 0 tot 23 jaar met jeugdzorg (jeugdhulp, "
                           "jeugdbescherming of jeugdreclassering) in het jaar; per onderwijssoort"
                           " het percentage van de leerlingen van die onderwijssoort."),
            definition_en=("Percentage of young people aged 0 to 22 with youth care (youth help, "
                           "child protection or juvenile probation) in the year; per type of "
                           "education the percentage of the pupils of that type."),
            age_range="0 tot 23 jaar",
            words_nl=vc.JEUGDZORG_NL, words_en=vc.JEUGDZORG_EN,
            levels=PUBLISHED_LEVELS["jeugdzorg"],
            short_nl="jeugdzorggebruik", short_en="youth care use",
            topic="wijkteams", topics=JEUGDZORG_TOPICS, lower_meaning="vraag", higher_caveat=True,
        ),
        "neet": IndicatorDef(
            id="neet",
            label_nl="jongeren zonder werk en zonder opleiding (NEET)",
            label_en="young people not in employment, education or training (NEET)",
            the_nl="het aandeel jongeren zonder werk en zonder opleiding (NEET)",
            the_en="the share of young people not in employment, education or training (NEET)",
            keyword_nl="NEET", keyword_en="NEET",
            unit="%",
            categories={"totaal": ("totaal",)},
            definition_nl=("Percentage jongeren van 15 tot 27 jaar dat op 1 oktober geen werk "
                           "had en in de vier weken daarvoor geen opleiding of cursus volgde."),
            definition_en=("Percentage of young people aged 15 to 26 who on 1 October had no "
                           "work and had followed no education or training in the four weeks "
                           "before."),
            age_range="15 tot 27 jaar",
            words_nl=vc.NEET_NL, words_en=vc.NEET_EN, levels=PUBLISHED_LEVELS["neet"],
            topic="naar_werk", lower_meaning="sterk",
        ),
        "neet_rr": IndicatorDef(
            id="neet_rr",
            label_nl="relatief risico op NEET",
            label_en="relative risk of NEET",
            the_nl="het relatieve risico op NEET",
            the_en="the relative risk of NEET",
            keyword_nl="relatief risico op NEET", keyword_en="relative risk of NEET",
            unit="x",
            categories={"risicofactor": RISICOFACTOR},
            definition_nl=("De kans om NEET te worden voor jongeren met een kenmerk (bijvoorbeeld "
                           "praktijkonderwijs) gedeeld door die kans voor jongeren zonder dat "
                           "kenmerk; 3 keer betekent drie keer zo groot."),
            definition_en=("The chance of becoming NEET for young people with a characteristic "
                           "(e.g. practical education) divided by that chance for those without "
                           "it; 3 times means three times as high."),
            age_range="15 tot 27 jaar",
            words_nl=vc.RISK_NL, words_en=vc.RISK_EN, levels=PUBLISHED_LEVELS["neet_rr"],
            topic="naar_werk", lower_meaning="sterk", wording_of="neet",
            topics={"jeugdhulp_met_verblijf": "zware_zorg", "jeugdbescherming": "zware_zorg"},
        ),
    }


def listed(definitions: Mapping[str, IndicatorDef], lang: str = "nl") -> str:
    """What the assistant has figures on, in a running sentence and catalog order: "het
    jeugdzorggebruik, het aandeel jongeren zonder werk en zonder opleiding (NEET) en het relatieve
    risico op NEET". Templates that name the figures get this as ``{indicators}``, so a new
    catalog entry is named there too."""
    return fm.listing([d.label_in_sentence(lang) for d in definitions.values()], lang)


@lru_cache(maxsize=1)
def catalog() -> dict[str, IndicatorDef]:
    """The shared, read-only catalog (built on first use; callers must not change it)."""
    return build_catalog()


T = TypeVar("T")


class PerCatalog(Generic[T]):
    """What ``make`` gives for a catalog object, kept per object. Why: readers ask for words
    derived from the composition root's catalog for every message, and collecting them from the
    definitions cost more than the search they serve (issue 18). Catalogs are read-only once
    built, so the object's identity is the key; an entry keeps its catalog alive, so an id is
    never reused while it is kept, and at most ``size`` catalogs (tests make their own) are."""

    def __init__(self, make: Callable[[Mapping[str, IndicatorDef]], T], size: int = 8) -> None:
        self._make = make
        self._size = size
        self._kept: dict[int, tuple[Mapping[str, IndicatorDef], T]] = {}

    def __call__(self, known: Mapping[str, IndicatorDef]) -> T:
        kept = self._kept.get(id(known))
        if kept is not None and kept[0] is known:
            return kept[1]
        made = self._make(known)
        if len(self._kept) >= self._size:
            self._kept.clear()
        self._kept[id(known)] = (known, made)
        return made

