"""A transaction whose commit does not wait for the disk, for conversation context and history.

Why: every chat turn writes the conversation state and the turn history. With SQLite's
``synchronous=FULL`` each of those commits waits for an fsync, and all commits of a process
queue on the one write lock, so the disk's fsync latency, not the answer, capped ``/api/chat``
(issue 18: two fsyncs per turn). These two writes get a weaker, still safe promise: committed
before the reply, never lost when the process crashes, never a corrupt database; only a power
loss or kernel crash may lose the last moments of context and history (SQLite WAL with
``synchronous=NORMAL``; PostgreSQL ``synchronous_commit = off``).

Regioscan answers, rounds and feedback keep ``synchronous=FULL`` (``bot.storage.db``): they do
not use this function. Their fsync also makes every earlier relaxed commit in the WAL durable.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from sqlalchemy.engine import Connection, Engine

log = logging.getLogger(__name__)


@contextlib.contextmanager
def begin_relaxed(engine: Engine) -> Iterator[Connection]:
    """Like ``engine.begin()``, but the commit does not wait for the disk (see module doc)."""
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        try:
            if sqlite:  # a pragma, not part of the transaction: set it before, restore it after
                conn.exec_driver_sql("PRAGMA synchronous=NORMAL")
                conn.commit()
            with conn.begin():
                if conn.dialect.name == "postgresql":
                    conn.exec_driver_sql("SET LOCAL synchronous_commit = off")
                yield conn
        finally:
            if sqlite:
                _restore_full(conn)


def _restore_full(conn: Connection) -> None:
    """Give the pooled connection back with the durable default, or not at all: a connection
    left at NORMAL would quietly weaken the next regioscan answer written on it."""
    try:
        conn.exec_driver_sql("PRAGMA synchronous=FULL")
        conn.commit()
    except Exception:  # noqa: BLE001 - the connection is discarded; the caller's outcome stands
        log.warning("could not restore synchronous=FULL; connection discarded")
        conn.invalidate()
