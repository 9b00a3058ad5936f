"""Answers that show several values: a trend, the peers, a position, a breakdown.

They are built from single engine lookups (and ``engine.position`` for ranks), so every line is
a fact with its own region, category and year, exactly as in the data.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from bot.core.answers import labels as lb
from bot.core.answers.format import fmt_value
from bot.core.understanding import lexicon as lx
from bot.core.understanding.slots import breakdown_dimension

if TYPE_CHECKING:  # pragma: no cover
    from bot.core.answers.indicator import _Context
    from bot.core.understanding.model import Understanding

logger = logging.getLogger(__name__)
NATIONAL = "NL01"
PEERS_N = 8
DIMENSION_CATEGORIES = {
    "onderwijssoort": lx.ONDERWIJS,
    "zorgtype": lx.ZORGTYPES,
    "risicofactor": lx.RISK_FACTORS,
}


def _no_data(what: str) -> Exception:
    from bot.core.answers.indicator import NoData

    return NoData(what)


def trend_lines(ctx: _Context, u: Understanding, category: str) -> None:
    """All available years (or those from the asked year on) for each region, and the direction."""
    years = sorted(ctx.engine.years(u.indicator))
    if u.years:
        wanted = [y for y in years if u.years[0] <= y <= (u.years[-1] if len(u.years) > 1
                                                          else years[-1])]
        years = wanted if len(wanted) >= 2 else years
    t, lang = ctx.t, ctx.lang
    for code in u.regions or [NATIONAL]:
        values = []
        for year in years:
            try:
                values.append(ctx.lookup(u.indicator, code, category, year))
            except Exception:  # noqa: BLE001 - a missing year is skipped, not fatal
                continue
        if not values:
            raise _no_data(f"trend {code}")
        label = ctx.title(u.indicator, category) if u.indicator != "neet_rr" else \
            f"{ctx.title(u.indicator, category)} ({lb.factor_label(category, lang)})"
        ctx.draft.lines.append(t.render("trend_intro", lang, label=label, region=ctx.name(code)))
        for value in values:
            ctx.fact(value)
            ctx.draft.lines.append(t.render("trend_line", lang, year=value.year,
                                            value=fmt_value(value, lang)))
        shown = [v for v in values if not v.suppressed and v.value is not None]
        if len(shown) >= 2:
            first, last = shown[0], shown[-1]
            key = "up" if last.value > first.value else "down" if last.value < first.value \
                else "flat"
            ctx.draft.claims.append({"kind": "trend", "indicator": u.indicator, "region": code,
                                     "category": category, "from": first.year,
                                     "to": last.year, "direction": key})
            ctx.draft.lines.append(t.render(
                "trend_direction", lang, first_year=first.year, last_year=last.year,
                direction=lb.TREND_WORD[lang][key]))


def peer_lines(ctx: _Context, u: Understanding, category: str, year: int | None) -> None:
    """The region's value and those of its most alike gemeenten (at least five)."""
    code = (u.regions or [NATIONAL])[0]
    if code == NATIONAL:
        raise _no_data("no peers for Nederland")
    own = ctx.lookup(u.indicator, code, category, year)
    ctx.fact(own)
    peers = []
    for region in ctx.registry.peers(code, n=PEERS_N):
        try:
            peers.append(ctx.lookup(u.indicator, region.code, category, own.year))
        except Exception:  # noqa: BLE001
            continue
    t, lang = ctx.t, ctx.lang
    ctx.draft.lines.append(t.render("peers_intro", lang, region=ctx.name(code),
                                    label=ctx.label(u.indicator, category), year=own.year))
    for value in peers:
        ctx.fact(value)
        ctx.draft.lines.append(t.render("peers_line", lang, region=ctx.name(value.region),
                                        value=fmt_value(value, lang)))
    if own.value is None or own.suppressed:
        return
    known = [p for p in peers if p.value is not None and not p.suppressed]
    higher = sum(1 for p in known if p.value > own.value)
    lower = sum(1 for p in known if p.value < own.value)
    ctx.draft.claims.append({"kind": "peers", "indicator": u.indicator, "region": code,
                             "category": category, "year": own.year,
                             "standing": _standing(higher, lower)})
    ctx.draft.lines.append(t.render("peers_summary", lang, region=ctx.name(code),
                                    value=fmt_value(own, lang),
                                    standing=STANDING[lang][_standing(higher, lower)]))


STANDING = {
    "nl": {"top": "hoger dan al deze vergelijkbare gemeenten",
           "bottom": "lager dan al deze vergelijkbare gemeenten",
           "high": "hoger dan de meeste vergelijkbare gemeenten",
           "low": "lager dan de meeste vergelijkbare gemeenten",
           "middle": "ongeveer in het midden van de vergelijkbare gemeenten"},
    "en": {"top": "higher than all of these similar municipalities",
           "bottom": "lower than all of these similar municipalities",
           "high": "higher than most similar municipalities",
           "low": "lower than most similar municipalities",
           "middle": "about in the middle of the similar municipalities"},
}


