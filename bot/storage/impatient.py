"""A chat turn on the event loop never waits for a SQLite file's write lock before it has
written anything: it gives up (``WouldWait``) and is run again in a worker thread.

Why: ``bot.channels.api.turns`` runs a turn on the loop only after ``write_probe`` saw the lock
free, but another process (a second worker, an operator's ``sqlite3`` shell, a backup tool) may
take it in the milliseconds the turn computes its answer. The turn's first write then waited
in SQLite's busy handler, up to ``SQLITE_BUSY_TIMEOUT_MS``, and the loop with it: under steady
traffic that window was open most of the time, and ``/healthz`` and every user stalled as long
as the other process held the lock (measured: 5.07 s for a 5 s hold, in one of three 3 s holds).

How: inside a ``held_connections`` block (the turn on the loop) every connection checked out of
a watched SQLite engine has ``busy_timeout = 0`` until the block's first commit, and gets its
timeout back at that commit or at its next checkout outside such a block. A store call that then
meets a busy database raises ``WouldWait``, a ``BaseException`` so that no ``except Exception``
on the way (the core keeps answering when its state cannot be saved) turns it into a half-kept
turn. Nothing was committed yet (the block's relaxed writes are committed together at its end,
see ``raw.held_connections``, and rolled back on ``WouldWait``), so running the whole turn again
in a thread, where it may wait, is safe.

After a commit within the block (a regioscan answer goes through the main engine and is
committed at once) the turn's writes wait as before: giving up then would leave the turn half
kept. Why the timeout is switched back lazily, at the next checkout that must wait, and not when
the connection returns to the pool: the turns on the loop get the same connection again and
again (the pool hands out the one used last), and two ``PRAGMA`` statements per turn cost about
as much as one of the turn's own statements (issue 18).
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from sqlalchemy.engine import Engine

SQLITE_BUSY = 5  # the primary result code; extended codes (BUSY_RECOVERY, ...) share it


class WouldWait(BaseException):
    """A store call of a turn on the loop found the database busy before the turn wrote
    anything: nothing was changed, run the turn again where it may wait."""


class _Block:
    """One ``held_connections`` block: whether it committed, and the connections whose busy
    timeout it lowered (DB-API connection, its pool record's ``info``)."""

    __slots__ = ("lowered", "wrote")

    def __init__(self) -> None:
        self.wrote = False
        self.lowered: list[tuple[Any, dict[str, Any]]] = []


_BLOCK: contextvars.ContextVar[_Block | None] = contextvars.ContextVar(
    "oogo_impatient_block", default=None)


@contextlib.contextmanager
def block() -> Iterator[None]:
    """Connections checked out within do not wait for the write lock until the first commit."""
    token = _BLOCK.set(_Block())
    try:
        yield
    finally:
        _BLOCK.reset(token)


def pending() -> bool:
    """Whether this context is in a block that has not committed yet."""
    current = _BLOCK.get()
    return current is not None and not current.wrote


def wrote() -> None:
    """The block committed: from now on its connections wait for the lock as usual."""
    current = _BLOCK.get()
    if current is None or current.wrote:
        return
    current.wrote = True
    for connection, info in current.lowered:
        if info.pop("oogo_impatient", None) is not None:
            _patient(connection, info["oogo_busy_ms"])
    current.lowered.clear()


def check(error: BaseException | None) -> None:
    """Raise ``WouldWait`` (from ``error``) when ``error`` is SQLite's "busy" and the block has
    not committed yet; otherwise do nothing (the caller raises its own error)."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None and code & 0xFF == SQLITE_BUSY and pending():
        raise WouldWait() from error


def taken(dbapi_conn: Any, info: dict[str, Any]) -> None:
    """A connection of a watched engine is about to be used (checked out, or kept by a loop
    from one block to the next, see ``raw.KeptConnections``): its busy timeout as this context
    needs it (``info``: its pool record's)."""
    current = _BLOCK.get()
    if current is None or current.wrote:  # waits as usual: its timeout back if it was off
        if info.pop("oogo_impatient", None) is not None:
            _patient(dbapi_conn, info["oogo_busy_ms"])
        return
    if info.get("oogo_impatient") is None:  # else still off since a block before
        dbapi_conn.execute("PRAGMA busy_timeout = 0")
        info["oogo_impatient"] = True
    current.lowered.append((dbapi_conn, info))


def _patient(connection: Any, busy_ms: int) -> None:
    with contextlib.suppress(Exception):  # a broken connection is dropped by its pool anyway
        connection.execute(f"PRAGMA busy_timeout = {busy_ms}")


def install(engine: Engine, busy_ms: int) -> None:
    """Make the connections of ``engine`` (a SQLite file) impatient inside a block."""
    from sqlalchemy import event

    @event.listens_for(engine, "connect")
    def _busy_ms(_dbapi_conn: Any, record: Any) -> None:
        record.info["oogo_busy_ms"] = busy_ms

    @event.listens_for(engine, "checkout")
    def _impatient(dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        taken(dbapi_conn, record.info)

    @event.listens_for(engine, "commit")
    def _committed(_conn: Any) -> None:
        wrote()
