"""Where a chat turn runs (``bot.channels.api.turns``): on the event loop only when it cannot
wait for anything but this CPU, never blocking the loop on a conversation a thread is busy with."""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
import types
from collections.abc import Iterator

import httpx
import pytest

from bot.channels.api import startup
from bot.channels.api.turns import TurnRunner, local_turns
from bot.core.assistant import ConversationBusy
from bot.core.messages import IncomingMessage
from bot.settings import Settings


def _settled() -> threading.Event:
    event = threading.Event()
    event.set()
    return event


def _where(runner: TurnRunner, busy: bool = False) -> tuple[int, int, list[bool]]:
    """Run one turn; (the loop's thread, the turn's thread, the ``wait`` values it was given)."""
    waits: list[bool] = []

    def run(wait: bool) -> int:
        waits.append(wait)
        if busy and not wait:
            raise ConversationBusy("c")
        return threading.get_ident()

    async def main() -> tuple[int, int]:
        return threading.get_ident(), await runner.turn(run)

    loop_thread, turn_thread = asyncio.run(main())
    return loop_thread, turn_thread, waits


def test_a_local_turn_after_the_warm_up_runs_on_the_loop() -> None:
    loop_thread, turn_thread, waits = _where(TurnRunner(True, _settled()))
    assert turn_thread == loop_thread and waits == [False]


def test_a_busy_conversation_goes_to_a_thread_that_waits_for_it() -> None:
    loop_thread, turn_thread, waits = _where(TurnRunner(True, _settled()), busy=True)
    assert turn_thread != loop_thread and waits == [False, True]


def test_the_scope_wraps_turns_on_the_loop_and_not_turns_in_a_thread() -> None:
    """The turn's store calls share a held connection only on the loop (``scope``), never in a
    thread, where the turn may wait for an LLM or a lock with the connection held."""
    entered: list[int] = []

    @contextlib.contextmanager
    def scope() -> Iterator[None]:
        entered.append(threading.get_ident())
        yield

    loop_thread, turn_thread, _ = _where(TurnRunner(True, _settled(), scope=scope))
    assert entered == [loop_thread] == [turn_thread]
    entered.clear()
    _where(TurnRunner(True, _settled(), scope=scope), busy=True)  # busy: tried, then a thread
    _where(TurnRunner(True, threading.Event(), scope=scope))  # not settled: a thread
    assert len(entered) == 1


@pytest.mark.parametrize("local, settled", [(True, False), (False, True)])
def test_before_the_warm_up_or_with_remote_parts_a_turn_goes_to_a_thread(local, settled) -> None:
    event = threading.Event()
    if settled:
        event.set()
    loop_thread, turn_thread, waits = _where(TurnRunner(local, event))
    assert turn_thread != loop_thread and waits == [True]


def test_only_sqlite_without_an_llm_is_local(tmp_path) -> None:
    assert local_turns(Settings(data_dir=tmp_path, _env_file=None))
    assert not local_turns(Settings(data_dir=tmp_path, _env_file=None, llm="openai:gpt-4o-mini"))
    assert not local_turns(Settings(data_dir=tmp_path, _env_file=None,
                                    database_url="postgresql+psycopg://u@127.0.0.1/oogo"))


def test_settled_only_after_a_warm_up_without_failures(monkeypatch) -> None:
    monkeypatch.setattr(startup, "WARM_UP_STEPS", ())
    services = types.SimpleNamespace(save_caches=lambda: None)
    monkeypatch.setattr(startup, "AFTER_READY_STEPS", (lambda s: None,))
    settled = threading.Event()
    startup.warm_up(services, threading.Event(), settled=settled)  # type: ignore[arg-type]
    assert settled.is_set()

    def broken(_services: object) -> None:
        raise RuntimeError("chart library missing")

    monkeypatch.setattr(startup, "AFTER_READY_STEPS", (broken,))
    settled, done = threading.Event(), threading.Event()
    startup.warm_up(services, done, settled=settled)  # type: ignore[arg-type]
    assert done.is_set() and not settled.is_set()


def test_handle_without_wait_refuses_a_busy_conversation_and_changes_nothing(
        real_services) -> None:
    assistant = real_services.assistant
    message = IncomingMessage(channel="api", conversation_id="api:test:busy-core", user_id="u",
                              text="Hoe hoog is de NEET in Zwolle?")
    lock = assistant._lock_for(message.conversation_id)
    with lock, pytest.raises(ConversationBusy):
        assistant.handle(message, wait=False)
    assert real_services.state_store.load(message.conversation_id) is None
    assert "Zwolle" in assistant.handle(message, wait=False).text


def _chat_in_thread(url: str, conversation_id: str) -> tuple[threading.Thread, dict[str, object]]:
    """Ask the NEET question from a started thread, as a user whose turn has to wait; the dict
    gets its status, text and the moment it was answered."""
    result: dict[str, object] = {}

    def chat() -> None:
        response = httpx.post(f"{url}/api/chat", timeout=30,
                              json={"text": "Hoe hoog is de NEET in Zwolle?",
                                    "conversation_id": conversation_id})
        result["status"], result["text"] = response.status_code, response.json()["text"]
        result["at"] = time.perf_counter()

    worker = threading.Thread(target=chat)
    worker.start()
    return worker, result


