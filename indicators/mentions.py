"""Finding region names inside a whole sentence ("Vergelijk Zwolle en Deventer op jeugdzorg").

Why: the conversation needs every place a user names, with its position, without the user typing
a code. The scan walks over the words of the sentence and takes the longest run of words that is
a known name or alias ("Bergen op Zoom" wins over "Bergen"; "Den Haag" over nothing). Codes
(GM0363, PO 27.07, VO2708) are found first.

Guards against false alarms, because some gemeenten are ordinary words ("Best", "Ede", "Putten",
"Goes", "Buren", "Huizen", "Kampen", "Leiden", "Houten"...):

* a name in ``COMMON_WORDS`` counts only when it is written with a capital and is not the first
  word of a sentence (unless "gemeente" comes right before it, or an indicator word stands next
  to it as in "Hoorn NEET 2021" or "jeugdzorg buren"); the same holds for former gemeente names
  ("Haren", "Leek", "Grave");
* typos are matched only for words (or runs of up to three words) longer than 5 letters, with the
  same first letter and a rapidfuzz ratio of at least 88, never against common-word names or
  "Nederland" (so "Nederlands" is not Nederland), and for words under 8 letters only when they
  are capitalised mid-sentence (see ``_fuzzy_allowed``; "worden" is not Woerden).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from indicators import catalog as catalogs
from indicators.catalog import PerCatalog
from indicators.names import NOT_PLACES, spelling_key, tokens
from indicators.provinces import qualifier_at
from indicators.resolve import Resolution, qualify
from indicators.swv_names import named_swv_spans

if TYPE_CHECKING:  # pragma: no cover
    from indicators.catalog import IndicatorDef
    from indicators.registry import RegionRegistry

FUZZY_SCORE = 88.0
FUZZY_MIN_LEN = 6
FUZZY_LONG = 8
FUZZY_NAME_MIN = 5  # names as short as "Breda" and "Venlo" can be typo targets
# Ordinary words that are one letter away from a gemeente name.
# (the last three found by checking every word of the project's own texts, see
# tests/core/test_place_false_alarms.py)
_NO_FUZZY = frozenset({"worden", "werden", "wordt", "heden", "houden", "reden", "leden",
                       "geleden", "gelezen", "blade"})
MAX_WORDS = 9

COMMON_WORDS = frozenset({
    "best", "son", "ede", "epe", "goes", "putten", "buren", "huizen", "hoorn", "sluis",
    "duiven", "beek", "bergen", "kampen", "houten", "assen", "borne", "stein", "laren",
    "krimpen", "rijen", "voorst", "losser", "hulst", "horst", "delft", "leiden", "westland",
    "waterland", "berg en dal", "peel en maas", "urk", "oss", "tiel", "gouda", "edam", "nl",
    "haag", "wierden", "haren", "leek", "grave", "mill", "ten boer", "uden", "texel",
})
# Words that make a capitalised common-word name at the start of a sentence acceptable.
_CONTEXT = frozenset({"gemeente", "regio", "in", "uit", "te", "naar", "van", "voor", "bij"})
# Common words that are still fine in lower case because users write them that way.
_LOWER_OK = frozenset({"texel"})
_CODE = re.compile(
    r"\b(?:GM\s?\d{4}|NL01|(?:(?:swv|samenwerkingsverband)\s*)?(?:PO|VO)\s?-?\d{2}[.\s-]?\d{2})\b",
    re.IGNORECASE,
)
# a code as the registry writes it (upper case, no space): always meant as a region, known or not
# ("vo 2020" in running text is no code, so the loose _CODE does not count for unknown ones)
_TYPED_CODE = re.compile(r"\b(?:GM|PO|VO)\d{4}\b")
# words next to which a place name is expected in a telegraphic question ("Hoorn NEET 2021",
# "jeugdzorg buren", "Best jeugdzorg vergeleken met Eindhoven")
_FIGURE_WORDS = frozenset({
    "neet", "jeugdzorg", "jeugdhulp", "jeugdzorggebruik", "jz", "rr", "youth", "vs", "versus",
    "vergeleken", "trend", "relatief", "relatieve", "cijfers", "jeugdreclassering",
    "jeugdbescherming",
})
_SENTENCE_END = re.compile(r"[.!?]\s*$")
_SWV_BEFORE = re.compile(r"(?:swv|samenwerkingsverband)(?:\s+(?:po|vo))?\s+(?:van\s+(?:de\s+)?"
                         r"(?:gemeente\s+)?)?$", re.IGNORECASE)
_GAP = re.compile(r"^[\s\-'’(),]{1,3}$")


_PREPOSITIONS = frozenset({"in", "voor", "van", "bij", "te", "uit", "rond", "naar", "for", "of",
                           "near", "at", "about", "from", "met", "and", "en", "vs", "versus"})
_ARTICLES = frozenset({"den", "de", "het", "s"})
# in a message typed all in lower case, only these put an unknown word in the place of a place
_LOCATIVE = frozenset({"in", "te", "uit", "rond", "near", "at", "voor", "for"})


def ordinary_words(known: Mapping[str, IndicatorDef] | None = None) -> frozenset[str]:
    """Words never taken for a place: ``names.NOT_PLACES`` plus the catalog's own vocabulary
    (indicator labels and words, category labels, dimension names: "zorgtype", ...), kept per
    catalog object (``catalog.PerCatalog``). ``known`` is the caller's catalog (the composition
    root's); without one, the shipped catalog."""
    return _ORDINARY(catalogs.catalog() if known is None else known)


