"""What the conversation core needs from the rest of the application, as typed ports.

The ``Assistant`` is built with one object per port (``bot/services.py`` is the only place that
builds them); tests hand in fakes through the same constructor. The core never reaches past a
port, so a reader and the type checker both see exactly what it uses:

* ``Figures``   the region registry and the indicator engine (the figures library);
* ``Knowledge`` search in the knowledge documents;
* ``Regioscan`` the regioscan conversation (start, answer, resume, the own outcome);
* ``Points``    OOGO discussion points for a region (the core does not import ``bot.oogo``);
* ``Responder`` an optional LLM that rephrases an answer under the grounding check;
* ``StateStore`` where the conversation state lives between turns (``bot.core.state``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from bot.core.state import StateStore

if TYPE_CHECKING:  # pragma: no cover
    from bot.core.messages import Fact, Passage, Reply
    from bot.core.understanding.model import Understanding
    from indicators.catalog import IndicatorDef
    from indicators.engine import IndicatorEngine
    from indicators.registry import RegionRegistry

__all__ = ["Figures", "Knowledge", "Points", "PointsAnswer", "Regioscan", "Responder",
           "ScanOutcome", "ScanReply", "StateStore"]


class Figures(Protocol):
    """The figures library: the registry and the catalog are cheap, ``indicators`` loads the
    data on first use (and raises when the data cannot be read). ``catalog`` is the one the
    engine computes with, so texts that name the figures name exactly those."""

    @property
    def registry(self) -> RegionRegistry: ...

    @property
    def catalog(self) -> Mapping[str, IndicatorDef]: ...

    @property
    def indicators(self) -> IndicatorEngine: ...


class Knowledge(Protocol):
    """Search in the knowledge documents; an empty list when nothing is relevant."""

    def search(self, query: str, k: int = 3) -> Sequence[Any]: ...


class ScanButtonLike(Protocol):
    @property
    def label(self) -> str: ...

    @property
    def value(self) -> str: ...


class ScanProgressLike(Protocol):
    @property
    def current(self) -> int: ...

    @property
    def total(self) -> int: ...

    @property
    def theme(self) -> str: ...


class ScanReply(Protocol):
    """One step of the regioscan conversation (``bot.regioscan.model.ScanStep``)."""

    @property
    def text(self) -> str: ...

    @property
    def buttons(self) -> Sequence[ScanButtonLike]: ...

    @property
    def progress(self) -> ScanProgressLike | None: ...

    @property
    def active(self) -> bool: ...

    @property
    def done(self) -> bool: ...

    @property
    def outcome(self) -> Any | None: ...


@dataclass(frozen=True, slots=True)
class ScanOutcome:
    """A regioscan outcome to show again: its text and its data (``Outcome.to_dict()``)."""

    kind: str  # "own" | "round"
    text: str
    data: dict[str, Any]
    ref: str = ""


class Regioscan(Protocol):
    """The regioscan conversation of one user in one conversation."""

    def owns_choice(self, choice: str | None) -> bool: ...

    def has_active_scan(self, conversation_id: str) -> bool: ...

    def start(self, conversation_id: str, user_id: str, round_code: str | None = None,
              role: str | None = None, language: str = "nl") -> ScanReply: ...

    def handle(self, conversation_id: str, user_id: str, text: str | None = None,
               choice: str | None = None, language: str | None = None) -> ScanReply: ...

    def open_statement(self, conversation_id: str) -> ScanReply | None: ...

    def own_outcome(self, conversation_id: str, user_id: str, language: str,
                    round_code: str | None = None) -> ScanOutcome | None: ...


@dataclass(slots=True)
class PointsAnswer:
    """Discussion points as the core shows them (text, evidence, whether figures are demo)."""

    text: str
    facts: list[Fact] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    demo: bool = False
    about: list[str] = field(default_factory=list)  # definition/source lines once figures are real


class Points(Protocol):
    """OOGO discussion points of a region (None when they cannot be made)."""

    def points(self, region: str, language: str, question: str = "",
               conversation_id: str | None = None) -> PointsAnswer | None:
        """``conversation_id``: the asker's own conversation, whose completed regioscan (and
        only that one) enters the points."""
        ...


class Responder(Protocol):
    """Rephrases an answer; returns the reply unchanged when the result is not grounded."""

    def rephrase(self, u: Understanding, reply: Reply) -> Reply: ...
