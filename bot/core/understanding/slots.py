"""Slot readers: indicator, category, years and the kind of computation a question asks for.

Each reader looks at the folded question only; combining them with the conversation context
and the profile happens in ``parse``. Keeping them pure makes every synonym testable alone.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING

from bot.core.understanding import lexicon as lx
from bot.core.understanding.normalize import SPACES
from bot.core.understanding.prefix_scan import re_compile
from indicators.catalog import PerCatalog

if TYPE_CHECKING:  # pragma: no cover
    from indicators.catalog import IndicatorDef

#: the indicator catalog the composition root chose (``Services.catalog``), passed in
Catalog = Mapping[str, "IndicatorDef"]

YEAR_RE = re_compile(r"\b(20[0-4]\d|19[89]\d)\b")
# a year far outside the figures, named as a year ("in 1850", "het jaar 2100"): read, so that
# the answer says there are no figures for it instead of silently showing the newest year;
# a bare number that far out is more likely a count ("1850 jongeren")
NAMED_YEAR_RE = re_compile(r"\b(?:in|jaar|year)\s+(1[89]\d\d|2[01]\d\d)\b")
RANGE_RE = re_compile(
    r"\b(20[0-4]\d)\s*(?:-|tot|t/m|tot en met|to|through|until|en|and)\s*(20[0-4]\d)\b")
SINCE_RE = re_compile(r"\b(?:sinds|vanaf|since|from)\s+(20[0-4]\d)\b")
ONDERWIJS_WORDS = re_compile(
    r"onderwijssoort|schoolsoort|schooltype|type (?:of )?(?:education|school)")
ZORGTYPE_WORDS = re_compile(
    r"zorgtype|soort (?:jeugd)?(?:zorg|hulp)|type (?:of )?(?:care|youth care)|"
    r"vorm(?:en)? van (?:jeugd)?(?:zorg|hulp)|zorgvorm|type of care|kind of care|by care")


TYPO_SCORE = 82.0  # words of six letters or more
TYPO_SCORE_SHORT = 88.0  # five-letter words: one inserted or dropped letter only
_KEYWORD_SET = frozenset(lx.KEYWORDS) | lx.NOT_TYPOS
# words of work and school: "risico" next to them is about NEET
WORK_WORDS = re_compile(r"\bneet|werk|opleiding|education|employment|uitval")
FACTOR_WORDS = re_compile(r"factoren|factors|kenmerken")


def correct_typos(folded: str) -> str:
    """Words one slip away from a keyword of the lexicon become that keyword ("juegdzorg",
    "amulante", "zoner"): the patterns then read the message as it was meant. Only words of six
    letters or more with the keyword's first letter are changed, so ordinary words stay."""
    memo = _MENDED
    if len(memo) > _MENDED_SIZE:
        memo.clear()

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        if word in _KEYWORD_SET:
            return word
        mended = memo.get(word)
        if mended is None:
            mended = memo[word] = _mended(word)
        return mended

    return _LONG_WORD.sub(fix, folded)


def _mended(word: str) -> str:
    """The keyword ``word`` is a slip of, or ``word`` itself."""
    from rapidfuzz import fuzz, process

    cutoff = TYPO_SCORE if len(word) >= 6 else TYPO_SCORE_SHORT
    found = process.extractOne(word, lx.KEYWORDS, scorer=fuzz.ratio, score_cutoff=cutoff)
    if found is None or found[0][0] != word[0] or _inflection(word, str(found[0])):
        return word
    return str(found[0])


_LONG_WORD = re.compile(r"[a-z]{5,}")
# word -> what ``correct_typos`` makes of it. The same words come back in message after message
# and the fuzzy search over every keyword was the dearest part of mending them (issue 18); it
# depends on the word alone, so it is kept per word (cleared past the limit, so a stream of
# made-up words cannot grow it without end), never per message.
_MENDED: dict[str, str] = {}
_MENDED_SIZE = 20_000


ENDINGS = frozenset(["", "e", "en", "n", "s", "es", "r", "re", "ar", "are", "f", "ve", "d",
                     "de", "t", "te"])


def _inflection(word: str, keyword: str) -> bool:
    """"zorgtypen", "middelbare", "relatieve": another form of the keyword, not a typo."""
    common = len(os.path.commonprefix([word, keyword]))
    return word[common:] in ENDINGS and keyword[common:] in ENDINGS


def detect_indicator(folded: str, catalog: Catalog) -> str | None:
    """The indicator id a question is about, or None."""
    for indicator in ("neet_rr", "neet", "jeugdzorg"):
        if lx.INDICATOR_ANY[indicator].search(folded):
            if indicator == "neet_rr" and not mentions_neet_or_risk(folded):
                continue
            return indicator
    return _catalog_indicator(folded, catalog)


def _catalog_indicator(folded: str, catalog: Catalog) -> str | None:
    """An indicator the hand-made patterns do not know, by the words its catalog entry gives
    (keyword and synonyms, nl and en): a new catalog entry is understood without code here."""
    for indicator, words in catalog_words(catalog).items():
        if words.search(folded):
            return indicator
    return None


#: the forms a catalog word takes in a question: "maatwerktraject(en)", "learning path(s)"
PLURAL = r"(?:en|s|es|n)?"


def catalog_words(catalog: Catalog) -> dict[str, re.Pattern[str]]:
    """indicator id -> the pattern of its catalog words, for the indicators the hand-made
    patterns do not know. Kept per catalog object (understanding asks three times per message)
    and the patterns per set of words, so another catalog (a test's) gets its own."""
    return _CATALOG_WORDS(catalog)


