"""Per-conversation memory: who is asking, and what the last answer was about.

Follow-ups ("en in 2021?", "and in Zeist?") only work if the assistant remembers the previous
question's slots, and "waarom?" only works if it remembers the evidence. The state is a plain,
typed dataclass that round-trips through JSON, so any ``StateStore`` (in memory, SQLite,
PostgreSQL) can keep it without knowing what is inside.
"""

from __future__ import annotations

import copy
import logging
import threading
import types
import typing
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Any, Protocol

logger = logging.getLogger(__name__)

STATE_VERSION = 2


@dataclass(slots=True)
class PendingClarification:
    """A question we could not answer yet because a slot was ambiguous.

    ``question`` is the original text; when the user picks one of ``options`` the original
    question is answered with that choice filled in for ``slot``: a region (``ambiguous``,
    ``unknown``, ``need_region``), an indicator (``need_indicator``) or what the user wants
    (``intent``: the options are readings such as "figure" and "knowledge").
    """

    question: str
    slot: str
    options: list[str] = field(default_factory=list)
    mention: str = ""


@dataclass(slots=True)
class ConversationState:
    """Everything the assistant remembers between two turns of one conversation."""

    profile_region: str | None = None
    language: str = "nl"
    last_intent: str | None = None
    last_indicator: str | None = None
    last_regions: list[str] = field(default_factory=list)
    last_category: str | None = None
    last_year: int | None = None
    last_comparison: str | None = None
    # the previous figure question's frame (see understanding.frame.Frame) and what the
    # previous message asked for (a corpus label: figure, knowledge, ...): follow-ups change
    # the frame slot by slot
    last_frame: dict[str, Any] = field(default_factory=dict)
    last_label: str | None = None
    # the measure the tables do not hold that the previous message asked for (``elsewhere``):
    # "en in Zwolle?" after "hoeveel thuiszitters in Deventer?" asks for it again
    last_elsewhere: str | None = None
    pending: PendingClarification | None = None
    last_evidence: dict[str, Any] = field(default_factory=dict)
    turns: int = 0
    version: int = STATE_VERSION

    def to_dict(self) -> dict[str, Any]:
        """The state as JSON-ready values. Lists and dicts are copied one level deep (their
        contents are plain JSON values); ``asdict`` deep-copied every nested value and was the
        dearest step of saving a turn (issue 18)."""
        data = {name: getattr(self, name) for name in _FIELDS}
        data["last_regions"] = list(self.last_regions)
        data["last_frame"] = dict(self.last_frame)
        data["last_evidence"] = dict(self.last_evidence)
        if self.pending is not None:
            data["pending"] = {"question": self.pending.question, "slot": self.pending.slot,
                               "options": list(self.pending.options),
                               "mention": self.pending.mention}
        return data

    @classmethod
    def from_dict(cls, data: Any) -> ConversationState:
        """Rebuild a state; unknown keys (from a newer version) are ignored, bad data resets.

        Never raises, whatever JSON the store holds: a value that does not have its field's
        declared type (``"turns": "x"``, ``"last_frame": "x"``, a state that is a string) is
        left at the field's default, and the rest is kept. Why: the row is read before the turn
        and written back after it, so a value that broke the turn broke every later turn of
        that conversation too (a stored row damaged by hand or by an older version)."""
        if not isinstance(data, dict) or not data:
            if data:
                logger.warning("unreadable conversation state, starting afresh")
            return cls()
        values: dict[str, Any] = {}
        for name, check in _checks(cls).items():
            if name not in data:
                continue
            value = data[name]
            if name == "pending" and isinstance(value, dict):
                value = _pending(value)
            if check(value):
                values[name] = value
            else:
                logger.warning("conversation state field %s unreadable, reset", name)
        return cls(**values)


_FIELDS = tuple(f.name for f in fields(ConversationState))


_CHECKS: dict[type, dict[str, Callable[[Any], bool]]] = {}


def _checks(cls: type) -> dict[str, Callable[[Any], bool]]:
    """For each field of a state dataclass, a test whether a JSON value fits its declared type
    (``from __future__`` keeps the types as strings: resolved on first use, once)."""
    checks = _CHECKS.get(cls)
    if checks is None:
        hints = typing.get_type_hints(cls)
        checks = _CHECKS[cls] = {f.name: _check(hints[f.name]) for f in fields(cls)}
    return checks


def _pending(value: dict[str, Any]) -> PendingClarification | None:
    """A stored clarification, or None when any of its fields is missing or of the wrong type."""
    checks = _checks(PendingClarification)
    if not set(value) <= set(checks) or not all(checks[k](v) for k, v in value.items()):
        return None
    try:
        return PendingClarification(**value)
    except TypeError:  # a required field is missing
        return None


def _check(kind: Any) -> Callable[[Any], bool]:
    """The test for one field type: a class, ``X | None``, ``list[X]`` or ``dict[str, X]``
    (``Any`` fits everything; a bool is no int). Built once per field: a turn reads the state
    every time (issue 18)."""
    origin = typing.get_origin(kind)
    if kind is Any:
        return lambda value: True
    if origin in (typing.Union, types.UnionType):
        classes = typing.get_args(kind)
        if all(isinstance(option, type) and typing.get_origin(option) is None
               for option in classes):  # ``str | None`` and the like
            return _instance_of(classes)
        options = [_check(option) for option in classes]
        return lambda value: any(check(value) for check in options)
    if origin is list:
        item = _check(typing.get_args(kind)[0])
        return lambda value: isinstance(value, list) and all(map(item, value))
    if origin is dict:  # JSON keys are text: only the values are tested, unless Any
        item_kind = typing.get_args(kind)[1]
        if item_kind is Any:
            return lambda value: isinstance(value, dict)
        item = _check(item_kind)
        return lambda value: isinstance(value, dict) and all(map(item, value.values()))
    if kind is type(None):
        return lambda value: value is None
    if kind is int:
        return lambda value: isinstance(value, int) and not isinstance(value, bool)
    return lambda value: isinstance(value, kind)


def _instance_of(classes: tuple[type, ...]) -> Callable[[Any], bool]:
    """The test for a union of plain classes: one ``isinstance`` (a bool still is no int),
    where a test per option took a third of reading a state (issue 18)."""
    if int in classes and bool not in classes:
        return lambda value: isinstance(value, classes) and not isinstance(value, bool)
    return lambda value: isinstance(value, classes)


class StateStore(Protocol):
    """Where conversation state lives between turns (see bot/storage for the SQL one)."""

    def load(self, conversation_id: str) -> dict[str, Any] | None: ...

    def save(self, conversation_id: str, state: dict[str, Any]) -> None: ...


class InMemoryStateStore:
    """A process-local store: the fallback when no database is configured, and for tests."""

    def __init__(self) -> None:
        self._data: dict[str, dict[str, Any]] = {}
        self._lock = threading.Lock()

    def load(self, conversation_id: str) -> dict[str, Any] | None:
        with self._lock:
            data = self._data.get(conversation_id)
            return copy.deepcopy(data) if data is not None else None

    def save(self, conversation_id: str, state: dict[str, Any]) -> None:
        # a deep copy, as a SQL store keeps its JSON: nothing the caller changes later leaks in
        with self._lock:
            self._data[conversation_id] = copy.deepcopy(state)
