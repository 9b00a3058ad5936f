"""What understanding a message produces: the intent, the slots and where each slot came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.core.understanding.frame import Frame

# where a slot value came from; shown in ``Reply.debug`` so odd answers can be explained
Origin = str  # "question" | "context" | "profile" | "default" | "clarification"

# the corpus label (what the user wants) -> the intent of the ``oogo ask --json`` contract
CONTRACT_INTENT = {
    "knowledge": "explain", "oogo_points": "oogo", "report": "oogo", "scan_start": "regioscan",
    "scan_resume": "regioscan", "scan_answer": "regioscan", "scan_result": "regioscan",
    "round_join": "regioscan", "help": "help", "why": "explain", "out_of_scope": "out_of_scope",
    "region_info": "explain",
}


@dataclass(slots=True)
class Understanding:
    """The understood message.

    ``label`` is what the user wants (the corpus labels of ``data/SCHEMA.md``: figure, knowledge,
    oogo_points, report, scan_start, ...); ``intent`` is the contract intent of the reply
    (indicator, compare, trend, explain, sources, regioscan, oogo, help, clarify, out_of_scope).
    For a figure, ``frame`` holds the asked slots and ``mode``/``regions`` the answer plan the
    figure renderers run: ``value``, ``national``/``swv``/``regions`` (compare with Nederland,
    the samenwerkingsverband or named regions), ``peers``, ``trend``, ``position``, ``ranking``,
    ``breakdown``; ``regions`` then includes the implied yardsticks (NL01, the SWV code).
    """

    intent: str
    language: str = "nl"
    label: str = "help"
    indicator: str | None = None
    category: str | None = None
    regions: list[str] = field(default_factory=list)
    year: int | None = None
    years: list[int] = field(default_factory=list)
    mode: str = "value"
    target: str | None = None
    dimension: str | None = None
    frame: Frame | None = None
    origins: dict[str, Origin] = field(default_factory=dict)
    # how sure the intent model was, and the readings it weighed (for a clarifying question)
    confidence: float = 1.0
    alternatives: list[tuple[str, float]] = field(default_factory=list)
    # clarification: what to ask and which codes (or readings) to offer
    clarify_kind: str | None = None  # ambiguous | unknown | need_region | need_indicator | intent
    clarify_mention: str = ""
    options: list[str] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    # side effects and remarks
    profile_region: str | None = None
    corrections: list[tuple[str, str]] = field(default_factory=list)  # (typed, region code)
    provinces_left_out: list[str] = field(default_factory=list)  # named beside places
    # NEET asked for a group ("NEET onder vso-leerlingen"): answered with its relative risk
    risk_for_group: bool = False
    # a group the figures have no category for ("NEET bij meisjes"): the total, said so
    group_not_in_data: bool = False
    # a figure the tables do not hold ("hoeveel thuiszitters"): the measure's key
    # (``elsewhere.MEASURES``); the answer says so and quotes where its figures live
    held_elsewhere: str | None = None
    # such measures named beside a figure the tables do hold ("jeugdzorg en thuiszitters"): the
    # figure is answered, and the answer says the tables hold none for these
    measures_left_out: list[str] = field(default_factory=list)
    # groups named beside the one answered that have no figures ("NEET voor vso en havo": havo)
    groups_left_out: list[str] = field(default_factory=list)
    # the other figures asked in the same message ("jeugdzorg en NEET", "po en vo"), each
    # understood in full; the answer gives them after this one
    also: list[Understanding] = field(default_factory=list)
    # no place named and none taken from the conversation: the own region (profile) is the
    # subject, and the answer says so
    profile_assumed: bool = False
    # a ranking of samenwerkingsverbanden: "swv_po" / "swv_vo" (None: of gemeenten)
    ranked_level: str | None = None
    # how many places a ranking shows ("top 5", or kept from the ranking followed up on);
    # None: the answer's default
    ranked_size: int | None = None
    # a ranking from the bottom up ("de laagste", or kept from the ranking followed up on)
    ranked_lowest: bool = False
    # "welke gemeente in Friesland heeft ...": a ranking of the gemeenten of one province
    ranked_province: str | None = None
    # "in een grafiek", "op een kaart": how the user asked to see the figure
    presentation: str | None = None
    # "vijf jaar geleden": (those words, the year counted back from) when the year came so
    counted_back: tuple[str, int] | None = None
    # "buurgemeenten", "omliggende gemeenten" as typed, when read as the rest of the
    # samenwerkingsverband (the answer says so)
    neighbours_read: str = ""
    # a question about the regio-indeling: "members" (which gemeenten make up the
    # samenwerkingsverband) or "swv_of" (which samenwerkingsverbanden a gemeente is in)
    region_question: str = ""
    injection: bool = False
    scan_command: str | None = None  # start | stop | resume
    round_code: str | None = None
    role: str | None = None
    formats: list[str] = field(default_factory=list)  # for a report: pdf, html, md
    query: str = ""  # the text used for knowledge search
    # the user's own word for the indicator when it is narrower than the figure, e.g.
    # "jeugdhulp" for the jeugdzorg figure (which also counts jeugdbescherming and -reclassering):
    # the answer then gives the jeugdhulp figures or says plainly what the figure counts
    asked_term: str | None = None

    def debug(self) -> dict[str, Any]:
        return {
            "intent": self.intent,
            "label": self.label,
            "confidence": round(self.confidence, 3),
            "language": self.language,
            "indicator": self.indicator,
            "category": self.category,
            "regions": list(self.regions),
            "year": self.year,
            "years": list(self.years),
            "mode": self.mode,
            "target": self.target,
            "dimension": self.dimension,
            "slots": dict(self.origins),
            "clarify": self.clarify_kind,
            "corrections": [list(c) for c in self.corrections],
            "injection": self.injection,
            "asked_term": self.asked_term,
            "also": [[a.indicator, a.category] for a in self.also],
            "ranked_level": self.ranked_level,
            "ranked_size": self.ranked_size,
            "ranked_lowest": self.ranked_lowest,
            "presentation": self.presentation,
        }
