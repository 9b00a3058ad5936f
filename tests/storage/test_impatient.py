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


def test_after_a_commit_in_the_block_and_outside_a_block_writes_wait(sqlite_engine) -> None:
    """A regioscan answer is committed at once (main engine): from then on the turn's writes
    wait for the lock, as giving up would leave the turn half kept."""
    states, scans = SqlStateStore(sqlite_engine), ScanStore(sqlite_engine)
    with raw.held_connections():
        assert states.load("c") is None  # the twin's connection: checked out without timeout
        scans.create("u", "web:a:1", {"index": 0})  # committed: the block has written
        holder = _locked(sqlite_engine, 0.3)
        states.save("c", {"n": 2})  # waits for the lock instead of giving up
        holder.join()
    holder = _locked(sqlite_engine, 0.3)
    states.save("c", {"n": 3})  # outside a block (a turn in a thread): waits
    holder.join()
    assert states.load("c") == {"n": 3}
    assert _busy_timeouts(sqlite_engine) == [SQLITE_BUSY_TIMEOUT_MS] * 2


def test_a_main_engine_write_after_a_relaxed_one_sends_the_turn_to_a_thread(sqlite_engine):
    """The block holds the write lock from its first relaxed write to its end; a write through
    the main engine in between would wait for the block itself: it gives up, and nothing of the
    block is kept (the turn runs again in a thread)."""
    states, scans = SqlStateStore(sqlite_engine), ScanStore(sqlite_engine)
    started = time.perf_counter()
    with pytest.raises(WouldWait), raw.held_connections():
        states.save("c", {"n": 1})
        scans.create("u", "web:a:1", {"index": 0})
    assert time.perf_counter() - started < 1.0
    assert states.load("c") is None
    assert scans.latest_for_conversation("web:a:1", ("active",)) is None
    assert _busy_timeouts(sqlite_engine) == [SQLITE_BUSY_TIMEOUT_MS] * 2


def test_turns_on_the_loop_switch_the_timeout_once_not_per_turn(sqlite_engine) -> None:
    """The connection keeps ``busy_timeout = 0`` from one block to the next (the pool hands out
    the one used last), and gets it back at the first checkout that may wait."""
    states = SqlStateStore(sqlite_engine)
    twin = relaxed_engine(sqlite_engine)
    statements: list[str] = []
    checked = twin.raw_connection()
    checked.driver_connection.set_trace_callback(statements.append)
    checked.close()

    def turn() -> None:
        with raw.held_connections():
            states.load("c")
            states.save("c", {"n": 1})

    turn()
    assert sum("busy_timeout" in s for s in statements) == 1  # switched off once
    statements.clear()
    turn()
    turn()
    assert not [s for s in statements if "busy_timeout" in s]
    assert _busy_timeouts(sqlite_engine) == [SQLITE_BUSY_TIMEOUT_MS] * 2  # back when waiting
