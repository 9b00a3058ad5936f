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

SUPPRESSED_NL = fm.SUPPRESSED["nl"]
SUPPRESSED_EN = fm.SUPPRESSED["en"]
DEMO_NOTICE_NL = "Let op: dit zijn demonstratiecijfers, geen echte cijfers."
DEMO_NOTICE_EN = "Note: these are demonstration figures, not real data."

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
        if lang == "en":
            return f"the rest of {name}, without {left_out}"
        return f"de rest van {name}, zonder {left_out}"
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
        if lang == "en":
            return (f"For {where} ({label}, {value.year}) the figure is not shown: it concerns "
                    f"{SUPPRESSED_EN} young people or would let such a group be computed back.")
        return (f"Voor {where} ({label}, {value.year}) tonen we geen cijfer: het gaat om "
                f"{SUPPRESSED_NL} jongeren of zo'n kleine groep zou terug te rekenen zijn.")
    if lang == "en":
        return f"{_cap(label)} in {where} ({value.year}): {_shown(value, lang)}."
    return f"{_cap(label)} in {where} ({value.year}): {_shown(value, lang)}."


def describe_comparison(cmp: Comparison, lang: str = "nl") -> str:
    """E.g. "4,8% in Amsterdam is hoger dan 4,1% in Nederland (...)" — "hoger"/"lager" only
    for a significant and relevant difference, against the figure that was tested."""
    a, b = cmp.a, cmp.shown
    year = a.year
    if cmp.skipped == "swv_is_gemeente":
        if lang == "en":
            return (f"{cmp.b.name} consists of {a.name} alone, so there is nothing to compare "
                    f"with ({year}).")
        return (f"{cmp.b.name} bestaat alleen uit {a.name}; vergelijken met het "
                f"samenwerkingsverband kan dus niet ({year}).")
    a_txt = f"{_shown(a, lang)} in {region_name(a, lang)}"
    b_txt = f"{_shown(b, lang)} in {region_name(b, lang)}"
    if a.value is None or b.value is None:
        small = a if a.value is None else b
        if lang == "en":
            return (f"For {region_name(small, lang)} the figure is not shown ({SUPPRESSED_EN} "
                    f"young people), so no comparison can be made ({year}).")
        return (f"Voor {region_name(small, lang)} tonen we geen cijfer ({SUPPRESSED_NL} "
                f"jongeren), dus vergelijken is niet mogelijk ({year}).")
    if not cmp.tested:
        if lang == "en":
            return (f"{_cap(a_txt)} against {b_txt} ({year}); without the underlying counts it "
                    "cannot be tested whether this difference is meaningful.")
        return (f"{_cap(a_txt)} tegenover {b_txt} ({year}); zonder de onderliggende aantallen "
                "is niet te toetsen of dit verschil betekenisvol is.")
    if cmp.direction in ("hoger", "lager"):
        if lang == "en":
            word = "higher" if cmp.direction == "hoger" else "lower"
            return (f"{_cap(a_txt)} is {word} than {b_txt} (statistically significant and at "
                    f"least a tenth apart, {year}).")
        return (f"{_cap(a_txt)} is {cmp.direction} dan {b_txt} (statistisch betekenisvol en "
                f"minstens een tiende verschil, {year}).")
    why = _why_same(cmp, lang)
    if lang == "en":
        return f"{_cap(a_txt)} is about the same as {b_txt} ({why}, {year})."
    return f"{_cap(a_txt)} is ongeveer gelijk aan {b_txt} ({why}, {year})."


def _why_same(cmp: Comparison, lang: str) -> str:
    if not cmp.significant:
        return ("no statistically significant difference" if lang == "en" else
                "geen statistisch betekenisvol verschil")
    return ("the difference is less than a tenth" if lang == "en" else
            "het verschil is kleiner dan een tiende")


def describe_trend(trend: Trend, lang: str = "nl") -> str:
    """The change from the first to the last year with a figure, judged as comparisons are."""
    definition = catalog().get(trend.indicator)
    label = definition.figure_label(trend.category, lang) if definition else trend.indicator
    shown = [v for v in trend.values if v.value is not None]
    if len(shown) < 2:
        if lang == "en":
            return "There are too few figures that can be shown to describe a trend."
        return "Er zijn te weinig cijfers die getoond mogen worden om een trend te geven."
    first, last = shown[0], shown[-1]
    where = region_name(first, lang)
    f_txt, l_txt = _shown(first, lang), _shown(last, lang)
    span = (f"{f_txt} in {first.year} and {l_txt} in {last.year}" if lang == "en" else
            f"{f_txt} in {first.year} en {l_txt} in {last.year}")
    if trend.direction == "onbekend":
        if lang == "en":
            return (f"{_cap(label)} in {where}: {span}; without the underlying counts it cannot "
                    "be tested whether this is a real change.")
        return (f"{_cap(label)} in {where}: {span}; zonder de onderliggende aantallen is niet te "
                "toetsen of dit een echte verandering is.")
    if trend.direction == "stabiel":
        if lang == "en":
            return (f"{_cap(label)} in {where} stayed about the same: {span} (no significant "
                    "change of at least a tenth).")
        return (f"{_cap(label)} in {where} is ongeveer gelijk gebleven: {span} (geen statistisch"
                " betekenisvolle verandering van minstens een tiende).")
    if lang == "en":
        word = "rose" if trend.direction == "gestegen" else "fell"
        return f"{_cap(label)} in {where} {word}: {span} (significant, at least a tenth)."
    return (f"{_cap(label)} in {where} is {trend.direction}: {span} (statistisch betekenisvol, "
            "minstens een tiende).")


def describe_position(pos: Position, name: str, unit: str, lang: str = "nl") -> str:
    """Rank among all regions of the level, with "hoogste 5%" / "laagste 5%" when it applies."""
    group = level_plural(pos.level, lang)
    if pos.rank is None:
        if lang == "en":
            return f"{name} has no figure that can be shown, so it has no position ({pos.year})."
        return f"{name} heeft geen cijfer dat getoond mag worden, dus geen positie ({pos.year})."
    shown = fm.figure(pos.value, unit, lang)
    pct = fm.number(pos.percentile or 0.0, 1, lang)
    if lang == "en":
        text = (f"With {shown}, {name} ranks {pos.rank} of {pos.n} {group} (higher than "
                f"{pct}% of them, {pos.year}; rank 1 is the highest value).")
        if pos.top_5pct:
            text += f" {name} is among the highest 5%."
        if pos.bottom_5pct:
            text += f" {name} is among the lowest 5%."
        return text
    text = (f"Met {shown} staat {name} op plaats {pos.rank} van {pos.n} {group} (hoger dan "
            f"{pct}% van de {group}, {pos.year}; plaats 1 is de hoogste waarde).")
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
    if len(years) > 2 and years[-1] - years[0] == len(years) - 1:
        year_txt = f"{years[0]}-{years[-1]}"
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
