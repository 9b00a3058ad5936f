"""The conversational words for places: "ons/onze/our", "landelijk", "het samenwerkingsverband".

Names and codes are found by the one region scanner of the library (``indicators.mentions``);
this module only adds what belongs to a conversation: "ons/onze/mijn/our" is the asker's profile
region, "landelijk/Nederland" is the national yardstick, "het samenwerkingsverband" (or "swv
po"/"swv vo") is the own samenwerkingsverband of the place the question is about, and "ik werk
bij de gemeente Zwolle" sets the profile. An ambiguous name (Bergen) or an unknown one (Parijs)
is never guessed; the caller asks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.core.understanding import lexicon as lx
from bot.core.understanding.frame import NATIONAL
from bot.core.understanding.prefix_scan import re_compile
from indicators.mentions import find_mentions

if TYPE_CHECKING:  # pragma: no cover
    from indicators.mentions import Mention, PlaceScan
    from indicators.registry import RegionRegistry

_KIND = r"(po|vo|primair onderwijs|voortgezet onderwijs|primary|secondary|primair|voortgezet)"
# the kind of a partnership, also of several ("welke samenwerkingsverbanden vo ...")
_SWV_NOUN = r"(?:samenwerkingsverband(?:en)?|swv'?s?|partnerships?)"
SWV_KIND = re_compile(r"\b" + _SWV_NOUN + r"[- ]" + _KIND + r"\b|\b" + _KIND + r" " + _SWV_NOUN +
                      r"(?![\w'])")
KIND_OF = {"po": "po", "primair onderwijs": "po", "primary": "po", "primair": "po",
           "vo": "vo", "voortgezet onderwijs": "vo", "secondary": "vo", "voortgezet": "vo"}
PROFILE_PATTERNS = [
    re_compile(r"^/regio\s+(?P<place>.+)$"),
    re_compile(r"(?:mijn|onze|my|our) (?:eigen )?(?:regio|gemeente|region|municipality|"
               r"samenwerkingsverband|partnership) is (?:de |het |the )?(?:gemeente |"
               r"municipality of )?(?P<place>[^.,!?]+?)(?=[.,!?]|\s+en\s|\s+and\s|$)"),
    re_compile(r"\b(?:ik|wij|we) (?:werk|werken|zit|zitten|ben|zijn)\s+(?:werkzaam\s+)?"
               r"(?:bij|voor|in|van)\s+(?:de |het )?(?:gemeente|samenwerkingsverband|swv)?\s*"
               r"(?P<place>[^.,!?]+?)(?=[.,!?]|\s+en\s|\s+hoe\s|\s+wat\s|$)"),
    re_compile(r"\bi (?:work|am) (?:for|at|in|with|from) (?:the )?(?:municipality|city|town|"
               r"partnership|gemeente)?\s*(?:of\s+)?(?P<place>[^.,!?]+?)(?=[.,!?]|\s+and\s|"
               r"\s+how\s|\s+what\s|$)"),
    re_compile(r"\b(?:ik|wij|we) (?:ben|zijn|werk|werken) (?:als |de )?(?:\w+ ){0,2}?"
               r"(?:beleidsmedewerker|beleidsadviseur|adviseur|medewerker|ambtenaar|wethouder|"
               r"co[oö]rdinator|swv-co[oö]rdinator|zorgco[oö]rdinator|directeur|bestuurder|"
               r"manager|consulent|leerplichtambtenaar|schoolleider|intern begeleider)\w*"
               r"(?: (?:jeugd|onderwijs|passend onderwijs))? (?:bij|in|van|voor) (?:de |het )?"
               r"(?:gemeente |samenwerkingsverband |swv )?(?P<place>[^.,!?;:]+?)(?=[.,!?;:]|"
               r"\s+en\s|\s+hoe\s|\s+wat\s|$)"),
    re_compile(r"\bi am an? (?:\w+ ){0,3}?(?:adviser|advisor|officer|coordinator|alderman|"
               r"director|manager)\w* (?:at|in|for|with) (?:the )?(?:municipality (?:of )?)?"
               r"(?P<place>[^.,!?]+?)(?=[.,!?]|\s+and\s|$)"),
    re_compile(r"^(?:zet |stel )?mijn regio (?:op|in op) (?P<place>[^.,!?]+)$"),
    re_compile(r"^(?:wij|we) zijn (?:de |het )?(?P<place>(?:gemeente|samenwerkingsverband|swv) "
               r"[^.,!?]+)$"),
]


@dataclass(slots=True)
class PlaceWords:
    """What a message says about places, before any conversation context is used."""

    mentions: list[Mention] = field(default_factory=list)
    unknown: list[Mention] = field(default_factory=list)
    # a partnership named by its own name ("SWV VO Eemland"): an unknown place only once the
    # message is read as a figure question (``figure.region_slot``); it takes no part in
    # choosing the intent, so "heeft het samenwerkingsverband OPR instemmingsrecht?" stays a
    # knowledge question
    unknown_swv: list[Mention] = field(default_factory=list)
    own_place: bool = False
    own_swv: bool = False
    own_swv_target: bool = False  # "vergeleken met ons samenwerkingsverband"
    national: bool = False
    swv_word: bool = False
    swv_kind: str | None = None  # "po" / "vo" when named ("swv vo")
    neighbours: str = ""  # "buurgemeenten" as typed: read as the rest of the partnership

    @property
    def any(self) -> bool:
        return bool(self.mentions or self.unknown or self.own_place or self.own_swv
                    or self.national)


def read_places(scan: PlaceScan, folded: str) -> PlaceWords:
    """Combine the scanner's mentions with the conversational place words of ``folded``."""
    mentions = [m for m in scan.mentions if m.codes != [NATIONAL]]
    kind = SWV_KIND.search(folded)
    neighbours = lx.NEIGHBOURS.search(folded)
    return PlaceWords(
        mentions=mentions,
        unknown=list(scan.unknown),
        unknown_swv=list(scan.unknown_swv),
        own_place=bool(lx.OWN_PLACE.search(lx.OWN_SWV.sub(" ", folded))),
        own_swv=bool(lx.OWN_SWV.search(folded)),
        own_swv_target=bool(lx.OWN_SWV_TARGET.search(folded)),
        national=bool(lx.NATIONAL.search(folded)) or len(mentions) < len(scan.mentions),
        swv_word=bool(lx.SWV_WORDS.search(folded)) or neighbours is not None,
        neighbours=neighbours.group(0) if neighbours is not None else "",
        swv_kind=KIND_OF[kind.group(1) or kind.group(2)] if kind else None,
    )


