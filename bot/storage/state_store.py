"""Per-conversation state in one JSON column, for the conversation core."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from bot.storage.db import translate_errors
from bot.storage.models import ConversationStateRow, utcnow
from bot.storage.relaxed import begin_relaxed
from bot.storage.upsert import upsert_statement

if TYPE_CHECKING:  # pragma: no cover
    from sqlalchemy import Select
    from sqlalchemy.engine import Engine

STATES = ConversationStateRow.__table__


@functools.cache
def _load_query() -> Select[Any]:
    """Built once (every chat turn reads its state; building costs more than the read)."""
    from sqlalchemy import bindparam, select

    return select(STATES.c.state).where(STATES.c.conversation_id == bindparam("cid"))


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
        with self.engine.connect() as conn:
            row = conn.execute(_load_query(), {"cid": conversation_id}).first()
        return None if row is None else dict(row[0])

    @translate_errors
    def save(self, conversation_id: str, state: dict[str, Any]) -> None:
        engine = self.engine
        statement = upsert_statement(engine.dialect.name, STATES, ("conversation_id",),
                                     ("state", "updated_at"))
        with begin_relaxed(engine) as conn:
            conn.execute(statement, {"conversation_id": conversation_id, "state": state,
                                     "updated_at": utcnow()})
