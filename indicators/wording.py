"""Engine results as short Dutch (or English) sentences, for the CLI, charts and the report.

Why here: the words for a figure come from the catalog and its numbers from
``indicators.formatting``, so the CLI, the charts and the report say the same as the chat. A
difference is "hoger" or "lager" only when the engine found it significant *and* relevant, and a
comparison names the figure that was tested (the rest of a samenwerkingsverband, not all of it).
"""

from __future__ import annotations

from collections.abc import Iterable

from indicators import formatting as fm
from indicators.catalog import (
    DEMO_SOURCE_EN,
    DEMO_SOURCE_NL,
    IMPORT_SOURCE_EN,
    IMPORT_SOURCE_NL,
    catalog,
)
from indicators.values import Comparison, Position, Trend, Value
from indicators.vocabulary import level_plural
from prompts.data_texts import data_text

SUPPRESSED_NL = fm.SUPPRESSED["nl"]
SUPPRESSED_EN = fm.SUPPRESSED["en"]

format_number = fm.number


def format_value(value: float | None, unit: str, lang: str = "nl",
                 suppressed: bool = False) -> str:
    """A figure as shown: "4,8%", "3,3 keer", or the suppression words."""
    return fm.figure(value, unit, lang, suppressed)


def format_count(count: int | None, lang: str = "nl") -> str:
    """A count with thousands separators, or "minder dan 10" when it is under 10."""
    return fm.count(count, lang)


def region_name(value: Value, lang: str = "nl") -> str:
    """The region as a sentence names it; the rest of an SWV says which gemeente is left out."""
    if value.region == "NL01":
        return "the Netherlands" if lang == "en" else "Nederland"
    name = value.name or value.region
    if value.excluding:
        left_out = value.excluding_name or value.excluding
        return data_text("wording_rest_of", lang, name=name, left_out=left_out)
    return name


def category_label(category: str, lang: str = "nl", indicator: str = "jeugdzorg") -> str:
    """The category's name in a list ("primair onderwijs (po)")."""
    definition = catalog().get(indicator) or catalog()["jeugdzorg"]
    if category not in definition.all_categories:
        definition = next((d for d in catalog().values() if category in d.all_categories),
                          definition)
    return definition.category_label(category, lang)


def figure_label(value: Value, lang: str = "nl") -> str:
    """What the figure is: "jeugdzorggebruik onder leerlingen in het vso"."""
    definition = catalog().get(value.indicator)
    return definition.figure_label(value.category, lang) if definition else value.indicator


def _shown(value: Value, lang: str) -> str:
    return fm.value_text(value, lang)


def describe_value(value: Value, lang: str = "nl") -> str:
    """One sentence with the figure, region, category and year."""
    label, where = figure_label(value, lang), region_name(value, lang)
    if value.suppressed:
        return data_text("wording_value_suppressed", lang, where=where, label=label,
                         year=value.year, suppressed=_suppressed(lang))
    return data_text("wording_value", lang, label=_cap(label), where=where, year=value.year,
                     shown=_shown(value, lang))


def describe_comparison(cmp: Comparison, lang: str = "nl") -> str:
    """E.g. "4,8% in Amsterdam is hoger dan 4,1% in Nederland (...)" — "hoger"/"lager" only
    for a significant and relevant difference, against the figure that was tested."""
    a, b = cmp.a, cmp.shown
    year = a.year
    if cmp.skipped == "swv_is_gemeente":
        return data_text("wording_swv_is_gemeente", lang, swv=cmp.b.name, gemeente=a.name,
                         year=year)
    a_txt = f"{_shown(a, lang)} in {region_name(a, lang)}"
    b_txt = f"{_shown(b, lang)} in {region_name(b, lang)}"
    if a.value is None or b.value is None:
        small = a if a.value is None else b
        return data_text("wording_compare_suppressed", lang, where=region_name(small, lang),
                         suppressed=_suppressed(lang), year=year)
    if not cmp.tested:
        return data_text("wording_compare_untested", lang, a=_cap(a_txt), b=b_txt, year=year)
    if cmp.direction in ("hoger", "lager"):
        return data_text("wording_compare_higher" if cmp.direction == "hoger"
                         else "wording_compare_lower", lang, a=_cap(a_txt), b=b_txt, year=year)
    return data_text("wording_compare_same", lang, a=_cap(a_txt), b=b_txt,
                     why=_why_same(cmp, lang), year=year)


