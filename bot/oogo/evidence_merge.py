"""Merge comparisons of the same figure into one evidence sentence.

One value that is significantly higher than Nederland, the samenwerkingsverband and comparable
gemeenten is one observation seen three ways; three separate sentences repeat the same number
and make a point hard to read at the table. The signals (and so the score) stay separate; only
the evidence shown is merged, with all facts kept.
"""

from __future__ import annotations

from bot.oogo.model import Evidence


def _join(parts: list[str], language: str) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    word = " and " if language == "en" else " en "
    return ", ".join(parts[:-1]) + word + parts[-1]


def merge_comparisons(items: list[Evidence], language: str) -> list[Evidence]:
    """Comparison evidence with the same own value becomes one item, in first-seen order."""
    out: list[Evidence] = []
    groups: dict[tuple, Evidence] = {}
    for item in items:
        if item.kind != "comparison" or "lead" not in item.detail or not item.facts:
            out.append(item)
            continue
        own = item.facts[0]
        key = (own.indicator, own.region, own.category, own.year)
        merged = groups.get(key)
        if merged is None:
            merged = Evidence("comparison", item.text, item.source, list(item.facts),
                              {**item.detail, "against": list(item.detail["against"]),
                               "clauses": list(item.detail["clauses"])})
            groups[key] = merged
            out.append(merged)
            continue
        seen = {(f.indicator, f.region, f.category, f.year) for f in merged.facts}
        merged.facts.extend(f for f in item.facts
                            if (f.indicator, f.region, f.category, f.year) not in seen)
        merged.detail["against"].extend(item.detail["against"])
        merged.detail["clauses"].extend(item.detail["clauses"])
        for name, value in item.detail.items():
            merged.detail.setdefault(name, value)
        higher = "significantly higher than in" if language == "en" else \
            "significant hoger dan in"
        merged.text = (f"{merged.detail['lead']}, {higher} "
                       f"{_join(merged.detail['clauses'], language)}.")
    return out
