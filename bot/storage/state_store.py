"""Per-conversation state in one JSON column, for the conversation core."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from bot.storage import raw
from bot.storage.db import translate_errors_only
from bot.storage.models import utcnow
from bot.storage.text import conversation_key, dumps_storable

if TYPE_CHECKING:  # pragma: no cover
    from sqlalchemy.engine import Engine

# Every chat turn runs both, so they are plain DB-API statements (``bot.storage.raw``).
_LOAD = "SELECT state FROM conversation_state WHERE conversation_id = ?"
_SAVE = ("INSERT INTO conversation_state (conversation_id, state, updated_at) VALUES (?, ?json, ?) "
         "ON CONFLICT (conversation_id) DO UPDATE "
         "SET state = excluded.state, updated_at = excluded.updated_at")


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

    @translate_errors_only
    def load(self, conversation_id: str) -> dict[str, Any] | None:
        engine = self.engine
        with raw.reading(engine) as cursor:
            cursor.execute(raw.sql(engine, _LOAD), (conversation_key(conversation_id),))
            row = cursor.fetchone()
        return None if row is None else dict(raw.loads(row[0]))

    @translate_errors_only
    def save(self, conversation_id: str, state: dict[str, Any]) -> None:
        engine = self.engine
        with raw.writing_relaxed(engine) as cursor:
            cursor.execute(raw.sql(engine, _SAVE), (
                conversation_key(conversation_id), dumps_storable(state),
                raw.bind_time(engine, utcnow())))