def _standing(higher: int, lower: int) -> str:
    """Where a value sits among its peers, in words (no extra numbers in the answer)."""
    if higher == 0 and lower > 0:
        return "top"
    if lower == 0 and higher > 0:
        return "bottom"
    if lower >= 2 * max(higher, 1):
        return "high"
    if higher >= 2 * max(lower, 1):
        return "low"
    return "middle"


def position_lines(ctx: _Context, u: Understanding, category: str, year: int | None) -> None:
    """Rank among all gemeenten and whether the region is in the highest or lowest five percent."""
    code = (u.regions or [NATIONAL])[0]
    own = ctx.lookup(u.indicator, code, category, year)
    try:
        pos = ctx.engine.position(u.indicator, code, category, own.year)
    except Exception as exc:  # noqa: BLE001
        raise _no_data(f"position {code}: {exc}") from exc
    rank, n = int(getattr(pos, "rank", 0)), int(getattr(pos, "n", 0))
    t, lang = ctx.t, ctx.lang
    ctx.fact(own)
    if not rank or not n or own.value is None:
        ctx.draft.lines.append(ctx.value_line(own))
        return
    ctx.draft.extra_numbers += [rank, n]
    label = ctx.label(u.indicator, category)
    ctx.draft.lines.append(t.render("position", lang, region=ctx.name(code),
                                    value=fmt_value(own, lang), rank=rank, n=n, label=label,
                                    year=own.year))
    top = bool(getattr(pos, "top_5pct", False))
    bottom = bool(getattr(pos, "bottom_5pct", False))
    key = "position_top" if top else "position_bottom" if bottom else "position_middle"
    ctx.draft.lines.append(t.render(key, lang, region=ctx.name(code)))


def breakdown_lines(ctx: _Context, u: Understanding, year: int | None) -> None:
    """Values per onderwijssoort, zorgtype or risk factor for the (first) region."""
    code = (u.regions or [NATIONAL])[0]
    dimension = breakdown_dimension(u.indicator, u.query.lower(), u.category)
    values = []
    for category in DIMENSION_CATEGORIES[dimension]:
        try:
            values.append(ctx.lookup(u.indicator, code, category, year))
        except Exception:  # noqa: BLE001
            continue
    if not values:
        raise _no_data(f"breakdown {code}")
    t, lang = ctx.t, ctx.lang
    if u.indicator == "neet_rr":
        values.sort(key=lambda v: -(v.value or 0))
    label = ctx.title(u.indicator, "totaal")
    ctx.draft.lines.append(t.render("breakdown_intro", lang, label=label, region=ctx.name(code),
                                    year=values[0].year,
                                    dimension=lb.DIMENSION[lang][dimension]))
    for value in values:
        ctx.fact(value)
        ctx.draft.lines.append(t.render("breakdown_line", lang,
                                        category=lb.category_label(value.category, lang),
                                        value=fmt_value(value, lang)))


def values_of(facts: list[Any]) -> list[float]:
    return [f.value for f in facts if f.value is not None]


RANKING_SIZE = 10
LOWEST = ("laagste", "lowest", "minste", "onderaan", "least")


def ranking_lines(ctx: _Context, u: Understanding, category: str, year: int | None) -> None:
    """The gemeenten with the highest (or lowest) value, with Nederland for reference."""
    lowest = any(word in u.query.lower() for word in LOWEST)
    values = []
    for region in ctx.registry.gemeenten():
        try:
            value = ctx.lookup(u.indicator, region.code, category, year)
        except Exception:  # noqa: BLE001
            continue
        if value.value is not None and not value.suppressed:
            values.append(value)
    if not values:
        raise _no_data("ranking")
    values.sort(key=lambda v: (v.value, v.region), reverse=not lowest)
    top = values[:RANKING_SIZE]
    t, lang = ctx.t, ctx.lang
    which = {"nl": ("laagste", "hoogste"), "en": ("lowest", "highest")}[lang][0 if lowest else 1]
    count = ("tien" if lang == "nl" else "ten") if len(top) == 10 else len(top)
    ctx.draft.lines.append(t.render("ranking_intro", lang, count=count, which=which,
                                    label=ctx.label(u.indicator, category), year=top[0].year))
    for value in top:
        ctx.fact(value)
        ctx.draft.lines.append(t.render("peers_line", lang, region=ctx.name(value.region),
                                        value=fmt_value(value, lang)))
    try:
        national = ctx.lookup(u.indicator, NATIONAL, category, top[0].year)
    except Exception:  # noqa: BLE001
        return
    ctx.fact(national)
    ctx.draft.lines.append(t.render("peers_line", lang, region=ctx.name(NATIONAL),
                                    value=fmt_value(national, lang)))
