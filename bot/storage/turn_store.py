"""The turns of a conversation as the user saw them, so a page can be restored and exported.

Why a store of its own: the conversation state (``SqlStateStore``) keeps only what the core needs
to answer the next question; a reload of the web page, a second tab of the same session and the
"Exporteer gesprek" download need every turn: what the user sent and the reply as it was shown
(the reply's JSON without chart bytes). Rows are keyed by the caller-scoped conversation id the
HTTP channel builds, so one caller can never list another caller's turns.

Retention: at most ``MAX_TURNS`` turns per conversation are kept (the oldest go first), and text
is cleaned of characters a database cannot store (NUL, lone surrogates) before it is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from bot.storage.db import translate_errors
from bot.storage.models import TurnRow, utcnow
from bot.storage.relaxed import begin_relaxed

if TYPE_CHECKING:  # pragma: no cover
    from sqlalchemy.engine import Engine

MAX_TURNS = 500
MAX_USER_CHARS = 20_000
TURNS = TurnRow.__table__


@dataclass(frozen=True, slots=True)
class TurnRecord:
    """One stored turn: what the user sent (as shown) and the reply's JSON."""

    id: int
    user_text: str
    reply: dict[str, Any]
    created_at: datetime | None


class TurnStore:
    """Append turns and read them back, per conversation, oldest first."""

    def __init__(self, engine: Engine, max_turns: int = MAX_TURNS) -> None:
        from sqlalchemy import bindparam, delete, insert, select

        self.engine = engine
        self.max_turns = max_turns
        # built once: every chat turn runs both, and building costs more than running them
        self._insert = insert(TURNS)
        oldest_kept = (
            select(TURNS.c.id).where(TURNS.c.conversation_id == bindparam("cid"))
            .order_by(TURNS.c.id.desc()).offset(max_turns - 1).limit(1).scalar_subquery()
        )
        self._trim = delete(TURNS).where(TURNS.c.conversation_id == bindparam("cid"),
                                         TURNS.c.id < oldest_kept)

    @translate_errors
    def append(self, conversation_id: str, user_text: str, reply: dict[str, Any]) -> int:
        """Store one turn (committed when this returns, without waiting for the disk: see
        ``bot.storage.relaxed``) and drop turns beyond ``max_turns``. The text and the reply
        arrive cleaned by ``translate_errors``."""
        cid = conversation_id[:200]
        with begin_relaxed(self.engine) as conn:
            result = conn.execute(self._insert, {
                "conversation_id": cid, "user_text": (user_text or "")[:MAX_USER_CHARS],
                "reply": reply, "created_at": utcnow()})
            turn_id = int(result.inserted_primary_key[0])
            conn.execute(self._trim, {"cid": cid})
            return turn_id

    @translate_errors
    def turns(self, conversation_id: str) -> list[TurnRecord]:
        """The kept turns of one conversation, oldest first (empty for an unknown id)."""
        from sqlalchemy import select

        with self.engine.connect() as conn:
            rows = conn.execute(
                select(TURNS).where(TURNS.c.conversation_id == conversation_id[:200])
                .order_by(TURNS.c.id)
            ).all()
        return [TurnRecord(r.id, r.user_text, dict(r.reply), r.created_at) for r in rows]

    @translate_errors
    def last_reply(self, conversation_id: str) -> dict[str, Any] | None:
        """The newest reply of a conversation, or None."""
        from sqlalchemy import select

        with self.engine.connect() as conn:
            row = conn.execute(
                select(TURNS.c.reply).where(TURNS.c.conversation_id == conversation_id[:200])
                .order_by(TURNS.c.id.desc()).limit(1)
            ).first()
        return None if row is None else dict(row[0])
