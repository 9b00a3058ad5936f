"""Expand utterance templates into labelled lines of the understanding corpus.

Why a generator: a labelled line needs region codes that match the registry (a gemeente, its
samenwerkingsverband PO or VO) and the same slot conventions everywhere. People write the
phrasings (``figure_nl``, ``figure_en``, ``other``); this module only fills in places, categories
and years, draws the places from all gemeenten, adds the typos and lower-case forms users type,
and computes the labels. It ran once to write the seed of ``train.jsonl``; since then that file
is the source (lines are added to it directly, ``merge`` dedupes).

Template placeholders: ``{G}``, ``{G2}``, ``{G3}`` gemeenten; ``{C}`` a category phrase (kind by
``cat``); ``{Y}`` a year; ``{Y1}``/``{Y2}`` a range; ``{SWV}`` the code of G's samenwerkingsverband
as users type it ("PO 23.05"). Region specs (``regions``): words among ``G G2 G3 own NL swvG
swvpoG swvvoG swvown``; ``own`` is the asker's profile region.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from typing import Any

LATEST_YEAR = 2023
YEARS = [2019, 2020, 2021, 2022, 2023]

CATS: dict[str, dict[str, list[str]]] = {
    "nl": {
        "po": ["het basisonderwijs", "het po", "het primair onderwijs", "de basisschool"],
        "sbo": ["het sbo", "het speciaal basisonderwijs"],
        "so": ["het so", "het speciaal onderwijs"],
        "vo": ["het vo", "het voortgezet onderwijs", "de middelbare school"],
        "vso": ["het vso", "het voortgezet speciaal onderwijs"],
        "pro": ["het praktijkonderwijs", "het pro", "praktijkonderwijs"],
        "mbo": ["het mbo", "het middelbaar beroepsonderwijs"],
        "jeugdhulp_zonder_verblijf": ["jeugdhulp zonder verblijf", "ambulante jeugdhulp"],
        "jeugdhulp_met_verblijf": ["jeugdhulp met verblijf", "residentiële jeugdhulp"],
        "jeugdbescherming": ["jeugdbescherming", "een ondertoezichtstelling"],
        "jeugdreclassering": ["jeugdreclassering"],
        "vmbo_basis": ["vmbo basis", "de basisberoepsgerichte leerweg", "vmbo-b"],
        "mbo_entree": ["de entreeopleiding", "mbo niveau 1", "entree"],
        "vsv": ["voortijdig schoolverlaten", "vsv"],
    },
    "en": {
        "po": ["primary education", "primary schools"],
        "sbo": ["special primary education"],
        "so": ["special education", "special schools"],
        "vo": ["secondary education", "secondary schools"],
        "vso": ["special secondary education", "vso"],
        "pro": ["practical education", "praktijkonderwijs"],
        "mbo": ["vocational education", "mbo"],
        "jeugdhulp_zonder_verblijf": ["youth care without residence", "outpatient youth care"],
        "jeugdhulp_met_verblijf": ["residential youth care", "youth care with residence"],
        "jeugdbescherming": ["child protection"],
        "jeugdreclassering": ["juvenile probation"],
        "vmbo_basis": ["the basic vocational track (vmbo basis)", "vmbo basis"],
        "mbo_entree": ["the mbo entry level", "mbo level 1"],
        "vsv": ["early school leaving", "early school leavers"],
    },
}
CAT_KINDS = {
    "school": ["po", "sbo", "so", "vo", "vso", "pro", "mbo"],
    "special": ["sbo", "so", "vso", "pro"],
    "zorg": ["jeugdhulp_zonder_verblijf", "jeugdhulp_met_verblijf", "jeugdbescherming",
             "jeugdreclassering"],
    "risk_school": ["pro", "vso", "vmbo_basis", "mbo_entree"],
    "risk_care": ["jeugdhulp_zonder_verblijf", "jeugdhulp_met_verblijf", "jeugdbescherming",
                  "jeugdreclassering"],
    "risk": ["pro", "vso", "vmbo_basis", "mbo_entree", "vsv", "jeugdhulp_met_verblijf",
             "jeugdbescherming", "jeugdreclassering"],
}
# the short forms people type in telegraphic questions ("jeugdzorg Tilburg pro")
SHORT = {"po": "po", "sbo": "sbo", "so": "so", "vo": "vo", "vso": "vso", "pro": "pro",
         "mbo": "mbo"}
PO_LIKE = ("po", "sbo", "so")


@dataclass
class T:
    """One template: text(s) plus the labels every expansion shares."""

    text: str | list[str]
    intent: str = "figure"
    lang: str = "nl"
    ind: str | None = None
    mode: str = "value"
    target: str | None = None
    regions: str = "G"
    cat: str | None = None
    dim: str | None = None
    ctx: list[str] = field(default_factory=list)
    own: bool = False
    scan: bool = False
    n: int = 1
    year: str | None = None  # "Y" (one year), "range", "since", "two"
    asked_term: str | None = None


@dataclass
class Places:
    """The registry's gemeenten and SWVs, as the generator needs them."""

    gemeenten: list[Any]
    by_code: dict[str, Any]
    common: frozenset[str]

    @classmethod
    def load(cls) -> Places:
        from indicators.mentions import COMMON_WORDS
        from indicators.registry import RegionRegistry

        registry = RegionRegistry.load()
        gemeenten = [g for g in registry.gemeenten() if "(" not in g.name]
        return cls(gemeenten, {r.code: r for r in registry.all()}, frozenset(COMMON_WORDS))


