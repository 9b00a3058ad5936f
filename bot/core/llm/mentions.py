"""What an LLM text names, with positions: regions, categories and indicators.

Regions are found in three steps so a number lands on the right place:

1. the exact names of the regions the answer is about (its facts and claims), longest first, so
   "Samenwerkingsverband VO 23.05 (regio Zwolle-Kampen)" is one region and not also Zwolle and
   Kampen; labels the answer code gave to groups ("vergelijkbare gemeenten") count as regions;
2. the ways of saying "the whole country" (landelijk, Nederland, national ...) as ``NL01``;
3. every other region name in the registry (``find_mentions``), so a number moved to a region the
   answer never computed is caught too.

Categories and indicators use the understanding layer's own word lists on the folded text, with
the region names blanked out first ("VO 23.05" is not the category vo).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from bot.core.llm.textscan import fold_keep

NATIONAL = "NL01"
PEERS = "peers"
_NATIONAL_WORDS = re.compile(
    r"\b(?:het landelijk\w* (?:gemiddelde|cijfer|niveau|percentage)|landelijk\w*|"
    r"(?:heel |in heel )?nederland|"
    r"heel (?:het )?land|nationaal|nationale|national(?:ly)?|nationwide|the netherlands|"
    r"the country)\b")
_PEER_WORDS = re.compile(
    r"\b(?:vergelijkbare|soortgelijke|gelijksoortige) gemeenten|gemeenten die (?:er )?op "
    r"\w+ lijken|similar municipalities|comparable municipalities|municipalities (?:like|similar "
    r"to) \w+")


@dataclass(frozen=True, slots=True)
class Mention:
    """Something named at ``start:end``: region codes, a category or an indicator id."""

    start: int
    end: int
    codes: frozenset[str]


@dataclass(slots=True)
class Vocabulary:
    """The names to look for in one answer (built once per check)."""

    names: list[tuple[str, str]]  # (folded name, code), longest first
    registry: Any
    language: str


def build_vocabulary(registry: Any, codes: Iterable[str], labels: dict[str, str],
                     language: str) -> Vocabulary:
    """Names of ``codes`` (from the registry) and the given group labels, longest first."""
    names: dict[str, str] = {}
    for code in codes:
        if code in (NATIONAL, PEERS):
            continue
        try:
            name = registry.get(code).name
        except Exception:  # noqa: BLE001 - an unknown code has only its label
            continue
        names[fold_keep(name)] = code
        names[code.lower()] = code
    for code, label in labels.items():
        if label:
            names[fold_keep(label)] = code
    ordered = sorted(names.items(), key=lambda item: -len(item[0]))
    return Vocabulary(names=ordered, registry=registry, language=language)


def region_mentions(text: str, vocab: Vocabulary) -> list[Mention]:
    """All regions named in ``text`` (see module docstring), left to right, no overlaps."""
    folded = fold_keep(text)
    found: list[Mention] = []

    def free(start: int, end: int) -> bool:
        return all(end <= m.start or start >= m.end for m in found)

    for name, code in vocab.names:
        for match in re.finditer(r"(?<![\w])" + re.escape(name) + r"(?![\w])", folded):
            if free(match.start(), match.end()):
                found.append(Mention(match.start(), match.end(), frozenset({code})))
    for pattern, code in ((_PEER_WORDS, PEERS), (_NATIONAL_WORDS, NATIONAL)):
        for match in pattern.finditer(folded):
            if free(match.start(), match.end()):
                found.append(Mention(match.start(), match.end(), frozenset({code})))
    blanked = list(text)
    for m in found:
        blanked[m.start:m.end] = " " * (m.end - m.start)
    try:
        others = vocab.registry.find_mentions("".join(blanked))
    except Exception:  # noqa: BLE001 - without the registry scan the known names still count
        others = []
    for mention in others:
        start, end = mention.span
        codes = frozenset(mention.codes)
        if codes and free(start, end):
            found.append(Mention(start, end, codes))
    return sorted(found, key=lambda m: m.start)


def category_mentions(text: str, regions: list[Mention], language: str) -> list[Mention]:
    """Categories named in ``text`` (region names blanked out first)."""
    from bot.core.understanding import lexicon as lx

    folded = list(fold_keep(text))
    for m in regions:
        folded[m.start:m.end] = " " * (m.end - m.start)
    flat = "".join(folded)
    found: list[Mention] = []
    for category, pattern in lx.CATEGORY_RES:
        for match in pattern.finditer(flat):
            if category == "so" and match.group(0) == "so" and language != "nl":
                continue
            if any(match.start() < m.end and m.start < match.end() for m in found):
                continue
            found.append(Mention(match.start(), match.end(), frozenset({category})))
    return sorted(found, key=lambda m: m.start)


def indicator_mentions(text: str) -> set[str]:
    """Indicator ids named in ``text``; the relative risk wins over plain NEET."""
    from bot.core.understanding import lexicon as lx

    folded = fold_keep(text)
    named = {ind for ind, patterns in lx.INDICATOR_PATTERNS.items()
             if any(p.search(folded) for p in patterns)}
    if "neet_rr" in named:
        named.discard("neet")
    return named
