"""Per-conversation state in one JSON column, for the conversation core."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from bot.storage.db import translate_errors
from bot.storage.models import ConversationStateRow, utcnow
from bot.storage.relaxed import begin_relaxed
from bot.storage.upsert import upsert

if TYPE_CHECKING:  # pragma: no cover
    from sqlalchemy.engine import Engine


class SqlStateStore:
    """``StateStore`` on SQL: ``save`` commits before it returns, so a process crash loses
    nothing (the commit does not wait for the disk: see ``bot.storage.relaxed``).

    The engine may be given as a function: then it is built on first use and a database that
    is down when the store is created does not make the caller give up on the store (the
    conversation core would otherwise fall back to memory for the rest of the process).
    """

    def __init__(self, engine: Engine | Callable[[], Engine]) -> None:
        self._engine = engine

    @property
    def engine(self) -> Engine:
        if callable(self._engine) and not hasattr(self._engine, "dispose"):
            return self._engine()
        return self._engine  # type: ignore[return-value]

    @translate_errors
    def load(self, conversation_id: str) -> dict[str, Any] | None:
        from sqlalchemy import select

        table = ConversationStateRow.__table__
        with self.engine.connect() as conn:
            row = conn.execute(
                select(table.c.state).where(table.c.conversation_id == conversation_id)
            ).first()
        return None if row is None else dict(row[0])

    @translate_errors
    def save(self, conversation_id: str, state: dict[str, Any]) -> None:
        table = ConversationStateRow.__table__
        with begin_relaxed(self.engine) as conn:
            upsert(
                conn, table, {"conversation_id": conversation_id},
                {"state": state, "updated_at": utcnow()},
            )