def _collected(mapping: Mapping[str, IndicatorDef]) -> frozenset[str]:
    texts: list[str] = []
    for definition in mapping.values():
        texts += [definition.label("nl"), definition.label("en"), definition.keyword_nl,
                  definition.keyword_en, *definition.synonyms]
        for category in definition.all_categories:
            texts += [definition.category_label(category, lang) for lang in ("nl", "en")]
    return _ordinary_words(tuple(texts))


_ORDINARY = PerCatalog(_collected)


@lru_cache(maxsize=8)
def _ordinary_words(texts: tuple[str, ...]) -> frozenset[str]:
    from indicators import vocabulary

    texts = (*vocabulary.DIMENSIONS["nl"].values(), *vocabulary.DIMENSIONS["en"].values(),
             *texts)
    words = {w for text in texts for w, _, _ in tokens(text)}
    words |= {w + "n" for w in words if w.endswith("e")} | {w + "en" for w in words}
    return NOT_PLACES | frozenset(words)


@dataclass(frozen=True)
class Mention:
    """One region named in a text: where (``span`` = start, end), the words, and what it is."""

    span: tuple[int, int]
    text: str
    resolution: Resolution

    @property
    def codes(self) -> list[str]:
        """The region code, or the candidate codes when the name is ambiguous."""
        if self.resolution.region is not None:
            return [self.resolution.region.code]
        return [r.code for r in self.resolution.candidates]


def find_mentions(registry: RegionRegistry, text: str,
                  catalog: Mapping[str, IndicatorDef] | None = None) -> list[Mention]:
    """All regions mentioned in ``text``, left to right, without overlaps (``catalog``: the
    indicators whose words are never taken for a place; default the shipped catalog). A name
    whose province qualifier fits no gemeente ("Zwolle (Gld.)") is not among them."""
    return [m for m in _scan(registry, text, catalog)
            if m.resolution.ok or m.resolution.ambiguous]


def _scan(registry: RegionRegistry, text: str,
          catalog: Mapping[str, IndicatorDef] | None,
          every_word: list[tuple[str, int, int]] | None = None) -> list[Mention]:
    """The names found in ``text``, including those a province qualifier made unknown
    (``every_word``: ``names.tokens(text)``, when the caller has it already)."""
    if not text or not text.strip():
        return []
    ordinary = ordinary_words(catalog)
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for match in _CODE.finditer(text):
        res = registry.resolve(match.group(0))
        if res.ok:
            found.append(Mention((match.start(), match.end()), match.group(0), res))
            taken.append((match.start(), match.end()))
    words = [w for w in (every_word if every_word is not None else tokens(text))
             if not any(s <= w[1] < e for s, e in taken)]
    names = registry.name_index()
    index = _index(registry, names)
    run = _Words(text, words)
    i = 0
    while i < len(words):
        hit = _exact_at(registry, run, i, names) or _fuzzy_at(registry, run, i, index, ordinary)
        if hit is None:
            i += 1
            continue
        mention, used = hit
        mention = _widen(registry, text, mention)
        found.append(mention)
        i += used
        while i < len(words) and words[i][1] < mention.span[1]:
            i += 1  # the words of a qualifier ("(Groningen)") are part of this mention
    return sorted(found, key=lambda m: m.span)


