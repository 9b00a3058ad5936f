"""Turn the indicator engine's comparisons, trends and positions into scored signals.

Only what the engine calls meaningful becomes a signal: a statistically significant higher value
than Nederland, the region's samenwerkingsverband or its peers; a significant rise over the
years; a place among the highest 5% of gemeenten; or a relative risk of NEET clearly above the
national one. Every signal carries the engine's own values as ``Fact``s, so nothing is rounded or
invented on the way to the table. The score formula is documented in ``bot/oogo/scoring.py``.
"""

from __future__ import annotations

import logging
from typing import Any

from bot.oogo import scoring
from bot.oogo.formatting import ZORGTYPES, category_label, fact_from_value, fmt_fact
from bot.oogo.model import Evidence, Signal
from bot.oogo.topics import topic_for

log = logging.getLogger(__name__)

NL = "NL01"
ONDERWIJSSOORTEN = ("po", "sbo", "so", "vo", "vso", "pro", "mbo", "totaal")
PO_SIDE = ("po", "sbo", "so")
#: a relative risk this many times the national one "stands out" (also without significance)
RR_FACTOR = 1.25


def _source(engine: Any, indicator: str, *values: Any) -> str:
    """Per evidence: the CBS source of real figures, the demo source of demo ones."""
    from bot.oogo.sources_view import source_of

    return source_of(engine, indicator, *values)


def _label(engine: Any, indicator: str, language: str) -> str:
    definition = engine.catalog.get(indicator)
    if definition is None:
        return indicator
    return str(definition.label_en if language == "en" else definition.label_nl)


def _safe(call: Any, *args: Any, **kwargs: Any) -> Any:
    """Call the engine, treating missing data as 'no signal' (a point needs evidence, not luck)."""
    try:
        return call(*args, **kwargs)
    except Exception as exc:  # missing year/category/region in the data: simply no signal
        log.debug("engine call %s%s failed: %s", getattr(call, "__name__", call), args, exc)
        return None


def _usable(value: Any) -> bool:
    return value is not None and not value.suppressed and value.value is not None


def _name(registry: Any, code: str, language: str = "nl") -> str:
    if code == NL and language == "en":
        return "the Netherlands"
    try:
        return registry.get(code).name
    except Exception:
        return code


def swv_for(region: Any, category: str) -> str | None:
    """The samenwerkingsverband to compare a gemeente with: PO for po/sbo/so, else VO."""
    if region.level != "gemeente":
        return None
    return region.swv_po if category in PO_SIDE else region.swv_vo


def _subject(indicator: str, category: str, language: str) -> str:
    label = category_label(category, language)
    if indicator == "jeugdzorg":
        if category in ZORGTYPES:
            return f"jeugdzorg ({label})" if language != "en" else label
        if category == "totaal":
            return "jeugdzorg" if language != "en" else "youth care"
        return f"jeugdzorg in {label}" if language != "en" else f"youth care in {label}"
    if indicator == "neet":
        return "NEET"
    return (f"relatief risico op NEET na {label}" if language != "en"
            else f"relative risk of NEET after {label}")


def comparison_signals(ctx: Any, value: Any) -> list[Signal]:
    """Significantly higher than Nederland, the SWV or the peers: one signal each."""
    engine, region, language = ctx.engine, ctx.region, ctx.language
    ind, cat, year = value.indicator, value.category, value.year
    targets: list[tuple[str, str]] = [(NL, "nl")]
    swv = swv_for(region, cat)
    if swv:
        targets.append((swv, "swv"))
    out: list[Signal] = []
    subject = _subject(ind, cat, language)
    for other, kind in targets:
        comp = _safe(engine.compare, ind, region.code, other, cat, year)
        if comp is None or not comp.significant or comp.direction != "hoger":
            continue
        if not _usable(comp.b):
            continue
        size = scoring.effect(comp.a.value, comp.b.value, comp.a.unit)
        other_name = _name(ctx.registry, other, language)
        if language == "en":
            text = (f"In {year}, {subject} in {region.name} was "
                    f"{fmt_fact(fact_from_value(comp.a), 'en')}"
                    f", significantly higher than in {other_name} "
                    f"({fmt_fact(fact_from_value(comp.b), 'en')}).")
            reason = f"significantly higher than {other_name}"
        else:
            text = (f"In {year} was {subject} in {region.name} "
                    f"{fmt_fact(fact_from_value(comp.a))}, significant hoger dan in {other_name} "
                    f"({fmt_fact(fact_from_value(comp.b))}).")
            reason = f"significant hoger dan {other_name}"
        other_value = fmt_fact(fact_from_value(comp.b), language)
        lead = (f"In {year}, {subject} in {region.name} was "
                f"{fmt_fact(fact_from_value(comp.a), language)}" if language == "en" else
                f"In {year} was {subject} in {region.name} {fmt_fact(fact_from_value(comp.a))}")
        evidence = Evidence("comparison", text, _source(engine, ind, comp.a, comp.b),
                            [fact_from_value(comp.a), fact_from_value(comp.b)],
                            {"against": [other], "test": str(getattr(comp, "test", "")),
                             "lead": lead, "clauses": [f"{other_name} ({other_value})"]})
        out.append(Signal(topic_for(ind, cat), evidence,
                          scoring.comparison_score(size, kind), reason, reason))
    if region.level == "gemeente":
        out.extend(_peer_signal(ctx, value, subject))
    return out


