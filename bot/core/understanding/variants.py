"""The other figures asked in one message, each understood in full (``Understanding.also``).

Why: "jeugdzorg en NEET in het vso", "hoe staat het met jeugdhulp én NEET in Zwolle?" and
"jeugdzorg in Zwolle voor po en vo" were answered for the first figure alone, without a word
about the other. A policy adviser who names two figures expects both, so each one is filled
exactly as if it had been asked alone (the same slot rules: NEET asked for the vso becomes the
relative risk of the vso, "jeugdhulp" gives the jeugdhulp figures) and the answer gives them
one after the other. The frame remembers them (``Frame.also``): a follow-up that names no
figure ("en in 2020?", "en in Deventer?") asks for all of them again.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from bot.core.understanding import figure  # a cycle: both import the module, not a name
from bot.core.understanding.model import Understanding
from bot.core.understanding.several import coordinated_categories
from bot.core.understanding.slots import valid_categories

if TYPE_CHECKING:  # pragma: no cover
    from bot.core.understanding.frame import Frame
    from bot.core.understanding.parse import Turn
    from bot.core.understanding.reading import Reading
    from indicators.registry import RegionRegistry

MAX_ALSO = 3  # "jeugdzorg voor po, so, sbo en vo": four figures at most in one answer


def fill_also(reading: Reading, u: Understanding, turn: Turn, registry: RegionRegistry,
              last: Frame | None) -> None:
    """Fill ``u.also`` with the other figures the message asks for (or, in a follow-up that
    names no figure, the ones the previous question asked for beside its first)."""
    assert u.frame is not None
    seen = {(u.frame.indicator, u.frame.category)}
    for reading_v, last_v in _variants(reading, u.frame, last):
        v = Understanding(intent=u.intent, language=u.language, label=u.label,
                          confidence=u.confidence)
        figure.fill_one(reading_v, v, turn, registry, last_v)
        if v.frame is None or v.intent in ("clarify", "out_of_scope"):
            continue
        key = (v.frame.indicator, v.frame.category)
        if key in seen:
            continue
        seen.add(key)
        u.also.append(v)
        if len(u.also) >= MAX_ALSO:
            break
    u.frame.also = [{"indicator": v.frame.indicator, "category": v.frame.category}
                    for v in u.also if v.frame is not None]


def _variants(reading: Reading, frame: Frame, last: Frame | None
              ) -> list[tuple[Reading, Frame | None]]:
    """(reading, context) of each other figure: another indicator named ("jeugdzorg en
    NEET"), another category named beside the first ("po en vo"), or the context's others."""
    if len(reading.indicators) > 1:
        return [(replace(reading, indicator=other, indicators=(other,)), last)
                for other in reading.indicators[1:]]
    valid = valid_categories(frame.indicator, reading.catalog)
    named = coordinated_categories(reading.words_text,
                                   [c for c in reading.categories if c in valid])
    if frame.category in named:
        return [(replace(reading, categories=[c]), last) for c in named
                if c != frame.category]
    if reading.indicator is None and last is not None and last.also:
        return [(reading, replace(last, indicator=item.get("indicator"),
                                  category=item.get("category"), also=[]))
                for item in last.also]
    return []
