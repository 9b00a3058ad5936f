"""Per-conversation state in one JSON column, for the conversation core."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bot.storage.db import translate_errors
from bot.storage.models import ConversationStateRow, utcnow
from bot.storage.upsert import upsert

if TYPE_CHECKING:  # pragma: no cover
    from sqlalchemy.engine import Engine


class SqlStateStore:
    """``StateStore`` on SQL: ``save`` commits before it returns, so a crash loses nothing."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

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
        with self.engine.begin() as conn:
            upsert(
                conn, table, {"conversation_id": conversation_id},
                {"state": state, "updated_at": utcnow()},
            )
