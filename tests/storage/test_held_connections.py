"""One pooled connection for a chat turn's store calls (``raw.held_connections``): on a SQLite
file the four calls of a turn check out once, what they write is committed as before, a fault
gives the connection back, and PostgreSQL keeps a checkout per call (psycopg would otherwise hold
a transaction open between the calls)."""

from __future__ import annotations

import pytest

from bot.storage import raw
from bot.storage.relaxed import relaxed_engine, writer_lock
from bot.storage.scan_store import ScanStore
from bot.storage.state_store import SqlStateStore
from bot.storage.turn_store import TurnStore


def _turn(engine) -> None:  # noqa: ANN001 - the fixture's engine
    """The store calls one chat turn makes, in its order."""
    states, scans, turns = SqlStateStore(engine), ScanStore(engine), TurnStore(engine)
    states.load("web:a:1")
    scans.latest_state("web:a:1", "active")
    states.save("web:a:1", {"turns": 1})
    turns.append("web:a:1", "Hoe hoog is de NEET in Zwolle?", {"text": "Zwolle: 5,1%"})


def _checkouts(engine) -> list[int]:  # noqa: ANN001
    """A list that grows by one at every checkout from the pools of ``engine`` and its twin."""
    from sqlalchemy import event

    seen: list[int] = []
    for pool_engine in {engine, relaxed_engine(engine)}:
        event.listen(pool_engine, "checkout", lambda *_: seen.append(1))
    return seen


def test_a_turn_in_a_block_checks_out_once_on_sqlite_and_per_call_on_postgresql(engine):
    _turn(engine)  # warm: migrations done, twin built
    seen = _checkouts(engine)
    with raw.held_connections():
        _turn(engine)
    shared = engine.dialect.name == "sqlite"
    assert len(seen) == (1 if shared else 4)
    seen.clear()
    _turn(engine)  # outside a block: as before
    assert len(seen) == 4


def test_a_blocks_writes_are_committed_together_when_it_ends(engine):
    """On a SQLite file a block's relaxed writes (a turn's state and its history line) are one
    transaction, committed when the block ends: until then only the block sees them, after it
    every connection does. Without a twin (PostgreSQL) each call commits when it returns."""
    from sqlalchemy import text

    def seen_elsewhere() -> tuple[int, int]:
        with engine.connect() as other:
            states = other.execute(text("SELECT count(*) FROM conversation_state")).scalar_one()
            turns = other.execute(text("SELECT count(*) FROM conversation_turns")).scalar_one()
        return states, turns

    together = engine.dialect.name == "sqlite"
    with raw.held_connections():
        SqlStateStore(engine).save("c", {"x": 1})
        TurnStore(engine).append("c", "vraag", {"text": "antwoord"})
        assert SqlStateStore(engine).load("c") == {"x": 1}  # the block reads its own writes
        assert seen_elsewhere() == ((0, 0) if together else (1, 1))
    assert seen_elsewhere() == (1, 1)
    assert not writer_lock(relaxed_engine(engine)).locked()


def test_a_block_that_fails_keeps_its_writes_and_lets_go_of_the_lock(engine):
    """A fault after the writes (the reply could not be made) keeps them, as a store call that
    had returned did before; a failed later write keeps the earlier ones."""
    from sqlalchemy.exc import DBAPIError

    with pytest.raises(RuntimeError), raw.held_connections():
        SqlStateStore(engine).save("c", {"x": 1})
        raise RuntimeError("the reply could not be made")
    assert SqlStateStore(engine).load("c") == {"x": 1}
    with raw.held_connections():
        SqlStateStore(engine).save("c", {"x": 2})
        with pytest.raises(DBAPIError), raw.writing_relaxed(engine) as cursor:
            cursor.execute("INSERT INTO no_such_table VALUES (1)")
    assert SqlStateStore(engine).load("c") == {"x": 2}
    with raw.held_connections():  # a failed read after the writes does not take them along
        SqlStateStore(engine).save("c", {"x": 3})
        with pytest.raises(DBAPIError), raw.reading(engine) as cursor:
            cursor.execute("SELECT * FROM no_such_table")
        assert SqlStateStore(engine).load("c") == {"x": 3}
    assert SqlStateStore(engine).load("c") == {"x": 3}
    assert not writer_lock(relaxed_engine(engine)).locked()
    assert relaxed_engine(engine).pool.checkedout() == 0


def test_every_connection_goes_back_to_the_pool_when_the_block_ends(engine):
    with raw.held_connections():
        _turn(engine)
        with raw.held_connections():  # nested: the outer block keeps and returns them
            SqlStateStore(engine).load("web:a:1")
        SqlStateStore(engine).load("web:a:1")
    assert engine.pool.checkedout() == 0
    assert relaxed_engine(engine).pool.checkedout() == 0


def test_a_fault_in_a_block_gives_the_connection_back_and_the_next_call_works(engine):
    from sqlalchemy.exc import DBAPIError

    seen = _checkouts(engine)
    with raw.held_connections():
        SqlStateStore(engine).load("c")
        with pytest.raises(DBAPIError), raw.reading(engine) as cursor:
            cursor.execute("SELECT * FROM no_such_table")
        SqlStateStore(engine).save("c", {"after": "fault"})
        assert SqlStateStore(engine).load("c") == {"after": "fault"}
    if engine.dialect.name == "sqlite":
        assert len(seen) == 2  # the first connection went back with the fault
    assert relaxed_engine(engine).pool.checkedout() == 0


def test_a_loop_keeps_its_connection_from_one_block_to_the_next(engine):
    """``KeptConnections``: one checkout for many turns on a SQLite file (the checks of a
    checkout still run per block), a fresh one after the pool was disposed, all returned by
    ``close``; without a twin (PostgreSQL) nothing is kept."""
    kept = raw.KeptConnections()
    _turn(engine)  # warm: migrations done, twin built
    seen = _checkouts(engine)
    for _ in range(3):
        with kept.block():
            _turn(engine)
    sqlite = engine.dialect.name == "sqlite"
    assert len(seen) == (1 if sqlite else 12)
    assert relaxed_engine(engine).pool.checkedout() == (1 if sqlite else 0)
    if sqlite:
        relaxed_engine(engine).dispose()  # e.g. after a restored backup: a new pool
        seen.clear()
        with kept.block():
            _turn(engine)
        assert len(seen) == 1 and relaxed_engine(engine).pool.checkedout() == 1
    kept.close()
    assert relaxed_engine(engine).pool.checkedout() == 0
    assert SqlStateStore(engine).load("web:a:1") == {"turns": 1}


def test_a_connection_with_an_open_transaction_is_not_kept(engine):
    if engine.dialect.name != "sqlite":
        pytest.skip("only a SQLite file has a twin whose connection a loop keeps")
    kept = raw.KeptConnections()
    with kept.block(), raw.reading(engine) as cursor:
        cursor.execute("BEGIN")  # left open by mistake: the pool's reset must end it
    assert relaxed_engine(engine).pool.checkedout() == 0
    kept.close()