class _Words:
    """The words of one text with what the scan asks of them again and again, computed once:
    the letters before each word (for the letters of a run), whether each word is short or
    written with a capital, and whether each gap between two words joins them. The scan tries
    runs of one to nine words at every word, and recounting these per run was most of its time
    (issue 18)."""

    __slots__ = ("text", "words", "keys", "letters_before", "short_or_capital", "joins")

    def __init__(self, text: str, words: list[tuple[str, int, int]]) -> None:
        self.text = text
        self.words = words
        self.keys = [word for word, _, _ in words]
        before = [0]
        for word in self.keys:
            before.append(before[-1] + len(word) - word.count(" "))
        self.letters_before = before
        self.short_or_capital = [len(w) <= 3 or text[start].isupper() for w, start, _ in words]
        gaps = [text[a[2]:b[1]] for a, b in zip(words, words[1:], strict=False)]
        # one space, by far the most common gap, joins (as _GAP says) without asking it
        self.joins = [gap == " " or bool(_GAP.match(gap)) for gap in gaps]

    def contiguous(self, i: int, n: int) -> bool:
        """Words i..i+n-1 are separated only by a space, hyphen, apostrophe or bracket."""
        return all(self.joins[i:i + n - 1])

    def key(self, i: int, n: int) -> str:
        return " ".join(self.keys[i:i + n])


def _exact_at(registry: RegionRegistry, run: _Words, i: int,
              names: dict[str, list[str]]) -> tuple[Mention, int] | None:
    text, words = run.text, run.words
    longest = registry.first_words.get(words[i][0])
    if longest is None:
        return None
    for n in range(min(MAX_WORDS, longest, len(words) - i), 0, -1):
        if not run.contiguous(i, n):
            continue
        key = run.key(i, n)
        is_name = key in names
        if not is_name and key not in registry.former:
            continue
        start, end = words[i][1], words[i + n - 1][2]
        if (key in COMMON_WORDS or not is_name) and not _accept_common(text, words, i, start,
                                                                       n):
            continue
        res = registry.resolve(text[start:end])
        if res.ok or res.ambiguous:
            return Mention((start, end), text[start:end], res), n
    return None


def _fuzzy_at(registry: RegionRegistry, run: _Words, i: int, index: dict[int, list[str]],
              ordinary: frozenset[str]) -> tuple[Mention, int] | None:
    # the conditions are all tests without side effects, cheapest first: most words of a
    # message are short or lower case, and this runs for every word that is no name (issue 18)
    text, words, before = run.text, run.words, run.letters_before
    for n in range(min(3, len(words) - i), 0, -1):
        letters = before[i + n] - before[i]
        if letters < FUZZY_NAME_MIN:
            continue
        names = index.get(n)
        if not names:
            continue
        if n > 1:  # ``_fuzzy_allowed`` and ``contiguous`` of a run, written out (issue 18)
            if not all(run.short_or_capital[i:i + n]) or not all(run.joins[i:i + n - 1]):
                continue
        elif not _fuzzy_allowed(run, i, 1, ordinary):
            continue
        if letters < FUZZY_MIN_LEN and not _next_to_figure_word(words, i, n):
            continue
        key = run.key(i, n)  # the run's words joined: only now, for the one search
        if key[0] not in _initials(registry, n, names):
            continue  # no name starts as it does: the best match would be refused below
        best = _closest(registry, spelling_key(key), names)
        if best is None or best[0][0] != key[0]:
            continue
        start, end = words[i][1], words[i + n - 1][2]
        res = registry.resolve(text[start:end])
        if res.ok or res.ambiguous:
            return Mention((start, end), text[start:end], res), n
    return None


def _widen(registry: RegionRegistry, text: str, mention: Mention) -> Mention:
    """Take in a leading apostrophe, a closing "(NH.)", a province qualifier after the name
    ("Hengelo (Gld.)", "Bergen in Limburg": it may change the region, see ``resolve.qualify``)
    and a preceding "samenwerkingsverband"."""
    start, end = mention.span
    if start > 0 and text[start - 1] in "'’":
        start -= 1
    if "(" in text[start:end]:
        tail = re.match(r"\.?\)", text[end:])
        end += tail.end() if tail else 0
    res = mention.resolution
    qualifier = qualifier_at(text, end)
    if qualifier is not None:
        qualified = qualify(registry, text[start:qualifier.end], text[start:end], res,
                            qualifier)
        if qualified is not None:
            end, res = qualifier.end, qualified
    before = _SWV_BEFORE.search(text[:start])
    if before and res.region is not None and res.region.level == "gemeente":
        swv = registry.resolve(text[before.start():end])
        if swv.ok or swv.ambiguous:
            start, res = before.start(), swv
    return Mention((start, end), text[start:end], res)