def _peer_signal(ctx: Any, value: Any, subject: str) -> list[Signal]:
    engine, region, language = ctx.engine, ctx.region, ctx.language
    comp = _safe(engine.compare_peers, value.indicator, region.code, value.category, value.year)
    tested = getattr(comp, "comparison", None)
    if tested is None or not tested.significant or tested.direction != "hoger":
        return []
    peer_values = [v for v in comp.peers if _usable(v)]
    mean = scoring.peer_mean(comp, peer_values)
    if mean is None:
        return []
    mean = round(mean, 1)
    facts = [fact_from_value(value)] + [fact_from_value(v) for v in peer_values]
    mean_text = scoring.fmt_mean(mean, language)
    if language == "en":
        text = (f"In {value.year}, {subject} in {region.name} was "
                f"{fmt_fact(fact_from_value(value), 'en')}, significantly higher than in "
                f"comparable gemeenten (average {mean_text}).")
        reason = "significantly higher than comparable gemeenten"
    else:
        text = (f"In {value.year} was {subject} in {region.name} {fmt_fact(fact_from_value(value))}"
                f", significant hoger dan in vergelijkbare gemeenten (gemiddeld {mean_text}).")
        reason = "significant hoger dan vergelijkbare gemeenten"
    lead = (f"In {value.year}, {subject} in {region.name} was "
            f"{fmt_fact(fact_from_value(value), language)}" if language == "en" else
            f"In {value.year} was {subject} in {region.name} {fmt_fact(fact_from_value(value))}")
    clause = (f"comparable gemeenten (average {mean_text})" if language == "en" else
              f"vergelijkbare gemeenten (gemiddeld {mean_text})")
    evidence = Evidence("comparison", text, _source(engine, value.indicator, value,
                                                    *peer_values), facts,
                        {"against": ["peers"], "peer_mean": mean, "lead": lead,
                         "clauses": [clause]})
    return [Signal(topic_for(value.indicator, value.category), evidence,
                   scoring.comparison_score(scoring.effect(value.value, mean, value.unit),
                                            "peers"),
                   reason, reason)]


def trend_signals(ctx: Any, indicator: str, category: str) -> list[Signal]:
    """A significant rise over the years: evidence for the topic and for the ontwikkelagenda."""
    engine, region, language = ctx.engine, ctx.region, ctx.language
    trend = _safe(engine.trend, indicator, region.code, category)
    if trend is None or not scoring.is_rising(trend):
        return []
    values = [v for v in trend.values if _usable(v)]
    if len(values) < 2:
        return []
    first, last = values[0], values[-1]
    subject = _subject(indicator, category, language)
    if language == "en":
        text = (f"{subject.capitalize()} in {region.name} rose significantly from "
                f"{fmt_fact(fact_from_value(first), 'en')} in {first.year} to "
                f"{fmt_fact(fact_from_value(last), 'en')} in {last.year}.")
        reason = f"significant rise {first.year}-{last.year}"
    else:
        text = (f"{subject[0].upper() + subject[1:]} in {region.name} steeg significant van "
                f"{fmt_fact(fact_from_value(first))} in {first.year} naar "
                f"{fmt_fact(fact_from_value(last))} in {last.year}.")
        reason = f"significante stijging {first.year}-{last.year}"
    evidence = Evidence("trend", text, _source(engine, indicator, *values),
                        [fact_from_value(v) for v in values],
                        {"first_year": first.year, "last_year": last.year})
    score = scoring.trend_score(scoring.effect(last.value, first.value, last.unit))
    return [Signal(topic_for(indicator, category), evidence, score, reason, reason),
            Signal("ontwikkelagenda", evidence, score, reason, reason)]


