"""A ranking: the ten gemeenten, or samenwerkingsverbanden, with the highest (or lowest) figure;
or the gemeenten of one samenwerkingsverband ("welke gemeente in ons swv ...").

What is ranked is the understanding's choice (``Understanding.ranked_level``: "welke
samenwerkingsverbanden scoren het hoogst?" ranks the partnerships of one kind; otherwise the
gemeenten), and so is how many places (``Understanding.ranked_size``: "top 5", kept by a
follow-up such as "en in 2020?"; ten when none was asked for), and which end
(``Understanding.ranked_lowest``: "de laagste", kept by such a follow-up too). Real and
demonstration figures are never ranked together, and Nederland is shown last for reference.
A hidden figure (a small group) cannot be ranked, but may belong anywhere in the list: the
answer says how many places it left out for that reason.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from bot.core.answers.context import NATIONAL, Context, NoData, indicator_of
from bot.core.answers.format import count_word, fmt_value
from bot.core.answers.series import other_kind
from bot.core.understanding.model import Understanding
from indicators.vocabulary import level_name, level_plural

RANKING_SIZE = 10  # places shown when the question asks for no number ("top 5")


def ranking_lines(ctx: Context, u: Understanding, category: str, year: int | None) -> None:
    """The regions of the ranked level with the highest (or lowest) value, then Nederland."""
    indicator = indicator_of(u)
    lowest = u.ranked_lowest
    level = u.ranked_level or "gemeente"
    within = _partnership(ctx, u)  # "welke gemeente in SWV VO 23.05 ...": its gemeenten
    regions = ctx.registry.all(level) if u.ranked_level else (
        ctx.registry.members(within) if within else ctx.registry.gemeenten())
    if u.ranked_province:  # "welke gemeente in Friesland ...": that province's gemeenten
        # (a samenwerkingsverband lies in one province or more: "Noord-Brabant, Gelderland")
        regions = [r for r in regions if u.ranked_province in r.province.split(", ")]
    values, hidden, unpublished = [], 0, 0
    for value in ctx.lookup_each(indicator, [region.code for region in regions], category, year):
        if value.value is not None:
            values.append(value)
        elif value.suppressed:
            hidden += 1
        elif value.mark:  # the source published none ("." at CBS): not a small group
            unpublished += 1
    if not values:
        raise NoData("ranking")
    values, left_out = _one_kind(values)
    values.sort(key=lambda v: (v.value, v.region), reverse=not lowest)
    top = values[:u.ranked_size or RANKING_SIZE]
    t, lang = ctx.t, ctx.lang
    which = {"nl": ("laagste", "hoogste"), "en": ("lowest", "highest")}[lang][0 if lowest else 1]
    count = count_word(len(top), lang) if len(top) >= 2 else len(top)
    units = level_plural(level, lang)
    if u.ranked_province and u.ranked_level:
        ctx.draft.lines.append(t.render("ranking_province_partly", lang,
                                        province=u.ranked_province))
    if within or u.ranked_province:
        area = ctx.name(within) if within else u.ranked_province
        ctx.draft.lines.append(t.render("ranking_intro_within", lang, count=count, which=which,
                                        units=units, region=area,
                                        label=ctx.label(indicator, category), year=top[0].year))
    else:
        ctx.draft.lines.append(t.render("ranking_intro", lang, count=count, which=which,
                                        units=units, label=ctx.label(indicator, category),
                                        year=top[0].year))
    for value in top:
        ctx.fact(value)
        # a relative risk with its interval: a small gemeente's can be high and very uncertain
        ctx.draft.lines.append(t.render("peers_line", lang, region=ctx.name(value.region),
                                        value=fmt_value(value, lang) + ctx.interval(value)))
    if left_out:
        ctx.draft.lines.append(t.render("ranking_left_out", lang, units=units[:1].upper()
                                        + units[1:], other=other_kind(ctx, top[0])))
    for code in ([within] if within else []) + [NATIONAL]:  # for reference
        try:
            reference = ctx.lookup(indicator, code, category, top[0].year)
        except NoData:
            continue
        ctx.fact(reference)
        ctx.draft.lines.append(t.render("peers_line", lang, region=ctx.name(code),
                                        value=fmt_value(reference, lang)))
    _ties_line(ctx, top, values[len(top):], level)
    for count, key in ((hidden, "ranking_hidden"), (unpublished, "ranking_unpublished")):
        # small groups, or figures the source did not publish: they may belong anywhere in the
        # list, so the answer says how many it left out
        if count:
            ctx.draft.lines.append(_counted(ctx, key, count, level))


def _ties_line(ctx: Context, top: list[Any], rest: list[Any], level: str) -> None:
    """How many places with the figure of the last one shown were cut off only by the size.
    Equal as shown, not as stored: a relative risk is kept with two decimals but shown with
    one, and 1,94 reads as the 1,9 keer of the last one (which of them fit in is then as
    arbitrary to the reader as between equal figures)."""
    t, lang = ctx.t, ctx.lang
    shown = fmt_value(top[-1], lang)
    tied = _reading_as(rest, shown, lang)
    if not tied:
        return
    within = _reading_as(reversed(top), shown, lang)  # of that figure in the list
    if tied > 1 or within == 1:
        ctx.draft.lines.append(_counted(ctx, "ranking_ties", tied, level, value=shown))
    else:
        ctx.draft.lines.append(t.render("ranking_ties_one_of", lang,
                                        unit=level_name(level, lang), value=shown,
                                        shown=count_word(within, lang),
                                        total=count_word(within + 1, lang)))


def _reading_as(ranked: Iterable[Any], shown: str, lang: str) -> int:
    """How many figures at the start of ``ranked`` read as ``shown``. Why only the start: the
    figures are in ranked order and rounding keeps that order, so the ones that read alike
    follow each other; this stops at the first that differs instead of formatting the whole
    rest of a ranking (some 330 gemeenten, most of the time of a ranking answer, issue 18)."""
    count = 0
    for value in ranked:
        if fmt_value(value, lang) != shown:
            break
        count += 1
    return count


def _counted(ctx: Context, key: str, count: int, level: str, **fields: str) -> str:
    """The line ``key`` for several places ("Van vijf gemeenten ..."), ``<key>_one`` for one
    ("Van één gemeente ...")."""
    t, lang = ctx.t, ctx.lang
    if count == 1:
        return t.render(f"{key}_one", lang, unit=level_name(level, lang), **fields)
    return t.render(key, lang, count=count_word(count, lang), units=level_plural(level, lang),
                    **fields)


def _partnership(ctx: Context, u: Understanding) -> str | None:
    """The samenwerkingsverband a ranking of gemeenten is asked within, if any."""
    if u.ranked_level or not u.regions:
        return None
    code = u.regions[0]
    try:
        level = ctx.registry.get(code).level
    except LookupError:
        return None
    return code if level in ("swv_po", "swv_vo") else None


def _one_kind(values: list[Any]) -> tuple[list[Any], int]:
    """Real and demonstration figures are never ranked together: the kind most regions have,
    and how many of the other kind were left out."""
    real = [v for v in values if not getattr(v, "demo", True)]
    demo = [v for v in values if getattr(v, "demo", True)]
    kept = real if len(real) >= len(demo) else demo
    return kept, len(values) - len(kept)
