"""Stage one of understanding: read what the words of one message say, without any context.

Everything the later stages (and the model's training) need from the text alone is computed
once here: the folded text, places (through the library's one region scanner), the indicator
and category words, years, the kind of computation the wording asks for, an invitation code,
and the delexicalised text the intent model reads. Keeping this in one place is what makes the
model's training features and its features at run time the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.core.understanding import lexicon as lx
from bot.core.understanding.features import delexicalise
from bot.core.understanding.normalize import fold
from bot.core.understanding.places import PlaceWords, read_places
from bot.core.understanding.prefix_scan import re_compile
from bot.core.understanding.relative_years import CountedBack, years_back
from bot.core.understanding.several import Indicators, read_indicators
from bot.core.understanding.slots import (
    Catalog,
    catalog_words,
    correct_typos,
    detect_categories,
    detect_indicator,
    detect_mode,
    detect_years,
    mask_catalog_words,
    mentions_neet_or_risk,
)
from indicators.mentions import find_places

if TYPE_CHECKING:  # pragma: no cover
    from indicators.registry import RegionRegistry

INVITE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE = re_compile(r"(?<![\w-])([A-Za-z0-9]{8})(?![\w-])")
SWV_KIND_WORD = re_compile(r"\b(samenwerkingsverband(?:en)?|swv'?s?|partnerships?)[- ](?:po|vo|"
                           r"primair onderwijs|voortgezet onderwijs|primary|secondary)\b")
KIND_BEFORE_SWV = re_compile(r"\b(?:po|vo|primair|voortgezet|primary|secondary) "
                             r"(samenwerkingsverband(?:en)?|swv'?s?|partnerships?)(?![\w'])")
CODE_AFTER_WORD = re_compile(r"\b(?:code|uitnodigingscode|uitnodiging|invite|invitation|ronde|"
                             r"round)\s*:?\s*([A-Za-z2-9]{8})(?![\w-])", re.IGNORECASE)
CBS_TABLE = re_compile(r"\b\d{5}(?:NED|ENG)\b|\b(?:tabel|table|statline)\b", re.IGNORECASE)
JEUGDHULP = re_compile(r"\bjeugdhulp\b(?! (?:met|zonder) verblijf)")
# a few English words: the language the category words are read in ("so" is Dutch only)
ENGLISH_HINT = re_compile(r"\b(?:the|what|which|how|in english)\b")


@dataclass(slots=True)
class Reading:
    """What one message says by its words alone (see the module docstring)."""

    text: str
    folded: str
    words_text: str  # folded, place names blanked out, typos in keywords mended
    places: PlaceWords
    catalog: Catalog  # the indicators the words were read against (the composition root's)
    indicator: str | None = None
    categories: list[str] = field(default_factory=list)
    year: int | None = None
    years: list[int] = field(default_factory=list)
    since: bool = False
    back: CountedBack | None = None  # "vijf jaar geleden"
    mode_word: str | None = None
    invite_code: str | None = None
    clean: str = ""
    asked_term: str | None = None
    # every figure asked (typed order; more than one: "jeugdzorg en NEET") and the figures that
    # only describe the young people ("NEET onder jongeren met jeugdhulp"), see ``several``
    indicators: tuple[str, ...] = ()
    indicator_groups: tuple[str, ...] = ()
    only_group: bool = False  # the one figure word describes young people ("bij jongeren met")
    presentation: str | None = None  # "chart" / "map": how the user wants to see the figure

    @property
    def words(self) -> int:
        return len(self.folded.split())


def read(text: str, registry: RegionRegistry, catalog: Catalog) -> Reading:
    """Read ``text`` against the region ``registry`` and the indicator ``catalog``."""
    folded = fold(text)
    scan = find_places(registry, text, catalog)
    spans = [m.span for m in scan.mentions if m.codes != ["NL01"]] + [m.span for m in scan.unknown]
    # the words around the places, typos mended: "PO 23.05" is a place, not the category po
    words = correct_typos(fold(_masked(text, spans)))
    year, years, since = detect_years(words)
    back = years_back(words)
    language_hint = "en" if ENGLISH_HINT.search(folded) else "nl"
    indicator = detect_indicator(words, catalog)
    several = _indicators(words, catalog)
    if several.asked and (len(several.asked) > 1 or several.groups):
        indicator = several.asked[0]  # the first one typed; a group word is never the figure
    return Reading(
        text=text,
        folded=folded,
        words_text=words,
        places=read_places(scan, words),
        catalog=catalog,
        indicator=indicator,
        categories=detect_categories(
            KIND_BEFORE_SWV.sub(r"\1", SWV_KIND_WORD.sub(r"\1", words)), language_hint),
        year=year,
        years=years,
        since=since,
        back=back,
        mode_word=detect_mode(words),
        invite_code=invitation_code(text),
        clean=mask_catalog_words(delexicalise(text, spans), indicator, catalog),
        asked_term="jeugdhulp" if JEUGDHULP.search(words) else None,
        indicators=several.asked,
        indicator_groups=several.groups,
        only_group=several.only_group,
        presentation=presentation(words),
    )


def _indicators(words: str, catalog: Catalog) -> Indicators:
    patterns = {**lx.INDICATOR_PATTERNS,
                **{k: [v] for k, v in catalog_words(catalog).items()}}
    return read_indicators(words, patterns, mentions_neet_or_risk(words))


def presentation(words: str) -> str | None:
    """How the user asks to see a figure: as a chart ("in een grafiek"), on a map or in a
    table."""
    if lx.MAP_WORDS.search(words):
        return "map"
    if lx.CHART_WORDS.search(words):
        return "chart"
    if lx.TABLE_WORDS.search(words):
        return "table"
    return None


def _masked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the place names blanked out (same length, so positions stay)."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def invitation_code(text: str) -> str | None:
    """An invitation code of a regional round typed in the message (8 characters of the code
    alphabet with at least one digit, or written in capitals), normalised to capitals."""
    if CBS_TABLE.search(text or ""):
        return None
    named = CODE_AFTER_WORD.search(text or "")
    raw = named.group(1) if named else ""
    if raw and (raw.isupper() or any(ch.isdigit() for ch in raw)) \
            and all(ch in INVITE_ALPHABET for ch in raw.upper()):
        return raw.upper()  # "code HJKMNPQR": a code may have no digit at all
    for match in CODE.finditer(text or ""):
        raw = match.group(1)
        code = raw.upper()
        if any(ch not in INVITE_ALPHABET for ch in code):
            continue
        has_digit = any(ch.isdigit() for ch in code)
        alone = len((text or "").split()) <= 2  # "HJKMNPQR" or "HJKMNPQR school"
        if (has_digit and any(ch.isalpha() for ch in code)) or (raw.isupper() and alone):
            if raw.isdigit():
                continue
            return code
    return None


CONTENT_WORD = re_compile(r"[a-z]{4,}")
_FUNCTION_WORDS_TEXT = (
    "wat hoe welke welk waar wie waarom wanneer zijn heeft hebben kan kun kunt kunnen moet "
    "moeten wordt worden werd deze dit dat die een het van voor met over naar door uit aan bij "
    "ook nog maar niet geen wel zou zouden mijn onze jouw jullie graag even eens what which "
    "where when does have with that this from your about there their they them then than also "
    "will would could should been were into just like some more most very much many only over "
    "such please")
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS_TEXT.split())


def vocabulary_flag(reading: Reading, vocabulary: frozenset[str]) -> str | None:
    """How many content words of the message (places left out) occur in the assistant's own
    documents: ``voc:none`` (none at all), ``voc:some`` or ``voc:all``. A message about the
    weather or a recipe uses none of them; that generalises where examples cannot. The words of
    a catalog indicator are the assistant's own too, whatever the documents say."""
    text = mask_catalog_words(reading.words_text, reading.indicator, reading.catalog)
    words = [w for w in CONTENT_WORD.findall(text) if w not in FUNCTION_WORDS]
    if not words or not vocabulary:
        return None
    known = sum(1 for w in words if w in vocabulary)
    return "voc:none" if known == 0 else ("voc:all" if known == len(words) else "voc:some")


def model_flags(reading: Reading, *, scan_active: bool, has_context: bool,
                after_figure: bool, vocabulary: frozenset[str] = frozenset()) -> list[str]:
    """The context the intent model sees next to the words (the same at training time)."""
    flags = []
    voc = vocabulary_flag(reading, vocabulary)
    if voc:
        flags.append(voc)
    if scan_active:
        flags.append("scan")
    if has_context:
        flags.append("ctx")
    if after_figure:
        flags.append("ctxfig")
    if reading.indicator:
        flags.append("ind")
    if reading.places.mentions or reading.places.own_place:
        flags.append("place")
    return flags