def _fuzzy_allowed(run: _Words, i: int, n: int, ordinary: frozenset[str]) -> bool:
    """Typo matching only where a name is likely: long words, or capitalised mid-sentence.

    A typed word of 8+ letters may be a typo of a name in any case ("amsterdm", "groningn"), and
    so may a word right next to an indicator word ("neet bredaa", "Utrect neet") or, in a message
    typed all in lower case, a word that is not an ordinary word; a shorter one (6-7 letters)
    otherwise only when written with a capital and not at the start of a sentence, because short
    Dutch words sit one letter away from names ("worden" / Woerden). A run of several words must
    have every longer word capitalised ("De Wolden", not "de wolken").
    """
    if n > 1:
        return all(run.short_or_capital[i:i + n])
    text, words = run.text, run.words
    key = words[i][0]
    if key in _NO_FUZZY:
        return False
    if len(key) >= FUZZY_LONG or (_next_to_figure_word(words, i)
                                  and key not in ordinary):
        return True
    if len(key) >= FUZZY_MIN_LEN and text == text.lower() and key not in ordinary:
        return True
    start = words[i][1]
    sentence_start = i == 0 or bool(_SENTENCE_END.search(text[:start]))
    return text[start].isupper() and not sentence_start


def _next_to_figure_word(words: list, i: int, n: int = 1) -> bool:
    neighbours = [words[k][0] for k in (i - 1, i + n) if 0 <= k < len(words)]
    return any(w in _FIGURE_WORDS for w in neighbours)


def _accept_common(text: str, words: list, i: int, start: int, n: int = 1) -> bool:
    key = words[i][0]
    if key in _LOWER_OK:
        return True
    if not text[start].isupper():
        return text == text.lower() and _next_to_figure_word(words, i, n)
    if n > 1 and all(text[w[1]].isupper() for w in words[i:i + n] if len(w[0]) > 2):
        return True  # "Berg en Dal", "Peel en Maas": a capitalised run is the name
    if _next_to_figure_word(words, i, n):
        return True
    previous = words[i - 1][0] if i > 0 else ""
    if previous in _CONTEXT:
        return True
    sentence_start = i == 0 or bool(_SENTENCE_END.search(text[:start]))
    return not sentence_start


_MEMO_SIZE = 4096


def _closest(registry: RegionRegistry, key: str, names: list[str]) -> tuple | None:
    """rapidfuzz's best match of ``key`` among ``names`` (at least ``FUZZY_SCORE``), remembered
    per registry: the same words come back in message after message, and the search over every
    name is the dearest step of the place scan (issue 18)."""
    memo = getattr(registry, "_fuzzy_memo", None)
    if memo is None or len(memo) >= _MEMO_SIZE:
        memo = registry._fuzzy_memo = {}
    found = memo.get((key, id(names)), _MISSING)
    if found is _MISSING:
        from rapidfuzz import fuzz, process

        found = process.extractOne(key, names, scorer=fuzz.ratio, score_cutoff=FUZZY_SCORE)
        memo[(key, id(names))] = found
    return found  # type: ignore[return-value]


_MISSING = object()


def _initials(registry: RegionRegistry, n: int, names: list[str]) -> frozenset[str]:
    """The first letters of the names of ``n`` words that typos may match (cached per
    registry, as the names are)."""
    cached = getattr(registry, "_fuzzy_initials", None)
    if cached is None:
        cached = registry._fuzzy_initials = {}
    found = cached.get(n)
    if found is None:
        found = cached[n] = frozenset(name[0] for name in names if name)
    return found


