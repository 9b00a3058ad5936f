"""Indicator answers: compute with the engine, then say it with the evidence.

One function per kind of question (value, comparison, trend, peers, position, breakdown). Each
collects the engine's values as facts and writes sentences from the templates, so every number in
the text is a fact, formatted in the question's language. The closing lines are always the same:
a one-line definition, the source and, for demonstration data, the notice.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from bot.core.answers import labels as lb
from bot.core.answers.charts import maybe_chart
from bot.core.answers.evidence import (
    dedupe,
    region_name,
    region_refs,
    to_fact,
)
from bot.core.answers.followups import followups_for
from bot.core.answers.format import fmt_counts, fmt_value
from bot.core.answers.provenance import about_lines, demo_notices, mark_meaning
from bot.core.messages import Button, Chart, Fact, Reply
from bot.core.understanding.model import Understanding
from prompts.loader import templates

logger = logging.getLogger(__name__)
NATIONAL = "NL01"


class NoData(LookupError):
    """The engine has no value for what was asked (region, category or year)."""


class Refused(LookupError):
    """A comparison the engine refuses (a real figure against a demonstration one); ``text``
    says why in the answer's language."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


@dataclass
class Draft:
    """An answer under construction."""

    lines: list[str] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    extra_numbers: list[float] = field(default_factory=list)  # ranks, counts: grounded too
    values: list[Any] = field(default_factory=list)  # the engine's values, for charts


def answer_indicator(u: Understanding, services: Any, *, charts: bool = True,
                     show_counts: bool = True) -> Reply:
    """Answer an indicator question described by ``u`` (intent indicator/compare/trend)."""
    engine, registry, lang = services.indicators, services.registry, u.language
    t = templates()
    draft = Draft()
    ctx = _Context(engine, registry, lang, show_counts, draft)
    for _typed, code in u.corrections:
        draft.lines.append(t.render("correction", lang, name=region_name(registry, code, lang)))
    if u.injection:
        draft.lines.append(t.render("injection", lang))
    if u.origins.get("regions") == "default" and u.regions == [NATIONAL] \
            and u.mode != "ranking":
        draft.lines.append(t.render("default_region", lang))
    category = u.category or "totaal"
    year = ctx.pick_year(u.indicator, u.year)
    try:
        handler = HANDLERS.get(u.mode, _value)
        handler(ctx, u, category, year)
    except NoData as exc:
        logger.info("no data: %s", exc)
        return _no_data(u, services, category)
    if charts:
        chart = maybe_chart(u, draft, lang)
        if chart is not None:
            draft.charts.append(chart)
    facts = dedupe(draft.facts)
    demo = any(f.demo for f in facts)
    regions = [f.region for f in facts] + draft.regions
    follow = followups_for(u, lang)
    return Reply(
        text="\n".join(line for line in draft.lines if line),
        intent=u.intent,  # type: ignore[arg-type]
        facts=facts,
        regions=region_refs(registry, regions),
        charts=draft.charts,
        demo_data=demo,
        about=about_lines(engine, registry, draft.values, u.indicator, lang),
        notices=demo_notices(registry, draft.values, lang),
        followups=follow,
        buttons=[Button(label=f, value=f) for f in follow],
        language=lang,
        debug={"grounded_extra": draft.extra_numbers},
    )


class _Context:
    """The engine, registry and language one answer is written with."""

    def __init__(self, engine: Any, registry: Any, lang: str, show_counts: bool,
                 draft: Draft) -> None:
        self.engine, self.registry, self.lang = engine, registry, lang
        self.show_counts, self.draft = show_counts, draft
        self.t = templates()
        self.year_note_done = False

    def name(self, code: str) -> str:
        return region_name(self.registry, code, self.lang)

    def label(self, indicator: str, category: str) -> str:
        return lb.indicator_label(self.engine, indicator, category, self.lang)

    def title(self, indicator: str, category: str) -> str:
        """The label as the start of a sentence."""
        label = self.label(indicator, category)
        return label[:1].upper() + label[1:]

    def pick_year(self, indicator: str | None, year: int | None) -> int | None:
        """The asked year if there is data for it, else the latest (with a note)."""
        try:
            years = list(self.engine.years(indicator))
        except Exception:  # noqa: BLE001
            return year
        if not years:
            return year
        if year is None:
            return max(years)
        if year not in years:
            self.draft.lines.append(self.t.render("year_missing", self.lang, year=year))
            return min(years, key=lambda y: (abs(y - year), -y))
        return year

    def lookup(self, indicator: str, region: str, category: str, year: int | None) -> Any:
        try:
            value = self.engine.lookup(indicator, region, category, year)
        except Exception as exc:  # noqa: BLE001 - engine says it has no such value
            raise NoData(f"{indicator}/{region}/{category}/{year}: {exc}") from exc
        if value is None:
            raise NoData(f"{indicator}/{region}/{category}/{year}")
        return value

    def fact(self, value: Any) -> None:
        self.draft.facts.append(to_fact(value))
        self.draft.values.append(value)

    def value_line(self, value: Any) -> str:
        """One sentence with a value (and counts), or the suppression wording."""
        self.fact(value)
        name = self.name(value.region)
        if value.indicator == "neet_rr" and not getattr(value, "suppressed", False):
            factor = lb.factor_label(value.category, self.lang)
            return self.t.render("rr_value", self.lang, factor=factor, region=name,
                                 year=value.year, value=fmt_value(value, self.lang))
        label = self.title(value.indicator, value.category)
        if getattr(value, "mark", "") and value.value is None:
            return self.t.render("value_no_figure", self.lang, label=label, region=name,
                                 year=value.year, meaning=mark_meaning(value.mark, self.lang))
        if getattr(value, "suppressed", False) or value.value is None:
            return self.t.render("value_suppressed", self.lang, label=label, region=name,
                                 year=value.year)
        counts = fmt_counts(value, self.lang) if self.show_counts else ""
        return self.t.render("value", self.lang, label=label, region=name, year=value.year,
                             value=fmt_value(value, self.lang), counts=counts)

    def comparison_line(self, comparison: Any) -> str:
        a, b = comparison.a, comparison.b
        self.fact(a)
        self.fact(b)
        if getattr(a, "suppressed", False) or getattr(b, "suppressed", False) \
                or a.value is None or b.value is None:
            return ""
        tested = getattr(comparison, "tested", True)
        significant = getattr(comparison, "significant", None)
        if significant is None or not tested or comparison.direction not in (
                "hoger", "lager", "gelijk"):
            sig = "sig_unknown"
        else:
            sig = "sig_yes" if significant else "sig_no"
        # a difference is only called higher or lower when it is statistically meaningful;
        # otherwise the sentence says the two are about the same and why
        direction = "gelijk" if sig == "sig_no" else _direction(a.value, b.value)
        values = dict(region=self.name(a.region), other=self.name(b.region),
                      other_value=fmt_value(b, self.lang),
                      significance=self.t.render(sig, self.lang))
        if direction == "gelijk":
            return self.t.render("compare_same", self.lang, **values)
        return self.t.render("compare_diff", self.lang,
                             direction=lb.DIRECTION[self.lang].get(direction, direction),
                             **values)

    def compare(self, indicator: str, region: str, other: str, category: str,
                year: int | None) -> Any:
        from indicators.sources import MixedSources

        try:
            return self.engine.compare(indicator, region, other, category, year)
        except MixedSources as exc:  # real against demo: say so instead of comparing
            for value in (exc.real, exc.demo):
                self.fact(value)
            raise Refused(exc.english() if self.lang == "en" else str(exc)) from exc
        except Exception as exc:  # noqa: BLE001
            raise NoData(f"compare {region}/{other}: {exc}") from exc


