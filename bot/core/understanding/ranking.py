"""What a ranking ranks: gemeenten, or samenwerkingsverbanden of one kind.

Why: "welke samenwerkingsverbanden scoren het hoogst?" was answered with the figure of the one
partnership of the last answer (a comparison with Nederland), because a ranking could only list
gemeenten. The units of a ranking are the noun the question ranks ("welke
samenwerkingsverbanden", "which partnerships", "swv's"); a follow-up ranking without such a
noun ranks what the ranking before it ranked, and "welke gemeenten" goes back to gemeenten.
The kind (PO or VO) is the one typed ("samenwerkingsverbanden vo"), else the kind of the
partnership the conversation was about, else the one that goes with the figure; always one at
which the figure is published.

How many places it shows ("top 5", "de drie hoogste") is the same kind of slot: a follow-up
that names no size ("en in 2020?") keeps the one asked before, and one that does ("en de top
3?") takes its own. It was read from each message alone, so "en in 2020?" after "top 5" gave ten.
So is its direction ("de laagste"): "en in 2020?" after the three lowest gave the ten highest.
A follow-up that names none keeps it, "en de hoogste?" turns it; a new ranking starts highest.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.core.understanding import lexicon as lx
from bot.core.understanding.frame import Frame, swv_kind
from bot.core.understanding.prefix_scan import re_compile

if TYPE_CHECKING:  # pragma: no cover
    from bot.core.understanding.reading import Reading
    from indicators.registry import RegionRegistry

GEMEENTEN = re_compile(r"\bgemeente|\bmunicipalit|\bplaatsen\b|\bsteden\b")
SWV_LEVELS = ("swv_po", "swv_vo")
MAX_RANKING_SIZE = 50
# "top 5", "de vijf hoogste", "de laagste drie", "5 gemeenten met de hoogste ...": how many to
# show (``lexicon.RANKING_SIZE_WORDS``)
_N = lx.RANKED_COUNT
_SIZE = re_compile(rf"\btop[- ]?{_N}\b|\b{_N} (?:gemeenten|samenwerkingsverbanden|swv'?s|"
                   rf"municipalities|partnerships|hoogste|laagste|highest|lowest)\b|"
                   rf"\b(?:hoogste|laagste|highest|lowest) {_N}\b"  # "en de laagste drie?"
                   r"(?!\s*(?:%|(?:procent|percent|jaar|jaren|years?)\b))")
# "het laagst", "de laagste", "de minste", "lowest", "fewest": from the bottom up
LOWEST = re_compile(r"\b(?:laagst\w*|minste?|onderaan|lowest|(?<!\bat )least|fewest|bottom)\b")
# "de hoogste", "het hoogst", "de meeste", "highest", "most": from the top down ("top 5" is
# a size, not a direction: "en de top 3?" after the lowest keeps the lowest)
HIGHEST = re_compile(r"\b(?:hoogst\w*|meeste?|bovenaan|highest|most)\b")
# "welke gemeenten scoren het best op NEET?": for NEET and its relative risk lower is better
# (fewer young people without work and school), so "best" ranks from the bottom up and "slechtst"
# from the top down; for jeugdzorg more or less care is neither, and these words change nothing
BEST = re_compile(r"\b(?:beste?|beter|best|better)\b")
WORST = re_compile(r"\b(?:slechtste?|slechter|worst|worse)\b")
LOWER_IS_BETTER = ("neet", "neet_rr")


def ranked_level(reading: Reading, frame: Frame, context: Frame | None, last: Frame | None,
                 registry: RegionRegistry) -> str | None:
    """"swv_po" / "swv_vo" for a ranking of partnerships, None for one of gemeenten.
    ``context``: the figure this one follows up on; ``last``: the one before, followed up or
    not (its partnership gives the kind)."""
    words = reading.words_text
    if not lx.RANK_SWV.search(words):
        if context is not None and context.mode == "ranking" and not GEMEENTEN.search(words):
            return context.level  # "en in 2020?" after a ranking of partnerships
        return None
    kind = reading.places.swv_kind or _kind_of_context(last, registry) \
        or swv_kind(frame.indicator, frame.category)
    level = f"swv_{kind}"
    definition = reading.catalog.get(frame.indicator or "")
    if definition is None:
        return level
    published = definition.published_levels(frame.category or definition.default_category)
    if level in published:
        return level
    return next((lv for lv in SWV_LEVELS if lv in published), level)


def ranked_size(reading: Reading, context: Frame | None) -> int | None:
    """How many places a ranking shows: the number asked for ("top 5", "de drie hoogste"),
    else the one of the ranking this message follows up on, else None (the answer's default)."""
    found = _SIZE.search(reading.folded)
    if found is None:
        return context.size if context is not None and context.mode == "ranking" else None
    word = next(g for g in found.groups() if g)
    size = int(word) if word.isdigit() else lx.RANKING_SIZE_WORDS[word]
    return min(max(size, 2), MAX_RANKING_SIZE)  # a ranking has at least two places


def ranked_lowest(reading: Reading, context: Frame | None, indicator: str | None = None) -> bool:
    """Whether a ranking goes from the bottom up: as the question says ("de laagste"; "de
    hoogste" the other way; for NEET "het best" too, see ``BEST``), else as the ranking this
    message follows up on, else top down."""
    if LOWEST.search(reading.folded):
        return True
    if HIGHEST.search(reading.folded):
        return False
    if indicator in LOWER_IS_BETTER:  # the place names are out of these words ("Best")
        if BEST.search(reading.words_text):
            return True
        if WORST.search(reading.words_text):
            return False
    return context is not None and context.mode == "ranking" and context.lowest


def _kind_of_context(context: Frame | None, registry: RegionRegistry) -> str | None:
    """"po" / "vo" when the conversation was about one partnership."""
    if context is None or not context.regions:
        return None
    try:
        level = registry.get(context.regions[0]).level
    except LookupError:
        return None
    return {"swv_po": "po", "swv_vo": "vo"}.get(level)