def swv_kind(ind: str | None, cat: str | None) -> str:
    """The samenwerkingsverband that goes with a figure: PO for po/sbo/so and for jeugdzorg
    without a school category, VO for the other school types and for NEET."""
    if ind in ("neet", "neet_rr"):
        return "vo"
    if cat in PO_LIKE:
        return "po"
    if cat in ("vo", "vso", "pro", "mbo"):
        return "vo"
    return "po"


INVITE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def invite_code(rng: random.Random) -> str:
    """An invitation code as the rounds hand them out (8 characters, letters and digits)."""
    while True:
        code = "".join(rng.choice(INVITE_ALPHABET) for _ in range(8))
        if any(c.isdigit() for c in code) and any(c.isalpha() for c in code):
            return code.lower() if rng.random() < 0.15 else code


def swv_code_text(code: str, rng: random.Random) -> str:
    kind, a, b = code[:2], code[2:4], code[4:]
    return rng.choice([f"{kind} {a}.{b}", f"{kind}{a}{b}", f"{kind} {a}-{b}"])


class Expander:
    """Fills templates with places, categories and years, and labels the result."""

    def __init__(self, places: Places, seed: int = 11) -> None:
        self.places = places
        self.rng = random.Random(seed)
        self.count = 0

    def _gemeenten(self, k: int) -> list[Any]:
        return self.rng.sample(self.places.gemeenten, k)

    def expand(self, t: T) -> list[dict[str, Any]]:
        texts = t.text if isinstance(t.text, list) else [t.text]
        out = []
        for text in texts:
            for _ in range(t.n):
                out.append(self._one(t, text))
        return out

    def _one(self, t: T, text: str) -> dict[str, Any]:
        rng = self.rng
        g, g2, g3, own = self._gemeenten(4)
        cat = None
        cat_phrase = ""
        if t.cat:
            cats = CAT_KINDS.get(t.cat, [t.cat])
            cat = rng.choice(cats)
            phrases = CATS[t.lang][cat]
            cat_phrase = rng.choice(phrases)
            if "{CS}" in text:
                cat_phrase = SHORT.get(cat, cat_phrase)
        year = rng.choice(YEARS)
        y1, y2 = sorted(rng.sample(YEARS, 2))
        kind = swv_kind(t.ind, cat)
        swv_g = g.swv_po if kind == "po" else g.swv_vo
        fill = {"G": self._name(g), "G2": self._name(g2), "G3": self._name(g3),
                "C": cat_phrase, "CS": cat_phrase, "Y": str(year), "Y1": str(y1),
                "Y2": str(y2), "SWV": swv_code_text(swv_g, rng), "CODE": invite_code(rng)}
        rendered = _fill(text, fill)
        context = [_fill(c, fill) for c in t.ctx]
        codes = {"G": g.code, "G2": g2.code, "G3": g3.code, "own": own.code, "NL": "NL01",
                 "swvG": swv_g, "swvpoG": g.swv_po, "swvvoG": g.swv_vo,
                 "swvown": own.swv_po if kind == "po" else own.swv_vo}
        self.count += 1
        line: dict[str, Any] = {"id": "", "text": rendered, "lang": t.lang,
                                "region": own.code if t.own else None}
        if context:
            line["context"] = context
        if t.scan:
            line["scan_active"] = True
        line["intent"] = t.intent
        if t.intent == "figure":
            years: list[int] = []
            single = None
            if t.year == "Y":
                single = year
            elif t.year == "range":
                years = list(range(y1, y2 + 1))
            elif t.year == "since":
                years = list(range(year, LATEST_YEAR + 1)) if year < LATEST_YEAR else []
                if not years:
                    rendered = rendered.replace(str(year), "2020")
                    line["text"] = rendered
                    years = list(range(2020, LATEST_YEAR + 1))
            elif t.year == "two":
                years = [y1, y2]
            line["slots"] = {
                "indicator": t.ind, "category": cat if t.cat else None, "mode": t.mode,
                "target": t.target,
                "regions": [codes[w] for w in t.regions.split()] if t.regions else [],
                "year": single, "years": years, "dimension": t.dim,
            }
            if t.cat and not CATS[t.lang].get(t.cat) and t.cat not in CAT_KINDS:
                line["slots"]["category"] = t.cat
        if t.asked_term:
            line["asked_term"] = t.asked_term
        return line

    def _name(self, region: Any) -> str:
        name = region.name
        if name == "'s-Hertogenbosch" and self.rng.random() < 0.6:
            return "Den Bosch"
        if name == "'s-Gravenhage":
            return "Den Haag"
        return name


