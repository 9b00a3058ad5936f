"""Deciding which region codes a question is about, or what to ask when that is unclear.

Names found in the text win; "ons/onze/our" means the asker's profile region; "ons
samenwerkingsverband" means the samenwerkingsverband of the profile gemeente (VO for NEET and
secondary-school categories, PO otherwise); "landelijk/national" adds Nederland. An ambiguous
name (Bergen) or an unknown one (Parijs) is never guessed: the understanding becomes a
clarification with the registry's candidates or close matches. A very close single match for a
typo ("Amsterdm") is taken and said out loud in the answer.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any

from bot.core.state import ConversationState
from bot.core.understanding import lexicon as lx
from bot.core.understanding.model import Understanding
from bot.core.understanding.normalize import fold
from bot.core.understanding.regions import RegionScan, scan_regions

logger = logging.getLogger(__name__)

TYPO_THRESHOLD = 84.0
NATIONAL_CODE = "NL01"

PROFILE_PATTERNS = [
    re.compile(r"^/regio\s+(?P<place>.+)$"),
    re.compile(r"(?:mijn|onze|my|our) (?:eigen )?(?:regio|gemeente|region|municipality|"
               r"samenwerkingsverband|partnership) is (?:de |het |the )?(?:gemeente |"
               r"municipality of )?(?P<place>[^.,!?]+?)(?=[.,!?]|\s+en\s|\s+and\s|$)"),
    re.compile(r"\b(?:ik|wij|we) (?:werk|werken|zit|zitten|ben|zijn)\s+(?:werkzaam\s+)?"
               r"(?:bij|voor|in|van)\s+(?:de |het )?(?:gemeente|samenwerkingsverband|swv)?\s*"
               r"(?P<place>[^.,!?]+?)(?=[.,!?]|\s+en\s|\s+hoe\s|\s+wat\s|$)"),
    re.compile(r"\bi (?:work|am) (?:for|at|in|with|from) (?:the )?(?:municipality|city|town|"
               r"partnership|gemeente)?\s*(?:of\s+)?(?P<place>[^.,!?]+?)(?=[.,!?]|\s+and\s|"
               r"\s+how\s|\s+what\s|$)"),
]


@dataclass(slots=True)
class ProfileStatement:
    """'Ik werk bij de gemeente Zwolle': the region it names and the text that remains."""

    code: str | None
    rest: str
    clarify: str | None = None
    mention: str = ""
    options: list[str] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)


def profile_statement(text: str, folded: str, registry: Any) -> ProfileStatement | None:
    """Recognise a statement of the user's own region; None when there is none."""
    same = len(text) == len(folded)
    for pattern in PROFILE_PATTERNS:
        m = pattern.search(folded)
        if not m:
            continue
        place = text[m.start("place"):m.end("place")] if same else m.group("place")
        rest = (text[:m.start()] + text[m.end():]).strip(" .,!?;") if same else ""
        scan = scan_regions(place, registry)
        if scan.mentions:
            codes = scan.mentions[0].codes
            if len(codes) == 1 or len(_gemeenten(registry, codes)) == 1:
                code = codes[0] if len(codes) == 1 else _gemeenten(registry, codes)[0]
                return ProfileStatement(code, rest)
            return ProfileStatement(None, rest, "ambiguous", scan.mentions[0].text, list(codes))
        code, candidates, suggestions = resolve_name(registry, place.strip())
        if code:
            return ProfileStatement(code, rest)
        if candidates:
            return ProfileStatement(None, rest, "ambiguous", place.strip(), candidates)
        if pattern is PROFILE_PATTERNS[0] or suggestions:
            return ProfileStatement(None, rest, "unknown", place.strip(), suggestions, suggestions)
    return None


def _code_of(item: Any) -> str:
    return item if isinstance(item, str) else getattr(item, "code", str(item))


def _name_of(registry: Any, code: str) -> str:
    try:
        return registry.get(code).name
    except Exception:  # noqa: BLE001
        return code


def _gemeenten(registry: Any, codes: list[str]) -> list[str]:
    out = []
    for code in codes:
        try:
            if registry.get(code).level == "gemeente":
                out.append(code)
        except Exception:  # noqa: BLE001
            continue
    return out


def resolve_name(registry: Any, name: str) -> tuple[str | None, list[str], list[str]]:
    """(code, ambiguous candidates, close-match suggestions) for a place name, never a guess.

    A single suggestion that is almost the same word (a typo) counts as the code.
    """
    try:
        res = registry.resolve(name)
    except Exception:  # noqa: BLE001 - an odd name must not break the conversation
        logger.debug("resolve failed for %r", name, exc_info=True)
        return None, [], []
    region = getattr(res, "region", None)
    if region is not None:
        return _code_of(region), [], []
    candidates = [_code_of(c) for c in (getattr(res, "candidates", None) or [])]
    if candidates:
        return None, candidates, []
    suggestions = [_code_of(s) for s in (getattr(res, "suggestions", None) or [])]
    suggestions = [s for s in suggestions if _looks_like_code(s)] or [
        c for s in suggestions for c in _codes_for_name(registry, s)]
    close = _close_matches(registry, name, suggestions)
    if len(close) == 1:
        return close[0], [], suggestions
    return None, [], suggestions


def _looks_like_code(value: str) -> bool:
    return bool(re.fullmatch(r"(?:GM\d{4}|(?:PO|VO)\d{4}|NL01)", value))


def _codes_for_name(registry: Any, name: str) -> list[str]:
    try:
        res = registry.resolve(name)
    except Exception:  # noqa: BLE001
        return []
    region = getattr(res, "region", None)
    return [_code_of(region)] if region is not None else []


