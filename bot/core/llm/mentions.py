"""What an LLM text names, with positions: regions, categories and indicators.

Regions are found in three steps so a number lands on the right place:

1. the reference groups of the claims that are no registry region, in any usual wording: "de
   rest van het samenwerkingsverband, zonder Zwolle", "de rest van Samenwerkingsverband VO 23.05
   (regio Zwolle-Kampen), zonder Zwolle", "het samenwerkingsverband zonder Zwolle", "the rest of
   the partnership, without Zwolle";
2. the exact names of the regions the answer is about (its facts and claims), longest first, so
   "Samenwerkingsverband VO 23.05 (regio Zwolle-Kampen)" is one region and not also Zwolle and
   Kampen; labels the answer code gave to groups ("vergelijkbare gemeenten") count as regions;
   "het samenwerkingsverband" alone is the one partnership the answer is about (if it is about
   exactly one), so "hoger dan het samenwerkingsverband" is not taken for the tested rest;
3. the ways of saying "the whole country" (landelijk, Nederland, national ...) as ``NL01``;
4. every other region name in the registry (``find_mentions``), so a number moved to a region the
   answer never computed is caught too.

Categories and indicators use the understanding layer's own word lists on the folded text, with
the region names blanked out first ("VO 23.05" is not the category vo).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
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


_LEVEL = re.compile(r"\b(?:samenwerkingsverband(?:en)?|swv'?s?|partnerships?) (?:po|vo)\b"
                    r"(?: \((?:primary|secondary)\))?")
_WHOLE = re.compile(r"\bals geheel\b|\bas a whole\b")
_GENERIC_SWV = re.compile(r"\b(?:het |the |dit |this |dat |that )?(?:samenwerkingsverband|swv|"
                          r"partnership)\b(?! ?(?:po|vo)\b)")


@dataclass(frozen=True, slots=True)
class Mention:
    """Something named at ``start:end``: region codes, a category or an indicator id."""

    start: int
    end: int
    codes: frozenset[str]


_SWV_WORDS = r"(?:het |the )?(?:samenwerkingsverband|swv|partnership)"
_WITHOUT = r"(?:zonder|exclusief|behalve|buiten|without|excluding|except(?: for)?)"
_REST = r"(?:de |the )?(?:rest|overige deel|overige gemeenten|remainder|other municipalities) " \
        r"(?:van|of) "


@dataclass(slots=True)
class Vocabulary:
    """The names to look for in one answer (built once per check)."""

    names: list[tuple[str, str]]  # (folded name, code), longest first
    registry: Any
    language: str
    groups: list[tuple[re.Pattern[str], str]] = field(default_factory=list)  # (pattern, code)
    swv: str | None = None  # the one partnership the answer is about, for "het swv"
    categories: list[tuple[str, str]] = field(default_factory=list)  # (folded label, category)


def build_vocabulary(registry: Any, codes: Iterable[str], labels: dict[str, str],
                     language: str, groups: dict[str, Any] | None = None,
                     categories: dict[str, str] | None = None) -> Vocabulary:
    """Names of ``codes`` (from the registry) and the given group labels, longest first, the
    patterns of the reference groups (``claims.Group``), and the answer's own category labels
    (``categories``: label -> category, "mbo entry level" -> mbo_entree)."""
    names: dict[str, str] = {}
    partnerships = set()
    for code in codes:
        if code in (NATIONAL, PEERS):
            continue
        try:
            region = registry.get(code)
        except Exception:  # noqa: BLE001 - an unknown code has only its label
            continue
        names[fold_keep(region.name)] = code
        names[code.lower()] = code
        if str(getattr(region, "level", "")).startswith("swv"):
            partnerships.add(code)
    for code, label in labels.items():
        if label:
            names[fold_keep(label)] = code
    ordered = sorted(names.items(), key=lambda item: -len(item[0]))
    patterns = [(_group_pattern(registry, g), code) for code, g in (groups or {}).items()]
    own = sorted(((fold_keep(label), cat) for label, cat in (categories or {}).items() if label),
                 key=lambda item: -len(item[0]))
    return Vocabulary(names=ordered, registry=registry, language=language, groups=patterns,
                      swv=next(iter(partnerships)) if len(partnerships) == 1 else None,
                      categories=own)


def _group_pattern(registry: Any, group: Any) -> re.Pattern[str]:
    """"(de rest van) <the partnership> (, zonder <gemeente>)" with at least one of the two."""
    def name(code: str) -> str:
        try:
            return re.escape(fold_keep(registry.get(code).name))
        except Exception:  # noqa: BLE001
            return re.escape(code.lower())

    swv = f"(?:{name(group.region)}|{_SWV_WORDS})"
    without = rf"\s*,?\s*\(?{_WITHOUT}\s+{name(group.excluding)}\)?"
    return re.compile(rf"(?<!\w)(?:{_REST}{swv}(?:{without})?|{swv}{without})(?!\w)")


def region_mentions(text: str, vocab: Vocabulary) -> list[Mention]:
    """All regions named in ``text`` (see module docstring), left to right, no overlaps."""
    folded = fold_keep(text)
    found: list[Mention] = []

    def free(start: int, end: int) -> bool:
        return all(end <= m.start or start >= m.end for m in found)

    for pattern, code in vocab.groups:
        for match in pattern.finditer(folded):
            if free(match.start(), match.end()):
                found.append(Mention(match.start(), match.end(), frozenset({code})))
    for name, code in vocab.names:
        for match in re.finditer(r"(?<![\w])" + re.escape(name) + r"(?![\w])", folded):
            if free(match.start(), match.end()):
                found.append(Mention(match.start(), match.end(), frozenset({code})))
    generic = [(_GENERIC_SWV, vocab.swv)] if vocab.swv else []
    for pattern, code in (*generic, (_PEER_WORDS, PEERS), (_NATIONAL_WORDS, NATIONAL)):
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


def category_mentions(text: str, regions: list[Mention], language: str,
                      labels: Sequence[tuple[str, str]] = ()) -> list[Mention]:
    """Categories named in ``text``: the answer's own category labels first (longest first),
    then the understanding layer's words, and "als geheel" / "as a whole" for the total
    ("Jeugdzorg als geheel ...: 10,9%"). Region names and level names ("samenwerkingsverband
    VO", "per samenwerkingsverband PO (primary)") are blanked first: their PO/VO is no
    onderwijssoort."""
    from bot.core.understanding import lexicon as lx

    folded = list(fold_keep(text))
    for m in regions:
        folded[m.start:m.end] = " " * (m.end - m.start)
    flat = _LEVEL.sub(lambda m: " " * len(m.group(0)), "".join(folded))
    found: list[Mention] = []
    patterns = [(cat, re.compile(r"(?<!\w)" + re.escape(label) + r"(?!\w)"))
                for label, cat in labels]
    for category, pattern in [*patterns, *lx.CATEGORY_RES, ("totaal", _WHOLE)]:
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