def _fill(text: str, fill: dict[str, str]) -> str:
    return re.sub(r"\{(G2|G3|G|CS|C|Y1|Y2|Y|SWV|CODE)\}", lambda m: fill[m.group(1)], text)


# -- variation: the way people really type ------------------------------------------------------
def typo(word: str, rng: random.Random) -> str:
    """One keyboard slip: a dropped, doubled or swapped letter."""
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.choice(["drop", "swap", "double"])
    if kind == "drop":
        return word[:i] + word[i + 1:]
    if kind == "swap":
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return word[:i] + word[i] + word[i:]


def vary(line: dict[str, Any], rng: random.Random, protected: list[str]) -> dict[str, Any]:
    """Sometimes lower-case the line, drop its question mark or put a typo in a word."""
    text = line["text"]
    roll = rng.random()
    protected_words = {w.lower() for p in protected for w in p.split()}
    if roll < 0.10:
        words = text.split(" ")
        candidates = [i for i, w in enumerate(words)
                      if len(w) >= 6 and w.isalpha() and w.lower() not in protected_words
                      and not w[:1].isupper()]
        if candidates:
            i = rng.choice(candidates)
            words[i] = typo(words[i], rng)
            text = " ".join(words)
    elif roll < 0.22 and not any(p.lower() in _COMMON for p in protected):
        text = text.lower()
    if rng.random() < 0.15:
        text = text.rstrip("?")
    return {**line, "text": text}


_COMMON: frozenset[str] = frozenset()


def set_common(words: frozenset[str]) -> None:
    global _COMMON
    _COMMON = words
