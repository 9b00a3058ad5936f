"""Answers that show several values: a trend, the peers, a position, a ranking.

They are built from engine lookups (``engine.trend``, ``engine.compare_trend`` and
``engine.position`` for the judgements), so every line is a fact with its own region, category
and year, exactly as in the data, and a trend is called "gestegen"/"gedaald" only when the
engine found the change significant and relevant.
"""

from __future__ import annotations

import logging
from typing import Any

from bot.core.answers import labels as lb
from bot.core.answers.context import (
    NATIONAL,
    Context,
    NoData,
    indicator_of,
    shown_text,
    significance_key,
)
from bot.core.answers.format import fmt_value
from bot.core.understanding.model import Understanding
from indicators import formatting
from indicators.levels import NotPublished
from indicators.vocabulary import level_plural

logger = logging.getLogger(__name__)
PEERS_N = 8
TREND_KEYS = {"gestegen": "trend_rose", "gedaald": "trend_fell", "stabiel": "trend_flat"}
TREND_CLAIM = {"gestegen": "up", "gedaald": "down", "stabiel": "flat", "onbekend": "unknown"}
STANDING_CLAIM = {"hoger": "high", "lager": "low"}


def _years(ctx: Context, u: Understanding) -> list[int]:
    years = sorted(ctx.engine.years(u.indicator))
    if u.years:
        wanted = [y for y in years if u.years[0] <= y <= (u.years[-1] if len(u.years) > 1
                                                          else years[-1])]
        years = wanted if len(wanted) >= 2 else years
    return years


def trend_lines(ctx: Context, u: Understanding, category: str, year: int | None) -> None:
    """Every year for each region, the judged change, and for the first region the change
    against Nederland's (tested) and a chart with its samenwerkingsverband and Nederland."""
    indicator = indicator_of(u)
    years = _years(ctx, u)
    t, lang = ctx.t, ctx.lang
    regions = u.regions or [NATIONAL]
    for k, code in enumerate(regions):
        trend = _trend(ctx, indicator, code, category, years)
        label = ctx.title(indicator, category)
        ctx.draft.lines.append(t.render("trend_intro", lang, label=label, region=ctx.name(code)))
        for value in trend.values:
            ctx.fact(value)
            ctx.draft.lines.append(t.render("trend_line", lang, year=value.year,
                                            value=fmt_value(value, lang)))
        ctx.draft.lines.append(_change_line(ctx, trend))
        if k == 0:
            ctx.draft.series.append(trend)
            if trend.region != NATIONAL:
                _against_national(ctx, u, trend, category, years)


def _trend(ctx: Context, indicator: str, code: str, category: str, years: list[int]) -> Any:
    try:
        return ctx.engine.trend(indicator, code, category, years)
    except NotPublished:
        raise  # explained by the caller, with the nearest region that has the figure
    except Exception as exc:  # noqa: BLE001 - the engine has no such series
        raise NoData(f"trend {code}: {exc}") from exc


def _change_line(ctx: Context, trend: Any) -> str:
    t, lang = ctx.t, ctx.lang
    if trend.first_year is None:
        return ""
    years = {"first_year": trend.first_year, "last_year": trend.last_year}
    ctx.draft.tests.append({"kind": "trend", "indicator": trend.indicator,
                            "category": trend.category, "region": trend.region, **years,
                            "direction": trend.direction, "significant": trend.significant,
                            "relevant": trend.relevant, "p_value": trend.p_value})
    ctx.draft.claims.append(trend_claim(trend))
    if trend.direction == "onbekend":
        return t.render("trend_untested", lang, **years)
    key = TREND_KEYS[trend.direction]
    if key == "trend_flat":
        sig = "trend_sig_small" if trend.significant else "trend_sig_no"
        return t.render(key, lang, significance=t.render(sig, lang), **years)
    return t.render(key, lang, **years)


def trend_claim(trend: Any) -> dict:
    """What a trend sentence claims, in the shape the LLM check reads (``bot/core/llm/claims.py``):
    up/down only when significant and relevant, flat otherwise, unknown when untestable."""
    tested = trend.direction != "onbekend"
    return {"kind": "trend", "indicator": trend.indicator, "category": trend.category,
            "region": trend.region, "from": trend.first_year, "to": trend.last_year,
            "direction": TREND_CLAIM.get(trend.direction, "unknown"),
            "significant": trend.significant if tested else None,
            "relevant": trend.relevant if tested else None}


