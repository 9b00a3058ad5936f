"""What understanding a question produces: the intent, the slots and where each slot came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# where a slot value came from; shown in ``Reply.debug`` so odd answers can be explained
Origin = str  # "question" | "context" | "profile" | "default" | "clarification"


@dataclass(slots=True)
class Understanding:
    """The parsed question. ``mode`` says which computation answers it:

    ``value`` (one or more values, with the default comparison), ``regions`` (compare named
    regions), ``national``/``swv`` (compare with Nederland / the samenwerkingsverband), ``peers``,
    ``trend``, ``position``, ``breakdown``.
    """

    intent: str
    language: str = "nl"
    indicator: str | None = None
    category: str | None = None
    regions: list[str] = field(default_factory=list)
    year: int | None = None
    years: list[int] = field(default_factory=list)
    mode: str = "value"
    origins: dict[str, Origin] = field(default_factory=dict)
    # clarification: what to ask and which codes to offer
    clarify_kind: str | None = None  # ambiguous | unknown | need_region | need_indicator
    clarify_mention: str = ""
    options: list[str] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    # side effects and remarks
    profile_region: str | None = None
    corrections: list[tuple[str, str]] = field(default_factory=list)  # (typed, region code)
    injection: bool = False
    scan_command: str | None = None  # start | stop | continue
    query: str = ""  # the text used for knowledge search
    # the user's own word for the indicator when it is narrower than the figure, e.g.
    # "jeugdhulp" for the jeugdzorg figure (which also counts jeugdbescherming and -reclassering):
    # the answer then gives the jeugdhulp figures or says plainly what the figure counts
    asked_term: str | None = None

    def debug(self) -> dict[str, Any]:
        return {
            "intent": self.intent,
            "language": self.language,
            "indicator": self.indicator,
            "category": self.category,
            "regions": list(self.regions),
            "year": self.year,
            "years": list(self.years),
            "mode": self.mode,
            "slots": dict(self.origins),
            "clarify": self.clarify_kind,
            "corrections": [list(c) for c in self.corrections],
            "injection": self.injection,
            "asked_term": self.asked_term,
        }
