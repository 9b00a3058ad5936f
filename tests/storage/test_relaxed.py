"""Relaxed commits (issue 18): conversation state and history commit without waiting for the
disk, on an engine of their own; everything else keeps ``synchronous=FULL``."""

from __future__ import annotations

import pytest

from bot.storage.raw import writing_relaxed
from bot.storage.relaxed import dispose_relaxed, relaxed_engine
from bot.storage.state_store import SqlStateStore
from bot.storage.turn_store import TurnStore


def _sqlite_sync_levels(engine) -> set[int]:
    """``PRAGMA synchronous`` of every connection the pool hands out (2 = FULL)."""
    levels = set()
    connections = [engine.connect() for _ in range(3)]
    try:
        for conn in connections:
            levels.add(conn.exec_driver_sql("PRAGMA synchronous").scalar())
    finally:
        for conn in connections:
            conn.close()
    return levels


def test_relaxed_writes_are_committed_and_seen_by_a_new_connection(engine):
    SqlStateStore(engine).save("c", {"core": {"turns": 1}})
    TurnStore(engine).append("c", "Wat is NEET?", {"text": "Jongeren zonder werk..."})
    engine.dispose()  # a fresh connection must see both (committed, not just buffered)
    assert SqlStateStore(engine).load("c") == {"core": {"turns": 1}}
    assert [t.user_text for t in TurnStore(engine).turns("c")] == ["Wat is NEET?"]


def test_relaxed_writes_never_use_a_connection_of_the_durable_engine(tmp_path):
    """Relaxed writes go through their own NORMAL engine; every connection the main engine hands
    out (the one regioscan answers use) stays FULL, also after a fault inside a relaxed write."""
    from bot.storage.db import make_engine, migrate

    engine = make_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    migrate(engine)
    SqlStateStore(engine).save("c", {"a": 1})
    with pytest.raises(RuntimeError), writing_relaxed(engine) as cursor:
        cursor.execute("PRAGMA synchronous")
        assert cursor.fetchone()[0] == 1  # NORMAL inside
        relaxed = cursor.connection
        raise RuntimeError("fault in the middle of a relaxed write")
    assert _sqlite_sync_levels(engine) == {2}
    assert _sqlite_sync_levels(relaxed_engine(engine)) == {1}
    with engine.connect() as conn:
        assert conn.connection.dbapi_connection is not relaxed
    assert SqlStateStore(engine).load("c") == {"a": 1}
    engine.dispose()
    dispose_relaxed(engine)


def test_a_failed_relaxed_transaction_is_rolled_back(engine):
    from sqlalchemy import select

    from bot.storage.models import ConversationStateRow

    table = ConversationStateRow.__table__
    SqlStateStore(engine).save("c", {"a": 1})
    with pytest.raises(RuntimeError), writing_relaxed(engine) as cursor:
        statement = "UPDATE conversation_state SET state = '{\"a\": 2}' " \
                    "WHERE conversation_id = 'c'"
        cursor.execute(statement)
        raise RuntimeError("fault")
    with engine.connect() as conn:
        row = conn.execute(select(table.c.state).where(table.c.conversation_id == "c")).first()
    assert dict(row[0]) == {"a": 1}


def test_a_database_fault_drops_the_relaxed_connections_too(tmp_path):
    """After a database error the stores drop pooled connections (a read-only disk must not stay
    stuck in one); the relaxed engine's pool is dropped with the main one."""
    from bot.storage.db import _drop_connections, make_engine, migrate

    engine = make_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    migrate(engine)
    SqlStateStore(engine).save("c", {"a": 1})
    twin = relaxed_engine(engine)
    assert twin is not engine and twin.pool.checkedin() == 1
    _drop_connections(SqlStateStore(engine))
    assert twin.pool.checkedin() == 0
    assert relaxed_engine(engine) is twin  # the same engine, reconnecting on the next write
    SqlStateStore(engine).save("c", {"a": 2})
    assert SqlStateStore(engine).load("c") == {"a": 2}
    engine.dispose()
    dispose_relaxed(engine)


def test_relaxed_writers_of_one_process_take_turns_on_a_lock(tmp_path):
    """A second relaxed write waits on the process's writer lock (not in SQLite's sleeping busy
    handler) and goes ahead as soon as the first commits."""
    import threading
    import time

    from bot.storage.db import make_engine, migrate

    engine = make_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    migrate(engine)
    store = SqlStateStore(engine)
    inside, done = threading.Event(), []

    def second() -> None:
        store.save("b", {"n": 2})
        done.append(time.perf_counter())

    with writing_relaxed(engine) as cursor:
        cursor.execute("DELETE FROM conversation_state WHERE conversation_id = 'none'")
        worker = threading.Thread(target=second)
        worker.start()
        inside.wait(0.3)
        assert worker.is_alive() and not done  # waiting for the first writer
        released = time.perf_counter()
    worker.join(5)
    assert done and done[0] >= released
    assert store.load("b") == {"n": 2}
    engine.dispose()
    dispose_relaxed(engine)
