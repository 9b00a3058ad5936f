"""The state of one indicator answer under construction, and the sentences every kind shares.

Why apart: the value, comparison, trend and breakdown answers all write a figure the same way
(value line, the rest of a samenwerkingsverband, a comparison that names the tested figure, a
level without figures), so those sentences live here once, built from the templates and the one
formatter of the indicators library.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.core.answers import labels as lb
from bot.core.answers.evidence import region_name, to_fact
from bot.core.answers.format import fmt_counts, fmt_value
from bot.core.answers.provenance import mark_meaning
from bot.core.messages import Button, Chart, Fact
from bot.core.understanding.model import Understanding
from indicators import formatting
from indicators.levels import NotPublished
from indicators.sources import MixedSources
from indicators.vocabulary import level_name
from prompts.loader import templates

NATIONAL = "NL01"


class NoData(LookupError):
    """The engine has no value for what was asked (region, category or year)."""


def indicator_of(u: Understanding) -> str:
    """The indicator asked about; an indicator answer without one has nothing to compute, which
    the answer reports as missing data."""
    if u.indicator is None:
        raise NoData("no indicator in the question")
    return u.indicator


class Refused(LookupError):
    """A comparison the engine refuses: a real figure against a demonstration one. ``text``
    says why in the answer's language; ``real`` and ``demo`` are the two figures."""

    def __init__(self, text: str, real: Any, demo: Any) -> None:
        super().__init__(text)
        self.text, self.real, self.demo = text, real, demo


@dataclass
class Draft:
    """An answer under construction."""

    lines: list[str] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    extra_numbers: list[float] = field(default_factory=list)  # ranks, counts of a level
    values: list[Any] = field(default_factory=list)  # the engine's values, for charts
    series: list[Any] = field(default_factory=list)  # trends drawn in a trend chart
    tests: list[dict] = field(default_factory=list)  # every comparison a sentence rests on
    claims: list[dict] = field(default_factory=list)  # the same, as the LLM check reads them
    buttons: list[Button] = field(default_factory=list)