def _direction(a: float, b: float) -> str:
    return "hoger" if a > b else "lager" if a < b else "gelijk"


def _value(ctx: _Context, u: Understanding, category: str, year: int | None) -> None:
    """Value(s) for the named regions; one gemeente/SWV is set against Nederland."""
    regions = u.regions or [NATIONAL]
    if u.indicator == "neet_rr" and u.category is None:
        _breakdown(ctx, u, category, year)
        return
    for code in regions:
        value = ctx.lookup(u.indicator, code, category, year)
        ctx.draft.lines.append(ctx.value_line(value))
    if len(regions) == 1 and regions[0] != NATIONAL:
        try:
            comparison = ctx.compare(u.indicator, regions[0], NATIONAL, category, year)
        except NoData:
            return
        except Refused as refused:
            ctx.draft.lines.append(refused.text)
            return
        line = ctx.comparison_line(comparison)
        if line:
            ctx.draft.lines.append(line)


def _compare(ctx: _Context, u: Understanding, category: str, year: int | None) -> None:
    """The first region against each of the others (named regions, Nederland, or the SWV)."""
    regions = list(dict.fromkeys(u.regions))
    if len(regions) == 1:
        regions.append(NATIONAL if regions[0] != NATIONAL else regions[0])
    if len(set(regions)) == 1:
        _value(ctx, u, category, year)
        return
    first = regions[0]
    for code in regions:
        ctx.draft.lines.append(ctx.value_line(ctx.lookup(u.indicator, code, category, year)))
    for other in regions[1:]:
        try:
            line = ctx.comparison_line(ctx.compare(u.indicator, first, other, category, year))
        except Refused as refused:
            line = refused.text
        if line:
            ctx.draft.lines.append(line)


def _trend(ctx: _Context, u: Understanding, category: str, year: int | None) -> None:
    from bot.core.answers.series import trend_lines

    trend_lines(ctx, u, category)


def _peers(ctx: _Context, u: Understanding, category: str, year: int | None) -> None:
    from bot.core.answers.series import peer_lines

    peer_lines(ctx, u, category, year)


def _position(ctx: _Context, u: Understanding, category: str, year: int | None) -> None:
    from bot.core.answers.series import position_lines

    position_lines(ctx, u, category, year)


def _ranking(ctx: _Context, u: Understanding, category: str, year: int | None) -> None:
    from bot.core.answers.series import ranking_lines

    ranking_lines(ctx, u, category, year)


def _breakdown(ctx: _Context, u: Understanding, category: str, year: int | None) -> None:
    from bot.core.answers.series import breakdown_lines

    breakdown_lines(ctx, u, year)


HANDLERS = {
    "value": _value, "national": _compare, "swv": _compare, "regions": _compare,
    "compare": _compare, "trend": _trend, "peers": _peers, "position": _position,
    "breakdown": _breakdown, "ranking": _ranking,
}


def _no_data(u: Understanding, services: Any, category: str) -> Reply:
    lang = u.language
    label = lb.indicator_label(services.indicators, u.indicator, category, lang)
    names = [region_name(services.registry, c, lang) for c in u.regions] or ["Nederland"]
    category_text = ""
    return Reply(
        text=templates().render("no_data", lang, label=label, region=", ".join(names),
                                category_text=category_text),
        intent=u.intent,  # type: ignore[arg-type]
        language=lang,
    )
