"""One pass over an LLM text: per sentence what it names, plus what the sentences before named.

Why the context: a list such as "NEET in Zwolle, per jaar:" followed by "- 2019: 3,6%" names the
region once for all lines, and "Het verschil is significant." refers to the regions of the
sentence before it. Each ``Sentence`` therefore carries the last region, year, category and
indicator named earlier in the text, and the regions of the last sentence that named any.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.core.llm.mentions import (
    Mention,
    Vocabulary,
    category_mentions,
    indicator_mentions,
    region_mentions,
)
from bot.core.llm.textscan import NumberToken, Segment, clauses, numbers, sentences


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


def read(text: str, vocab: Vocabulary) -> list[Sentence]:
    """The sentences of ``text`` with their mentions (positions relative to ``text``)."""
    regions_all = region_mentions(text, vocab)
    categories_all = category_mentions(text, regions_all, vocab.language)
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
                                                        ctx.indicator, list(ctx.regions)))
        out.append(sentence)
        ctx = _advance(ctx, sentence)
    return out


def _without(text: str, seg: Segment, regions: list[Mention]) -> str:
    """The sentence with its region names blanked (a region name is no indicator word)."""
    chars = list(text[seg.start:seg.end])
    for m in regions:
        chars[m.start - seg.start:m.end - seg.start] = " " * (m.end - m.start)
    return "".join(chars)


def _advance(ctx: Context, s: Sentence) -> Context:
    new = Context(ctx.region, ctx.year, ctx.category, ctx.indicator, ctx.regions)
    if s.regions:
        new.region = s.regions[-1].codes
        new.regions = list(s.regions)
    if s.years:
        new.year = s.years[-1].year
    if s.categories:
        new.category = next(iter(s.categories[-1].codes))
    if len(s.indicators) == 1:
        new.indicator = next(iter(s.indicators))
    return new


def nearest(items: list, token: Any, s: Sentence) -> Any | None:
    """The item (region, year or category mention) that belongs to the number ``token``.

    The nearest one in the number's own clause; else, when the sentence lists as many such
    items as it has numbers without one ("van 2019 tot 2023, van 3,6% naar 3,4%"), the one in
    the same place of the list; else the nearest before it in the sentence, else after it."""
    clause = clause_of(s, token.start)
    own = _in_clause(items, token, clause)
    if own is not None:
        return own
    listed = [i for i in items if s.segment.start <= i.start < s.segment.end]
    orphans = [t for t in s.values if _in_clause(items, t, clause_of(s, t.start)) is None]
    if len(listed) > 1 and len(listed) == len(orphans):
        return listed[orphans.index(token)]
    before = [i for i in listed if i.start < token.start]
    if before:
        return max(before, key=lambda i: i.start)
    after = [i for i in listed if i.start > token.start]
    return min(after, key=lambda i: i.start) if after else None


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