class Context:
    """The engine, registry and language one answer is written with."""

    def __init__(self, engine: Any, registry: Any, lang: str, show_counts: bool,
                 draft: Draft) -> None:
        self.engine, self.registry, self.lang = engine, registry, lang
        self.show_counts, self.draft = show_counts, draft
        self.t = templates()

    def name(self, code: str) -> str:
        return region_name(self.registry, code, self.lang)

    def label(self, indicator: str, category: str) -> str:
        """What a figure is. Its age range ("0 tot 23 jaar") is no figure and no extra number:
        the LLM check knows it from the catalog's labels, in its own phrase only."""
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
        except NotPublished:
            raise
        except Exception as exc:  # noqa: BLE001 - engine says it has no such value
            raise NoData(f"{indicator}/{region}/{category}/{year}: {exc}") from exc
        if value is None:
            raise NoData(f"{indicator}/{region}/{category}/{year}")
        return value

    def lookup_each(self, indicator: str, regions: list[str], category: str,
                    year: int | None) -> list[Any]:
        """The figures of many regions (a ranking), leaving out those without one; no figure
        for any of them (an unknown indicator or category, no year) is ``NoData``."""
        try:
            return self.engine.lookup_each(indicator, regions, category, year)
        except NotPublished:
            raise
        except Exception as exc:  # noqa: BLE001 - engine says it has no such figure
            raise NoData(f"{indicator}/{category}/{year}: {exc}") from exc

    def compare(self, indicator: str, region: str, other: str, category: str,
                year: int | None, first: Any = None) -> Any:
        try:
            return self.engine.compare(indicator, region, other, category, year, first=first)
        except NotPublished:
            raise
        except MixedSources as exc:  # real against demo: say so instead of comparing
            text = exc.english() if self.lang == "en" else str(exc)
            raise Refused(text, exc.real, exc.demo) from exc
        except Exception as exc:  # noqa: BLE001
            raise NoData(f"compare {region}/{other}: {exc}") from exc

    def compare_or_refuse(self, indicator: str, region: str, other: str, category: str,
                          year: int | None, first: Any = None) -> Any | None:
        """The comparison; or, for a real figure against a demonstration one, None after
        writing the other figure (labelled per figure in about/notices) and why the two are
        not compared. ``first``: the region's figure if looked up already."""
        try:
            return self.compare(indicator, region, other, category, year, first)
        except Refused as refused:
            other_value = refused.demo if refused.real.region == region else refused.real
            self.draft.lines.append(self.value_line(other_value))
            self.draft.lines.append(refused.text)
            return None

    def fact(self, value: Any) -> None:
        self.draft.facts.append(to_fact(value))
        self.draft.values.append(value)

    def value_line(self, value: Any) -> str:
        """One sentence with a value (and counts), or why it is not shown."""
        self.fact(value)
        name, lang = self.name(value.region), self.lang
        if value.indicator == "neet_rr":
            factor = lb.factor_label(self.engine.catalog, value.category, lang)
            if value.value is None:
                return self.t.render("rr_suppressed", lang, factor=factor, region=name,
                                     year=value.year)
            return self.t.render("rr_value", lang, factor=factor, region=name, year=value.year,
                                 value=fmt_value(value, lang), interval=self.interval(value))
        label = self.title(value.indicator, value.category)
        if getattr(value, "mark", "") and value.value is None and not value.suppressed:
            return self.t.render("value_no_figure", lang, label=label, region=name,
                                 year=value.year, meaning=mark_meaning(value.mark, lang))
        if value.value is None:
            key = "value_derived" if getattr(value, "suppressed_reason", "") == "afgeleid" \
                else "value_suppressed"
            return self.t.render(key, lang, label=label, region=name, year=value.year)
        counts = fmt_counts(value, lang) if self.show_counts else ""
        return self.t.render("value", lang, label=label, region=name, year=value.year,
                             value=fmt_value(value, lang), counts=counts)

    def interval(self, value: Any) -> str:
        """" (betrouwbaarheidsinterval 2,1 tot 3,4 keer)" of a relative risk; "" for another
        figure (its interval is not said in "keer") or one without an interval."""
        low, high = getattr(value, "ci_low", None), getattr(value, "ci_high", None)
        if low is None or high is None or getattr(value, "unit", "x") != "x":
            return ""
        # a claim, not extra numbers: the LLM check accepts the bounds only as this figure's
        # interval, next to an interval word
        self.draft.claims.append({"kind": "interval", "indicator": value.indicator,
                                  "region": value.region, "category": value.category,
                                  "year": value.year, "low": low, "high": high})
        return self.t.render("rr_interval", self.lang, low=formatting.ratio(low, self.lang),
                             high=formatting.times(high, self.lang))

    def rest_line(self, rest: Any, gemeente: str) -> str:
        """The group the test compared with: the rest of the samenwerkingsverband.

        The rest is a derived group, not a published figure, so it is not a ``Fact`` (facts are
        exactly the shipped figures): the line names it with its counts, the whole partnership's
        published figure stands on its own line, and the test itself is kept in
        ``Reply.debug["tests"]``.
        """
        counts = ""
        if self.show_counts and rest.value is not None and rest.numerator is not None \
                and rest.denominator:
            # not in extra_numbers: the LLM check binds these counts to the named group (the
            # comparison's claim carries them, see ``comparison_claim``)
            counts = ": " + formatting.counts_text(rest, self.lang).strip(" ()")
        return self.t.render("rest_value", self.lang, swv=self.name(rest.region),
                             region=self.name(gemeente), year=rest.year, counts=counts)

    def record(self, comparison: Any) -> None:
        """Keep what a sentence about a difference rests on: the full test in
        ``Reply.debug["tests"]``, what the sentence claims in ``Reply.debug["claims"]``."""
        shown = comparison.shown
        self.draft.tests.append({
            "kind": "compare", "indicator": comparison.a.indicator,
            "category": comparison.a.category, "year": comparison.a.year,
            "region": comparison.a.region, "other": shown.region,
            "excluding": getattr(shown, "excluding", "") or None,
            "direction": comparison.direction, "significant": comparison.significant,
            "relevant": getattr(comparison, "relevant", False), "p_value": comparison.p_value,
            "test": comparison.test})
        label = None
        if getattr(shown, "excluding", ""):
            label = self.t.render("rest_name", self.lang, region=self.name(shown.excluding))
        self.draft.claims.append(comparison_claim(comparison, label))

    def comparison_line(self, comparison: Any) -> str:
        """"X ligt hoger dan Y (…); het verschil is …" about the figure that was tested."""
        a, shown = comparison.a, comparison.shown
        self.fact(a)
        if a.value is None or shown.value is None:
            return ""
        self.record(comparison)
        significance = self.t.render(significance_key(comparison), self.lang)
        if getattr(shown, "excluding", ""):
            # the rest of the partnership is named, not given as a percentage (see rest_line)
            other = self.t.render("rest_name", self.lang, region=self.name(shown.excluding))
            values = dict(region=self.name(a.region), other=other, significance=significance)
            suffix = "_rest"
        else:
            self.fact(shown)
            values = dict(region=self.name(a.region), other=self.name(shown.region),
                          other_value=fmt_value(shown, self.lang), significance=significance)
            suffix = ""
        if comparison.direction not in ("hoger", "lager"):
            return self.t.render("compare_same" + suffix, self.lang, **values)
        return self.t.render("compare_diff" + suffix, self.lang,
                             direction=lb.DIRECTION[self.lang][comparison.direction], **values)

    def explain_not_published(self, exc: NotPublished, u: Understanding) -> str | None:
        """Say why there is no figure at this level; return the region to answer instead."""
        t, lang = self.t, self.lang
        definition = self.engine.indicator(exc.indicator)
        allowed = (" and per " if lang == "en" else " en per ").join(
            level_name(level, lang) for level in exc.allowed if level != "land")
        self.draft.lines.append(t.render(
            "not_published", lang, label=self.label(exc.indicator, exc.category),
            level=level_name(exc.level, lang), allowed=allowed))
        substitute = self._own_swv(exc, u) or (exc.alternatives[0] if exc.alternatives else None)
        if substitute is None or substitute == NATIONAL:
            return substitute
        self.draft.lines.append(t.render("not_published_alt", lang, region=self.name(exc.region),
                                         alternative=self.name(substitute)))
        others = [code for code in exc.alternatives if code != substitute]
        if others:
            self.draft.lines.append(t.render("not_published_more", lang,
                                             others=", ".join(self.name(c) for c in others)))
            word = definition.keyword(lang)
            if exc.category != definition.default_category:
                word += f" {exc.category}"
            self.draft.buttons += [Button(label=self.name(code), value=f"{word} {code}")
                                   for code in others[:3]]
        return substitute

    def _own_swv(self, exc: NotPublished, u: Understanding) -> str | None:
        """For "gemeente against its SWV", the gemeente's own partnership of the right kind."""
        first = u.regions[0] if u.regions else None
        if u.mode == "swv" and first and first != exc.region and first.startswith("GM"):
            try:
                return self.engine.swv_for(first, exc.category)
            except Exception:  # noqa: BLE001
                return None
        return None


