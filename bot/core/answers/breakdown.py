"""Breakdowns: every category of a dimension, highest first, with a figure beside each: Nederland's,
or what the question set it against (the gemeente's own samenwerkingsverband, PO or VO per
category, or the other places named).

Why this shape: "welke groep het meeste?" and "per onderwijssoort" are answered by the same list,
sorted from high to low, each line with Nederland's figure for that category, so a reader sees at
once where the region stands out. Percentages per onderwijssoort are shares of different pupil
groups; the answer says so. Categories that the region's level does not publish are named, not
silently dropped. "Jeugdhulp" (the user's own word) is answered with the two jeugdhulp figures,
and the total jeugdzorg is named for what it is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.core.answers import labels as lb
from bot.core.answers.context import NATIONAL, Context, NoData, indicator_of, shown_text
from bot.core.answers.format import fmt_value
from bot.core.understanding.model import Understanding
from bot.core.understanding.slots import breakdown_dimension
from indicators import formatting as fm
from indicators.catalog import JEUGDHULP
from indicators.errors import IndicatorError
from indicators.levels import NotPublished
from indicators.vocabulary import level_name


def wants_jeugdhulp(u: Understanding, category: str) -> bool:
    """The user said "jeugdhulp" and asked for the whole figure."""
    return u.asked_term == "jeugdhulp" and u.indicator == "jeugdzorg" and category == "totaal"


def jeugdhulp_lines(ctx: Context, u: Understanding, year: int | None) -> None:
    """Jeugdhulp zonder and met verblijf, then the total jeugdzorg named for what it counts."""
    indicator = indicator_of(u)
    regions = u.regions or [NATIONAL]
    single = len(regions) == 1 and regions[0] != NATIONAL
    for code in regions:
        for category in JEUGDHULP:
            value = ctx.lookup(indicator, code, category, year)
            ctx.draft.lines.append(ctx.value_line(value))
            if single and category == JEUGDHULP[0]:  # right under the figure it is about
                comparison = ctx.compare_or_refuse(indicator, code, NATIONAL, category, year,
                                                   first=value)
                if comparison is not None:
                    ctx.draft.lines.append(ctx.comparison_line(comparison))
    first = regions[0]
    total = ctx.lookup(indicator, first, "totaal", year)
    ctx.fact(total)
    ctx.draft.lines.append(ctx.t.render("jeugdhulp_note", ctx.lang,
                                        value=fmt_value(total, ctx.lang),
                                        region=ctx.name(first)))


def breakdown_handler(ctx: Context, u: Understanding, category: str, year: int | None) -> None:
    """Mode "breakdown": the breakdown of the first region."""
    breakdown_lines(ctx, u, year)


def breakdown_lines(ctx: Context, u: Understanding, year: int | None) -> None:
    """Values per onderwijssoort, zorgtype or risk factor for the (first) region, sorted."""
    indicator = indicator_of(u)
    code = (u.regions or [NATIONAL])[0]
    dimension = breakdown_dimension(indicator, u.query.lower(), u.category)
    definition = ctx.engine.indicator(indicator)
    try:
        values = ctx.engine.breakdown(indicator, code, year, dimension)
    except NotPublished:
        raise
    except Exception as exc:  # noqa: BLE001 - engine has no such breakdown
        raise NoData(f"breakdown {code}: {exc}") from exc
    if not values:
        categories = definition.categories.get(dimension, ())
        if categories:  # none published at this level: explain with the first one
            ctx.lookup(indicator, code, categories[0], year)
        raise NoData(f"breakdown {code}")
    t, lang = ctx.t, ctx.lang
    beside, short, alone = _beside(ctx, u, values, code)
    national = {} if beside else _national(ctx, values, code)
    values.sort(key=lambda v: (v.value is None, -(v.value or 0.0), v.category))
    label = definition.label(lang)
    if beside:
        others = list(dict.fromkeys(v.region for row in beside.values() for v in row))
        after = t.render("breakdown_beside", lang,
                         other=fm.listing([ctx.name(o) for o in others], lang))
    else:
        after = t.render("breakdown_national", lang) if national else ""
    ctx.draft.lines.append(t.render(
        "breakdown_intro", lang, label=label[:1].upper() + label[1:], region=ctx.name(code),
        year=values[0].year, dimension=lb.dimension_label(dimension, lang), national=after))
    for value in values:
        ctx.fact(value)
        category = definition.category_label(value.category, lang)
        row = beside.get(value.category, [])
        other = national.get(value.category)
        if row:
            for figure in row:
                ctx.fact(figure)
            ctx.draft.lines.append(t.render(
                "breakdown_line_beside", lang, category=category, value=shown_text(ctx, value),
                others="; ".join(t.render("breakdown_beside_one", lang, other=short(f.region),
                                          other_value=shown_text(ctx, f)) for f in row)))
        elif other is not None:
            ctx.fact(other)
            ctx.draft.lines.append(t.render("breakdown_line_national", lang, category=category,
                                            value=shown_text(ctx, value),
                                            national=shown_text(ctx, other)))
        else:
            ctx.draft.lines.append(t.render("breakdown_line", lang, category=category,
                                            value=shown_text(ctx, value)))
    ctx.draft.lines.extend(alone)
    if indicator == "jeugdzorg" and dimension in ("onderwijssoort", "zorgtype"):
        ctx.draft.lines.append(t.render(f"breakdown_share_{dimension}", lang))
    # "the highest" only when every category has a figure: a hidden one may be higher
    if len(values) > 1 and all(v.value is not None for v in values):
        ctx.draft.lines.append(t.render(
            "breakdown_top", lang, category=definition.category_label(values[0].category, lang),
            value=fmt_value(values[0], lang)))
    _missing(ctx, definition, dimension, code, values)


def _beside(ctx: Context, u: Understanding, values: list[Any], code: str
            ) -> tuple[dict[str, list[Any]], Callable[[str], str], list[str]]:
    """The figures set beside each category instead of Nederland's, when the question asks for
    them, with the short name each line uses: the gemeente's own samenwerkingsverband per
    category (PO for the po categories, VO for the others; none where the partnership has no
    figure or is the gemeente on its own, which is said), or the other places named, in the
    order named. Empty (Nederland's, as before) when nothing else was asked or nothing else
    has figures."""
    target = u.target or ""
    found: dict[str, list[Any]] = {}
    if target.startswith("swv") and not code.startswith("GM"):
        return {}, ctx.name, [ctx.t.render("breakdown_swv_none", ctx.lang,
                                           region=ctx.name(code))]
    if target.startswith("swv"):
        kind = target.removeprefix("swv").strip("_")
        asked = getattr(ctx.registry.get(code), f"swv_{kind}", "") if kind else ""
        alone: list[str] = []
        bare: list[str] = []  # categories the partnership asked for has no figure for
        for value in values:
            try:
                swv = ctx.engine.swv_for(code, value.category)
                if kind and not swv.lower().startswith(kind):
                    bare.append(value.category)
                    continue
                if ctx.engine.is_alone(code, swv):
                    alone += [swv] if swv not in alone else []
                    continue
                found[value.category] = [ctx.lookup(value.indicator, swv, value.category,
                                                    value.year)]
            except (NoData, NotPublished, IndicatorError):
                continue
        said = [ctx.t.render("breakdown_swv_alone", ctx.lang, swv=ctx.name(swv),
                             region=ctx.name(code)) for swv in alone]
        if bare and asked and found:
            definition = ctx.engine.indicator(values[0].indicator)
            said.append(ctx.t.render("breakdown_swv_without", ctx.lang, swv=ctx.name(asked),
                                     categories=fm.listing([definition.category_label(
                                         c, ctx.lang) for c in bare], ctx.lang)))
        return found, lambda region: ctx.t.render(f"breakdown_swv_{region[:2].lower()}",
                                                  ctx.lang), said
    if target == "region" and len(u.regions) > 1:
        others = [c for c in dict.fromkeys(u.regions[1:]) if c != code]
        for value in values:
            for other in others:
                try:
                    found.setdefault(value.category, []).append(ctx.lookup(
                        value.indicator, other, value.category, value.year))
                except (NoData, NotPublished):
                    continue
    return {k: row for k, row in found.items() if row}, ctx.name, []


def _national(ctx: Context, values: list[Any], code: str) -> dict[str, Any]:
    if code == NATIONAL:
        return {}
    out = {}
    for value in values:
        try:
            out[value.category] = ctx.lookup(value.indicator, NATIONAL, value.category,
                                             value.year)
        except NoData:
            continue
    return out


def _missing(ctx: Context, definition: Any, dimension: str, code: str,
             values: list[Any]) -> None:
    """Name the categories this level does not publish (po types for a VO partnership...)."""
    level = ctx.registry.get(code).level
    shown = {v.category for v in values}
    missing = [c for c in definition.categories.get(dimension, ())
               if c not in shown and level not in definition.published_levels(c)]
    if missing:
        ctx.draft.lines.append(ctx.t.render(
            "breakdown_missing", ctx.lang, level=level_name(level, ctx.lang),
            categories=", ".join(definition.category_label(c, ctx.lang) for c in missing)))
