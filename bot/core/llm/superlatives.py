"""Superlatives about categories: "het hoogst bij het vso" must be the highest of the answer.

A sentence that names exactly one category with "hoogst"/"laagst" (highest, lowest, grootst,
kleinst) is accepted only when that category's figure is the highest (lowest) of the figures the
answer computed for the same region, indicator and year. So "Het hoogst is het bij
jeugdreclassering" passes only if it is, and "het laagst bij het vso" for the highest is
refused. Superlatives over regions ("de tien gemeenten met de hoogste cijfers") are left to the
vocabulary check: they may only use the answer's own words.
"""

from __future__ import annotations

import re

from bot.core.llm.cues import without_relevance
from bot.core.llm.reading import Sentence
from bot.core.llm.textscan import fold_keep

HIGH = re.compile(r"\b(?:hoogst\w*|grootst\w*|highest|largest|greatest)\b")
LOW = re.compile(r"\b(?:laagst\w*|kleinst\w*|lowest|smallest)\b")
_POSITION = re.compile(r"\b(?:hoogste|laagste|highest|lowest)\s+(?:\w+\s+)?(?:vijf|5|five)\b|"
                       r"\bplaats 1 is de hoogste\b|\bhighest value ranks first\b|"
                       r"\bhoogste of laagste\b|\bhighest or lowest\b")


WORDS = frozenset({"hoogst", "hoogste", "laagst", "laagste", "grootst", "grootste", "kleinst",
                   "kleinste", "highest", "lowest", "largest", "smallest", "greatest"})


def about_category(s: Sentence) -> tuple[str, bool] | None:
    """(category, highest?) when the sentence says one category is the highest or lowest."""
    folded = _POSITION.sub(lambda m: " " * len(m.group(0)), without_relevance(fold_keep(s.text)))
    high, low = HIGH.search(folded), LOW.search(folded)
    categories = {c for m in s.categories for c in m.codes} - {"totaal"}
    if not (high or low) or len(categories) != 1:
        return None
    return categories.pop(), bool(high) and not low


def problems(sentences: list[Sentence], facts: list) -> list[str]:
    out = []
    for s in sentences:
        said = about_category(s)
        if said is None:
            continue
        category, high = said
        regions = s.main_regions()
        codes = set(regions[0].codes) if regions else set(s.context.region or ())
        years = {t.year for t in s.years} or ({s.context.year} if s.context.year else set())
        pool = [f for f in facts if f.region in codes and f.value is not None
                and (not years or f.year in years)]
        named = [f for f in pool if f.category == category]
        folded = fold_keep(s.text)
        if (HIGH.search(folded) and LOW.search(folded)) or not named:
            out.append(f"superlative about {category} cannot be checked: '{s.text[:60]}'")
            continue
        same = [f for f in pool if f.indicator == named[0].indicator and f.year == named[0].year]
        best = max(f.value for f in same) if high else min(f.value for f in same)
        if named[0].value != best:
            word = "highest" if high else "lowest"
            out.append(f"'{word}' for {category} is not computed ({named[0].region} "
                       f"{named[0].year}: {named[0].value}, {word} {best})")
    return out
