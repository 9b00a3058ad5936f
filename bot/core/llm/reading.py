"""One pass over an LLM text: per sentence what it names, plus what the sentences before named.

Why the context: a list such as "NEET in Zwolle, per jaar:" followed by "- 2019: 3,6%" names the
region once for all lines, and "Het verschil is significant." refers to the regions of the
sentence before it. Each ``Sentence`` therefore carries the subject region (the first region
named outside parentheses) of the last sentence that named one, the last year, category and
indicator named earlier in the text, and the regions of the last sentence that named any.

Why asides: a region named in parentheses ("- vso: 73,0% (landelijk 56,6%)", "Zwolle ligt hoger
dan Nederland (4,0%)") belongs to what stands inside those parentheses only; it is never the
region of a number outside them, nor the subject of the lines that follow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from bot.core.llm.mentions import (
    Mention,
    Vocabulary,
    category_mentions,
    indicator_mentions,
    region_mentions,
)
from bot.core.llm.textscan import (
    NumberToken,
    Segment,
    clauses,
    fold_keep,
    numbers,
    sentences,
)

_ASIDE = re.compile(r"\([^()]*\)")
_ENUMERATION = re.compile(r"\s*(?:,|,?\s(?:en|of|and|or))\s*")


@dataclass(slots=True)
class Context:
    """What the text named before the current sentence."""

    region: frozenset[str] | None = None
    year: int | None = None
    category: str | None = None
    indicator: str | None = None
    regions: list[Mention] = field(default_factory=list)  # of the last sentence naming any


@dataclass(slots=True)
class Sentence:
    """A sentence of the text with everything it names and the context before it."""

    segment: Segment
    text: str
    regions: list[Mention]
    categories: list[Mention]
    indicators: set[str]
    values: list[NumberToken]
    years: list[NumberToken]
    clauses: list[Segment]
    context: Context
    asides: list[tuple[int, int]] = field(default_factory=list)  # "(...)" spans, positions

    def in_aside(self, position: int) -> tuple[int, int] | None:
        return next(((a, b) for a, b in self.asides if a <= position < b), None)

    def main_regions(self) -> list[Mention]:
        """The regions named outside parentheses."""
        return [m for m in self.regions if self.in_aside(m.start) is None]


def read(text: str, vocab: Vocabulary) -> list[Sentence]:
    """The sentences of ``text`` with their mentions (positions relative to ``text``)."""
    regions_all = region_mentions(text, vocab)
    categories_all = category_mentions(text, regions_all, vocab.language, vocab.categories)
    tokens = [t for t in numbers(text)  # "PO 27.07" in a region's name is no figure
              if not any(m.start <= t.start < m.end for m in regions_all)]
    out: list[Sentence] = []
    ctx = Context()
    for seg in sentences(text):
        def inside(items: list, seg: Segment = seg) -> list:
            return [i for i in items if seg.start <= i.start < seg.end]

        own_regions = inside(regions_all)
        own_tokens = inside(tokens)
        sentence = Sentence(
            segment=seg, text=text[seg.start:seg.end], regions=own_regions,
            categories=inside(categories_all),
            indicators=indicator_mentions(_without(text, seg, own_regions)),
            values=[t for t in own_tokens if not t.is_year],
            years=[t for t in own_tokens if t.is_year],
            clauses=clauses(text, seg), context=Context(ctx.region, ctx.year, ctx.category,
                                                        ctx.indicator, list(ctx.regions)),
            asides=_asides(text, seg, own_regions))
        out.append(sentence)
        ctx = _advance(ctx, sentence)
    return out


def _asides(text: str, seg: Segment, regions: list[Mention]) -> list[tuple[int, int]]:
    """The "(...)" spans of a sentence; parentheses inside a region's name do not count."""
    chars = list(text[seg.start:seg.end])
    for m in regions:
        chars[m.start - seg.start:m.end - seg.start] = " " * (m.end - m.start)
    return [(seg.start + m.start(), seg.start + m.end())
            for m in _ASIDE.finditer("".join(chars))]


def _without(text: str, seg: Segment, regions: list[Mention]) -> str:
    """The sentence with its region names blanked (a region name is no indicator word)."""
    chars = list(text[seg.start:seg.end])
    for m in regions:
        chars[m.start - seg.start:m.end - seg.start] = " " * (m.end - m.start)
    return "".join(chars)


