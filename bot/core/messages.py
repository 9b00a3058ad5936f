"""The channel-agnostic message types: what comes in, what goes out.

Every channel (web, Telegram, terminal, ``oogo ask``) translates its own input into an
``IncomingMessage`` and renders the ``Reply`` it gets back. Nothing here knows about a channel,
so the same answer looks the same everywhere and the JSON contract of ``oogo ask --json``
(see DESIGN.md) is produced in one place: ``Reply.to_contract``.
"""

from __future__ import annotations

import functools
import os
from dataclasses import asdict, dataclass, field, fields
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
    # where this one figure comes from: "demo", or e.g. "CBS StatLine 84134NED (2024-07-01)",
    # so real and demonstration figures can stand side by side (DESIGN.md contract)
    source: str = "demo"
    # the region without this gemeente: the rest of a samenwerkingsverband, the figure a
    # gemeente is tested against (value = (region - excluding) counts); None for a plain figure
    excluding: str | None = None

    @property
    def demo(self) -> bool:
        return self.source == "demo"

    def to_contract(self) -> dict[str, Any]:
        # every field is a plain value, so a shallow copy is the same as ``asdict`` (which
        # deep-copies, and ran several times per chat turn)
        data = {name: getattr(self, name) for name in _fact_fields()}
        if not self.suppressed:
            data.pop("suppressed")
        if self.excluding is None:
            data.pop("excluding")
        return data


@functools.cache
def _fact_fields() -> tuple[str, ...]:
    return tuple(f.name for f in fields(Fact))


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
class Citation:
    """A cited passage as a person reads it: the document's title and the section's heading.

    ``source`` is the document's file (a stable id for links), ``text`` the passage itself, so a
    channel can open the source in place.
    """

    source: str
    title: str
    heading: str
    text: str = ""

    @property
    def label(self) -> str:
        if self.heading and self.heading != self.title:
            return f"{self.title} — {self.heading}" if self.title else self.heading
        return self.title or self.source


@dataclass(slots=True)
class Notice:
    """A remark shown once, as one element, next to the answer (e.g. the demo-figures notice)."""

    kind: Literal["demo", "info", "warning"]
    text: str


@dataclass(slots=True)
class DocumentOffer:
    """A document the user can take away; each channel turns it into a download or a file.

    ``kind`` says which: ``report`` (the OOGO preparation document of ``region``),
    ``scan_result`` (the user's own regioscan outcome, ``ref`` = scan or round reference) or
    ``conversation`` (the conversation so far).
    """

    kind: Literal["report", "scan_result", "conversation"]
    label: str
    region: str | None = None
    formats: list[str] = field(default_factory=lambda: ["pdf", "html", "md"])
    ref: str = ""


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


def new_answer_id() -> str:
    """A random version-4 UUID as 32 hex digits, exactly ``uuid.uuid4().hex``. Why not that:
    building the ``UUID`` object (argument checks, properties) cost more than the rest of
    making a reply (issue 18); the same bits are set here on the same 16 random bytes: the
    version (4) in byte 6, the variant (RFC 4122) in byte 8."""
    raw = bytearray(os.urandom(16))
    raw[6] = raw[6] & 0x0F | 0x40
    raw[8] = raw[8] & 0x3F | 0x80
    return raw.hex()


@dataclass(slots=True)
class Reply:
    """Everything an answer consists of; channels decide how to show it.

    ``text`` is the answer itself (what an optional LLM may rephrase). What goes around it is
    kept apart so every channel shows it exactly once and no rephrasing can drop it: ``about``
    (definition and source lines of the figures), ``notices`` (e.g. demonstration figures),
    ``citations`` (cited passages), ``documents`` (downloads on offer) and ``scan_result`` (a
    regioscan outcome as data, for charts and tables). ``full_text`` is the plain rendering of
    all of it, used by text channels and the ``oogo ask --json`` contract.
    """

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
    about: list[str] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    documents: list[DocumentOffer] = field(default_factory=list)
    scan_result: dict[str, Any] | None = None
    followups: list[str] = field(default_factory=list)
    debug: dict[str, Any] = field(default_factory=dict)
    answer_id: str = field(default_factory=new_answer_id)
    language: str = "nl"
    # the conversation's own region after this turn (set by the core), so a channel that shows
    # it does not read the conversation state a second time
    profile_region: str | None = None

    def to_contract(self, with_debug: bool = False) -> dict[str, Any]:
        """The ``oogo ask --json`` object of DESIGN.md (without ``id``, the caller adds it)."""
        data: dict[str, Any] = {
            "intent": self.intent,
            "answer": self.full_text(),
            "regions": [asdict(r) for r in self.regions],
            "facts": [f.to_contract() for f in self.facts],
            "passages": [p.to_contract() for p in self.passages],
            "options": list(self.options),
            "demo_data": self.demo_data,
        }
        if with_debug:
            data["debug"] = self.debug
        return data

    def full_text(self) -> str:
        """The answer with everything around it, as plain text (see ``bot.core.plaintext``)."""
        from bot.core.plaintext import render_plain

        return render_plain(self)