def _why_same(cmp: Comparison, lang: str) -> str:
    if not cmp.significant:
        return data_text("wording_same_not_significant", lang)
    return data_text("wording_same_small", lang)


def describe_trend(trend: Trend, lang: str = "nl") -> str:
    """The change from the first to the last year with a figure, judged as comparisons are."""
    definition = catalog().get(trend.indicator)
    label = definition.figure_label(trend.category, lang) if definition else trend.indicator
    shown = [v for v in trend.values if v.value is not None]
    if len(shown) < 2:
        return data_text("wording_trend_too_few", lang)
    first, last = shown[0], shown[-1]
    where = region_name(first, lang)
    span = data_text("wording_trend_span", lang, first=_shown(first, lang),
                     first_year=first.year, last=_shown(last, lang), last_year=last.year)
    label = _cap(label)
    if trend.direction == "onbekend":
        return data_text("wording_trend_untested", lang, label=label, where=where, span=span)
    if trend.direction == "stabiel":
        return data_text("wording_trend_stable", lang, label=label, where=where, span=span)
    return data_text("wording_trend_rose" if trend.direction == "gestegen"
                     else "wording_trend_fell", lang, label=label, where=where, span=span)


def describe_position(pos: Position, name: str, unit: str, lang: str = "nl") -> str:
    """Rank among all regions of the level, with "hoogste 5%" / "laagste 5%" when it applies."""
    group = level_plural(pos.level, lang)
    if pos.rank is None:
        return data_text("wording_position_none", lang, name=name, year=pos.year)
    text = data_text("wording_position", lang, shown=fm.figure(pos.value, unit, lang),
                     name=name, rank=pos.rank, n=pos.n, group=group,
                     pct=fm.number(pos.percentile or 0.0, 1, lang), year=pos.year)
    if pos.top_5pct:
        text += " " + data_text("wording_position_top", lang, name=name)
    if pos.bottom_5pct:
        text += " " + data_text("wording_position_bottom", lang, name=name)
    return text


def source_line(values: Iterable[Value], lang: str = "nl") -> str:
    """"Bron: ..." for the figures shown, with the demonstration notice when it applies."""
    values = list(values)
    sources = []
    for value in values:
        source = value.source
        if lang == "en":
            source = {DEMO_SOURCE_NL: DEMO_SOURCE_EN, IMPORT_SOURCE_NL: IMPORT_SOURCE_EN}.get(
                source, source)
        if source and source not in sources:
            sources.append(source)
    years = sorted({v.year for v in values})
    year_txt = ", ".join(map(str, years))
    if len(years) > 2 and years[-1] - years[0] == len(years) - 1:
        year_txt = f"{years[0]}-{years[-1]}"
    demo = any(v.demo for v in values)
    if demo and not all(v.demo for v in values):  # real and demo side by side: say which is which
        names = ", ".join(dict.fromkeys(region_name(v, lang) for v in values if v.demo))
        return data_text("wording_source_mixed", lang, sources="; ".join(sources),
                         years=year_txt, demo=names)
    text = data_text("wording_source", lang, years=year_txt,
                     sources="; ".join(sources) or data_text("wording_source_unknown", lang))
    return f"{text} {data_text('wording_demo_notice', lang)}" if demo else text


def _suppressed(lang: str) -> str:
    return SUPPRESSED_EN if lang == "en" else SUPPRESSED_NL


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]
