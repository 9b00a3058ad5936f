"""Turning engine results into short Dutch (or English) sentences and formatted numbers.

Why here and not in the conversation: the CLI, the charts, the answers and the report must write
numbers the same way (Dutch comma decimals, "minder dan 10" for suppressed counts) and must call a
difference "hoger" or "lager" only when the engine found it statistically significant. One helper
per job: ``format_value``, ``format_count``, ``describe_value``, ``describe_comparison``,
``describe_trend``, ``describe_position``, ``source_line``.
"""

from __future__ import annotations

from collections.abc import Iterable

from indicators.catalog import (
    CATEGORY_LABELS_EN,
    CATEGORY_LABELS_NL,
    DEMO_SOURCE_EN,
    DEMO_SOURCE_NL,
    IMPORT_SOURCE_EN,
    IMPORT_SOURCE_NL,
)
from indicators.values import Comparison, Position, Trend, Value

SUPPRESSED_NL = "minder dan 10"
SUPPRESSED_EN = "fewer than 10"
DEMO_NOTICE_NL = "Let op: dit zijn demonstratiecijfers, geen echte cijfers."
DEMO_NOTICE_EN = "Note: these are demonstration figures, not real data."
LABELS = {
    "jeugdzorg": ("het jeugdzorggebruik", "the use of youth care"),
    "neet": ("het aandeel NEET-jongeren", "the share of NEET youth"),
    "neet_rr": ("het relatieve risico op NEET", "the relative risk of NEET"),
}


def format_number(value: float, decimals: int = 1, lang: str = "nl") -> str:
    """A number with fixed decimals: Dutch "4,8" / "12.345,6", English "4.8" / "12,345.6"."""
    text = f"{value:,.{decimals}f}"
    if lang == "en":
        return text
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def format_value(value: float | None, unit: str, lang: str = "nl",
                 suppressed: bool = False) -> str:
    """A figure as shown: "4,8%" for percentages, "3,30" for relative risks, or a notice."""
    if value is None:
        if suppressed:
            return SUPPRESSED_EN if lang == "en" else SUPPRESSED_NL
        return "unknown" if lang == "en" else "onbekend"
    if unit == "%":
        return format_number(value, 1, lang) + "%"
    return format_number(value, 2, lang)


def format_count(count: int | None, lang: str = "nl") -> str:
    """A count with thousands separators, or "minder dan 10" when it is under 10."""
    if count is None:
        return "onbekend" if lang != "en" else "unknown"
    if count < 10:
        return SUPPRESSED_EN if lang == "en" else SUPPRESSED_NL
    return format_number(count, 0, lang)


def region_name(value: Value, lang: str = "nl") -> str:
    """The region's name as used in a sentence ("the Netherlands" in English)."""
    if value.region == "NL01":
        return "the Netherlands" if lang == "en" else "Nederland"
    return value.name or value.region


def category_label(category: str, lang: str = "nl") -> str:
    """Readable category label."""
    labels = CATEGORY_LABELS_EN if lang == "en" else CATEGORY_LABELS_NL
    return labels.get(category, category)


def _shown(value: Value, lang: str) -> str:
    return format_value(value.value, value.unit, lang, value.suppressed)


def describe_value(value: Value, lang: str = "nl") -> str:
    """One sentence with the figure, region, category and year."""
    nl_label, en_label = LABELS.get(value.indicator, (value.indicator, value.indicator))
    cat = category_label(value.category, lang)
    where = region_name(value, lang)
    if value.suppressed:
        if lang == "en":
            return (f"For {where} ({cat}, {value.year}) the number is too small to show "
                    f"({SUPPRESSED_EN}).")
        return (f"Voor {where} ({cat}, {value.year}) is het aantal te klein om te tonen "
                f"({SUPPRESSED_NL}).")
    shown = _shown(value, lang)
    if lang == "en":
        return f"In {where}, {en_label} ({cat}) was {shown} in {value.year}."
    return f"In {where} was {nl_label} ({cat}) {shown} in {value.year}."


def describe_comparison(cmp: Comparison, lang: str = "nl") -> str:
    """E.g. "4,8% in Amsterdam is hoger dan 4,1% in Nederland (statistisch betekenisvol
    verschil, 2023)." Uses "hoger"/"lager" only for a significant difference."""
    a, b = cmp.a, cmp.b
    year = a.year
    a_txt = f"{_shown(a, lang)} in {region_name(a, lang)}"
    b_txt = f"{_shown(b, lang)} in {region_name(b, lang)}"
    if a.unit == "x":
        a_txt = (f"a relative risk of {a_txt}" if lang == "en" else
                 f"een relatief risico van {a_txt}")
    if a.value is None or b.value is None:
        small = a if a.value is None else b
        if lang == "en":
            return (f"For {region_name(small, lang)} the number is too small or missing "
                    f"({SUPPRESSED_EN} cases), so no comparison can be made ({year}).")
        return (f"Voor {region_name(small, lang)} is het aantal te klein of onbekend "
                f"({SUPPRESSED_NL}), dus vergelijken is niet mogelijk ({year}).")
    if not cmp.tested:
        if lang == "en":
            return (f"{_cap(a_txt)} against {b_txt} ({year}); without the underlying counts it "
                    "cannot be tested whether this difference is meaningful.")
        return (f"{_cap(a_txt)} tegenover {b_txt} ({year}); zonder de onderliggende aantallen "
                "is niet te toetsen of dit verschil betekenisvol is.")
    if cmp.direction in ("hoger", "lager"):
        if lang == "en":
            word = "higher" if cmp.direction == "hoger" else "lower"
            return f"{_cap(a_txt)} is {word} than {b_txt} (statistically significant, {year})."
        return (f"{_cap(a_txt)} is {cmp.direction} dan {b_txt} (statistisch betekenisvol "
                f"verschil, {year}).")
    if lang == "en":
        return (f"{_cap(a_txt)} does not clearly differ from {b_txt} (no statistically "
                f"significant difference, {year}).")
    return (f"{_cap(a_txt)} verschilt niet duidelijk van {b_txt} (geen statistisch "
            f"betekenisvol verschil, {year}).")


