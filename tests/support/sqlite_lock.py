"""Another process holding a SQLite file's write lock (an operator's ``sqlite3``, a backup, a
second worker), for the tests that check the event loop never waits for it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

_LOCKER = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
connection.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
connection.execute("COMMIT")
"""


def hold_write_lock(database: str | Path, seconds: float) -> subprocess.Popen[str]:
    """A process that holds ``database``'s write lock for ``seconds``; returns once it has it
    (``wait()`` on the result for it to end)."""
    locker = subprocess.Popen([sys.executable, "-c", _LOCKER, str(database), str(seconds)],
                              stdout=subprocess.PIPE, text=True)
    assert locker.stdout is not None and locker.stdout.readline().strip() == "locked"
    return locker
