"""Relaxed commits (issue 18): conversation state and history commit without waiting for the
disk, everything else keeps ``synchronous=FULL``, and the durable default is always restored."""

from __future__ import annotations

import pytest

from bot.storage.relaxed import begin_relaxed
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


def test_sqlite_connections_go_back_to_full_after_a_relaxed_write(tmp_path):
    from bot.storage.db import make_engine, migrate

    engine = make_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    migrate(engine)
    SqlStateStore(engine).save("c", {"a": 1})
    with pytest.raises(RuntimeError), begin_relaxed(engine) as conn:
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL inside
        raise RuntimeError("fault in the middle of a relaxed write")
    assert _sqlite_sync_levels(engine) == {2}
    assert SqlStateStore(engine).load("c") == {"a": 1}
    engine.dispose()


def test_a_failed_relaxed_transaction_is_rolled_back(engine):
    from sqlalchemy import select

    from bot.storage.models import ConversationStateRow

    table = ConversationStateRow.__table__
    SqlStateStore(engine).save("c", {"a": 1})
    with pytest.raises(RuntimeError), begin_relaxed(engine) as conn:
        conn.execute(table.update().where(table.c.conversation_id == "c").values(state={"a": 2}))
        raise RuntimeError("fault")
    with engine.connect() as conn:
        row = conn.execute(select(table.c.state).where(table.c.conversation_id == "c")).first()
    assert dict(row[0]) == {"a": 1}


def test_a_connection_that_cannot_go_back_to_full_is_discarded(tmp_path):
    """If restoring ``synchronous=FULL`` fails, that connection must never serve a regioscan
    answer: it is dropped, and every connection the pool hands out is FULL."""
    from sqlalchemy import event

    from bot.storage.db import make_engine, migrate

    engine = make_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    migrate(engine)
    failures = {"left": 1}

    @event.listens_for(engine, "before_cursor_execute")
    def _fail_restore(conn, cursor, statement, *args):
        if statement == "PRAGMA synchronous=FULL" and failures["left"]:
            failures["left"] -= 1
            raise OSError("simulated fault while restoring the pragma")

    with begin_relaxed(engine) as conn:
        relaxed = conn.connection.dbapi_connection
        conn.exec_driver_sql("SELECT 1")
    assert failures["left"] == 0
    assert _sqlite_sync_levels(engine) == {2}
    with engine.connect() as conn:
        assert conn.connection.dbapi_connection is not relaxed
    engine.dispose()
