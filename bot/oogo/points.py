"""The OOGO discussion point generator: rule-based, explainable, and only where the evidence holds.

Public API (used by the conversation core's points port, by the report and by ``oogo points``)::

    from bot.oogo.points import generate_points
    from bot.oogo.render import render_points, explain_point

    result = generate_points(services, "GM0363", language="nl", max_points=7,
                             own_scan=outcome)       # -> PointsResult; own_scan is optional
    result.points            # ranked points, then the standing topics (``standing=True``)
    result.facts             # every published figure used, as bot.core.messages.Fact
    result.passages          # quoted knowledge passages (bot.core.messages.Passage)
    render_points(result, "nl") -> str            # the agenda as chat text
    explain_point(result, 2, "nl") -> str         # all evidence of point 2 (1-based) or by title

``own_scan`` is the asker's own completed regioscan (``own_scan.py`` says what may be passed);
the region's newest closed round is looked up here. ``generate_points`` raises
``RegionNotFound`` (with ``candidates``) when the region cannot be found.

How it works: ``findings`` tests every published figure of the region (significant *and*
relevant only), ``topics`` says which topic a figure speaks to and what it means there (higher:
attention; NEET lower: a strength; jeugdzorg lower: a question), ``wording`` writes the evidence,
``scan_signals`` adds the regioscan, ``scoring`` orders the points, and ``standing`` adds the
standing topics as questions with their quoted passage. Every figure leads at most one point.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from bot.oogo import findings as found
from bot.oogo import scan_signals, scoring, sources_view
from bot.oogo.findings import Finding
from bot.oogo.model import Point, PointKind, PointsResult
from bot.oogo.passages import caveat_passage, passage_for
from bot.oogo.point_texts import levels_note, ranking_text, swv_alone_note, why_text
from bot.oogo.scan_signals import RegionRounds
from bot.oogo.standing import standing_points
from bot.oogo.topics import PO_SIDE, lead_question, topic, trend_question
from bot.oogo.wording import evidence_of
from prompts.loader import templates

if TYPE_CHECKING:  # pragma: no cover
    from bot.services import Services

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
        if names:
            return templates("oogo").render("region_unknown_candidates", language,
                                            query=self.query, names=names)
        return templates("oogo").render("region_unknown", language, query=self.query)


def find_region(registry: Any, query: str) -> tuple[Any, str]:
    """A region by code or (unambiguous) name, plus the registry's note on a guessed name
    ("Ik ga ervan uit dat je Amsterdam bedoelt."); else ``RegionNotFound`` with candidates."""
    text = (query or "").strip()
    try:
        return registry.get(text.upper()), ""
    except Exception:  # noqa: BLE001 - not a code: resolve it as a name
        pass
    resolution = registry.resolve(text)
    if resolution.region is not None:
        return resolution.region, resolution.message
    options = list(resolution.candidates) + list(resolution.suggestions)
    raise RegionNotFound(text, [(r.code, r.name) for r in options], resolution.message,
                         resolution.message_en)


def topic_groups(items: list[Finding], catalog: dict[str, Any]) -> dict[tuple[str, str],
                                                                      list[Finding]]:
    """(topic, meaning) -> findings; the topic of a figure is its catalog entry's. The po-vo
    transition only when the vo figure and a primary-school figure (po, sbo) point the same
    way: never on the vo level alone."""
    groups: dict[tuple[str, str], list[Finding]] = {}
    for finding in items:
        key = catalog[finding.value.indicator].topic_of(finding.value.category)
        groups.setdefault((key, finding.meaning), []).append(finding)
    for meaning in ("aandacht", "vraag"):
        vo = [f for f in groups.get(("voortgezet", meaning), []) if f.value.category == "vo"]
        primary = [f for f in groups.get(("wijkteams", meaning), [])
                   if f.value.category in PO_SIDE]
        if vo and primary:
            moved = vo + primary
            for key in (("voortgezet", meaning), ("wijkteams", meaning)):
                groups[key] = [f for f in groups[key] if f not in moved]
                if not groups[key]:
                    del groups[key]
            groups[("overgang_po_vo", meaning)] = sorted(moved, key=lambda f: -f.score)
    return groups


def _distinct_questions(points: list[Point], catalog: Any, language: str) -> list[Point]:
    """A topic's next point (its figures point another way: one to keep, one to discuss) opens
    with the topic's next question, not the same one again (user10: two points "Kwetsbare
    jongeren op weg naar mbo en werk" asked the same question)."""
    seen: dict[str, int] = {}
    out = []
    for point in points:
        nth = seen.get(point.topic, 0)
        seen[point.topic] = nth + 1
        try:
            own = topic(point.topic, catalog).questions(language) if point.questions else []
        except KeyError:  # a regioscan point ("scan:..."): its questions are its own
            own = []
        if nth and own and point.questions[0] in own:
            rest = [q for q in point.questions[1:] if q not in own]
            # the topic's next question; when they are used up, the point's own lead question
            # (it follows what its figures show: higher, lower, a question)
            questions = [own[nth]] + rest if nth < len(own) else rest
            point = replace(point, questions=questions or point.questions)
        out.append(point)
    return out