def trend_vs_claim(cmp: Any) -> dict:
    """What a sentence about a region's development against Nederland's claims: ``direction``
    hoger (rose more or fell less) / lager / gelijk as the sentence says it, and the raw
    changes the sentence names ("gestegen, terwijl het in Nederland daalde")."""
    direction = cmp.direction if cmp.direction in ("hoger", "lager") else "gelijk"
    return {"kind": "trend_vs", "indicator": cmp.region.indicator,
            "category": cmp.region.category, "region": cmp.region.region,
            "other": cmp.reference.region, "from": cmp.first_year, "to": cmp.last_year,
            "direction": direction,
            "significant": cmp.significant if cmp.tested else None,
            "relevant": cmp.relevant if cmp.tested else None,
            "change": "up" if cmp.change >= 1 else "down",
            "other_change": "up" if cmp.reference_change >= 1 else "down"}


def _against_national(ctx: Context, u: Understanding, trend: Any, category: str,
                      years: list[int]) -> None:
    """The national change (its two end figures are facts) and whether the region's differs."""
    indicator = indicator_of(u)
    engine, t, lang = ctx.engine, ctx.t, ctx.lang
    try:
        cmp = engine.compare_trend(indicator, trend.region, category, NATIONAL, years, own=trend)
    except Exception:  # noqa: BLE001 - no national trend: the region's own lines stand
        logger.info("no trend comparison for %s", trend.region, exc_info=True)
        return
    national = {v.year: v for v in cmp.reference.values}
    if cmp.first_year is None:
        return
    first, last = national[cmp.first_year], national[cmp.last_year]
    ctx.fact(first)
    ctx.fact(last)
    ctx.draft.lines.append(t.render("trend_national", lang, first=fmt_value(first, lang),
                                    last=fmt_value(last, lang), first_year=first.year,
                                    last_year=last.year))
    name = ctx.name(trend.region)
    ctx.draft.tests.append({"kind": "trend_vs", "indicator": trend.indicator,
                            "category": trend.category, "region": trend.region,
                            "other": NATIONAL, "direction": cmp.direction,
                            "significant": cmp.significant, "relevant": cmp.relevant,
                            "p_value": cmp.p_value})
    if cmp.direction in ("hoger", "lager") or cmp.tested:
        ctx.draft.claims.append(trend_vs_claim(cmp))
    if cmp.direction in ("hoger", "lager"):
        ctx.draft.lines.append(t.render(versus_key(cmp), lang, region=name))
    elif cmp.tested:
        sig = "trend_vs_sig_small" if cmp.significant else "trend_vs_sig_no"
        ctx.draft.lines.append(t.render("trend_vs_same", lang, region=name,
                                        significance=t.render(sig, lang)))
    swv = _own_swv_trend(ctx, indicator, trend.region, category, years)
    ctx.draft.series += [s for s in (swv, cmp.reference) if s is not None]


def versus_key(cmp: Any) -> str:
    """Which sentence fits a trend against Nederland: rose more, rose while the country fell,
    fell less, ... (the chat's answer and the OOGO points' evidence use the same sentence)."""
    own_up, nl_up = cmp.change >= 1, cmp.reference_change >= 1
    if cmp.direction == "hoger":
        if own_up:
            return "trend_vs_rose_more" if nl_up else "trend_vs_rose_against"
        return "trend_vs_fell_less"
    if not own_up:
        return "trend_vs_fell_more" if not nl_up else "trend_vs_fell_against"
    return "trend_vs_rose_less"


def _own_swv_trend(ctx: Context, indicator: str, code: str, category: str,
                   years: list[int]) -> Any | None:
    """The gemeente's own samenwerkingsverband over the years, for the chart (not alone)."""
    if not code.startswith("GM"):
        return None
    try:
        swv = ctx.engine.swv_for(code, category)
        if ctx.engine.is_alone(code, swv):
            return None
        return ctx.engine.trend(indicator, swv, category, years)
    except Exception:  # noqa: BLE001 - the chart simply has one line less
        return None


