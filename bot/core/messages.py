"""The channel-agnostic message types: what comes in, what goes out.

Every channel (web, Telegram, terminal, ``oogo ask``) translates its own input into an
``IncomingMessage`` and renders the ``Reply`` it gets back. Nothing here knows about a channel,
so the same answer looks the same everywhere and the JSON contract of ``oogo ask --json``
(see DESIGN.md) is produced in one place: ``Reply.to_contract``.
"""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Intent = Literal[
    "indicator",
    "compare",
    "trend",
    "explain",
    "sources",
    "regioscan",
    "oogo",
    "help",
    "clarify",
    "out_of_scope",
]

RegionLevel = Literal["gemeente", "swv_po", "swv_vo", "land"]


@dataclass(slots=True)
class IncomingMessage:
    """One user turn, as any channel delivers it.

    ``choice`` carries the payload of a pressed button (callback data), ``text`` what was typed.
    ``region`` is the asker's own region when the channel knows it (``--region``, a profile).
    """

    channel: str
    conversation_id: str
    user_id: str
    text: str = ""
    choice: str | None = None
    region: str | None = None
    language: str | None = None


@dataclass(slots=True)
class Button:
    """A clickable option. ``value`` goes back as ``IncomingMessage.choice`` when pressed."""

    label: str
    value: str


@dataclass(slots=True)
class Fact:
    """One computed number, exactly as it is in the indicator data."""

    indicator: str
    region: str
    category: str
    year: int
    value: float | None
    unit: str
    numerator: int | None = None
    denominator: int | None = None
    suppressed: bool = False

    def to_contract(self) -> dict[str, Any]:
        data = asdict(self)
        if not self.suppressed:
            data.pop("suppressed")
        return data


@dataclass(slots=True)
class Passage:
    """A retrieved piece of a knowledge document, with what is needed to cite it."""

    source: str
    title: str
    text: str
    heading: str = ""
    score: float = 0.0
    chunk_id: str = ""

    def to_contract(self) -> dict[str, Any]:
        return {"source": self.source, "title": self.title, "heading": self.heading,
                "text": self.text}


@dataclass(slots=True)
class Chart:
    """A rendered chart: PNG bytes plus a text alternative for screen readers."""

    title: str
    png: bytes
    alt: str
    key: str = ""


@dataclass(slots=True)
class RegionRef:
    """A region named in an answer, in the shape of the JSON contract."""

    code: str
    name: str
    level: RegionLevel


@dataclass(slots=True)
class Progress:
    """Where a user is in the regioscan (shown as a progress bar by the web page)."""

    current: int
    total: int
    theme: str = ""


@dataclass(slots=True)
class Reply:
    """Everything an answer consists of; channels decide how to show it."""

    text: str
    intent: Intent = "help"
    buttons: list[Button] = field(default_factory=list)
    options: list[str] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    regions: list[RegionRef] = field(default_factory=list)
    demo_data: bool = False
    progress: Progress | None = None
    followups: list[str] = field(default_factory=list)
    debug: dict[str, Any] = field(default_factory=dict)
    answer_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    language: str = "nl"

    def to_contract(self, with_debug: bool = False) -> dict[str, Any]:
        """The ``oogo ask --json`` object of DESIGN.md (without ``id``, the caller adds it)."""
        data: dict[str, Any] = {
            "intent": self.intent,
            "answer": self.text,
            "regions": [asdict(r) for r in self.regions],
            "facts": [f.to_contract() for f in self.facts],
            "passages": [p.to_contract() for p in self.passages],
            "options": list(self.options),
            "demo_data": self.demo_data,
        }
        if with_debug:
            data["debug"] = self.debug
        return data
