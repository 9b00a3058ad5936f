"""A SQLite file that was read-only and is writable again: the first write after the fault
succeeds, even when reads during the fault put fresh (read-only) connections in the pool.

Why: SQLite opens a file it cannot write read-only and never reopens it; such a connection
survives a successful read, so only an error used to drop it, and that error was the user's
first regioscan answer after the disk came back.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.storage.errors import StorageUnavailable
from bot.storage.state_store import SqlStateStore
from tests.hardening.faultenv import switchable_disk


def _write_full(engine, value: int) -> None:
    """A durable write as the regioscan makes it (``engine.begin()``, synchronous=FULL)."""
    from bot.storage.models import ConversationStateRow
    from bot.storage.upsert import upsert

    with engine.begin() as conn:
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2
        upsert(conn, ConversationStateRow.__table__, {"conversation_id": "full"},
               {"state": {"v": value}})


@pytest.mark.parametrize("reads_during_fault", [1, 3])
def test_first_write_after_a_read_only_disk_succeeds(tmp_path: Path, reads_during_fault: int):
    from bot.storage.db import make_engine, migrate

    with switchable_disk(tmp_path / "disk") as disk:
        engine = make_engine(f"sqlite:///{disk.database}")
        migrate(engine)
        store = SqlStateStore(engine)
        store.save("c", {"turn": 1})
        disk.read_only()
        with pytest.raises(StorageUnavailable):
            store.save("c", {"turn": 2})  # the error drops the pool ...
        held = [engine.connect() for _ in range(reads_during_fault)]
        for conn in held:  # ... then reads open fresh connections, which SQLite opens read-only
            assert conn.exec_driver_sql("SELECT count(*) FROM conversation_state").scalar() == 1
        for conn in held:
            conn.close()
        assert store.load("c") == {"turn": 1}
        disk.writable()
        store.save("c", {"turn": 3})  # relaxed write: the first one after the fault
        _write_full(engine, 1)  # durable write on every connection the pool holds
        with engine.connect() as conn:
            levels = conn.exec_driver_sql("PRAGMA synchronous").scalar()
        assert levels == 2
        engine.dispose()
        assert SqlStateStore(engine).load("c") == {"turn": 3}
        engine.dispose()


def test_writable_connections_are_kept(tmp_path: Path):
    """No fault: the pool keeps reusing its connections (no reconnect per checkout)."""
    from sqlalchemy import event

    from bot.storage.db import make_engine, migrate

    engine = make_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    migrate(engine)
    with engine.connect() as conn:
        conn.exec_driver_sql("SELECT 1")
    opened = []
    event.listen(engine, "connect", lambda *_: opened.append(1))
    for _ in range(5):
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    assert opened == []
    engine.dispose()
