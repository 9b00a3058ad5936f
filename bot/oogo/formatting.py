"""Small, shared text helpers for points and the report: numbers, facts and labels.

Numbers are printed with the precision they have in the data (Dutch decimal comma), so a reader
(and the report test) can find every printed number back in the indicator tables.
"""

from __future__ import annotations

from typing import Any

from bot.core.messages import Fact

SUPPRESSED_NL = "minder dan 10"
SUPPRESSED_EN = "fewer than 10"

CATEGORY_NL: dict[str, str] = {
    "po": "het primair onderwijs",
    "sbo": "het speciaal basisonderwijs",
    "so": "het speciaal onderwijs",
    "vo": "het voortgezet onderwijs",
    "vso": "het voortgezet speciaal onderwijs",
    "pro": "het praktijkonderwijs",
    "mbo": "het mbo",
    "totaal": "alle onderwijssoorten samen",
    "jeugdhulp_zonder_verblijf": "jeugdhulp zonder verblijf",
    "jeugdhulp_met_verblijf": "jeugdhulp met verblijf",
    "jeugdbescherming": "jeugdbescherming",
    "jeugdreclassering": "jeugdreclassering",
    "vmbo_basis": "vmbo basis",
    "mbo_entree": "mbo entree",
    "vsv": "voortijdig schoolverlaten",
}

CATEGORY_EN: dict[str, str] = {
    "po": "primary education",
    "sbo": "special primary education",
    "so": "special education",
    "vo": "secondary education",
    "vso": "secondary special education",
    "pro": "practical education",
    "mbo": "vocational education (mbo)",
    "totaal": "all types of education",
    "jeugdhulp_zonder_verblijf": "youth care without residence",
    "jeugdhulp_met_verblijf": "residential youth care",
    "jeugdbescherming": "child protection",
    "jeugdreclassering": "youth probation",
    "vmbo_basis": "vmbo basis",
    "mbo_entree": "mbo entry level",
    "vsv": "early school leaving",
}

ZORGTYPES = ("jeugdhulp_zonder_verblijf", "jeugdhulp_met_verblijf", "jeugdbescherming",
             "jeugdreclassering")


def category_label(category: str, language: str = "nl") -> str:
    table = CATEGORY_EN if language == "en" else CATEGORY_NL
    return table.get(category, category)


def fmt_number(value: float | int | None, language: str = "nl", decimals: int | None = None) -> str:
    """Print a number as in the data: one decimal, or two when the data has two; Dutch comma."""
    if value is None:
        return "-"
    if decimals is None:
        number = float(value)
        decimals = 1 if round(number, 1) == round(number, 2) else 2
        text = f"{number:.{decimals}f}"
    else:
        text = f"{float(value):.{decimals}f}"
    if text in ("-0", ""):
        text = "0"
    return text if language == "en" else text.replace(".", ",")


def fmt_int(value: int | float | None, language: str = "nl") -> str:
    """A whole number with thousands separators (Dutch: dot)."""
    if value is None:
        return "-"
    text = f"{round(float(value)):,}"
    return text if language == "en" else text.replace(",", ".")


def fmt_fact(fact: Fact, language: str = "nl") -> str:
    """A value with its unit, or the suppression wording for small counts."""
    if fact.suppressed or fact.value is None:
        return SUPPRESSED_EN if language == "en" else SUPPRESSED_NL
    unit = fact.unit or ""
    number = fmt_number(fact.value, language)
    if unit == "%":
        return f"{number}%"
    return f"{number}{(' ' + unit) if unit and unit not in ('ratio', 'x') else ''}"


def fact_from_value(value: Any) -> Fact:
    """Turn an engine ``Value`` into the channel-agnostic ``Fact`` (same numbers, no rounding)."""
    from bot.core.answers.evidence import fact_source

    return Fact(
        indicator=value.indicator,
        region=value.region,
        category=value.category,
        year=int(value.year),
        value=None if value.suppressed else value.value,
        unit=value.unit or "",
        numerator=None if value.suppressed else value.numerator,
        denominator=value.denominator,
        suppressed=bool(value.suppressed),
        source=fact_source(value),  # "demo" or the figure's own source (real figures)
    )
