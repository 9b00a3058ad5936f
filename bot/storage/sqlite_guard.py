"""A SQLite database file that is private and stays the file we write to.

Why: an open SQLite connection keeps writing to a database file that was deleted (the inode
lives on until the connection closes), so after ``rm oogo.sqlite3`` every answer was
acknowledged and then gone at the next restart, while /readyz said ok. Here every checkout of a
pooled connection compares the file at the path with the file the connection opened. When the
file was removed, the still-open connection copies the whole database (SQLite's online backup)
back to the path before anything else is written, under the same lock the migrations use, so
several workers restore it once, and the pool then opens fresh connections to it: nothing
acknowledged is lost. When it was replaced (an administrator moved a backup in place), the
connection is dropped and the pool opens one to the new file, after ``sqlite_swap.switch``
removed the old file's -wal and -shm, which the new file would otherwise read as its own.

A connection opened while the file could not be written (a read-only disk, an immutable file)
is read-only for good: SQLite falls back to opening the file read-only and never reopens it. A
read that succeeds during such a fault puts that connection back in the pool without an error,
so ``translate_errors`` never drops it, and the first write after the disk is writable again
was refused as "alleen-lezen". So each connection also remembers whether its files were
writable when it opened; a read-only one is dropped at checkout as soon as they are writable.

The database file (and so its -wal/-shm files, which SQLite creates with the database file's
mode) is created with mode 0600: answers and feedback are not world-readable.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.storage import sqlite_swap

if TYPE_CHECKING:  # pragma: no cover
    from sqlalchemy.engine import Engine

log = logging.getLogger(__name__)

PRIVATE_FILE = 0o600


def file_identity(path: Path) -> tuple[int, int] | None:
    """(device, inode) of the file at ``path``, or None when there is none."""
    try:
        status = os.stat(path)
    except FileNotFoundError:
        return None
    return status.st_dev, status.st_ino


def writable(database: Path) -> bool:
    """Can this process write the database file and its write-ahead log (when there is one)?

    ``os.access`` and not a trial ``open``: closing any descriptor of a SQLite file releases the
    process's locks on it."""
    for candidate in (database, Path(f"{database}-wal")):
        if candidate.exists() and not os.access(candidate, os.W_OK, effective_ids=True):
            return False
    return True


def make_private(path: Path) -> None:
    """Create the database file with mode 0600 if missing; tighten an existing one (and its
    -wal/-shm files) that group or others may read."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
    for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        with contextlib.suppress(FileNotFoundError, PermissionError):
            if candidate.stat().st_mode & 0o077:
                candidate.chmod(PRIVATE_FILE)


@contextlib.contextmanager
def file_lock(path: Path) -> Iterator[None]:
    """An exclusive lock between processes (the migration lock file next to the database)."""
    import fcntl

    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(descriptor, fcntl.LOCK_UN)
        os.close(descriptor)


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + ".migrate.lock")


def restore(source: Any, database: Path) -> bool:
    """Copy the database ``source`` still sees to ``database`` (absent), atomically.

    Returns False when another process restored it first. Raises when the copy fails.
    """
    with file_lock(lock_path(database)):
        if database.exists():
            return False
        partial = database.with_name(f"{database.name}.restore-{os.getpid()}")
        partial.unlink(missing_ok=True)
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
        target = sqlite3.connect(partial)
        try:
            source.backup(target)
        finally:
            target.close()
        os.rename(partial, database)
        sqlite_swap.mark_restored(database)
    return True


def existing(database: Path) -> None:
    """Before a new connection opens ``database``: wait while it is being restored, and refuse
    (``sqlite3.OperationalError``, which the stores report as "opslag niet bereikbaar") when it
    is gone, instead of letting SQLite create an empty database at the path.

    Why: such an empty file lacks every table, so the turns that used it lost their
    conversation and their history; and it shares the -wal and -shm files (named after the
    path) with the connections still open on the removed file. Opening it reset that
    shared-memory file under their feet: the whole server died of SIGBUS while ``restore``
    copied the removed database (seen with ``rm oogo.sqlite3`` under load). The file is
    created once, by ``make_private``, before the first connection."""
    if database.exists():
        return
    with file_lock(lock_path(database)):  # held by a restore that is copying the file back
        if database.exists():
            return
    log.error("database file %s is missing and no open connection restored it", database)
    raise sqlite3.OperationalError("unable to open database file: it was removed")


def install(engine: Engine, database: Path) -> None:
    """Watch ``database`` for every connection of ``engine`` (see the module docstring)."""
    from sqlalchemy import event

    @event.listens_for(engine, "do_connect")
    def _writable_before(_dialect: Any, record: Any, _args: Any, _params: Any) -> None:
        existing(database)
        sqlite_swap.switch(database)
        record.info["oogo_writable"] = writable(database)

    @event.listens_for(engine, "connect")
    def _remember_file(_dbapi_conn: Any, record: Any) -> None:
        record.info["oogo_database"] = database
        record.info["oogo_file"] = file_identity(database)
        sqlite_swap.note(database)
        # writable just before and just after the open: then SQLite opened it read-write
        before = record.info.pop("oogo_writable", False)
        record.info["oogo_read_only"] = not (before and writable(database))

    @event.listens_for(engine, "checkout")
    def _same_file(dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        still_valid(dbapi_conn, record.info)


def still_valid(dbapi_conn: Any, info: dict[str, Any]) -> None:
    """Raise SQLAlchemy's ``DisconnectionError`` when the connection must not be used: its file
    was removed (restored first from this connection), replaced, or it is read-only while the
    file is writable again (see the module doc). Run at every checkout, and by a loop that keeps
    its connection from one block to the next (``raw.KeptConnections``); ``info`` is the
    connection's pool record's."""
    from sqlalchemy import exc

    database = info["oogo_database"]
    if info.get("oogo_read_only") and writable(database):
        log.warning("database file %s is writable again; reconnecting", database)
        raise exc.DisconnectionError("database file writable again")
    known = info.get("oogo_file")
    current = file_identity(database)
    if current == known:
        return
    if current is None and known is not None:
        try:
            if restore(dbapi_conn, database):
                log.error("database file %s was removed while in use; restored it from the "
                          "open connection", database)
        except Exception as error:  # noqa: BLE001 - reported, then the pool reconnects
            log.error("database file %s was removed and could not be restored: %s: %s",
                      database, type(error).__name__, error)
    else:
        log.warning("database file %s was replaced; reconnecting", database)
    raise exc.DisconnectionError("database file changed")
