"""Whether a SQLite file's write lock is free right now, asked without waiting for it.

Why: a chat turn that runs on the event loop (``bot.channels.api.turns``) ends with a write.
When another process holds the file's write lock (a second worker of ``oogo serve``, a backup,
an operator's ``sqlite3`` shell, an ``oogo`` command), that write waits in SQLite's busy handler,
up to ``SQLITE_BUSY_TIMEOUT_MS``, and on the loop the whole worker waits with it: ``/healthz``
and every other user stalled as long as the lock was held (measured: 2.7 s of a 3 s hold). In a
worker thread the same wait costs nobody else anything. So the loop asks first.

How: a connection of its own, with no busy timeout, tries ``BEGIN IMMEDIATE`` (take the write
lock) and rolls back at once. Busy means someone holds the lock: the turn goes to a thread. A
few tens of microseconds, and it sees writers in this process and in every other one.

What it cannot promise: the lock may be taken just after the probe, in the milliseconds the turn
runs. Until its first write such a turn then gives up and runs again in a thread
(``bot.storage.impatient``); after it, between two writes of one turn, it waits as before. A
database that is no plain SQLite file has no such lock here: always free.

When it asks: only while it is wary, for ``WARY_SECONDS`` after a turn met the lock busy
(``met_busy``, which the turn runner calls on ``WouldWait``) or after the probe itself found it
busy. Why: taking and releasing the lock is two statements on every turn (about 2% of a turn's
CPU, issue 18), and a lock held by someone else is rare. A turn that meets it unwarned gives up
before it wrote anything and runs again in a thread (``impatient``), so the loop still never
waits; the probe only saves the turns after that one from computing their answer twice while
a backup or a long write holds the lock. The file checks (a missing file, a swapped one) are
cheap and run on every call.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from bot.storage import sqlite_swap
from bot.storage.sqlite_guard import file_identity

#: how long the probe keeps asking for the lock after it was last seen busy
WARY_SECONDS = 5.0


def sqlite_file(url: str) -> Path | None:
    """The file of a ``sqlite:///path`` URL; None for another database or an in-memory one."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    database = parsed.database or ""
    if parsed.get_backend_name() != "sqlite" or database in ("", ":memory:"):
        return None
    if database.startswith("file:"):
        return None  # a URI database (tests' shared memory): nobody else writes to it
    return Path(database)


class WriteLockProbe:
    """``free()``: whether nobody holds the write lock of ``path`` (None: always free).

    Used from one thread, the event loop's: the probe's connection is its own and never
    shared. It is opened on first use, read-write only (it never creates a missing file), and
    opened again when the file at the path is another one (a restored backup, see
    ``sqlite_guard``): a lock on the old file says nothing about the new one. It opens the new
    file only after a pooled connection switched this process over to it
    (``sqlite_swap.switch``, which the loop must not wait for): until then, never free."""

    def __init__(self, path: Path | None, wary_seconds: float = WARY_SECONDS) -> None:
        self.path = path
        self.wary_seconds = wary_seconds
        self._connection: sqlite3.Connection | None = None
        self._file: tuple[int, int] | None = None  # (device, inode) the connection opened
        self._wary_until = 0.0  # time.monotonic() until which the lock itself is asked

    def met_busy(self) -> None:
        """Someone held the lock just now: ask for it on every call for a while."""
        self._wary_until = time.monotonic() + self.wary_seconds

    def free(self) -> bool:
        if self.path is None:
            return True
        try:
            identity = file_identity(self.path)
            if identity is None:
                return False  # no file (yet): the turn waits where it harms nobody
            if not sqlite_swap.in_use(self.path, identity):
                self.close()  # swapped: a pooled connection switches over first (in a thread)
                return False
            if self._connection is None or self._file != identity:
                self.close()
                self._connection = sqlite3.connect(
                    f"{self.path.resolve().as_uri()}?mode=rw", uri=True, timeout=0,
                    isolation_level=None, check_same_thread=False)
                self._file = identity
            if time.monotonic() >= self._wary_until:
                return True  # not seen busy lately (see the module doc)
            self._connection.execute("BEGIN IMMEDIATE")
        except (OSError, sqlite3.Error):  # busy, or no file: the turn waits where it harms nobody
            self.met_busy()
            return False
        self._connection.execute("ROLLBACK")
        return True

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def write_lock_probe(url: str) -> WriteLockProbe:
    """The probe for the database at ``url`` (see module doc)."""
    return WriteLockProbe(sqlite_file(url))