def test_the_loop_keeps_answering_while_a_thread_holds_the_conversation(
        live_server, real_services) -> None:
    """A Telegram turn (a thread) holds the lock: the web turn of a conversation that shares it
    waits in a thread, and the server answers other requests meanwhile."""
    lock = real_services.assistant._lock_for("local:127.0.0.1:busy-web")
    with lock:
        worker, result = _chat_in_thread(live_server, "busy-web")
        time.sleep(0.3)  # the chat request is in the server, waiting for the lock
        started = time.perf_counter()
        health = httpx.get(f"{live_server}/healthz", timeout=5)
        health_s = time.perf_counter() - started
        assert health.status_code == 200 and "status" not in result
        released = time.perf_counter()
    worker.join(30)
    assert result["status"] == 200 and "Zwolle" in str(result["text"])
    assert float(result["at"]) >= released  # answered only after the lock was free
    assert health_s < 2.0, health_s


def test_the_loop_keeps_answering_while_another_process_holds_the_database(
        live_server, real_services) -> None:
    """Another process (a second worker, a backup, an operator's ``sqlite3``) holds the SQLite
    file's write lock: a chat turn that would wait for it in SQLite's busy handler must do so in
    a thread, not on the loop, or ``/healthz`` and every other user wait as long."""
    from tests.support.sqlite_lock import hold_write_lock

    database = real_services.settings.resolved_database_url.removeprefix("sqlite:///")
    first = httpx.post(f"{live_server}/api/chat", timeout=30,  # the store is in use already
                       json={"text": "Hoe hoog is de NEET in Zwolle?", "conversation_id": "db"})
    assert first.status_code == 200
    locker = hold_write_lock(database, 2.5)
    try:
        worker, result = _chat_in_thread(live_server, "db-locked")
        time.sleep(0.3)  # the chat turn is in the server, its write waiting for the lock
        started = time.perf_counter()
        health = httpx.get(f"{live_server}/healthz", timeout=10)
        health_s = time.perf_counter() - started
        assert health.status_code == 200
        worker.join(30)
    finally:
        locker.wait(30)
    assert result["status"] == 200 and "Zwolle" in str(result["text"])
    assert health_s < 1.0, health_s


def test_the_write_probe_sees_a_held_lock_and_never_creates_a_file(tmp_path) -> None:
    import sqlite3

    from bot.storage.write_probe import write_lock_probe

    path = tmp_path / "oogo.sqlite3"
    probe = write_lock_probe(f"sqlite:///{path}")
    assert not probe.free() and not path.exists()  # no file yet: a thread, and none made
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA journal_mode=WAL")
    assert probe.free()
    probe.met_busy()  # a turn met the lock (see the next test)
    holder.execute("BEGIN IMMEDIATE")
    assert not probe.free()
    holder.execute("COMMIT")
    assert probe.free()
    holder.close()
    probe.close()
    assert write_lock_probe("sqlite://").free()
    assert write_lock_probe("postgresql+psycopg://u@127.0.0.1/oogo").free()


def test_the_write_probe_asks_for_the_lock_only_after_it_was_seen_busy(tmp_path) -> None:
    """Taking the lock on every turn costs two statements; a turn that meets a held lock
    unwarned gives up and tells the probe (``met_busy``), which then asks until the lock has
    been free for a while."""
    import sqlite3

    from bot.storage.write_probe import WriteLockProbe

    path = tmp_path / "oogo.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA journal_mode=WAL")
    probe = WriteLockProbe(path, wary_seconds=0.3)
    holder.execute("BEGIN IMMEDIATE")
    assert probe.free()  # not wary: it does not ask
    probe.met_busy()
    assert not probe.free()  # wary: it asks, and sees the lock held
    holder.execute("COMMIT")
    assert probe.free()
    holder.execute("BEGIN IMMEDIATE")
    assert not probe.free()  # still wary, and every busy answer keeps it so
    holder.execute("COMMIT")
    time.sleep(0.35)
    holder.execute("BEGIN IMMEDIATE")
    assert probe.free()  # not seen busy for longer than the wary time: it stopped asking
    holder.execute("COMMIT")
    holder.close()
    probe.close()


def test_a_turn_that_meets_a_held_lock_makes_the_runner_ask_first(monkeypatch) -> None:
    """``WouldWait`` on the loop: the turn runs again in a thread, and the probe is told."""
    from bot.storage.impatient import WouldWait

    told: list[bool] = []

    class Probe:
        def free(self) -> bool:
            return True

        def met_busy(self) -> None:
            told.append(True)

    runner = TurnRunner(True, _settled(), database=Probe())  # type: ignore[arg-type]
    calls: list[bool] = []

    def run(wait: bool) -> str:
        calls.append(wait)
        if not wait:
            raise WouldWait
        return "in a thread"

    assert asyncio.run(runner.turn(run)) == "in a thread"
    assert calls == [False, True] and told == [True]


def test_a_stream_closed_after_its_first_chunk_is_still_in_the_history(real_services) -> None:
    """The turn is kept before the answer is streamed. A page closed mid-answer (the server
    stops the event generator at its next chunk) lost the turn from its history while the
    conversation's state had moved on."""
    from starlette.requests import Request

    from bot.channels.api.app import create_app
    from bot.channels.api.routes_chat import ChatRequest, _stream

    app = create_app(real_services, real_services.settings)
    request = Request({"type": "http", "app": app, "method": "POST", "path": "/api/chat/stream",
                       "headers": [], "query_string": b""})
    question = "Hoe hoog is de NEET in Deventer?"
    message = IncomingMessage(channel="web", conversation_id="web:test:dropped", user_id="u",
                              text=question)

    async def first_chunk_then_close() -> str:
        events = _stream(request, message, ChatRequest(text=question)).body_iterator
        first = await events.__anext__()
        await events.aclose()  # what Starlette does when the client has gone
        return str(first)

    assert asyncio.run(first_chunk_then_close()).startswith("event: chunk")
    kept = real_services.turn_store.turns("web:test:dropped")
    assert [t.user_text for t in kept] == [question]