def mention_code(registry: RegionRegistry, mention: Mention, kind: str) -> list[str]:
    """The code(s) a mention stands for. "samenwerkingsverband Zwolle" names two SWVs (PO and
    VO); the figure decides which one (``kind``), so that is not an ambiguity to ask about."""
    codes = mention.codes
    if len(codes) == 2 and {registry.get(c).level for c in codes} == {"swv_po", "swv_vo"}:
        return [c for c in codes if registry.get(c).level == f"swv_{kind}"]
    if len(codes) > 1:
        gemeenten = [c for c in codes if registry.get(c).level == "gemeente"]
        if len(gemeenten) == 1:
            return gemeenten
    return list(codes)


@dataclass(slots=True)
class ProfileStatement:
    """'Ik werk bij de gemeente Zwolle': the region it names and the text that remains."""

    code: str | None
    rest: str
    clarify: str | None = None  # "ambiguous" | "unknown"
    mention: str = ""
    options: list[str] = field(default_factory=list)


def profile_statement(text: str, folded: str, registry: RegionRegistry) -> ProfileStatement | None:
    """Recognise a statement of the user's own region; None when there is none."""
    same = len(text) == len(folded)
    for pattern in PROFILE_PATTERNS:
        m = pattern.search(folded)
        if not m:
            continue
        place = (text[m.start("place"):m.end("place")] if same else m.group("place")).strip()
        rest = (text[:m.start()] + text[m.end():]).strip(" .,!?;") if same else ""
        res = registry.resolve(place)
        if res.ok and res.region is not None:
            return ProfileStatement(res.region.code, rest)
        inside = [m for m in find_mentions(registry, place) if len(m.codes) == 1]
        if inside:  # "het samenwerkingsverband VO 30.04 in Tilburg": the first region named
            return ProfileStatement(inside[0].codes[0], rest)
        if res.ambiguous:  # a typo close to several names is an unknown name (``resolve``)
            return ProfileStatement(None, rest,
                                    "unknown" if res.method == "fuzzy" else "ambiguous", place,
                                    [r.code for r in res.candidates])
        if pattern is PROFILE_PATTERNS[0] or res.suggestions:
            return ProfileStatement(None, rest, "unknown", place,
                                    [r.code for r in res.suggestions])
    return None


def single_region(registry: RegionRegistry, text: str) -> str | None:
    """The one region a short reply names ("Zwolle", "GM0193", "de eerste"?), else None."""
    mentions = find_mentions(registry, text)
    if len(mentions) == 1 and len(mentions[0].codes) == 1:
        return mentions[0].codes[0]
    res = registry.resolve(text)
    return res.region.code if res.ok and res.region is not None else None

