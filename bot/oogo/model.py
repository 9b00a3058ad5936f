"""The data shapes of OOGO discussion points: evidence, points and the ranked result.

They are plain dataclasses so that the conversation core, the report and the CLI (``--json``)
all show the same thing, and a test can compare every number in a point with the engine's value.
Evidence is one tested finding (a comparison, a trend against the national trend) or one
regioscan result; every evidence item keeps in ``detail`` whether its test was ``significant``
and ``relevant`` (``None`` for a regioscan result, which is not a test). A ranked point is never
made without evidence; a standing point (``standing=True``) has none on purpose: it is a
question to ask with its quoted passage.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from bot.core.messages import Fact, Passage

EvidenceKind = Literal["comparison", "trend", "scan"]
PointKind = Literal["aandacht", "sterk", "vraag", "scan", "vast"]


@dataclass(slots=True)
class Evidence:
    """One piece of evidence for a point: a Dutch (or English) sentence plus the numbers behind it.

    ``facts`` holds the published figures exactly as the engine returned them (the region's own
    figure first); ``detail`` holds the tests (direction, significant, relevant, p-value, the
    tested figure with its counts) and non-indicator numbers (scan means), so the report and a
    test can check them too.
    """

    kind: EvidenceKind
    text: str
    source: str
    facts: list[Fact] = field(default_factory=list)
    detail: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "text": self.text,
            "source": self.source,
            "facts": [f.to_contract() for f in self.facts],
            "detail": dict(self.detail),
        }


@dataclass(slots=True)
class Point:
    """One discussion point for the OOGO table, with everything needed to explain it.

    ``why`` is a neutral sentence about what kind of evidence put the point on the list;
    ``passages`` are quoted whole (the topic's background), ``caveats`` too (a high figure is not
    always a bad sign); ``score`` and ``reasons`` order the points and stay out of every text.
    """

    topic: str
    title: str
    why: str
    questions: list[str]
    participants: list[str]
    evidence: list[Evidence]
    score: float
    score_parts: dict[str, float] = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    standing: bool = False
    kind: PointKind = "aandacht"
    caveats: list[Passage] = field(default_factory=list)

    @property
    def facts(self) -> list[Fact]:
        return [f for e in self.evidence for f in e.facts]

    @property
    def lead(self) -> tuple[str, ...] | None:
        """What the point leads with: the first evidence's own figure, or its scan item."""
        if not self.evidence:
            return None
        first = self.evidence[0]
        if first.facts:
            fact = first.facts[0]
            return (fact.indicator, fact.region, fact.category)
        return ("scan", str(first.detail.get("scan", "")), str(first.detail.get("item", "")))

    def to_dict(self) -> dict[str, Any]:
        return {
            "topic": self.topic,
            "title": self.title,
            "why": self.why,
            "questions": list(self.questions),
            "participants": list(self.participants),
            "evidence": [e.to_dict() for e in self.evidence],
            "score": self.score,
            "score_parts": dict(self.score_parts),
            "reasons": list(self.reasons),
            "passages": [p.to_contract() for p in self.passages],
            "standing": self.standing,
            "kind": self.kind,
            "caveats": [p.to_contract() for p in self.caveats],
        }


@dataclass(slots=True)
class PointsResult:
    """The ranked points for one region, plus what a user needs to trust them."""

    region_code: str
    region_name: str
    region_level: str
    year: int | None
    demo_data: bool
    language: str
    points: list[Point]
    ranking_explanation: str
    has_scan: bool
    scan_note: str = ""
    notes: list[str] = field(default_factory=list)
    #: which regioscan results entered: "round" (newest closed round), "own" (the asker's scan)
    scan_sources: list[str] = field(default_factory=list)
    #: the partnerships that are this gemeente alone (no comparison with them was made)
    swv_alone: list[str] = field(default_factory=list)
    #: with real figures among them: definition and source lines per kind (real figures with
    #: their CBS table and CBS's definition, demo figures with the demo definition)
    about: list[str] = field(default_factory=list)
    #: with real figures among them: the kinds of figure that are demonstration data
    demo_figures: list[str] = field(default_factory=list)

    @property
    def ranked(self) -> list[Point]:
        return [p for p in self.points if not p.standing]

    @property
    def standing(self) -> list[Point]:
        return [p for p in self.points if p.standing]

    @property
    def facts(self) -> list[Fact]:
        """Every indicator value used, once (the ``facts`` of a ``Reply``)."""
        seen: set[tuple[str, str, str, int]] = set()
        out: list[Fact] = []
        for point in self.points:
            for fact in point.facts:
                key = (fact.indicator, fact.region, fact.category, fact.year)
                if key not in seen:
                    seen.add(key)
                    out.append(fact)
        return out

    @property
    def passages(self) -> list[Passage]:
        seen: set[tuple[str, str]] = set()
        out: list[Passage] = []
        for point in self.points:
            for passage in point.passages + point.caveats:
                if (passage.source, passage.heading) not in seen:
                    seen.add((passage.source, passage.heading))
                    out.append(passage)
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "region": {"code": self.region_code, "name": self.region_name,
                       "level": self.region_level},
            "year": self.year,
            "demo_data": self.demo_data,
            "language": self.language,
            "has_scan": self.has_scan,
            "scan_note": self.scan_note,
            "scan_sources": list(self.scan_sources),
            "swv_alone": list(self.swv_alone),
            "about": list(self.about),
            "demo_figures": list(self.demo_figures),
            "ranking_explanation": self.ranking_explanation,
            "notes": list(self.notes),
            "points": [p.to_dict() for p in self.points],
            "facts": [f.to_contract() for f in self.facts],
            "passages": [p.to_contract() for p in self.passages],
        }