def peer_lines(ctx: Context, u: Understanding, category: str, year: int | None) -> None:
    """The region's value and those of its most alike gemeenten, and the tested difference
    with those gemeenten together (their summed counts)."""
    indicator = indicator_of(u)
    code = (u.regions or [NATIONAL])[0]
    if code == NATIONAL:
        raise NoData("no peers for Nederland")
    try:
        result = ctx.engine.compare_peers(indicator, code, category, year, PEERS_N)
    except NotPublished:
        raise
    except Exception as exc:  # noqa: BLE001 - the engine has no such figures
        raise NoData(f"peers {code}: {exc}") from exc
    own = result.region
    ctx.fact(own)
    t, lang = ctx.t, ctx.lang
    ctx.draft.lines.append(t.render("peers_intro", lang, region=ctx.name(code),
                                    label=ctx.label(indicator, category), year=own.year))
    for value in result.peers:
        ctx.fact(value)
        ctx.draft.lines.append(t.render("peers_line", lang, region=ctx.name(value.region),
                                        value=shown_text(ctx, value)))
    if getattr(result, "left_out", 0):  # peers of the other kind (real vs demo) are left out
        ctx.draft.lines.append(t.render("peers_left_out", lang, other=other_kind(ctx, own)))
    if own.value is None:
        return
    name = ctx.name(code)
    ctx.draft.lines.append(t.render("peers_summary", lang, region=name,
                                    value=fmt_value(own, lang)))
    cmp = result.comparison
    if cmp is None or not cmp.tested:
        return
    ctx.draft.tests.append({"kind": "compare", "indicator": own.indicator,
                            "category": own.category, "year": own.year, "region": own.region,
                            "other": "PEERS", "excluding": None, "direction": cmp.direction,
                            "significant": cmp.significant, "relevant": cmp.relevant,
                            "p_value": cmp.p_value, "test": cmp.test})
    ctx.draft.claims.append({"kind": "peers", "indicator": own.indicator,
                             "category": own.category, "year": own.year, "region": own.region,
                             "standing": STANDING_CLAIM.get(cmp.direction, "middle"),
                             "significant": cmp.significant, "relevant": cmp.relevant})
    sig = t.render(significance_key(cmp), lang)
    if cmp.direction in ("hoger", "lager"):
        ctx.draft.lines.append(t.render("peers_diff", lang, region=name, significance=sig,
                                        direction=lb.DIRECTION[lang][cmp.direction]))
    else:
        ctx.draft.lines.append(t.render("peers_same", lang, region=name, significance=sig))
    pooled = result.pooled
    if ctx.show_counts and pooled is not None and pooled.numerator and pooled.denominator:
        # the figure the sentence above was tested against: these gemeenten's summed counts (a
        # derived group, so no Fact and no percentage of its own; see ``Context.rest_line``)
        counts = ": " + formatting.counts_text(pooled, lang).strip(" ()")
        ctx.draft.lines.append(t.render("peers_tested", lang, year=pooled.year, counts=counts))
        ctx.draft.extra_numbers += [float(pooled.numerator), float(pooled.denominator)]


def position_lines(ctx: Context, u: Understanding, category: str, year: int | None) -> None:
    """Rank among all regions of the level and whether it is in the highest or lowest 5%."""
    indicator = indicator_of(u)
    code = (u.regions or [NATIONAL])[0]
    own = ctx.lookup(indicator, code, category, year)
    try:
        pos = ctx.engine.position(indicator, code, category, own.year)
    except Exception as exc:  # noqa: BLE001
        raise NoData(f"position {code}: {exc}") from exc
    rank, n = int(pos.rank or 0), int(pos.n or 0)
    t, lang = ctx.t, ctx.lang
    if not rank or not n or own.value is None:
        ctx.draft.lines.append(ctx.value_line(own))
        if (getattr(pos, "extra", None) or {}).get("real_partial"):
            ctx.draft.lines.append(t.render("position_real_partial", lang,
                                            group=level_plural(pos.level, lang)))
        return
    ctx.fact(own)
    group = level_plural(pos.level, lang)
    ctx.draft.lines.append(t.render("position", lang, region=ctx.name(code),
                                    value=fmt_value(own, lang), rank=rank, n=n, group=group,
                                    label=ctx.label(indicator, category), year=own.year))
    key = "position_top" if pos.top_5pct else "position_bottom" if pos.bottom_5pct \
        else "position_middle"
    # for the LLM check: the rank and the count belong to this region, and so does the
    # standing ("bij de hoogste vijf procent")
    ctx.draft.claims.append({"kind": "position", "indicator": own.indicator,
                             "category": own.category, "year": own.year, "region": code,
                             "rank": rank, "n": n, "standing": key.split("_")[1]})
    ctx.draft.lines.append(t.render(key, lang, region=ctx.name(code), group=group))


def other_kind(ctx: Context, value: Any) -> str:
    """The words for the kind of figure ``value`` is not (left out beside it)."""
    return ctx.t.render("kind_real" if getattr(value, "demo", True) else "kind_demo", ctx.lang)