def group_code(region: str, excluding: str) -> str:
    """The code of "``region`` without ``excluding``" (the rest of a samenwerkingsverband): no
    registry region and no ``Fact``, so it gets a code of its own in the claims."""
    return f"{region}-{excluding}"


def comparison_claim(comparison: Any, label: str | None = None) -> dict:
    """What a comparison sentence claims, in the shape the LLM check reads
    (``bot/core/llm/claims.py``): the direction the sentence says ("gelijk" unless significant
    and relevant), whether it was significant (None: not testable) and relevant. A test against
    the rest of a partnership names that rest as the reference ``b``: a group code, ``label``
    (the words the sentence uses for it) and in ``groups`` its counts, so the check binds "1.101
    van 8.687" to that group and not to the partnership's published figure."""
    a, shown = comparison.a, comparison.shown
    tested = getattr(comparison, "tested", True) and comparison.direction != "onbekend"
    direction = comparison.direction if comparison.direction in ("hoger", "lager") \
        else "gelijk"
    claim = {"kind": "compare", "indicator": a.indicator, "category": a.category,
             "year": a.year, "a": a.region, "b": shown.region, "direction": direction,
             "significant": comparison.significant if tested else None,
             "relevant": bool(getattr(comparison, "relevant", False)) if tested else None}
    excluding = getattr(shown, "excluding", "") or ""
    if excluding:
        code = group_code(shown.region, excluding)
        claim["b"] = code
        claim["groups"] = {code: {"region": shown.region, "excluding": excluding,
                                  "numerator": shown.numerator,
                                  "denominator": shown.denominator}}
        if label:
            claim["labels"] = {code: label}
    return claim


def significance_key(comparison: Any) -> str:
    if not getattr(comparison, "tested", True) or comparison.direction == "onbekend":
        return "sig_unknown"
    if comparison.direction in ("hoger", "lager"):
        return "sig_yes"
    return "sig_small" if comparison.significant else "sig_no"




def shown_text(ctx: Context, value: Any) -> str:
    """A figure in a list: the number, or why it is hidden ("minder dan 10 jongeren")."""
    mark: str = getattr(value, "mark", "") or ""
    if value.value is not None or (mark and not value.suppressed):
        return fmt_value(value, ctx.lang)  # a figure, or "geen cijfer" for a source's mark
    key = "hidden_derived" if getattr(value, "suppressed_reason", "") == "afgeleid" \
        else "hidden_small"
    return ctx.t.render(key, ctx.lang)
