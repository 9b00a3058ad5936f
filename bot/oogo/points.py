"""The OOGO discussion point generator: rule-based, explainable, and never without evidence.

Public API (used by the conversation core for "welke punten moeten we bespreken in het OOGO?",
"stel een agenda voor" and "waarom staat dit punt erop?", by the report and by ``oogo points``)::

    from bot.oogo.points import generate_points
    from bot.oogo.render import render_points, explain_point

    result = generate_points(services, "GM0363", language="nl", max_points=7)  # -> PointsResult
    result.points            # ranked list[Point]: title, evidence, why, questions, participants
    result.facts             # every indicator value used, as bot.core.messages.Fact
    result.passages          # cited knowledge passages (bot.core.messages.Passage)
    result.ranking_explanation, result.year, result.demo_data, result.has_scan
    render_points(result, "nl") -> str            # the agenda as chat text
    explain_point(result, 2, "nl") -> str         # evidence of point 2 (1-based) or by title

``generate_points`` raises ``bot.oogo.points.RegionNotFound`` (with ``candidates``) when the
region cannot be found. How it works: ``indicator_signals`` and ``scan_signals`` turn the data into
scored signals, signals are grouped by topic (``topics.py``), each topic becomes a point with the
passage that explains it (``passages.py``), and points are ranked by the formula in ``scoring.py``.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from types import SimpleNamespace
from typing import Any

from bot.oogo import indicator_signals, scan_signals, scoring, standing
from bot.oogo.evidence_merge import merge_comparisons
from bot.oogo.model import Point, PointsResult, Signal
from bot.oogo.passages import passage_for
from bot.oogo.sources_view import any_demo
from bot.oogo.topics import TOPICS

log = logging.getLogger(__name__)


class RegionNotFound(ValueError):
    """The region code or name is unknown or ambiguous; ``candidates`` are (code, name) pairs.

    ``message(language)`` is the registry's own explanation (with candidates or suggestions),
    so the chat and the CLI word it the same way.
    """

    def __init__(self, query: str, candidates: list[tuple[str, str]], message_nl: str = "",
                 message_en: str = "") -> None:
        self.query = query
        self.candidates = candidates
        self._nl, self._en = message_nl, message_en
        super().__init__(query)

    def message(self, language: str = "nl") -> str:
        if language == "en" and self._en:
            return self._en
        if language != "en" and self._nl:
            return self._nl
        names = ", ".join(f"{name} ({code})" for code, name in self.candidates[:5])
        if language == "en":
            base = f"I do not know the region '{self.query}'."
            return f"{base} Did you mean: {names}?" if names else base
        base = f"De regio '{self.query}' ken ik niet."
        return f"{base} Bedoelt u: {names}?" if names else (
            f"{base} Gebruik een gemeentenaam of een code zoals GM0363, PO2707 of VO2708.")


def find_region(registry: Any, query: str) -> tuple[Any, str]:
    """A region by code or (unambiguous) name, plus the registry's note on a guessed name
    ("Ik ga ervan uit dat u Amsterdam bedoelt."); else ``RegionNotFound`` with candidates."""
    text = (query or "").strip()
    try:
        return registry.get(text.upper()), ""
    except Exception:
        pass
    resolution = registry.resolve(text)
    if resolution.region is not None:
        return resolution.region, resolution.message
    options = list(resolution.candidates) + list(resolution.suggestions)
    raise RegionNotFound(text, [(r.code, r.name) for r in options], resolution.message,
                         resolution.message_en)


def _point(topic_key: str, signals: list[Signal], language: str, knowledge: Any) -> Point:
    topic = TOPICS[topic_key]
    ordered = sorted(signals, key=lambda s: -s.score)
    evidence, seen = [], set()
    for signal in ordered:
        if id(signal.evidence) not in seen:
            seen.add(id(signal.evidence))
            evidence.append(signal.evidence)
    evidence = merge_comparisons(evidence, language)
    score, parts = scoring.point_score([s.score for s in signals], topic.standing)
    passage = passage_for(topic_key, knowledge)
    reasons = list(dict.fromkeys(s.reason_en if language == "en" else s.reason_nl
                                 for s in ordered))
    return Point(topic=topic_key, title=topic.title(language), why=topic.why(language),
                 questions=topic.questions(language), participants=topic.participants(language),
                 evidence=evidence, score=score, score_parts=parts, reasons=reasons,
                 passages=[passage] if passage else [], standing=topic.standing)


def rank(points: list[Point]) -> list[Point]:
    """Highest score first; more evidence wins a tie, then the title (stable and explainable)."""
    return sorted(points, key=lambda p: (-p.score, -len(p.evidence), p.title))


def explain_ranking(points: list[Point], language: str) -> str:
    """The ranking in words: what counts, and why the first point is first."""
    if not points:
        return ("No points: the figures show no meaningful differences." if language == "en" else
                "Geen punten: de cijfers laten geen betekenisvolle verschillen zien.")
    top = points[0]
    if language == "en":
        head = ("Points are ranked by the strongest signal (size of the difference, significance, "
                "trend, position among the highest 5%, weak regioscan result) plus 0.5 for each "
                "further supporting signal; standing topics come after strong signals.")
        why = f" '{top.title}' is first (score {top.score}): {'; '.join(top.reasons[:3])}."
    else:
        head = ("De punten zijn gerangschikt op het sterkste signaal (grootte van het verschil, "
                "significantie, trend, plaats bij de hoogste 5%, zwakke uitkomst in de regioscan) "
                "plus 0,5 voor elk extra signaal dat het punt ondersteunt; vaste onderwerpen komen "
                "na punten met een sterk signaal.")
        score = str(top.score).replace(".", ",")
        why = f" '{top.title}' staat bovenaan (score {score}): {'; '.join(top.reasons[:3])}."
    return head + why


def generate_points(services: Any, region_code: str, *, language: str = "nl",
                    max_points: int = 7) -> PointsResult:
    """Ranked, evidence-backed OOGO discussion points for a gemeente or samenwerkingsverband."""
    language = "en" if language == "en" else "nl"
    registry, engine = services.registry, services.indicators
    region, region_note = find_region(registry, region_code)
    ctx = SimpleNamespace(engine=engine, registry=registry, region=region, language=language)
    signals, year = indicator_signals.collect(ctx)
    scan = scan_signals.collect(services, region, language)
    signals.extend(standing.signals(ctx, signals))
    knowledge = services.__dict__.get("knowledge")  # only when already built: no index build here
    by_topic: dict[str, list[Signal]] = defaultdict(list)
    for signal in signals:
        by_topic[signal.topic].append(signal)
    points = [_point(key, sigs, language, knowledge) for key, sigs in by_topic.items()]
    points.extend(scan.points)
    ranked = rank(points)[: max(1, max_points)]
    notes = [region_note] if region_note else []
    notes += [] if scan.has_scan else [scan.note]
    result = PointsResult(
        region_code=region.code, region_name=region.name, region_level=region.level, year=year,
        demo_data=any_demo([f for point in ranked for e in point.evidence for f in e.facts]),
        language=language, points=ranked,
        ranking_explanation=explain_ranking(ranked, language), has_scan=scan.has_scan,
        scan_note=scan.note, notes=notes)
    if getattr(services.settings, "llm", None):
        from bot.oogo.rephrase import rephrase_points

        rephrase_points(services, result)
    log.info("oogo points for %s: %d points (%d signals)", region.code, len(ranked), len(signals))
    return result
