"""Finding the regions a question is about: names, codes, "ons/onze", "landelijk".

The registry knows every gemeente, samenwerkingsverband and the country with their aliases
(``RegionRegistry.names``). This module scans a question for those names (longest match first,
so "Bergen op Zoom" wins over "Bergen"), reads region codes typed as such, and collects words
that look like a place but are not known (typos, "Parijs") so the caller can ask the registry
for close matches instead of guessing.
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass, field
from typing import Any

from bot.core.understanding.normalize import fold

logger = logging.getLogger(__name__)

CODE_RE = re.compile(r"\b(gm\d{4}|(?:po|vo)\s?\d{2}[-.\s]?\d{2}|nl\s?01)\b")
TOKEN_RE = re.compile(r"[a-z0-9]+")
MAX_NGRAM = 6

# lower-case words that are also place names; only taken as a place when capitalised
COMMON_WORDS = frozenset(
    ["best", "goes", "putten", "beek", "ede", "epe", "land", "hof", "mill", "son", "bergen",
     "horst", "stein", "weert", "laren", "wijk", "hardenberg", "oost", "west", "noord", "zuid",
     "midden", "regio", "stad", "the", "de", "het", "en", "in", "op", "dat"]
)
ARTICLES = frozenset(["den", "de", "het", "'s"])
PREPOSITIONS = frozenset(
    ["in", "voor", "van", "bij", "te", "uit", "rond", "naar", "for", "of", "near", "at",
     "about", "from"]
)
STOP = frozenset(
    ["de", "het", "een", "den", "der", "des", "in", "op", "van", "voor", "bij", "met", "en", "of",
     "te", "uit", "aan", "over", "naar", "om", "tot", "the", "a", "an", "of", "for", "in", "on",
     "at", "to", "and", "or", "with", "from", "about", "by", "is", "are", "was", "what", "how",
     "which", "ons", "onze", "mijn", "jouw", "jullie", "hun", "hun", "our", "my", "your", "their",
     "we", "wij", "zij", "ze", "ik", "i", "you", "jeugdzorg", "jeugdhulp", "jeugdzorggebruik",
     "neet", "risico", "kans", "relatief", "relatieve", "gemeente", "gemeenten", "regio",
     "samenwerkingsverband", "samenwerkingsverbanden", "swv", "land", "nederland", "landelijk",
     "nationaal", "gemiddelde", "jaar", "jaren", "afgelopen", "sinds", "totaal", "procent",
     "percentage", "onderwijs", "vso", "vo", "po", "so", "sbo", "pro", "mbo", "vsv",
     "praktijkonderwijs", "jongeren", "jeugdigen", "kinderen", "youth", "care", "young", "people",
     "children", "municipality", "region", "partnership", "national", "average", "year", "years",
     "rate", "share", "risk", "education", "special", "secondary", "primary", "help", "hoe", "wat",
     "welke", "hoeveel", "waar", "waarom", "hoog", "laag", "hoger", "lager", "hoogste", "laagste",
     "vergelijk", "versus", "vs", "vergeleken", "zorg", "werk", "opleiding", "school", "zonder",
     "verblijf", "jeugdbescherming", "jeugdreclassering", "ambulant", "pleegzorg", "oogo",
     "ondersteuningsplan", "regioscan", "vragenlijst", "vragenlijsten", "bron", "bronnen",
     "cijfers", "cijfer", "trend", "peers", "similar", "compare", "compared", "nationally",
     "country", "netherlands", "dutch", "het", "zit", "zitten", "doet", "doen", "staat", "scoort",
     "scoren", "krijgen", "krijgt", "heeft", "hebben", "is", "zijn", "en", "and", "of", "dat",
     "die", "dit", "deze", "er", "nog", "ook", "al", "wel", "niet", "geen", "graag", "even", "eens",
     "dan", "toch", "speciaal", "voortgezet", "basisonderwijs", "primair", "middelbaar",
     "beroepsonderwijs", "vmbo", "havo", "vwo", "basis", "entree", "niveau", "voortijdig",
     "schoolverlaten", "schoolverlaters", "early", "leaving", "leavers"]
)


@dataclass(slots=True)
class RegionMention:
    """A place named in the text: one code when clear, several when ambiguous."""

    text: str
    codes: list[str]
    start: int
    end: int


@dataclass(slots=True)
class RegionScan:
    """What ``scan_regions`` found: known mentions and unknown place-like words."""

    mentions: list[RegionMention] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    # place-like words without a preposition ("Jeugdzorg Amsterdm?"): used only if they
    # resolve to exactly one region, otherwise ignored
    loose: list[str] = field(default_factory=list)


_index_cache: dict[int, tuple[dict[str, list[str]], int]] = {}
_index_lock = threading.Lock()


def _name_index(registry: Any) -> dict[str, list[str]]:
    """The registry's names, folded the same way as questions (built once per registry)."""
    key = id(registry)
    with _index_lock:
        cached = _index_cache.get(key)
        if cached is not None:
            return cached[0]
        index: dict[str, list[str]] = {}
        for name, codes in registry.names().items():
            folded = " ".join(TOKEN_RE.findall(fold(name)))
            bucket = index.setdefault(folded, [])
            for code in codes:
                if code not in bucket:
                    bucket.append(code)
        _index_cache[key] = (index, 0)
        return index