def build_point(engine: Any, topic_key: str, meaning: str, items: list[Finding],
                region: Any, language: str, knowledge: Any) -> Point:
    """One point from the findings of one topic and meaning (strongest first)."""
    catalog = engine.catalog
    about = topic(topic_key, catalog)
    items = sorted(items, key=lambda f: (-f.score, f.key))
    evidence = [e for f in items for e in evidence_of(engine, f, language)]
    score, parts = scoring.point_score([f.score for f in items])
    wording = catalog[items[0].value.indicator].wording_key
    questions = about.questions(language)[:1] + [lead_question(meaning, wording, language)]
    if any(f.trend is not None for f in items):
        questions.append(trend_question(language))
    passage = passage_for(topic_key, knowledge, query=about.title_nl)
    caveats = []
    if meaning == "aandacht" and any(catalog[f.value.indicator].higher_caveat for f in items):
        caveat = caveat_passage()
        caveats = [caveat] if caveat is not None else []
    reasons = [f"{f.value.indicator}/{f.value.category}: "
               + ", ".join([f"{c.direction} dan {c.kind}" for c in f.clauses]
                           + ([f"trend {f.trend.direction}"] if f.trend is not None else []))
               for f in items]
    return Point(topic=topic_key, title=about.title(language, meaning, wording),
                 why=why_text(meaning, region.name, language, wording), questions=questions,
                 participants=about.participants(language), evidence=evidence, score=score,
                 score_parts=parts, reasons=reasons, passages=[passage] if passage else [],
                 kind=_kind(meaning), caveats=caveats)



FINDING_KINDS: tuple[PointKind, ...] = ("aandacht", "sterk", "vraag")


def _kind(meaning: str) -> PointKind:
    """The point kind a finding's meaning names (``findings.Finding.meaning``, whose lower
    meaning comes from the catalog): a catalog with another word is an error, not a guess."""
    for kind in FINDING_KINDS:
        if kind == meaning:
            return kind
    raise ValueError(f"unknown meaning of a finding: {meaning!r}")


def rank(points: list[Point]) -> list[Point]:
    """What asks for attention (or a question) first, a strength to keep after it; within
    each, the highest score first, more evidence wins a tie, then the title (stable and
    explainable). Why strengths last: the OOGO table agrees on what needs work, and a user
    trial read "vasthouden wat goed gaat" above vso jeugdzorg of 74% against 57% as the
    region's first concern. A point whose lead figure already leads a higher point is left
    out (never happens by construction, since every figure belongs to one topic; kept as a
    guarantee)."""
    ordered = sorted(points, key=lambda p: (p.kind == "sterk", -p.score, -len(p.evidence),
                                            p.title))
    seen: set[tuple[str, ...] | None] = set()
    out = []
    for point in ordered:
        if point.lead in seen:
            log.warning("point %r dropped: its lead figure already leads a point", point.title)
            continue
        seen.add(point.lead)
        out.append(point)
    return out


def generate_points(services: Services, region_code: str, *, language: str = "nl",
                    max_points: int = 7, own_scan: Any = None,
                    rounds: RegionRounds | None = None) -> PointsResult:
    """Ranked, evidence-backed OOGO discussion points for a gemeente or samenwerkingsverband,
    then the standing topics as questions. ``max_points`` limits the ranked points; ``rounds``
    is where the region's regioscan round is read (default: the installation's regioscan)."""
    language = "en" if language == "en" else "nl"
    if rounds is None:
        rounds = scan_signals.region_rounds(services)
    registry, engine = services.registry, services.indicators
    region, region_note = find_region(registry, region_code)
    items, year = found.collect(engine, region)
    knowledge = services.knowledge_if_open()  # only when already built: no index build
    data_points = [build_point(engine, key, meaning, group, region, language, knowledge)
                   for (key, meaning), group in topic_groups(items, engine.catalog).items()]
    scan = scan_signals.collect(rounds, region, language, own_scan)
    ranked = rank(data_points + scan.points)[: max(1, max_points)]
    alone = found.swv_alone(engine, region)
    notes = [n for n in (region_note, swv_alone_note(registry, region, alone, language),
                         levels_note(engine, region, language), scan.note) if n]
    points = _distinct_questions(ranked + standing_points(language, knowledge), engine.catalog,
                                 language)
    facts = [f for p in points for f in p.facts]
    result = PointsResult(
        region_code=region.code, region_name=region.name, region_level=region.level, year=year,
        demo_data=any(f.demo for f in facts), language=language, points=points,
        ranking_explanation=ranking_text(region, bool(ranked), language),
        has_scan=scan.has_scan, scan_note=scan.note, notes=notes, scan_sources=scan.sources,
        swv_alone=alone, about=sources_view.about(services, facts, language),
        demo_figures=sources_view.demo_figures(engine, facts, language))
    log.info("oogo points for %s: %d ranked of %d, %d findings", region.code, len(ranked),
             len(data_points) + len(scan.points), len(items))
    return result
