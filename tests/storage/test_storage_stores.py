"""The stores on SQLite and PostgreSQL: round-trips, atomic steps, rules, migrations, errors."""

from __future__ import annotations

import pytest

from bot.storage.errors import DuplicateRespondent, StorageUnavailable
from bot.storage.records import AnswerWrite
from bot.storage.stores import (
    FeedbackStore,
    InMemoryStateStore,
    RoundStore,
    ScanStore,
    SqlStateStore,
)


@pytest.mark.parametrize("make", ["sql", "memory"])
def test_state_store_round_trip(engine, make):
    store = SqlStateStore(engine) if make == "sql" else InMemoryStateStore()
    assert store.load("gesprek-1") is None
    store.save("gesprek-1", {"profile_region": "GM0363", "items": [1, "één"], "n": None})
    store.save("gesprek-2", {"x": 1})
    store.save("gesprek-1", {"profile_region": "PO2707"})
    assert store.load("gesprek-1") == {"profile_region": "PO2707"}
    assert store.load("gesprek-2") == {"x": 1}


def test_state_store_satisfies_protocol(engine):
    from bot.storage.protocols import StateStore

    assert isinstance(SqlStateStore(engine), StateStore)
    assert isinstance(InMemoryStateStore(), StateStore)


def test_feedback_add_and_validate(engine):
    store = FeedbackStore(engine)
    first = store.add("antwoord-1", "gesprek-1", "up", "  duidelijk  ")
    second = store.add("antwoord-2", "gesprek-1", "down", None)
    assert second > first
    assert store.counts() == {"up": 1, "down": 1}
    with pytest.raises(ValueError, match="duim"):
        store.add("antwoord-3", "gesprek-1", "meh")
    assert store.counts() == {"up": 1, "down": 1}


def test_scan_apply_upserts_and_resets(engine):
    scans = ScanStore(engine)
    scan = scans.create("anna", "c1", {"phase": "asking"})
    scans.apply(scan.id, state={"phase": "asking", "index": 1},
                answers=[AnswerWrite("o1", 4, "want")])
    scans.apply(scan.id, answers=[AnswerWrite("o1", None, None), AnswerWrite("o2", 2)])
    answers = scans.answers(scan.id)
    assert {q: (a.value, a.explanation) for q, a in answers.items()} == {
        "o1": (None, None), "o2": (2, None)}
    assert scans.get(scan.id).state == {"phase": "asking", "index": 1}
    scans.apply(scan.id, reset=True, status="paused")
    assert scans.answers(scan.id) == {}
    assert scans.get(scan.id).status == "paused"
    assert scans.latest_for_conversation("c1").id == scan.id
    assert scans.latest_for_conversation("c1", ("submitted",)) is None


def test_scan_apply_is_atomic(engine):
    """A bad answer in a step rolls back the whole step: state and earlier answers too."""
    scans = ScanStore(engine)
    scan = scans.create("anna", "c1", {"v": 1})
    with pytest.raises(ValueError):
        scans.apply(scan.id, state={"v": 2},
                    answers=[AnswerWrite("o1", 3), AnswerWrite("o2", 9)])
    assert scans.answers(scan.id) == {}
    assert scans.get(scan.id).state == {"v": 1}


def test_round_store_rules(engine):
    rounds = RoundStore(engine)
    scans = ScanStore(engine)
    record = rounds.create("GM0363", "Test", "ABCD2345", "h" * 64)
    assert rounds.by_code(" abcd2345 ").id == record.id
    assert rounds.by_code("ZZZZ2345") is None
    member = rounds.add_respondent(record.id, "u1", "gemeente")
    with pytest.raises(DuplicateRespondent):
        rounds.add_respondent(record.id, "u1", "jeugdhulp")
    assert rounds.respondent(record.id, "u1").role == "gemeente"
    scan = scans.create("u1", "c1", {}, round_id=record.id, respondent_id=member.id)
    scans.apply(scan.id, answers=[AnswerWrite("o1", 5)])
    assert rounds.responses(record.id) == []  # not submitted yet: not counted
    scans.apply(scan.id, status="submitted", submitted=True)
    assert rounds.responses(record.id) == [("gemeente", {"o1": 5})]
    assert rounds.role_counts(record.id) == {"gemeente": {"joined": 1, "submitted": 1}}
    rounds.close(record.id)
    assert rounds.get(record.id).status == "closed"
    assert [r.id for r in rounds.for_region("gm0363")] == [record.id]


