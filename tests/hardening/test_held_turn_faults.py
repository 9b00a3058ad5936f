"""Faults around the chat turn's store calls, against a real uvicorn on 127.0.0.1.

A turn on the event loop shares one pooled connection of the relaxed twin engine for its store
calls (``bot.storage.raw.held_connections``). These tests break what lies under it (the state
row, a history row, the database file itself) and check what a user of the HTTP channel gets:
an answer or a clear Dutch message, nothing written before lost, the next turns working, and no
connection left checked out.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path
from typing import Any

import httpx

FIGURE_Q = "Hoe hoog is de NEET in Zwolle?"
FOLLOW_UP = "En in Deventer?"
INTERNAL = "Er ging aan onze kant iets mis"


def _database(services: Any) -> Path:
    return Path(services.settings.resolved_database_url.removeprefix("sqlite:///"))


def _key(conversation: str) -> str:
    """The stored conversation id of an API caller on 127.0.0.1 (``deps.Caller``)."""
    return f"local:127.0.0.1:{conversation}"


def _chat(base: str, conversation: str, text: str) -> tuple[int, str]:
    response = httpx.post(f"{base}/api/chat", timeout=30,
                          json={"text": text, "conversation_id": conversation})
    data = response.json()
    return response.status_code, data.get("text") or data.get("detail") or ""


def _stream(base: str, conversation: str, text: str) -> tuple[str, str]:
    """(event kind, text) of a streamed turn: ``reply`` with the answer or ``error``."""
    response = httpx.post(f"{base}/api/chat/stream", timeout=30,
                          json={"text": text, "conversation_id": conversation})
    assert response.status_code == 200
    for block in response.text.split("\n\n"):
        if block.startswith("event: reply"):
            return "reply", json.loads(block.split("data: ", 1)[1])["text"]
        if block.startswith("event: error"):
            return "error", json.loads(block.split("data: ", 1)[1])["detail"]
    raise AssertionError(response.text[:300])


def _history(base: str, conversation: str) -> list[str]:
    response = httpx.get(f"{base}/api/chat/history", timeout=30,
                         params={"conversation_id": conversation})
    assert response.status_code == 200, response.text
    return [turn["user"] for turn in response.json()["turns"]]


def _nothing_checked_out(services: Any) -> None:
    """No connection leaked: the main pool has all back, the twin's all but the one the event
    loop keeps between its turns (``raw.KeptConnections``)."""
    from bot.storage.relaxed import relaxed_engine

    assert services.db.pool.checkedout() == 0
    assert relaxed_engine(services.db).pool.checkedout() <= 1


# values a state row held after a hand edit or an older version; each broke every later turn
BROKEN_STATES = {
    "state-text": json.dumps({"core": "garbage"}),
    "state-list": json.dumps({"core": [1, 2]}),
    "turns-text": json.dumps({"core": {"turns": "x"}}),
    "frame-text": json.dumps({"core": {"last_frame": "x", "last_label": "figure"}}),
    "evidence-text": json.dumps({"core": {"last_evidence": "x"}}),
    "not-json": "{niet json",
}


def test_a_damaged_state_row_does_not_break_the_conversation(services_factory, live_app) -> None:
    services = services_factory()
    base = live_app(services)
    for conversation in BROKEN_STATES:
        assert _chat(base, conversation, FIGURE_Q)[0] == 200
    with sqlite3.connect(_database(services)) as database:
        for conversation, state in BROKEN_STATES.items():
            database.execute("UPDATE conversation_state SET state = ? WHERE conversation_id = ?",
                             (state, _key(conversation)))
    for conversation in BROKEN_STATES:
        status, text = _chat(base, conversation, FOLLOW_UP)
        assert status == 200 and INTERNAL not in text, (conversation, text)
        kind, text = _stream(base, conversation, "waarom?")
        assert kind == "reply", (conversation, text)
        status, text = _chat(base, conversation, FIGURE_Q)
        assert status == 200 and "Zwolle" in text, (conversation, text)
        assert _history(base, conversation) == [FIGURE_Q, FOLLOW_UP, "waarom?", FIGURE_Q]
    _nothing_checked_out(services)


def test_a_damaged_history_row_leaves_the_rest_of_the_history(services_factory,
                                                                live_app) -> None:
    services = services_factory()
    base = live_app(services)
    assert _chat(base, "history", FIGURE_Q)[0] == 200
    with sqlite3.connect(_database(services)) as database:
        for reply, created in (("{niet json", "2026-01-01 10:00:00.000000"), ("[1, 2]", None),
                               ('{"text": "oud"}', "geen tijd")):
            database.execute("INSERT INTO conversation_turns (conversation_id, user_text, reply, "
                             "created_at) VALUES (?, 'kapot', ?, ?)",
                             (_key("history"), reply, created))
    assert _chat(base, "history", FOLLOW_UP)[0] == 200
    assert _history(base, "history") == [FIGURE_Q, "kapot", FOLLOW_UP]
    export = httpx.get(f"{base}/api/chat/export.md", params={"conversation_id": "history"},
                       timeout=30)
    assert export.status_code == 200 and "Deventer" in export.text
    _nothing_checked_out(services)


def test_a_removed_database_is_never_replaced_by_an_empty_one(services_factory,
                                                               live_app) -> None:
    """``rm oogo.sqlite3*`` under load: while one connection copies the removed database back
    (``sqlite_guard.restore``, under the migration lock), the turns that need a new connection
    must wait for it. One of them used to create an empty database at the path; the restore
    then saw a file and gave up, and every conversation, answer and history was gone."""
    from bot.storage.sqlite_guard import file_lock, lock_path

    services = services_factory()
    base = live_app(services)
    conversations = [f"removed-{n}" for n in range(4)]
    for conversation in conversations:
        assert _chat(base, conversation, FIGURE_Q)[0] == 200
    database = _database(services)
    answers: dict[str, tuple[int, str]] = {}

    def follow_up(conversation: str) -> None:
        answers[conversation] = _chat(base, conversation, FOLLOW_UP)

    workers = [threading.Thread(target=follow_up, args=(c,)) for c in conversations]
    with file_lock(lock_path(database)):  # a restore that takes its time
        for suffix in ("", "-wal", "-shm"):
            Path(f"{database}{suffix}").unlink()
        for worker in workers:
            worker.start()
        workers[0].join(1.5)  # the turns are in the server, waiting for the restore
        assert not database.exists(), "a connection created an empty database at the path"
    for worker in workers:
        worker.join(30)
    for conversation in conversations:
        status, text = answers[conversation]
        assert status == 200 and "Deventer" in text and "NEET" in text, text
        assert _history(base, conversation) == [FIGURE_Q, FOLLOW_UP]
    _nothing_checked_out(services)



def test_a_lock_taken_while_a_turn_runs_on_the_loop_sends_the_turn_to_a_thread(
        services_factory, live_app, monkeypatch) -> None:
    """The write probe saw the lock free, then another process (an operator's ``sqlite3``, a
    second worker) took it while the turn computed its answer on the event loop. The turn's
    first write used to wait for it there, and ``/healthz`` and every other user with it."""
    import subprocess
    import time

    from tests.support.sqlite_lock import hold_write_lock

    services = services_factory()
    base = live_app(services)
    assert _chat(base, "locked", FIGURE_Q)[0] == 200
    assistant, database = services.assistant, _database(services)
    answer_turn = assistant._turn
    lockers: list[subprocess.Popen[str]] = []

    def answer_then_lock(message: Any, state: Any) -> Any:
        reply = answer_turn(message, state)
        if message.text == FOLLOW_UP and not lockers:  # once: not again when run in a thread
            lockers.append(hold_write_lock(database, 2.5))
        return reply

    monkeypatch.setattr(assistant, "_turn", answer_then_lock)
    answers: list[tuple[int, str]] = []
    worker = threading.Thread(target=lambda: answers.append(_chat(base, "locked", FOLLOW_UP)))
    worker.start()
    deadline = time.monotonic() + 20
    while not lockers and time.monotonic() < deadline:
        time.sleep(0.02)
    try:
        time.sleep(0.3)  # the turn is at its first write now, on the loop or in a thread
        started = time.perf_counter()
        health = httpx.get(f"{base}/healthz", timeout=10)
        health_s = time.perf_counter() - started
        worker.join(30)
    finally:
        for locker in lockers:
            locker.wait(30)
    assert lockers and health.status_code == 200
    assert health_s < 1.0, health_s
    status, text = answers[0]
    assert status == 200 and "Deventer" in text, text
    assert _history(base, "locked") == [FIGURE_Q, FOLLOW_UP]  # kept once, not twice
    assert services.state_store.load(_key("locked"))["core"]["turns"] == 2
    _nothing_checked_out(services)


def test_a_backup_moved_in_place_is_used_as_it_is(services_factory, live_app) -> None:
    """``mv backup.sqlite3 oogo.sqlite3`` while the server runs: the backup becomes the
    database. The old file's -wal is named after the path, so connections to the backup used to
    read it as the backup's own log: the turn asked after the backup came back (and under load
    the backup was soon "malformed")."""
    import os
    import stat

    services = services_factory()
    base = live_app(services)
    database = _database(services)
    assert _chat(base, "swap", FIGURE_Q)[0] == 200
    backup = database.with_name("backup.sqlite3")
    with sqlite3.connect(database) as source, sqlite3.connect(backup) as target:
        source.backup(target)
    assert _chat(base, "swap", FOLLOW_UP)[0] == 200  # after the backup: in the old file's log
    os.replace(backup, database)
    for n in range(3):
        status, text = _chat(base, f"after-{n}", FIGURE_Q)
        assert status == 200 and "Zwolle" in text, text
        assert _stream(base, f"after-{n}", FOLLOW_UP)[0] == "reply"
    assert _history(base, "swap") == [FIGURE_Q]  # the backup's state of that conversation
    for n in range(3):
        assert _history(base, f"after-{n}") == [FIGURE_Q, FOLLOW_UP]
    with sqlite3.connect(database) as check:  # what a restart would see
        assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert check.execute("SELECT count(*) FROM conversation_turns").fetchone() == (7,)
    assert stat.S_IMODE(database.stat().st_mode) == 0o600
    _nothing_checked_out(services)