def _tokens(text: str) -> list[tuple[str, int, int]]:
    folded = fold(text)
    return [(m.group(0), m.start(), m.end()) for m in TOKEN_RE.finditer(folded)]


def normalise_code(raw: str) -> str:
    """'po 27-07' -> 'PO2707', 'gm0363' -> 'GM0363'."""
    return re.sub(r"[\s.\-]", "", raw).upper()


def scan_regions(text: str, registry: Any) -> RegionScan:
    """Find region names and codes in ``text`` (see module docstring)."""
    scan = RegionScan()
    folded = fold(text)
    taken: list[tuple[int, int]] = []
    for m in CODE_RE.finditer(folded):
        code = normalise_code(m.group(1))
        try:
            registry.get(code)
        except Exception:  # noqa: BLE001 - unknown code: report it as an unknown place
            scan.unknown.append(code)
            continue
        scan.mentions.append(RegionMention(m.group(0), [code], m.start(), m.end()))
        taken.append((m.start(), m.end()))
    index = _name_index(registry)
    tokens = _tokens(text)
    original = text  # fold keeps length for ASCII; capitalisation check uses the original text
    i = 0
    while i < len(tokens):
        if any(s <= tokens[i][1] < e for s, e in taken):
            i += 1
            continue
        match = None
        for n in range(min(MAX_NGRAM, len(tokens) - i), 0, -1):
            start, end = tokens[i][1], tokens[i + n - 1][2]
            phrase = " ".join(t for t, _, _ in tokens[i:i + n])
            codes = index.get(phrase)
            if not codes:
                continue
            if n == 1 and phrase in COMMON_WORDS and not _capitalised(original, start):
                continue
            match = RegionMention(original[start:end] if len(original) == len(folded)
                                  else phrase, list(codes), start, end)
            i += n
            break
        if match is None:
            i += 1
            continue
        scan.mentions.append(match)
        taken.append((match.start, match.end))
    scan.unknown.extend(_unknown_places(text, tokens, taken))
    if not scan.mentions and not scan.unknown:
        scan.loose.extend(_loose_places(text, tokens))
    scan.mentions.sort(key=lambda m: m.start)
    return scan


def _capitalised(text: str, pos: int) -> bool:
    return pos < len(text) and text[pos].isupper()


def _loose_places(text: str, tokens: list[tuple[str, int, int]]) -> list[str]:
    """Capitalised (or, in an all-lower-case text, trailing) words that are not vocabulary."""
    lower_text = text == text.lower()
    out = []
    for idx, (tok, start, end) in enumerate(tokens):
        if tok in STOP or tok.isdigit() or len(tok) < 4 or tok in PREPOSITIONS:
            continue
        original = text[start:end] if len(text) == len(fold(text)) else tok
        capital = original[:1].isupper() and not original.isupper() and idx > 0
        trailing = lower_text and idx == len(tokens) - 1 and idx > 0
        if capital or trailing:
            out.append(original)
    return out[:2]


def _unknown_places(text: str, tokens: list[tuple[str, int, int]],
                    taken: list[tuple[int, int]]) -> list[str]:
    """Words after a preposition that look like a place name but matched nothing."""
    found: list[str] = []
    lower_text = text == text.lower()
    for idx, (tok, _start, _) in enumerate(tokens):
        if tok not in PREPOSITIONS or idx + 1 >= len(tokens):
            continue
        parts: list[str] = []
        span: list[int] = []
        j = idx + 1
        while j < len(tokens) and len(parts) < 3:
            word, s, e = tokens[j]
            article = word in ARTICLES and _capitalised(text, s) and not parts
            if any(a <= s < b for a, b in taken) or word.isdigit() or (
                    word in STOP and not article):
                break
            if not (_capitalised(text, s) or (lower_text and not parts)):
                break
            parts.append(word)
            span = [span[0] if span else s, e]
            j += 1
        if parts and len("".join(parts)) >= 3:
            found.append(text[span[0]:span[1]] if len(text) == len(fold(text))
                         else " ".join(parts))
    return found
