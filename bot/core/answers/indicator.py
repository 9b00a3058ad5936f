"""Indicator answers: compute with the engine, then say what was tested, with the evidence.

One function per kind of question (value, comparison, trend, peers, position, breakdown). Each
collects the engine's values as facts and writes sentences from the templates, so every number in
the text is a fact, formatted by ``indicators.formatting`` in the question's language. Rules the
sentences keep:

* "hoger"/"lager" only when the engine's test is significant *and* relevant; otherwise "ongeveer
  gelijk" with the reason;
* against its own samenwerkingsverband a gemeente is compared with the rest of it, and that is
  the figure shown ("de rest van het samenwerkingsverband, zonder Amsterdam"); a partnership that
  is the gemeente alone is said so, and the answer compares with Nederland instead;
* a figure that is not published at the asked level (NEET for a PO partnership) is explained,
  and the nearest partnership that has it is answered instead, with buttons for the others.

The closing lines are always the same: a one-line definition, the source and, for
demonstration data, the notice.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from bot.core.answers import breakdown, ranking, series
from bot.core.answers import labels as lb
from bot.core.answers.charts import maybe_chart
from bot.core.answers.context import NATIONAL, Context, Draft, NoData, indicator_of
from bot.core.answers.evidence import dedupe, region_name, region_refs
from bot.core.answers.followups import MAX_SUGGESTIONS, followups_for
from bot.core.answers.format import fmt_value
from bot.core.answers.provenance import about_lines, demo_notices
from bot.core.messages import Button, Reply
from bot.core.understanding.model import Understanding
from indicators import formatting as fm
from indicators.levels import NotPublished
from prompts.loader import templates

if TYPE_CHECKING:  # pragma: no cover
    from bot.core.ports import Figures
    from indicators.registry import RegionRegistry

logger = logging.getLogger(__name__)
__all__ = ["Draft", "NoData", "answer_indicator", "correction_line"]


def correction_line(registry: RegionRegistry, typed: str, code: str, lang: str) -> str:
    """The note above an answer for a place the user named otherwise: a former gemeente says
    which one it went into and since when ("Hengelo (Gld.) is sinds 2005 geen aparte gemeente
    meer; ik gebruik Bronckhorst."), a typo says which name was assumed."""
    found = registry.resolve(typed)
    if found.method == "former" and found.region is not None and found.region.code == code:
        return found.message_in(lang)
    return templates().render("correction", lang, name=region_name(registry, code, lang))


def answer_indicator(u: Understanding, figures: Figures, *, charts: bool = True,
                     show_counts: bool = True) -> Reply:
    """Answer an indicator question described by ``u`` (intent indicator/compare/trend)."""
    engine, registry, lang = figures.indicators, figures.registry, u.language
    t = templates()
    draft = Draft()
    ctx = Context(engine, registry, lang, show_counts, draft)
    for typed, code in u.corrections:
        draft.lines.append(correction_line(registry, typed, code, lang))
    if u.provinces_left_out:  # "NEET in Noord-Brabant en Eindhoven"
        draft.lines.append(t.render("province_left_out", lang,
                                    provinces=fm.listing(u.provinces_left_out, lang)))
    if u.risk_for_group and u.indicator == "neet_rr":
        draft.lines.append(t.render("risk_for_group", lang))
    if u.measures_left_out:  # "jeugdzorg en thuiszitters": the tables hold none of those
        measures = [t.render(f"measure_{key}", lang) for key in u.measures_left_out]
        draft.lines.append(t.render("measures_left_out", lang, measures=fm.listing(measures, lang)))
    if u.groups_left_out:  # "NEET voor vso en havo": havo has no figures
        draft.lines.append(t.render("groups_left_out", lang,
                                    groups=fm.listing(u.groups_left_out, lang)))
    definition = figures.catalog.get(u.indicator or "")
    if u.group_not_in_data and definition is not None:
        category = u.category or "totaal"
        everyone = definition.category_label(category, lang) if category == "totaal" \
            else definition.group(category, lang)
        draft.lines.append(t.render("group_not_in_data", lang, everyone=everyone))
    if u.presentation in ("map", "table"):  # "zet het op een kaart": none; what there is
        draft.lines.append(t.render(f"no_{u.presentation}", lang))
    elif u.presentation == "chart" and not charts:  # a channel that shows no charts
        draft.lines.append(t.render("no_chart_here", lang))
    if u.counted_back and u.year:  # "vijf jaar geleden": say which year that was taken to be
        words, base = u.counted_back
        draft.lines.append(t.render("counted_back", lang, words=words, year=u.year, base=base))
    if u.neighbours_read:  # "buurgemeenten": there are no neighbours in the figures
        draft.lines.append(t.render("neighbours_read", lang, words=u.neighbours_read))
    if u.injection:
        draft.lines.append(t.render("injection", lang))
    if u.origins.get("regions") == "default" and u.regions == [NATIONAL] \
            and u.mode != "ranking":
        draft.lines.append(t.render("default_region", lang))
    elif u.profile_assumed and u.regions and u.mode != "ranking":
        draft.lines.append(t.render("profile_region_used", lang,
                                    region=region_name(registry, u.regions[0], lang)))
    notes = list(draft.lines)  # about the question, not the figure: said once when combined
    category = u.category or "totaal"
    year = ctx.pick_year(u.indicator, u.year)
    try:
        _run(ctx, u, category, year)
    except NoData as exc:
        logger.info("no data: %s", exc)
        return _no_data(u, figures, category)
    if charts:
        chart = maybe_chart(u, draft, lang, engine.catalog)
        if chart is not None:
            draft.charts.append(chart)
        elif u.presentation == "chart":  # asked for a chart this kind of answer has none of
            draft.lines.append(t.render("no_chart", lang))
            notes.append(draft.lines[-1])
    facts = dedupe(draft.facts)
    demo = any(f.demo for f in facts)
    regions = [f.region for f in facts] + draft.regions
    follow = followups_for(u, lang, shown={f.region for f in facts},
                           alone=_alone_in_swv(engine, u, category))
    follow = _year_before_first(engine, u, year, lang, follow)
    return Reply(
        text="\n".join(line for line in draft.lines if line),
        intent=u.intent,  # type: ignore[arg-type]
        facts=facts,
        regions=region_refs(registry, regions),
        charts=draft.charts,
        demo_data=demo,
        about=about_lines(engine, registry, draft.values, indicator_of(u), lang),
        notices=demo_notices(registry, draft.values, lang, engine.catalog),
        followups=follow,
        buttons=draft.buttons + [Button(label=f, value=f) for f in follow],
        language=lang,
        debug={"grounded_extra": draft.extra_numbers, "tests": draft.tests,
               "claims": draft.claims, "notes": notes},
    )


def _year_before_first(engine: Any, u: Understanding, shown: int | None, lang: str,
                       follow: list[str]) -> list[str]:
    """"En vorig jaar?" after a figure of 2023 is read as 2025 (counted from today) and shows
    2023 again, since there are no newer figures; many who ask it mean the year before the
    figure they just saw. That year comes first among the suggestions ("En in 2022?")."""
    if not (u.counted_back and u.year and shown and u.year > shown):
        return follow
    try:
        years = set(engine.years(u.indicator))
    except Exception:  # noqa: BLE001 - no suggestion rather than no answer
        return follow
    if shown - 1 not in years:
        return follow
    return [templates().render("followup_year", lang, year=shown - 1), *follow][:MAX_SUGGESTIONS]


def _run(ctx: Context, u: Understanding, category: str, year: int | None) -> None:
    """The handler for the mode; a level without figures is explained and substituted once."""
    handler = HANDLERS.get(u.mode, _value)
    lines = len(ctx.draft.lines)
    try:
        handler(ctx, u, category, year)
        _jeugdzorg_note(ctx, u, category)
    except NotPublished as exc:
        del ctx.draft.lines[lines:]
        ctx.draft.facts.clear()
        ctx.draft.values.clear()
        substitute = ctx.explain_not_published(exc, u)
        if substitute is None:
            raise NoData(str(exc)) from exc
        u.regions = [substitute if code == exc.region else code for code in u.regions]
        try:
            handler(ctx, u, category, year)
            _jeugdzorg_note(ctx, u, category)
        except NotPublished as again:
            raise NoData(str(again)) from again


def _value(ctx: Context, u: Understanding, category: str, year: int | None) -> None:
    """Value(s) for the named regions; one gemeente/SWV is set against Nederland."""
    indicator = indicator_of(u)
    regions = u.regions or [NATIONAL]
    if indicator == "neet_rr" and u.category is None:
        breakdown.breakdown_lines(ctx, u, year)
        return
    if breakdown.wants_jeugdhulp(u, category):
        breakdown.jeugdhulp_lines(ctx, u, year)
        return
    for code in regions:
        value = ctx.lookup(indicator, code, category, year)
        ctx.draft.lines.append(ctx.value_line(value))
    if len(regions) == 1 and regions[0] != NATIONAL:
        try:
            comparison = ctx.compare_or_refuse(indicator, regions[0], NATIONAL, category, year,
                                               first=value)
        except NoData:
            return
        if comparison is not None:
            ctx.draft.lines.append(ctx.comparison_line(comparison))


def _compare(ctx: Context, u: Understanding, category: str, year: int | None) -> None:
    """The first region against each of the others (named regions, Nederland, or the SWV)."""
    indicator = indicator_of(u)
    regions = list(dict.fromkeys(u.regions))
    if len(regions) == 1:
        regions.append(NATIONAL if regions[0] != NATIONAL else regions[0])
    if len(set(regions)) == 1:
        _value(ctx, u, category, year)
        return
    first = regions[0]
    value = ctx.lookup(indicator, first, category, year)
    ctx.draft.lines.append(ctx.value_line(value))
    for other in regions[1:]:
        comparison = ctx.compare_or_refuse(indicator, first, other, category, year,
                                           first=value)
        if comparison is None:  # a real figure against a demonstration one: said why not
            continue
        if comparison.skipped == "swv_is_gemeente":
            _alone(ctx, u, comparison, regions, category, year)
            continue
        if getattr(comparison.shown, "excluding", ""):
            # the partnership's published figure, then the group the test compared with
            ctx.draft.lines.append(ctx.value_line(comparison.b))
            ctx.draft.lines.append(ctx.rest_line(comparison.shown, first))
        else:
            ctx.draft.lines.append(ctx.value_line(comparison.b))
        ctx.draft.lines.append(ctx.comparison_line(comparison))


def _alone(ctx: Context, u: Understanding, comparison: Any, regions: list[str],
           category: str, year: int | None) -> None:
    """The SWV is the gemeente alone: say so and compare with Nederland instead."""
    indicator = indicator_of(u)
    swv = comparison.b
    ctx.fact(swv)
    ctx.draft.lines.append(ctx.t.render("swv_alone", ctx.lang, swv=ctx.name(swv.region),
                                        region=ctx.name(comparison.a.region),
                                        value=fmt_value(swv, ctx.lang)))
    if NATIONAL in regions:
        return
    national = ctx.compare_or_refuse(indicator, comparison.a.region, NATIONAL, category,
                                     year)
    if national is None:
        return
    ctx.draft.lines.append(ctx.value_line(national.b))
    ctx.draft.lines.append(ctx.comparison_line(national))


def _jeugdzorg_note(ctx: Context, u: Understanding, category: str) -> None:
    """The user said "jeugdhulp" but the answer shows all jeugdzorg: say so plainly (a value
    question already got the two jeugdhulp figures instead)."""
    if u.mode != "value" and breakdown.wants_jeugdhulp(u, category):
        ctx.draft.lines.append(ctx.t.render("jeugdzorg_not_jeugdhulp", ctx.lang))


HANDLERS = {
    "value": _value, "national": _compare, "swv": _compare, "regions": _compare,
    "compare": _compare, "trend": series.trend_lines, "peers": series.peer_lines,
    "position": series.position_lines, "breakdown": breakdown.breakdown_handler,
    "ranking": ranking.ranking_lines,
}


def _no_data(u: Understanding, figures: Figures, category: str) -> Reply:
    lang = u.language
    label = lb.indicator_label(figures.indicators, u.indicator or "", category, lang)
    names = [region_name(figures.registry, c, lang) for c in u.regions] or ["Nederland"]
    return Reply(
        text=templates().render("no_data", lang, label=label, region=", ".join(names),
                                category_text=""),
        intent=u.intent,  # type: ignore[arg-type]
        language=lang,
    )


def _alone_in_swv(engine: Any, u: Understanding, category: str) -> bool:
    """Whether the gemeente asked about is its samenwerkingsverband on its own (then "En
    vergeleken met het samenwerkingsverband?" has nothing to compare)."""
    subject = u.regions[0] if u.regions else ""
    if not subject.startswith("GM"):
        return False
    try:
        return bool(engine.is_alone(subject, engine.swv_for(subject, category)))
    except Exception:  # noqa: BLE001 - no partnership known: the suggestion stays
        return False
