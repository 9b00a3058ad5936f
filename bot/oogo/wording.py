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
from prompts.loader import TemplateSet, templates
from prompts.oogo_data import text_data

KIND_ORDER = {"nl": 0, "swv": 1, "peers": 2}


def _t() -> TemplateSet:
    return templates("oogo")


def _words(language: str) -> dict[str, str]:
    """The evidence sentences' short words (``prompts/oogo/<lang>/words.yaml``)."""
    words: dict[str, str] = text_data("oogo", "words").get("evidence", language=language)
    return words


def subject(engine: Any, indicator: str, category: str, language: str) -> str:
    """What the figure is, with its article, for inside a sentence (from the catalog)."""
    definition = engine.catalog[indicator]
    the = definition.label_in_sentence(language)
    if definition.all_categories == ("totaal",):
        return the
    group = definition.group(category, language)
    if definition.unit == "x":
        return _t().render("subject_for", language, the=the, group=group)
    if category in ZORGTYPE:
        return _t().render("subject_use", language, group=group,
                           noun=definition.category_label(category, language))
    return _t().render("subject_among", language, the=the, group=group)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _swv_rest(registry: Any, clause: Clause, language: str) -> str:
    shown = clause.comparison.shown
    name = registry.get(shown.region).name
    name = name[:1].lower() + name[1:] if name.startswith("Samenwerkingsverband") else name
    left_out = shown.excluding_name or shown.excluding
    return _t().render("swv_rest", language, name=name, left_out=left_out)


def _other(registry: Any, clause: Clause, language: str) -> str:
    if clause.kind == "nl":
        shown = clause.comparison.shown
        return f"in {_words(language)['nl']} ({fm.value_text(shown, language)})"
    if clause.kind == "swv":
        return "in " + _swv_rest(registry, clause, language)
    return "in " + _words(language)["peers"]


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
    value, w = finding.value, _words(language)
    clauses = sorted(finding.clauses, key=lambda c: KIND_ORDER[c.kind])
    by_direction: dict[str, list[str]] = {}
    for clause in clauses:
        by_direction.setdefault(clause.direction, []).append(
            _other(engine.registry, clause, language))
    first = finding.direction if finding.direction in by_direction else clauses[0].direction
    order = [first] + [d for d in by_direction if d != first]
    parts = [f"{w[d]} {w['than']} {fm.listing(by_direction[d], language)}" for d in order]
    said = f", {w['but']} ".join(parts)
    name, year, figure = value.name, value.year, fm.value_text(value, language)
    what = subject(engine, value.indicator, value.category, language)
    note = w["one"] if len(clauses) == 1 else w["many"]
    text = _t().render("evidence_comparison", language, year=year, what=what, name=name,
                       figure=figure, said=said, note=note)
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
    own = {v.year: v for v in trend.region.values}
    ref = {v.year: v for v in trend.reference.values}
    y0, y1 = trend.first_year, trend.last_year
    a, b, c, d = own[y0], own[y1], ref[y0], ref[y1]
    name = a.name
    what = _cap(subject(engine, a.indicator, a.category, language))
    head = _t().render("evidence_trend", language, what=what, name=name,
                       first=fm.value_text(a, language), first_year=y0,
                       last=fm.value_text(b, language), last_year=y1)
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