def _words_of(catalog: Catalog) -> dict[str, re.Pattern[str]]:
    return _catalog_words(tuple(
        (d.id, (d.keyword_nl, d.keyword_en, *d.synonyms)) for d in catalog.values()
        if d.id not in lx.INDICATOR_PATTERNS))


@lru_cache(maxsize=8)
def _catalog_words(entries: tuple[tuple[str, tuple[str, ...]], ...]
                   ) -> dict[str, re.Pattern[str]]:
    from bot.core.understanding.normalize import fold

    out: dict[str, re.Pattern[str]] = {}
    for indicator, texts in entries:
        words = {fold(w) for w in texts if w}
        if words:
            alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
            out[indicator] = re_compile(rf"\b(?:{alternatives}){PLURAL}\b")
    return out


_CATALOG_WORDS = PerCatalog(_words_of)


def mask_catalog_words(clean: str, indicator: str | None, catalog: Catalog) -> str:
    """``clean`` (the intent model's input) with the words of a catalog-only indicator taken
    out: the model was trained on the hand-made indicators' words and has never seen these, so
    they would read as an unknown subject. The model still sees that an indicator is named (the
    ``ind`` flag), as it does for a place behind ``<plaats>``."""
    pattern = catalog_words(catalog).get(indicator or "")
    return SPACES.sub(" ", pattern.sub(" ", clean)) if pattern is not None else clean


RR_EXPLICIT = re_compile(r"relatie(?:f|ve)\w* (?:neet[- ]?)?risico|relative risks?|"
                         r"\bneet[- ]?rr\b|\brr\b")


def mentions_neet_or_risk(folded: str) -> bool:
    # "relatief risico" is about NEET in this domain; "risk factors for youth care" is not
    if RR_EXPLICIT.search(folded):
        return True
    return not lx.INDICATOR_ANY["jeugdzorg"].search(folded) or bool(
        WORK_WORDS.search(folded))


def indicator_outside_categories(folded: str, catalog: Catalog) -> str | None:
    """The indicator named other than by a category ("jeugdhulp met verblijf" names a category
    of jeugdzorg and a risk factor of neet_rr, not necessarily the indicator jeugdzorg)."""
    folded = lx.CARE_AS_CATEGORY.sub(" ", folded)
    if lx.CATEGORY_ANY.search(folded):  # else no pattern below changes anything
        for _, pattern in lx.CATEGORY_RES:
            folded = pattern.sub(" ", folded)
    return detect_indicator(folded, catalog)


def detect_categories(folded: str, language: str) -> list[str]:
    """All category values named, in text order, most specific match first."""
    if not lx.CATEGORY_ANY.search(folded):
        return []
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for category, pattern in lx.CATEGORY_RES:
        for m in pattern.finditer(folded):
            if category == "so" and m.group(0) == "so" and language != "nl":
                continue
            if any(s <= m.start() < e or m.start() <= s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            found.append((m.start(), category))
    return [c for _, c in sorted(found)]


def choose_category(indicator: str | None, categories: list[str], catalog: Catalog
                    ) -> str | None:
    """The category valid for the indicator; a care type wins over a school type ("kinderen op
    de basisschool met jeugdhulp zonder verblijf": the care type is what is counted)."""
    valid = [c for c in categories if c in valid_categories(indicator, catalog)]
    care = [c for c in valid if c in lx.ZORGTYPES]
    chosen = care or valid
    return chosen[0] if chosen else None


def valid_categories(indicator: str | None, catalog: Catalog) -> tuple[str, ...]:
    """The categories the catalog has for an indicator (empty for an unknown indicator)."""
    definition = catalog.get(indicator or "")
    return definition.all_categories if definition is not None else ()


def detect_years(folded: str) -> tuple[int | None, list[int], bool]:
    """(single year, explicit year range, 'since' form) named in the question."""
    rng = RANGE_RE.search(folded)
    if rng:
        a, b = sorted((int(rng.group(1)), int(rng.group(2))))
        if a != b:
            return None, list(range(a, b + 1)), False
    since = SINCE_RE.search(folded)
    if since:
        return None, [int(since.group(1))], True
    years = sorted({int(y) for y in (*YEAR_RE.findall(folded),
                                     *NAMED_YEAR_RE.findall(folded))})
    if len(years) == 1:
        return years[0], [], False
    if len(years) > 1:
        return None, years, False
    return None, [], False


def detect_mode(folded: str) -> str | None:
    """The computation the wording asks for, regardless of regions (None: not said).

    ``position`` covers both a place's rank and a ranking of all gemeenten; which of the two
    depends on whether a place is the subject (decided later, with the regions).
    """
    if lx.PEERS.search(folded):
        return "peers"
    if lx.BREAKDOWN.search(folded) or FACTOR_WORDS.search(folded):
        return "breakdown"
    if lx.TREND.search(folded):
        return "trend"
    if lx.POSITION.search(folded):
        return "position"
    if lx.COMPARE.search(folded):
        return "compare"
    return None


def breakdown_dimension(indicator: str, folded: str, category: str | None) -> str:
    """Which breakdown a question asks for: onderwijssoort, zorgtype or risicofactor."""
    if indicator == "neet_rr":
        return "risicofactor"
    if ZORGTYPE_WORDS.search(folded) or category in lx.ZORGTYPES:
        return "zorgtype"
    return "onderwijssoort"
