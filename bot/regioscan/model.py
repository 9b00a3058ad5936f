"""The engine's typed, serialisable values: state, input, output (step) and events.

``ScanState`` is frozen and round-trips through ``to_dict``/``from_dict`` (plain JSON), so any
store can keep it and a stale copy can never be changed behind the engine's back. ``nonce``
changes whenever the question on screen changes; buttons carry it, so a button from an
earlier question is recognised and ignored.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:  # pragma: no cover
    from bot.regioscan.outcome import Outcome

Phase = Literal["asking", "confirm", "offer", "paused", "done"]
PHASES = ("asking", "confirm", "offer", "paused", "done")


@dataclass(frozen=True)
class ScanState:
    """Where one person is in one scan. ``answers``: {question_id: {"value", "explanation"}}."""

    definition_version: int = 1
    language: str = "nl"
    phase: Phase = "asking"
    index: int = 0
    answers: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    nonce: int = 0
    last_answered: str | None = None
    return_to_summary: bool = False
    started: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "definition_version": self.definition_version, "language": self.language,
            "phase": self.phase, "index": self.index,
            "answers": {qid: dict(a) for qid, a in self.answers.items()},
            "nonce": self.nonce, "last_answered": self.last_answered,
            "return_to_summary": self.return_to_summary, "started": self.started,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ScanState:
        phase = data.get("phase", "asking")
        return cls(
            definition_version=int(data.get("definition_version", 1)),
            language="en" if data.get("language") == "en" else "nl",
            phase=phase if phase in PHASES else "asking",
            index=max(0, int(data.get("index", 0))),
            answers={
                str(qid): {"value": a.get("value"), "explanation": a.get("explanation")}
                for qid, a in dict(data.get("answers", {})).items()
            },
            nonce=int(data.get("nonce", 0)), last_answered=data.get("last_answered"),
            return_to_summary=bool(data.get("return_to_summary", False)),
            started=bool(data.get("started", False)),
        )

    def with_(self, **changes: Any) -> ScanState:
        return replace(self, **changes)

    def values(self) -> dict[str, int | None]:
        """{question_id: 1-5 or None ('weet ik niet')} for every answered question."""
        return {qid: a.get("value") for qid, a in self.answers.items()}

    @property
    def answered(self) -> int:
        return len(self.answers)

    @property
    def dont_know(self) -> int:
        return sum(1 for a in self.answers.values() if a.get("value") is None)


@dataclass(frozen=True, slots=True)
class ScanInput:
    """What the user did: typed ``text`` or pressed a button (``choice`` = its value)."""

    text: str | None = None
    choice: str | None = None


@dataclass(frozen=True, slots=True)
class ScanButton:
    label: str
    value: str


@dataclass(frozen=True, slots=True)
class ScanProgress:
    current: int
    total: int
    theme: str


@dataclass(frozen=True, slots=True)
class AnswerRecorded:
    """Persist this BEFORE showing the reply: value 1-5, or None for 'weet ik niet'."""

    question_id: str
    value: int | None
    explanation: str | None = None


@dataclass(frozen=True, slots=True)
class ScanReset:
    """All answers of this scan were cleared (the user chose 'opnieuw')."""


@dataclass(frozen=True, slots=True)
class ScanPaused:
    stopped: bool = False


@dataclass(frozen=True, slots=True)
class ScanSubmitted:
    """The user confirmed the summary; the scan counts in results from now on."""


ScanEvent = AnswerRecorded | ScanReset | ScanPaused | ScanSubmitted


@dataclass(frozen=True)
class ScanStep:
    """The engine's reply. ``active`` False means: route the next message elsewhere.

    ``needs_explanation`` is set when the user asked something mid-scan; the text already holds
    the scan's own explanation and a caller may add retrieved passages for that query.
    """

    text: str
    buttons: tuple[ScanButton, ...] = ()
    progress: ScanProgress | None = None
    events: tuple[ScanEvent, ...] = ()
    done: bool = False
    active: bool = True
    outcome: Outcome | None = None
    needs_explanation: str | None = None
    kind: str = "question"
