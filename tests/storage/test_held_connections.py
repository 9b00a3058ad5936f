"""One pooled connection for a chat turn's store calls (``raw.held_connections``): on a SQLite
file the four calls of a turn check out once, what they write is committed as before, a fault
gives the connection back, and PostgreSQL keeps a checkout per call (psycopg would otherwise hold
a transaction open between the calls)."""

from __future__ import annotations

import pytest

from bot.storage import raw
from bot.storage.relaxed import relaxed_engine
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


def test_writes_in_a_block_are_committed_when_the_call_returns(engine):
    from sqlalchemy import text

    with raw.held_connections():
        SqlStateStore(engine).save("c", {"x": 1})
        TurnStore(engine).append("c", "vraag", {"text": "antwoord"})
        with engine.connect() as other:  # another connection sees both before the block ends
            state = other.execute(text("SELECT state FROM conversation_state")).scalar_one()
            count = other.execute(text("SELECT count(*) FROM conversation_turns")).scalar_one()
        assert raw.loads(state) == {"x": 1} and count == 1
        assert SqlStateStore(engine).load("c") == {"x": 1}


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
