"""The chat turn's plain DB-API statements (``bot.storage.raw``) on SQLite and PostgreSQL: rows
they write read back through SQLAlchemy exactly as rows SQLAlchemy writes, and the other way
round; errors and relaxed commits behave as on the SQLAlchemy path."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.storage import raw
from bot.storage.models import ConversationStateRow, TurnRow
from bot.storage.scan_store import ScanStore
from bot.storage.state_store import SqlStateStore
from bot.storage.turn_store import TurnStore

STATE = {"core": {"turns": 2, "language": "nl", "frames": [{"region": "GM0193", "t": "één"}]},
         "n": [1, 2.5, None, True]}


def test_state_written_raw_reads_back_through_sqlalchemy(engine):
    from sqlalchemy import select

    SqlStateStore(engine).save("web:a:1", STATE)
    SqlStateStore(engine).save("web:a:1", {**STATE, "n": [3]})  # the upsert's update branch
    table = ConversationStateRow.__table__
    with engine.connect() as conn:
        row = conn.execute(select(table).where(table.c.conversation_id == "web:a:1")).one()
    assert dict(row.state) == {**STATE, "n": [3]}
    assert isinstance(row.updated_at, datetime)
    now = datetime.now(UTC).replace(tzinfo=None)
    assert abs((row.updated_at.replace(tzinfo=None) - now).total_seconds()) < 60


def test_state_written_by_sqlalchemy_reads_back_raw(engine):
    from bot.storage.upsert import upsert

    with engine.begin() as conn:
        upsert(conn, ConversationStateRow.__table__, {"conversation_id": "c"}, {"state": STATE})
    assert SqlStateStore(engine).load("c") == STATE
    assert SqlStateStore(engine).load("unknown") is None


def test_turns_written_raw_keep_the_timestamp_format_of_sqlalchemy(engine):
    """Turns written raw and turns written through SQLAlchemy sort and compare alike."""
    from sqlalchemy import insert, select

    from bot.storage.models import utcnow

    table = TurnRow.__table__
    with engine.begin() as conn:
        conn.execute(insert(table).values(conversation_id="c", user_text="oud", reply={"a": 1},
                                          created_at=utcnow()))
    turn_id = TurnStore(engine).append("c", "nieuw", {"text": "Nederland: 4,1%"})
    with engine.connect() as conn:
        rows = conn.execute(select(table).order_by(table.c.created_at)).all()
    assert [r.user_text for r in rows] == ["oud", "nieuw"]
    assert rows[1].id == turn_id and dict(rows[1].reply) == {"text": "Nederland: 4,1%"}
    assert type(rows[0].created_at) is type(rows[1].created_at)


def test_a_state_with_unstorable_characters_is_cleaned(engine):
    store = SqlStateStore(engine)
    store.save("c\x00", {"a\ud800": "x\x00y", "l": ["\udfffz"]})
    assert store.load("c") == {"a": "xy", "l": ["z"]}


def test_latest_state_of_a_scan(engine):
    scans = ScanStore(engine)
    assert scans.latest_state("c", "active") is None
    first = scans.create("u", "c", {"phase": "asking", "q": 1})
    scans.create("u", "other", {"phase": "offer"})
    assert scans.latest_state("c", "active") == {"phase": "asking", "q": 1}
    assert scans.latest_state("c", "paused") is None
    scans.apply(first.id, state={"phase": "done"}, status="submitted")
    assert scans.latest_state("c", "active") is None
    assert scans.latest_state("c", "submitted") == {"phase": "done"}


def test_a_failed_raw_write_is_rolled_back_and_reported_as_sqlalchemy_does(engine):
    from sqlalchemy.exc import DBAPIError

    SqlStateStore(engine).save("c", {"a": 1})
    with pytest.raises(DBAPIError), raw.writing_relaxed(engine) as cursor:
        cursor.execute(raw.sql(engine, "UPDATE conversation_state SET state = ?json "
                                       "WHERE conversation_id = ?"), ('{"a": 2}', "c"))
        cursor.execute("SELECT * FROM no_such_table")
    assert SqlStateStore(engine).load("c") == {"a": 1}


def test_a_missing_table_is_a_dutch_storage_message(engine):
    """A raw statement that fails is translated like every other store call."""
    from bot.storage.errors import StorageUnavailable

    with engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE conversation_turns")
    with pytest.raises(StorageUnavailable) as caught:
        TurnStore(engine).append("c", "vraag", {"text": "x"})
    assert "opslag" in str(caught.value).lower()


def test_raw_relaxed_writes_do_not_wait_for_the_disk(engine):
    """SQLite: the twin engine's connection (synchronous=NORMAL); PostgreSQL: the transaction
    sets synchronous_commit off. The main engine keeps FULL / on."""
    with raw.writing_relaxed(engine) as cursor:
        if engine.dialect.name == "postgresql":
            cursor.execute("SHOW synchronous_commit")
            assert cursor.fetchone()[0] == "off"
        else:
            cursor.execute("PRAGMA synchronous")
            assert cursor.fetchone()[0] in (0, 1)  # memory database: no twin, no disk
    with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            assert conn.exec_driver_sql("SHOW synchronous_commit").scalar() == "on"


@pytest.mark.parametrize("dialect, expected", [
    ("sqlite", "SELECT a FROM t WHERE b = ? AND c = ?"),
    ("postgresql", "SELECT a FROM t WHERE b = %s AND c = CAST(%s AS JSON)"),
])
def test_placeholders_per_dialect(dialect, expected):
    assert raw._sql_for(dialect, "SELECT a FROM t WHERE b = ? AND c = ?json") == expected


def test_nan_and_infinity_are_stored_as_null_on_both_backends(engine):
    """Python's encoder writes NaN/Infinity, which is not JSON: PostgreSQL refused the state
    ("opslag niet bereikbaar", pool dropped) while SQLite kept it. Both now keep null."""
    store = SqlStateStore(engine)
    store.save("c", {"v": float("nan"), "l": [float("inf"), -float("inf"), 1.5], "t": "x\x00"})
    assert store.load("c") == {"v": None, "l": [None, None, 1.5], "t": "x"}
    turns = TurnStore(engine)
    turns.append("c", "vraag", {"rr": float("inf")})
    assert turns.last_reply("c") == {"rr": None}
    scans = ScanStore(engine)  # the SQLAlchemy path cleans the same way
    scans.create("u", "c", {"score": float("nan")})
    assert scans.latest_state("c", "active") == {"score": None}


def test_a_conversation_id_longer_than_the_column_is_cut_as_the_turn_store_cuts_it(engine):
    long_id = "web:" + "x" * 300
    store = SqlStateStore(engine)
    store.save(long_id, {"a": 1})
    assert store.load(long_id) == {"a": 1}
    TurnStore(engine).append(long_id, "vraag", {"text": "x"})
    assert [t.user_text for t in TurnStore(engine).turns(long_id)] == ["vraag"]