def _close_matches(registry: Any, name: str, codes: list[str]) -> list[str]:
    from rapidfuzz import fuzz

    typed = fold(name)
    scored = [(fuzz.ratio(typed, fold(_name_of(registry, c))), c) for c in codes]
    return [c for score, c in scored if score >= TYPO_THRESHOLD]


def swv_for(registry: Any, code: str, indicator: str | None, category: str | None) -> str | None:
    """The samenwerkingsverband that goes with a gemeente for this indicator and category."""
    try:
        region = registry.get(code)
    except Exception:  # noqa: BLE001
        return None
    if region.level in ("swv_po", "swv_vo"):
        return region.code
    vo = indicator in ("neet", "neet_rr") or (category in lx.VO_LIKE)
    return (region.swv_vo if vo else region.swv_po) or region.swv_vo or region.swv_po


def pick_regions(u: Understanding, scan: RegionScan, registry: Any, folded: str, *,
                 profile: str | None, state: ConversationState, followup: bool,
                 own_place: bool, own_swv: bool, national: bool, mode: str | None) -> bool:
    """Fill ``u.regions`` (and origins); returns False when ``u`` became a clarification."""
    codes: list[str] = []
    origin = "question"
    named_swv = _named_swv(u, scan, registry, folded)
    for mention in scan.mentions:
        if mention.start in named_swv:
            code = named_swv[mention.start]
            if code and code not in codes:
                codes.append(code)
            continue
        if len(mention.codes) == 1:
            codes.append(mention.codes[0])
            continue
        gemeenten = _gemeenten(registry, mention.codes)
        if len(gemeenten) == 1:
            codes.append(gemeenten[0])
            continue
        return _clarify(u, "ambiguous", mention.text, gemeenten or mention.codes)
    for loose in scan.loose:
        code, _, _ = resolve_name(registry, loose)
        if code and code not in codes:
            codes.append(code)
            u.corrections.append((loose, code))
    for unknown in scan.unknown:
        code, candidates, suggestions = resolve_name(registry, unknown)
        if code:
            codes.append(code)
            u.corrections.append((unknown, code))
        elif candidates:
            return _clarify(u, "ambiguous", unknown, candidates)
        elif scan.mentions and not suggestions:
            logger.debug("ignoring place-like word %r next to known regions", unknown)
        else:
            _clarify(u, "unknown", unknown, suggestions)
            u.suggestions = suggestions
            if not suggestions:
                u.intent = "out_of_scope"
            return False
    if own_swv or own_place:
        if not profile:
            return _clarify(u, "need_region", "", [])
        if own_place and profile not in codes:
            codes.insert(0, profile)
            origin = "profile" if not codes[1:] else origin
        if own_swv:
            swv = swv_for(registry, profile, u.indicator, u.category)
            if swv and swv not in codes:
                codes.append(swv)
                u.mode = "swv" if own_place else u.mode
    elif lx.SWV_WORDS.search(folded) and codes and not national and not named_swv:
        swv = swv_for(registry, codes[0], u.indicator, u.category)
        if swv and swv not in codes:
            codes.append(swv)
            u.mode = "swv"
    if national and NATIONAL_CODE not in codes:
        codes.append(NATIONAL_CODE)
    if codes == [NATIONAL_CODE] and national and followup and state.last_regions \
            and state.last_regions[0] != NATIONAL_CODE:
        # "En landelijk?" after a figure of a place: that place next to Nederland
        codes, origin = [state.last_regions[0], NATIONAL_CODE], "context"
    if not codes:
        if followup and state.last_regions:
            codes, origin = list(state.last_regions), "context"
        elif profile:
            codes, origin = [profile], "profile"
        elif state.last_regions and state.last_indicator:
            codes, origin = list(state.last_regions), "context"
        else:
            codes, origin = [NATIONAL_CODE], "default"
    elif own_place and len(codes) == 1:
        origin = "profile"
    if NATIONAL_CODE in codes[:-1]:
        # Nederland is the yardstick: it goes last, so the sentence is about the region
        codes = [c for c in codes if c != NATIONAL_CODE] + [NATIONAL_CODE]
    u.regions = codes
    u.origins["regions"] = origin
    return True


SWV_PHRASE = re.compile(r"\b(?:samenwerkingsverband|swv)(?:\s+(po|vo))?\s+(?:regio\s+)?")


def _named_swv(u: Understanding, scan: RegionScan, registry: Any,
               folded: str) -> dict[int, str | None]:
    """'samenwerkingsverband Zwolle' / 'swv vo Amsterdam-Diemen': the SWV of that gemeente.

    Returns mention start -> SWV code (None for further gemeenten of the same SWV name).
    """
    out: dict[int, str | None] = {}
    for m in SWV_PHRASE.finditer(folded):
        after = [x for x in scan.mentions if m.end() <= x.start <= m.end() + 40
                 and len(x.codes) == 1]
        if not after:
            continue
        try:
            region = registry.get(after[0].codes[0])
        except Exception:  # noqa: BLE001
            continue
        if region.level != "gemeente":
            continue
        kind = m.group(1)
        swv = (region.swv_vo if kind == "vo" else region.swv_po) if kind else \
            swv_for(registry, region.code, u.indicator, u.category)
        out[after[0].start] = swv
        for other in after[1:]:
            try:
                member = registry.get(other.codes[0])
            except Exception:  # noqa: BLE001
                continue
            if swv in (member.swv_po, member.swv_vo):
                out[other.start] = None
    return out


def _clarify(u: Understanding, kind: str, mention: str, options: list[str]) -> bool:
    u.intent, u.clarify_kind, u.clarify_mention, u.options = "clarify", kind, mention, options
    return False
