"""Small protocols for the stores, so the conversation core can run on memory in tests.

Only the state store has an in-memory twin (``bot.storage.memory.InMemoryStateStore``); the
regioscan stores are exercised against real SQLite and PostgreSQL, because their guarantees
(an answer is durable before the reply) are about the database itself.
"""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable


@runtime_checkable
class StateStore(Protocol):
    """Per-conversation state as a JSON-serialisable dict (profile, regioscan progress, ...)."""

    def load(self, conversation_id: str) -> dict[str, Any] | None:
        """The saved state, or ``None`` for a conversation never seen."""
        ...

    def save(self, conversation_id: str, state: dict[str, Any]) -> None:
        """Replace the saved state; durable when this returns."""
        ...
