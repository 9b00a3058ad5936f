"""A transaction whose commit does not wait for the disk, for conversation context and history.

Why: every chat turn writes the conversation state and the turn history. With SQLite's
``synchronous=FULL`` each of those commits waits for an fsync, and all commits of a process
queue on the one write lock, so the disk's fsync latency, not the answer, capped ``/api/chat``
(issue 18: two fsyncs per turn). These two writes get a weaker, still safe promise: committed
before the reply, never lost when the process crashes, never a corrupt database; only a power
loss or kernel crash may lose the last moments of context and history (SQLite WAL with
``synchronous=NORMAL``; PostgreSQL ``synchronous_commit = off``).

How, for a SQLite file: a second engine on the same file whose connections are all
``synchronous=NORMAL`` (SQLite's setting is per connection). Relaxed writes use only that
engine, every other write only the main one, so no connection ever switches and a regioscan
answer can never be written on a relaxed connection. (An earlier version switched the pragma
on the main engine's connections and back around each write: four extra statements per write.)
An in-memory database has no disk to wait for and PostgreSQL sets ``synchronous_commit`` per
transaction, so both use their one engine.

Regioscan answers, rounds and feedback keep ``synchronous=FULL`` (``bot.storage.db``): they do
not use this module. Their fsync also makes every earlier relaxed commit in the WAL durable.
"""

from __future__ import annotations

import threading
import weakref
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from sqlalchemy.engine import Engine

_RELAXED: weakref.WeakKeyDictionary[Engine, Engine] = weakref.WeakKeyDictionary()
_RELAXED_LOCK = threading.Lock()
_WRITERS: weakref.WeakKeyDictionary[Engine, threading.Lock] = weakref.WeakKeyDictionary()


def _on_sqlite_file(engine: Engine) -> bool:
    from sqlalchemy.pool import StaticPool

    return engine.dialect.name == "sqlite" and not isinstance(engine.pool, StaticPool)


def relaxed_engine(engine: Engine) -> Engine:
    """The engine that relaxed writes of ``engine``'s database use (see module doc)."""
    twin = _RELAXED.get(engine)  # every store call of a turn asks: no lock when it is known
    if twin is not None:
        return twin
    if not _on_sqlite_file(engine):
        return engine
    with _RELAXED_LOCK:
        twin = _RELAXED.get(engine)
        if twin is None:
            from bot.storage.db import make_engine

            twin = make_engine(engine.url.render_as_string(hide_password=False),
                               synchronous="NORMAL")
            _RELAXED[engine] = twin
        return twin


def dispose_relaxed(engine: Engine) -> None:
    """Drop the pooled connections of ``engine``'s relaxed twin, if it has one (after a database
    fault, and when the services close)."""
    twin = _RELAXED.get(engine)
    if twin is not None:
        twin.dispose()


def writer_lock(twin: Engine) -> threading.Lock:
    """The lock the relaxed writes of one process take turns on, on a SQLite file.

    Why: SQLite lets one writer in at a time and makes the others wait in its busy handler,
    which sleeps 1, 2, 5, 10, 25 ms and more between tries: with ten chat turns at once, those
    sleeps, not the work, made the slowest answers slow (issue 18: p95 222 → 138 ms at 10
    clients). Waiting on a Python lock wakes the next writer as soon as the first commits.
    Other processes (more workers) and the main engine's writes still meet in SQLite's handler.
    """
    lock = _WRITERS.get(twin)
    if lock is None:
        with _RELAXED_LOCK:
            lock = _WRITERS.setdefault(twin, threading.Lock())
    return lock
