"""The turns of a conversation as the user saw them, so a page can be restored and exported.

Why a store of its own: the conversation state (``SqlStateStore``) keeps only what the core needs
to answer the next question; a reload of the web page, a second tab of the same session and the
"Exporteer gesprek" download need every turn: what the user sent and the reply as it was shown
(the reply's JSON without chart bytes). Rows are keyed by the caller-scoped conversation id the
HTTP channel builds, so one caller can never list another caller's turns.

Retention: a conversation shows at most ``MAX_TURNS`` turns (the oldest go first), and text is
cleaned of characters a database cannot store (NUL, lone surrogates) before it is written.

Why the oldest are dropped in batches: dropping them at every append cost each chat turn a walk
of ``MAX_TURNS`` index entries (the ``OFFSET``) and the deletion of one row, more than the
insert itself (issue 18). Now an append trims with a chance of one in ``TRIM_EVERY``, and every
read shows only the newest ``max_turns`` turns. So what a user sees (the page's history, the
export) never holds more than ``max_turns`` turns, and the table keeps about ``TRIM_EVERY`` turns
more per conversation than it shows. A chance and not "every n-th turn of a conversation":
counting a conversation's turns would cost the same walk, and the rows' ids are shared by all
conversations, so a rule on the id could miss one conversation for good.
"""

from __future__ import annotations

import logging
import random
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from bot.storage import raw
from bot.storage.db import translate_errors, translate_errors_only
from bot.storage.models import TurnRow, utcnow
from bot.storage.text import clean_text, conversation_key, dumps_storable

if TYPE_CHECKING:  # pragma: no cover
    from sqlalchemy.engine import Engine

log = logging.getLogger(__name__)

MAX_TURNS = 500
TRIM_EVERY = 32  # an append trims with a chance of one in this (see the module doc)
MAX_USER_CHARS = 20_000
TURNS = TurnRow.__table__
# Every chat turn runs these, so they are plain DB-API statements (``bot.storage.raw``).
_APPEND = ("INSERT INTO conversation_turns (conversation_id, user_text, reply, created_at) "
           "VALUES (?, ?, ?json, ?)")
_TRIM = ("DELETE FROM conversation_turns WHERE conversation_id = ? AND id < ("
         "SELECT id FROM conversation_turns WHERE conversation_id = ? "
         "ORDER BY id DESC LIMIT 1 OFFSET ?)")


@dataclass(frozen=True, slots=True)
class TurnRecord:
    """One stored turn: what the user sent (as shown) and the reply's JSON."""

    id: int
    user_text: str
    reply: dict[str, Any]
    created_at: datetime | None


class TurnStore:
    """Append turns and read them back, per conversation, oldest first."""

    def __init__(self, engine: Engine, max_turns: int = MAX_TURNS,
                 trim_every: int = TRIM_EVERY) -> None:
        self.engine = engine
        self.max_turns = max_turns
        self.trim_every = trim_every
        self._chance = random.Random()  # not a secret: which append trims

    @translate_errors_only
    def append(self, conversation_id: str, user_text: str, reply: dict[str, Any]) -> int:
        """Store one turn (committed when this returns, or in a turn on the loop with the
        turn's state when its block ends, before the reply leaves: see ``raw.held_connections``;
        without waiting for the disk: see ``bot.storage.relaxed``) and now and then drop the
        turns beyond ``max_turns`` (see the module doc). Text is cleaned here, the reply while
        it is encoded (``dumps_storable``)."""
        engine = self.engine
        cid = conversation_key(conversation_id)
        values = (cid, clean_text(user_text or "")[:MAX_USER_CHARS], dumps_storable(reply),
                  raw.bind_time(engine, utcnow()))
        with raw.writing_relaxed(engine) as cursor:
            if engine.dialect.name == "postgresql":
                cursor.execute(raw.sql(engine, _APPEND + " RETURNING id"), values)
                turn_id = int(cursor.fetchone()[0])
            else:
                cursor.execute(raw.sql(engine, _APPEND), values)
                turn_id = int(cursor.lastrowid)
            if self._trim_due():
                cursor.execute(raw.sql(engine, _TRIM), (cid, cid, self.max_turns - 1))
        return turn_id

    def _trim_due(self) -> bool:
        return self.trim_every <= 1 or self._chance.randrange(self.trim_every) == 0

    @translate_errors
    def turns(self, conversation_id: str) -> list[TurnRecord]:
        """The newest ``max_turns`` turns of one conversation, oldest first (empty for an
        unknown id). A row that cannot be read (a reply that is no JSON object, a broken time)
        is left out and logged: one damaged row must not take the page's history and its export
        with it."""
        rows = self._rows(conversation_id)
        return [record for record in map(_record, reversed(rows)) if record is not None]

    @translate_errors
    def last_reply(self, conversation_id: str) -> dict[str, Any] | None:
        """The newest readable reply of a conversation, or None."""
        for row in self._rows(conversation_id):
            record = _record(row)
            if record is not None:
                return record.reply
        return None

    def _rows(self, conversation_id: str) -> list[Any]:
        """The newest ``max_turns`` rows, newest first, as stored: the reply and the time
        uncoerced, so ``_record`` decides what is readable (SQLAlchemy's JSON and DateTime types
        raise on the first bad row). Rows beyond them wait for the next trim (module doc)."""
        from sqlalchemy import Text, select, type_coerce

        query = (select(TURNS.c.id, TURNS.c.user_text,
                        type_coerce(TURNS.c.reply, Text).label("reply"),
                        type_coerce(TURNS.c.created_at, Text).label("created_at"))
                 .where(TURNS.c.conversation_id == conversation_key(conversation_id))
                 .order_by(TURNS.c.id.desc()).limit(self.max_turns))
        with self.engine.connect() as conn:
            return list(conn.execute(query).all())


def _record(row: Any) -> TurnRecord | None:
    """One stored turn, or None (logged) when its reply is no JSON object."""
    try:
        reply = raw.loads(row.reply)
    except ValueError:
        reply = None
    if not isinstance(reply, dict):
        log.warning("turn %s of a conversation is unreadable; left out of its history", row.id)
        return None
    return TurnRecord(row.id, row.user_text or "", reply, _time(row.created_at))


def _time(value: Any) -> datetime | None:
    """A stored time: PostgreSQL gives a datetime, SQLite the text SQLAlchemy wrote."""
    if value is None or isinstance(value, datetime):
        return value
    from sqlalchemy import DateTime
    from sqlalchemy.dialects import sqlite

    dialect = sqlite.dialect()
    parse = DateTime(timezone=True).dialect_impl(dialect).result_processor(dialect, None)
    try:
        return parse(value) if parse is not None else None
    except (TypeError, ValueError):
        return None
