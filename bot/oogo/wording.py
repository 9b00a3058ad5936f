"""Findings as evidence: one sentence per tested comparison set and per trend, with its facts.

Why here: every sentence of a point must be a computed fact. So the sentences are assembled only
from the engine's values (``indicators.formatting``, the one number formatter), the catalog's
words for each figure, and the tests the engine ran; a direction word appears only for a test
that was significant and relevant, and names the figure that was tested: Nederland, the rest of
the samenwerkingsverband without the gemeente, or the comparable gemeenten together. The trend
sentences are the chat's own templates (``prompts/answers/*/trend_vs_*.txt``), so chat, points
and report say the same. Facts are exactly the published figures shown in the sentence; the
tested reference groups (the rest of a partnership, the peers together) are derived groups and
live in ``detail`` with their counts.
"""

from __future__ import annotations

from typing import Any

from bot.core.answers.evidence import to_fact
from bot.core.answers.series import versus_key
from bot.oogo.findings import NL, Clause, Finding
from bot.oogo.model import Evidence
from indicators import formatting as fm
from indicators.catalog import ZORGTYPE

WORDS = {
    "nl": {"hoger": "hoger", "lager": "lager", "but": "maar",
           "nl": "Nederland", "peers": "vergelijkbare gemeenten samen",
           "one": "statistisch significant en minstens een tiende",
           "many": "telkens statistisch significant en minstens een tiende"},
    "en": {"hoger": "higher", "lager": "lower", "but": "but",
           "nl": "the Netherlands", "peers": "comparable municipalities together",
           "one": "statistically significant and at least a tenth",
           "many": "each statistically significant and at least a tenth"},
}
KIND_ORDER = {"nl": 0, "swv": 1, "peers": 2}


def subject(engine: Any, indicator: str, category: str, language: str) -> str:
    """What the figure is, with its article, for inside a sentence (from the catalog)."""
    definition = engine.catalog[indicator]
    en = language == "en"
    the = definition.label_in_sentence(language)
    if definition.all_categories == ("totaal",):
        return the
    group = definition.group(category, language)
    if definition.unit == "x":
        return f"{the} {'for' if en else 'voor'} {group}"
    if category in ZORGTYPE:
        noun = definition.category_label(category, language)
        return (f"the use of {noun} among {group}" if en else
                f"het gebruik van {noun} onder {group}")
    return f"{the} {'among' if en else 'onder'} {group}"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _swv_rest(registry: Any, clause: Clause, language: str) -> str:
    shown = clause.comparison.shown
    name = registry.get(shown.region).name
    name = name[:1].lower() + name[1:] if name.startswith("Samenwerkingsverband") else name
    left_out = shown.excluding_name or shown.excluding
    if language == "en":
        return f"the rest of {name} outside {left_out}"
    return f"de rest van {name} buiten {left_out}"


def _other(registry: Any, clause: Clause, language: str) -> str:
    if clause.kind == "nl":
        shown = clause.comparison.shown
        return f"in {WORDS[language]['nl']} ({fm.value_text(shown, language)})"
    if clause.kind == "swv":
        return "in " + _swv_rest(registry, clause, language)
    return "in " + WORDS[language]["peers"]


def _test(clause: Clause) -> dict[str, Any]:
    """The test behind one clause, for the JSON and the report (the tested figure, counts)."""
    cmp = clause.comparison
    shown = cmp.shown
    out = {"kind": clause.kind, "against": shown.region, "excluding": shown.excluding or None,
           "direction": cmp.direction, "significant": bool(cmp.significant),
           "relevant": bool(cmp.relevant), "p_value": cmp.p_value, "test": cmp.test,
           "value": shown.value, "numerator": shown.numerator,
           "denominator": shown.denominator}
    return out