def test_migrate_is_idempotent(engine):
    from sqlalchemy import inspect, text

    from bot.storage.db import migrate

    migrate(engine)
    migrate(engine)
    tables = set(inspect(engine).get_table_names())
    assert {"conversation_state", "scan_rounds", "scan_respondents", "scans", "scan_answers",
            "feedback", "alembic_version"} <= tables
    with engine.connect() as conn:
        assert conn.execute(text("select count(*) from alembic_version")).scalar() == 1


def test_sqlite_pragmas(tmp_path):
    from sqlalchemy import text

    from bot.storage.db import make_engine

    engine = make_engine(f"sqlite:///{tmp_path / 'sub' / 'x.sqlite3'}")
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 5000


def test_read_only_sqlite_gives_dutch_message(tmp_path):
    from bot.storage.db import make_engine, migrate

    path = tmp_path / "ro.sqlite3"
    migrate(make_engine(f"sqlite:///{path}"))
    engine = make_engine(f"sqlite:///file:{path}?mode=ro&uri=true")
    store = SqlStateStore(engine)
    assert store.load("c") is None  # reading still works
    with pytest.raises(StorageUnavailable) as info:
        store.save("c", {"a": 1})
    assert "alleen-lezen" in info.value.message
    assert "Traceback" not in info.value.message


def test_unreachable_postgres_gives_dutch_message():
    import socket

    from bot.storage.db import make_engine

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # nothing listens here after the with-block
    pytest.importorskip("psycopg")
    engine = make_engine(f"postgresql+psycopg://postgres@127.0.0.1:{port}/x?connect_timeout=2")
    with pytest.raises(StorageUnavailable) as info:
        SqlStateStore(engine).load("c")
    assert "niet bereikbaar" in info.value.message


def test_concurrent_migrations_from_several_processes(db_url):
    """Several processes starting at once on an empty database all succeed (one migrates)."""
    import subprocess
    import sys

    from sqlalchemy import inspect

    from bot.storage.db import make_engine

    code = "import sys; from bot.storage.db import make_engine, migrate; " \
           "migrate(make_engine(sys.argv[1])); print('ok')"
    procs = [subprocess.Popen([sys.executable, "-c", code, db_url], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(4)]
    results = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], [err for _, err in results]
    assert "scan_answers" in inspect(make_engine(db_url)).get_table_names()


def test_head_revision_constant_matches_the_migrations():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from bot.storage.db import HEAD_REVISION, MIGRATIONS_DIR

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    assert ScriptDirectory.from_config(config).get_heads() == [HEAD_REVISION]


def test_stale_revision_writes_nothing(engine):
    from bot.storage.errors import StaleScan

    scans = ScanStore(engine)
    scan = scans.create("anna", "c1", {"v": 1})
    assert scan.revision == 0
    scans.apply(scan.id, state={"v": 2}, answers=[AnswerWrite("o1", 4)], expected_revision=0)
    assert scans.get(scan.id).revision == 1
    with pytest.raises(StaleScan):  # a second writer that read revision 0
        scans.apply(scan.id, state={"v": 3}, answers=[AnswerWrite("o2", 1)],
                    expected_revision=0)
    assert scans.get(scan.id).state == {"v": 2}
    assert set(scans.answers(scan.id)) == {"o1"}