def _advance(ctx: Context, s: Sentence) -> Context:
    new = Context(ctx.region, ctx.year, ctx.category, ctx.indicator, ctx.regions)
    main = s.main_regions()
    if main:  # a region only in parentheses is no subject for what follows
        new.region = main[0].codes
        new.regions = main
    if s.years:
        new.year = s.years[-1].year
    if s.categories:
        new.category = next(iter(s.categories[-1].codes))
    if len(s.indicators) == 1:
        new.indicator = next(iter(s.indicators))
    return new


def nearest(items: list, token: Any, s: Sentence, asides: bool = False,
            lists: bool = False) -> Any | None:
    """The item (region, year or category mention) that belongs to the number ``token``.

    In the number's own clause: when it lists as many items as numbers ("van 9,5% in 2019 naar
    10,6% in 2023"), the one in the same place, else the nearest one. Else, when the sentence
    lists as many such items as it has numbers without one ("van 2019 tot 2023, van 3,6% naar
    3,4%"), the one in the same place of the list; else the nearest before it in the sentence,
    else after it. With ``asides`` (regions), an item in parentheses counts only for a number
    in the same parentheses. With ``lists`` (categories), an enumeration that is not paired
    with numbers ("telt ook jeugdbescherming en jeugdreclassering mee: 10,9%") names what is
    included, not the category of the number after it, so it is passed over."""
    whole_of = _wholes(s)
    if token.start in whole_of:  # "683 van 19.903": the whole goes with its part
        return nearest(items, whole_of[token.start], s, asides, lists)
    clause = clause_of(s, token.start)
    paired = _paired(items, token, s, clause)
    if paired is not None:
        return paired
    own = _in_clause(items, token, clause)
    if own is not None:
        return own
    listed = [i for i in items if s.segment.start <= i.start < s.segment.end]
    if asides:
        mine = s.in_aside(token.start)
        listed = [i for i in listed if s.in_aside(i.start) in (None, mine)]
    orphans = [t for t in s.values if t.start not in whole_of
               and _in_clause(items, t, clause_of(s, t.start)) is None]
    if len(listed) > 1 and len(listed) == len(orphans) and token in orphans:
        return listed[orphans.index(token)]
    before = [i for i in listed if i.start < token.start]
    if lists:
        before = _without_enumerations(before, s)
    if before:
        return max(before, key=lambda i: i.start)
    after = [i for i in listed if i.start > token.start]
    return min(after, key=lambda i: i.start) if after else None


def _without_enumerations(items: list, s: Sentence) -> list:
    """``items`` without those that are part of an enumeration ("A, B en C")."""
    linked: set[int] = set()
    for first, second in zip(items, items[1:], strict=False):
        if _ENUMERATION.fullmatch(fold_keep(s.text[first.end - s.segment.start:
                                                   second.start - s.segment.start])):
            linked.update((id(first), id(second)))
    return [i for i in items if id(i) not in linked]


def _wholes(s: Sentence) -> dict[int, Any]:
    """The second numbers of "683 van 19.903" / "683 of 19,903" (by position) with their
    first: one count pair, not two separate figures."""
    out = {}
    for first, second in zip(s.values, s.values[1:], strict=False):
        between = s.text[first.end - s.segment.start:second.start - s.segment.start]
        if between.strip().lower() in ("van", "of"):
            out[second.start] = first
    return out


def _paired(items: list, token: Any, s: Sentence, clause: Segment) -> Any | None:
    own = [i for i in items if clause.start <= i.start < clause.end and i is not token]
    wholes = _wholes(s)
    values = [t for t in s.values if clause.start <= t.start < clause.end
              and t.start not in wholes]
    if len(own) > 1 and len(own) == len(values) and token in values:
        return own[values.index(token)]
    return None


def _in_clause(items: list, token: Any, clause: Segment) -> Any | None:
    own = [i for i in items if clause.start <= i.start < clause.end and i is not token]
    before = [i for i in own if i.start < token.start]
    after = [i for i in own if i.start > token.start]
    best_before = max(before, key=lambda i: i.start) if before else None
    best_after = min(after, key=lambda i: i.start) if after else None
    if best_before is None or best_after is None:
        return best_before or best_after
    gap_before = token.start - best_before.end
    gap_after = best_after.start - token.end
    return best_before if gap_before <= gap_after else best_after


def clause_of(s: Sentence, position: int) -> Segment:
    for clause in s.clauses:
        if clause.start <= position < clause.end:
            return clause
    return s.segment
