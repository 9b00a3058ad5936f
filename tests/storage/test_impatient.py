"""``bot.storage.impatient``: in a ``held_connections`` block (a turn on the event loop) a store
call that meets another process's write lock before the block wrote anything gives up at once
(``WouldWait``), changes nothing and leaves no connection without its busy timeout; after the
block's first commit, and outside any block, writes wait for the lock as before."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from bot.storage import raw
from bot.storage.db import SQLITE_BUSY_TIMEOUT_MS, make_engine, migrate
from bot.storage.impatient import WouldWait
from bot.storage.relaxed import dispose_relaxed, relaxed_engine
from bot.storage.scan_store import ScanStore
from bot.storage.state_store import SqlStateStore


@pytest.fixture
def sqlite_engine(tmp_path: Path):
    engine = make_engine(f"sqlite:///{tmp_path / 'oogo.sqlite3'}")
    migrate(engine)
    yield engine
    dispose_relaxed(engine)
    engine.dispose()


def _locked(engine, seconds: float) -> threading.Thread:  # noqa: ANN001
    """Another connection (as another process would) holds the write lock for ``seconds``."""
    taken = threading.Event()

    def hold() -> None:
        other = sqlite3.connect(engine.url.database, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        taken.set()
        time.sleep(seconds)
        other.execute("COMMIT")
        other.close()

    holder = threading.Thread(target=hold)
    holder.start()
    assert taken.wait(5)
    return holder


def _busy_timeouts(engine) -> list[int]:  # noqa: ANN001
    """The busy timeout of every connection of both pools, checked out one after another."""
    found = []
    for pool_engine in (engine, relaxed_engine(engine)):
        with pool_engine.connect() as conn:
            found.append(conn.exec_driver_sql("PRAGMA busy_timeout").scalar_one())
    return found


def test_a_busy_database_before_the_first_write_gives_up_at_once(sqlite_engine) -> None:
    states = SqlStateStore(sqlite_engine)
    states.save("c", {"n": 1})
    holder = _locked(sqlite_engine, 1.0)
    started = time.perf_counter()
    with pytest.raises(WouldWait), raw.held_connections():
        assert states.load("c") == {"n": 1}  # reads do not need the lock
        states.save("c", {"n": 2})
    assert time.perf_counter() - started < 0.5
    holder.join()
    assert states.load("c") == {"n": 1}  # nothing changed
    assert sqlite_engine.pool.checkedout() == relaxed_engine(sqlite_engine).pool.checkedout() == 0
    assert _busy_timeouts(sqlite_engine) == [SQLITE_BUSY_TIMEOUT_MS] * 2


def test_the_main_engine_gives_up_too_before_the_first_write(sqlite_engine) -> None:
    """A regioscan answer is the turn's first write, through the main engine (FULL sync)."""
    scans = ScanStore(sqlite_engine)
    holder = _locked(sqlite_engine, 1.0)
    with pytest.raises(WouldWait), raw.held_connections():
        scans.create("u", "web:a:1", {"index": 0})
    holder.join()
    assert scans.latest_for_conversation("web:a:1", ("active",)) is None
    assert _busy_timeouts(sqlite_engine) == [SQLITE_BUSY_TIMEOUT_MS] * 2


def test_after_the_first_commit_and_outside_a_block_writes_wait(sqlite_engine) -> None:
    states = SqlStateStore(sqlite_engine)
    with raw.held_connections():
        states.save("c", {"n": 1})  # the block's first write
        holder = _locked(sqlite_engine, 0.3)
        states.save("c", {"n": 2})  # waits for the lock instead of giving up
        holder.join()
    holder = _locked(sqlite_engine, 0.3)
    states.save("c", {"n": 3})  # outside a block (a turn in a thread): waits
    holder.join()
    assert states.load("c") == {"n": 3}
    assert _busy_timeouts(sqlite_engine) == [SQLITE_BUSY_TIMEOUT_MS] * 2
