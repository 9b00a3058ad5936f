"""The neutral sentences around the points: why a point is there, the order, and the notes.

None of these makes a claim about the region beyond what the tests computed: "naar boven" only
for points whose every figure was tested higher (significant and at least a tenth), and the
notes say which comparisons could not be made (a partnership that is the gemeente alone) and
which figures the monitor does not publish at the region's level.
"""

from __future__ import annotations

from typing import Any

from indicators import formatting as fm
from indicators.vocabulary import level_name
from prompts.loader import TemplateSet, templates


def _t() -> TemplateSet:
    return templates("oogo")


def why_text(meaning: str, region: str, language: str, wording: str = "") -> str:
    """The neutral reason a data point is on the list (``wording``: the lead indicator's
    ``wording_key``; an indicator without its own reason gets the neutral one)."""
    own = f"why_{meaning}_{wording}"
    name = own if wording and own in _t().names() else f"why_{meaning}"
    return _t().render(name, language, region=region)


def ranking_text(region: Any, any_ranked: bool, language: str) -> str:
    """How the points are ordered (no scores), or why there are no ranked points."""
    if any_ranked:
        return _t().render("ranking", language)
    if region.level == "land":
        return _t().render("ranking_national", language)
    return _t().render("ranking_none", language, region=region.name)


def swv_alone_note(registry: Any, region: Any, codes: list[str], language: str) -> str:
    """'Samenwerkingsverband PO 23.03 en ... bestaan alleen uit Deventer: ...'."""
    if not codes:
        return ""
    names = [registry.get(c).name for c in codes]
    name = "swv_alone_many" if len(names) > 1 else "swv_alone_one"
    return _t().render(name, language, names=fm.listing(names, language), region=region.name)


def levels_note(engine: Any, region: Any, language: str) -> str:
    """Which figures the monitor does not publish at this level (so no point rests on them)."""
    if region.level in ("gemeente", "land"):
        return ""
    missing: list[str] = []
    for definition in engine.catalog.values():
        cats = [c for c in definition.all_categories
                if region.level not in definition.published_levels(c)]
        if not cats:
            continue
        if len(cats) == len(definition.all_categories):
            missing.append(definition.label(language))
        else:
            words = [definition.category_label(c, language) for c in cats]
            missing.append(_t().render("not_published_part", language,
                                       label=definition.label(language),
                                       categories=fm.listing(words, language)))
    if not missing:
        return ""
    return _t().render("not_published", language, level=level_name(region.level, language),
                       missing="; ".join(missing))
