"""A SQLite database file swapped under the running service: which file this process uses,
and how it moves over to the new one without mixing the two.

Why: SQLite names the write-ahead log and the shared-memory index after the path
(``oogo.sqlite3-wal``, ``-shm``), not after the file. When an administrator moves a backup in
place (``mv backup.sqlite3 oogo.sqlite3``) while connections are open on the old file, a
connection to the new file reads the old file's log as its own: under load the restored backup
was "malformed" after a few seconds. It also maps the same -shm as the old connections and,
alone in this process as far as SQLite can tell, resets it under their feet (SIGBUS). And
SQLite leaves that log behind when the old connections close (it never deletes the log of a
moved database), so even the next start read it into the backup.

How: each process remembers the file it uses and the identity of the -wal and -shm files that
belong to it (``note``). The first time a connection is about to open another file at the
path, that log and index are removed (``switch``), under the migration lock, so the new file
starts with its own; the old connections keep theirs (their open descriptors) until the pool
drops them at checkout. What they still write goes to the old file only, as the swap intends.
Only files this process saw in use are removed: a log that came with the new file, or that
another worker already created for it, is another file and stays.

A file that ``sqlite_guard.restore`` copied back after ``rm`` is the same database, not a swap:
its identity is written next to it (``mark_restored``) for the other workers, and nothing is
removed (the old connections' last commits are in that shared log).
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from pathlib import Path

log = logging.getLogger(__name__)

Identity = tuple[int, int]
SIDE_FILES = ("-wal", "-shm")

_LOCK = threading.Lock()
_USING: dict[Path, Identity] = {}  # the database file this process uses, per path
_SIDE: dict[Path, dict[str, Identity | None]] = {}  # its -wal and -shm as last seen


def _identity(path: Path) -> Identity | None:
    from bot.storage.sqlite_guard import file_identity

    return file_identity(path)


def _marker(database: Path) -> Path:
    return database.with_name(database.name + ".restored")


def mark_restored(database: Path) -> None:
    """``restore`` put the database back at ``database``: use it here, and tell the others."""
    identity = _identity(database)
    if identity is None:
        return
    with _LOCK:
        _USING[database] = identity
    from bot.storage.sqlite_guard import PRIVATE_FILE

    marker = os.open(_marker(database), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE)
    with os.fdopen(marker, "w") as out:
        out.write(f"{identity[0]} {identity[1]}\n")


def _restored(database: Path) -> Identity | None:
    with contextlib.suppress(OSError, ValueError):
        device, inode = _marker(database).read_text().split()
        return int(device), int(inode)
    return None


def note(database: Path) -> None:
    """A connection opened ``database``: remember the file, and its -wal and -shm as they are
    now (the first connection of the process decides which file is in use)."""
    identity = _identity(database)
    if identity is None:
        return
    with _LOCK:
        if _USING.setdefault(database, identity) == identity:
            _SIDE[database] = {s: _identity(Path(f"{database}{s}")) for s in SIDE_FILES}


def in_use(database: Path, current: Identity | None) -> bool:
    """Whether the file at ``database``, whose identity the caller just read (``current``), is
    the one this process uses (or none was opened yet): a connection may open it without
    ``switch`` (the write probe asks this on the event loop, where it must not take a lock)."""
    known = _USING.get(database)
    return current is not None and (known is None or known == current)


def switch(database: Path) -> None:
    """Before a connection opens ``database``: when the file there is not the one this process
    used, remove that file's -wal and -shm (if still the ones it saw) and use the new file."""
    current = _identity(database)
    known = _USING.get(database)
    if current is None or known is None or known == current:
        return
    from bot.storage.sqlite_guard import file_lock, lock_path

    with file_lock(lock_path(database)), _LOCK:  # the lock ``restore`` writes its marker under
        if _USING.get(database) != known:
            return  # another thread switched meanwhile
        if current == _restored(database):  # another worker restored it after ``rm``
            _USING[database] = current
            return
        removed = []
        for suffix, seen in _SIDE.pop(database, {}).items():
            side = Path(f"{database}{suffix}")
            if seen is not None and _identity(side) == seen:
                side.unlink(missing_ok=True)
                removed.append(suffix)
        _USING[database] = current
    from bot.storage.sqlite_guard import make_private

    make_private(database)  # a copied backup is often world-readable
    log.error("database file %s was replaced while in use; using the new file (removed the old "
              "file's %s)", database, ", ".join(removed) or "nothing")