def position_signals(ctx: Any, value: Any) -> list[Signal]:
    """Among the highest 5% of all gemeenten (only meaningful for a gemeente)."""
    engine, region, language = ctx.engine, ctx.region, ctx.language
    if region.level != "gemeente":
        return []
    pos = _safe(engine.position, value.indicator, region.code, value.category, value.year)
    if pos is None or not getattr(pos, "top_5pct", False):
        return []
    subject = _subject(value.indicator, value.category, language)
    if language == "en":
        text = (f"With {fmt_fact(fact_from_value(value), 'en')} in {value.year}, {region.name} is "
                f"among the highest 5% of gemeenten for {subject} (rank {pos.rank} of {pos.n}).")
        reason = "among the highest 5% of gemeenten"
    else:
        text = (f"Met {fmt_fact(fact_from_value(value))} in {value.year} hoort {region.name} "
                f"bij de hoogste 5% van de gemeenten voor {subject} "
                f"(plaats {pos.rank} van {pos.n}).")
        reason = "bij de hoogste 5% van de gemeenten"
    evidence = Evidence("position", text, _source(engine, value.indicator, value),
                        [fact_from_value(value)], {"rank": pos.rank, "n": pos.n})
    return [Signal(topic_for(value.indicator, value.category), evidence,
                   scoring.POSITION_SCORE, reason, reason)]


def risk_signals(ctx: Any, value: Any) -> list[Signal]:
    """A relative risk of NEET clearly above the national one for that factor: at least
    ``RR_FACTOR`` times as high, or significantly higher according to the engine's test."""
    engine, region, language = ctx.engine, ctx.region, ctx.language
    national = _safe(engine.lookup, "neet_rr", NL, value.category, value.year)
    if not _usable(national) or value.value <= national.value:
        return []
    comp = _safe(engine.compare, "neet_rr", region.code, NL, value.category, value.year)
    significant = bool(comp is not None and comp.significant and comp.direction == "hoger")
    stands_out = value.value >= national.value * RR_FACTOR
    if not (stands_out or significant):
        return []
    label = category_label(value.category, language)
    a, b = fmt_fact(fact_from_value(value), language), fmt_fact(fact_from_value(national), language)
    if language == "en":
        text = (f"In {value.year}, young people after {label} in {region.name} were {a} times as "
                f"likely to be NEET as others; nationally {b} times"
                f"{' (significant difference)' if significant else ''}.")
        reason = "relative risk of NEET clearly above the national one"
    else:
        text = (f"In {value.year} hadden jongeren na {label} in {region.name} {a} keer zoveel kans "
                f"om NEET te zijn als andere jongeren; landelijk was dat {b} keer"
                f"{' (significant verschil)' if significant else ''}.")
        reason = "relatief risico op NEET duidelijk boven het landelijke"
    evidence = Evidence("risk", text, _source(engine, "neet_rr", value, national),
                        [fact_from_value(value), fact_from_value(national)],
                        {"significant": significant, "stands_out": stands_out})
    return [Signal(topic_for("neet_rr", value.category), evidence,
                   scoring.risk_score(value.value, national.value, significant), reason, reason)]


def collect(ctx: Any) -> tuple[list[Signal], int | None]:
    """All indicator signals for ``ctx.region`` and the latest jeugdzorg year used."""
    engine, region = ctx.engine, ctx.region
    signals: list[Signal] = []
    year = _safe(engine.latest_year, "jeugdzorg")
    values: list[Any] = []
    for dimension in ("onderwijssoort", "zorgtype"):
        values.extend(_safe(engine.breakdown, "jeugdzorg", region.code, year, dimension) or [])
    neet_year = _safe(engine.latest_year, "neet")
    neet = _safe(engine.lookup, "neet", region.code, "totaal", neet_year)
    if neet is not None:
        values.append(neet)
    for value in values:
        if not _usable(value):
            continue
        signals.extend(comparison_signals(ctx, value))
        signals.extend(position_signals(ctx, value))
        signals.extend(trend_signals(ctx, value.indicator, value.category))
    rr_year = _safe(engine.latest_year, "neet_rr")
    for value in _safe(engine.breakdown, "neet_rr", region.code, rr_year, "risicofactor") or []:
        if _usable(value):
            signals.extend(risk_signals(ctx, value))
    return signals, year
