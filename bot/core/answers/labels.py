"""Names of indicators and categories for answers: thin calls into the indicator catalog.

The catalog (``indicators.catalog`` with ``indicators.vocabulary``) owns every word for a figure;
this module only picks the form a sentence needs, so an answer, a chart and the report name a
category the same way. Only the direction words of the conversation live here. The catalog is
the one the composition root chose (``Figures.catalog``, the engine's ``catalog``), passed in.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from indicators.catalog import IndicatorDef
from indicators.vocabulary import dimension_name

Catalog = Mapping[str, IndicatorDef]

DIRECTION = {"nl": {"hoger": "hoger", "lager": "lager", "gelijk": "gelijk"},
             "en": {"hoger": "higher", "lager": "lower", "gelijk": "equal"}}


def _definition(engine: Any, indicator: str | None) -> IndicatorDef | None:
    known: Catalog = engine.catalog
    return known.get(indicator or "")


def _owner(catalog: Catalog, category: str) -> IndicatorDef:
    """The indicator whose vocabulary names this category (jeugdzorg first)."""
    for definition in catalog.values():
        if category in definition.all_categories:
            return definition
    return catalog["jeugdzorg"]


def category_label(catalog: Catalog, category: str, language: str,
                   indicator: str | None = None) -> str:
    """The category's name in a list: "primair onderwijs (po)", "alle jeugdigen van 0 tot 23
    jaar"."""
    definition = catalog.get(indicator or "") or _owner(catalog, category)
    return definition.category_label(category, language)


def factor_label(catalog: Catalog, category: str, language: str) -> str:
    """What young people with a risk factor share: "een achtergrond in het praktijkonderwijs"."""
    return catalog["neet_rr"].background(category, language)


def dimension_label(dimension: str, language: str) -> str:
    """"onderwijssoort" / "type of education"."""
    return dimension_name(dimension, language)


def indicator_label(engine: Any, indicator: str, category: str, language: str) -> str:
    """What one figure is: "jeugdzorggebruik onder leerlingen in het vso" (lower case)."""
    definition = _definition(engine, indicator)
    if definition is None:
        return indicator
    return definition.figure_label(category or definition.default_category, language)


def definition_text(engine: Any, indicator: str, language: str) -> str:
    definition = _definition(engine, indicator)
    return definition.definition(language).strip() if definition else ""


def source_text(engine: Any, indicator: str, language: str = "nl") -> str:
    definition = _definition(engine, indicator)
    if definition is None:
        return ""
    text = definition.source_en if language == "en" else definition.source
    return (text or definition.source).strip().rstrip(".")