def comparison_evidence(engine: Any, finding: Finding, language: str) -> Evidence | None:
    """"In 2023 was X in R 73,0%: hoger dan in Nederland (56,6%) en in ..." from the clauses."""
    if not finding.clauses:
        return None
    value, w = finding.value, WORDS[language]
    clauses = sorted(finding.clauses, key=lambda c: KIND_ORDER[c.kind])
    by_direction: dict[str, list[str]] = {}
    for clause in clauses:
        by_direction.setdefault(clause.direction, []).append(
            _other(engine.registry, clause, language))
    first = finding.direction if finding.direction in by_direction else clauses[0].direction
    order = [first] + [d for d in by_direction if d != first]
    than = "than" if language == "en" else "dan"
    parts = [f"{w[d]} {than} {fm.listing(by_direction[d], language)}" for d in order]
    said = f", {w['but']} ".join(parts)
    name, year, figure = value.name, value.year, fm.value_text(value, language)
    what = subject(engine, value.indicator, value.category, language)
    note = w["one"] if len(clauses) == 1 else w["many"]
    if language == "en":
        text = f"In {year}, {what} in {name} was {figure}: {said} ({note})."
    else:
        text = f"In {year} was {what} in {name} {figure}: {said} ({note})."
    facts = [to_fact(value)] + [to_fact(c.comparison.shown) for c in clauses if c.kind == "nl"]
    tests = [_test(c) for c in clauses]
    detail = {"figure": {"indicator": value.indicator, "region": value.region,
                         "category": value.category, "year": year},
              "direction": finding.direction, "meaning": finding.meaning,
              "significant": all(t["significant"] for t in tests),
              "relevant": all(t["relevant"] for t in tests), "tests": tests}
    return Evidence("comparison", text, _sources([value] + [c.comparison.shown
                                                          for c in clauses]), facts, detail)


def trend_evidence(engine: Any, finding: Finding, language: str) -> Evidence | None:
    """The region's change against the national change, both with their first and last year."""
    trend = finding.trend
    if trend is None or trend.first_year is None:
        return None
    from prompts.loader import templates

    own = {v.year: v for v in trend.region.values}
    ref = {v.year: v for v in trend.reference.values}
    y0, y1 = trend.first_year, trend.last_year
    a, b, c, d = own[y0], own[y1], ref[y0], ref[y1]
    name = a.name
    what = _cap(subject(engine, a.indicator, a.category, language))
    if language == "en":
        head = (f"{what} in {name} went from {fm.value_text(a, 'en')} in {y0} to "
                f"{fm.value_text(b, 'en')} in {y1}.")
    else:
        head = (f"{what} in {name} ging van {fm.value_text(a, 'nl')} in {y0} naar "
                f"{fm.value_text(b, 'nl')} in {y1}.")
    t = templates()
    national = t.render("trend_national", language, first=fm.value_text(c, language),
                        last=fm.value_text(d, language), first_year=y0, last_year=y1)
    versus = t.render(versus_key(trend), language, region=name)
    detail = {"figure": {"indicator": a.indicator, "region": a.region, "category": a.category,
                         "year": y1},
              "direction": trend.direction, "meaning": finding.meaning,
              "significant": bool(trend.significant), "relevant": bool(trend.relevant),
              "tests": [{"kind": "trend", "against": NL, "direction": trend.direction,
                         "significant": bool(trend.significant),
                         "relevant": bool(trend.relevant), "p_value": trend.p_value,
                         "test": trend.test, "change": trend.change,
                         "reference_change": trend.reference_change, "ratio": trend.ratio,
                         "first_year": y0, "last_year": y1}]}
    return Evidence("trend", f"{head} {national} {versus}", _sources([a, b, c, d]),
                    [to_fact(v) for v in (a, b, c, d)], detail)


def _sources(values: list[Any]) -> str:
    """The source line of each figure used (demonstration and real figures each their own)."""
    return "; ".join(dict.fromkeys(str(v.source) for v in values if getattr(v, "source", "")))


def evidence_of(engine: Any, finding: Finding, language: str) -> list[Evidence]:
    """The finding's evidence: its comparisons (if any) first, then its trend (if any)."""
    items = [comparison_evidence(engine, finding, language),
             trend_evidence(engine, finding, language)]
    return [item for item in items if item is not None]