def describe_trend(trend: Trend, lang: str = "nl") -> str:
    """The change from the first to the last year with a figure, judged by significance."""
    nl_label, en_label = LABELS.get(trend.indicator, (trend.indicator, trend.indicator))
    shown = [v for v in trend.values if v.value is not None]
    if trend.direction == "onbekend" and len(shown) >= 2:
        first, last = shown[0], shown[-1]
        where, cat = region_name(first, lang), category_label(trend.category, lang)
        f_txt, l_txt = _shown(first, lang), _shown(last, lang)
        if lang == "en":
            return (f"In {where}, {en_label} ({cat}) was {f_txt} in {first.year} and {l_txt} in "
                    f"{last.year}; without the underlying counts it cannot be tested whether "
                    "this is a real change.")
        return (f"In {where} was {nl_label} ({cat}) {f_txt} in {first.year} en {l_txt} in "
                f"{last.year}; zonder de onderliggende aantallen is niet te toetsen of dit een "
                "echte verandering is.")
    if trend.direction == "onbekend" or len(shown) < 2:
        if lang == "en":
            return "There are too few figures that can be shown to describe a trend."
        return "Er zijn te weinig cijfers die getoond mogen worden om een trend te geven."
    first, last = shown[0], shown[-1]
    where = region_name(first, lang)
    cat = category_label(trend.category, lang)
    f_txt, l_txt = _shown(first, lang), _shown(last, lang)
    if lang == "en":
        if trend.direction == "stabiel":
            return (f"In {where}, {en_label} ({cat}) stayed about the same: {f_txt} in "
                    f"{first.year} and {l_txt} in {last.year} (no statistically significant "
                    "change).")
        word = "rose" if trend.direction == "gestegen" else "fell"
        return (f"In {where}, {en_label} ({cat}) {word} from {f_txt} in {first.year} to {l_txt} "
                f"in {last.year} (statistically significant).")
    if trend.direction == "stabiel":
        return (f"In {where} is {nl_label} ({cat}) ongeveer gelijk gebleven: {f_txt} in "
                f"{first.year} en {l_txt} in {last.year} (geen statistisch betekenisvolle "
                "verandering).")
    return (f"In {where} is {nl_label} ({cat}) {trend.direction} van {f_txt} in {first.year} "
            f"naar {l_txt} in {last.year} (statistisch betekenisvol).")


def describe_position(pos: Position, name: str, unit: str, lang: str = "nl") -> str:
    """Rank among all regions of the level, with "hoogste 5%" / "laagste 5%" when it applies."""
    group_nl = {"gemeente": "gemeenten", "swv_po": "samenwerkingsverbanden PO",
                "swv_vo": "samenwerkingsverbanden VO"}.get(pos.level, "regio's")
    group_en = {"gemeente": "municipalities", "swv_po": "samenwerkingsverbanden PO",
                "swv_vo": "samenwerkingsverbanden VO"}.get(pos.level, "regions")
    if pos.rank is None:
        if lang == "en":
            return f"{name} has no figure that can be shown, so it has no position ({pos.year})."
        return f"{name} heeft geen cijfer dat getoond mag worden, dus geen positie ({pos.year})."
    shown = format_value(pos.value, unit, lang)
    pct = format_number(pos.percentile or 0.0, 1, lang)
    if lang == "en":
        text = (f"With {shown}, {name} ranks {pos.rank} of {pos.n} {group_en} (higher than "
                f"{pct}% of them, {pos.year}; rank 1 is the highest value).")
        if pos.top_5pct:
            text += f" {name} is among the highest 5%."
        if pos.bottom_5pct:
            text += f" {name} is among the lowest 5%."
        return text
    text = (f"Met {shown} staat {name} op plaats {pos.rank} van {pos.n} {group_nl} (hoger dan "
            f"{pct}% van de {group_nl}, {pos.year}; plaats 1 is de hoogste waarde).")
    if pos.top_5pct:
        text += f" {name} hoort bij de hoogste 5%."
    if pos.bottom_5pct:
        text += f" {name} hoort bij de laagste 5%."
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
    demo = any(v.demo for v in values)
    if demo and not all(v.demo for v in values):  # real and demo side by side: say which is which
        names = ", ".join(dict.fromkeys(region_name(v, lang) for v in values if v.demo))
        note = (f"Demonstration data: {names}." if lang == "en" else
                f"Demonstratiedata: {names}.")
        word = "Source" if lang == "en" else "Bron"
        return f"{word}: {'; '.join(sources)} ({year_txt}). {note}"
    if lang == "en":
        text = f"Source: {'; '.join(sources) or 'unknown'} ({year_txt})."
        return f"{text} {DEMO_NOTICE_EN}" if demo else text
    text = f"Bron: {'; '.join(sources) or 'onbekend'} ({year_txt})."
    return f"{text} {DEMO_NOTICE_NL}" if demo else text


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]