def _index(registry: RegionRegistry, names: dict[str, list[str]]) -> dict[int, list[str]]:
    """Names that typos may match, grouped by their number of words (cached per registry)."""
    cached = getattr(registry, "_fuzzy_index", None)
    if cached is not None:
        return cached
    by_len: dict[int, list[str]] = {}
    for key, codes in sorted(names.items()):
        if (key in COMMON_WORDS or codes == ["NL01"] or key.startswith("samenwerkingsverband")
                or registry.exact_only(key) or len(key.replace(" ", "")) < FUZZY_NAME_MIN):
            continue
        by_len.setdefault(len(key.split()), []).append(spelling_key(key))
    registry._fuzzy_index = by_len
    return by_len


@dataclass(frozen=True)
class PlaceScan:
    """Everything place-like in a text: the regions found, and the words that look like a place
    but are none (``unknown``: "Parijs", "Amsterdam Zuidoost"), each resolved so the caller can
    offer the registry's suggestions instead of guessing. ``unknown_swv``: a samenwerkingsverband
    named by a name no list here carries ("SWV VO Eemland", see ``swv_names``), kept apart
    because "het samenwerkingsverband OPR" in a question about the OPR names no place: the caller
    decides when it counts."""

    mentions: list[Mention]
    unknown: list[Mention]
    unknown_swv: list[Mention] = field(default_factory=list)


def find_places(registry: RegionRegistry, text: str,
                catalog: Mapping[str, IndicatorDef] | None = None) -> PlaceScan:
    """``find_mentions`` plus the place-like words that matched no region (see ``PlaceScan``).

    A word counts as place-like when it follows a preposition ("in Parijs", "voor Berlijn") and
    is capitalised, or, in a message typed all in lower case, when it is not an ordinary word
    (``names.NOT_PLACES``). Up to three such words are taken together ("New York").
    """
    every_word = tokens(text)
    found = _scan(registry, text, catalog, every_word)
    mentions = [m for m in found if m.resolution.ok or m.resolution.ambiguous]
    unknown = [m for m in found if not (m.resolution.ok or m.resolution.ambiguous)]
    taken = [m.span for m in found]
    for match in _TYPED_CODE.finditer(text):  # "GM9999": a region code, just not one we know
        span = (match.start(), match.end())
        if not any(a < span[1] and span[0] < b for a, b in taken):
            unknown.append(Mention(span, match.group(0), registry.resolve(match.group(0))))
            taken.append(span)
    ordinary = ordinary_words(catalog)
    for start, end in _place_like(text, taken, ordinary, every_word):
        res = registry.resolve(text[start:end])
        if res.ok or res.ambiguous:
            mention = Mention((start, end), text[start:end], res)
            mentions.append(mention)
        else:
            unknown.append(Mention((start, end), text[start:end], res))
        taken.append((start, end))
    named_swv = [Mention((start, end), text[start:end], _unknown(text[start:end]))
                 for start, end in named_swv_spans(text, taken, ordinary, every_word)]
    mentions.sort(key=lambda m: m.span)
    return PlaceScan(mentions, unknown, named_swv)


def _unknown(text: str) -> Resolution:
    """A partnership's own name: unknown, without suggestions. There is nothing it could be a
    typo of (the registry's names are the OCW regions; a typo search made "samenwerkingsverband
    Eemland" into "… Westland" on the shared words), and the place scan before already found
    every known name in it."""
    return Resolution(query=text)


def _place_like(text: str, taken: list[tuple[int, int]], ordinary: frozenset[str],
                words: list[tuple[str, int, int]]) -> list[tuple[int, int]]:
    lower_text = text == text.lower()
    found: list[tuple[int, int]] = []
    for idx, (word, _start, _end) in enumerate(words):
        if word not in _PREPOSITIONS or idx + 1 >= len(words):
            continue
        if lower_text and word not in _LOCATIVE:
            continue
        span: list[int] = []
        j = idx + 1
        while j < len(words) and j - idx <= 3:
            key, s, e = words[j]
            capital = text[s].isupper()
            article = key in _ARTICLES and capital and not span
            if any(a <= s < b for a, b in taken) or key.isdigit() or (
                    key in ordinary and not article) or key in _PREPOSITIONS:
                break
            joined = bool(span) and text[span[1]:s] == "-"  # "noord-brabant": one name
            if not (capital or joined or (lower_text and not span)):
                break
            if span and not _GAP.match(text[span[1]:s]):
                break
            span = [span[0] if span else s, e]
            j += 1
        words_found = text[span[0]:span[1]] if span else ""
        if len(words_found.replace(" ", "")) >= 3 and words_found.lower() not in _ARTICLES:
            found.append((span[0], span[1]))
    return found
