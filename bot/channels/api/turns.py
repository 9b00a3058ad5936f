"""Where a chat turn runs: on the event loop, or in a worker thread.

Why not always in a thread, as FastAPI does with a plain ``def`` route: once a worker has warmed
up, a turn of the default installation (SQLite, no LLM) is a few milliseconds of CPU over data in
memory plus a local SQLite commit. Under the GIL a thread adds no parallelism to that, only cost:
the hop (anyio's ``to_thread``, two thread switches and the GIL handed back and forth) took about
1 ms of CPU per request, a fifth of a figure question, and the loop and the thread fought over
the GIL meanwhile (issue 18; measured in docs/notes/chat.md, fifth round).

A turn still goes to a thread whenever it may wait for something other than this CPU:

- an LLM is configured: a network call of seconds;
- the database is not SQLite: a network round trip per statement;
- the worker's warm-up has not finished, or one of its steps failed: the turn may then import the
  chart library, load the intent model or even build the knowledge index (seconds to minutes),
  and the loop must keep answering ``/healthz`` and the other users meanwhile;
- the conversation's lock is held by a thread (a Telegram turn, or a turn sent to a thread): the
  loop never waits for a lock (``Assistant.handle(wait=False)`` says so at once);
- the SQLite file's write lock is held, by this process or another one (a second worker, a
  backup): the turn's write would wait for it in SQLite's busy handler, up to 15 s, and the loop
  with it (``bot.storage.write_probe`` asks without waiting; measured before: ``/healthz`` took
  2.7 s while another process held the lock for 3 s); and when the lock is taken while the turn
  runs on the loop, before it wrote anything, the turn stops (``WouldWait``, see
  ``bot.storage.impatient``) and runs again in a thread.

What stays the same either way: the same code and the same locks, and everything committed
before the reply leaves (a regioscan answer just as durably). On the loop the turn's store calls
share one database connection, kept from one turn to the next, and the turn's state and history
line are committed together at its end (``scope``, in production the ``block`` of
``bot.storage.raw.KeptConnections``): the checkouts and commits cost more than the statements,
and nothing there waits, so a connection or a lock is never held through a wait.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, TypeVar

import anyio

from bot.core.assistant import ConversationBusy
from bot.storage.impatient import WouldWait

if TYPE_CHECKING:  # pragma: no cover
    from bot.settings import Settings
    from bot.storage.write_probe import WriteLockProbe

T = TypeVar("T")


def local_turns(settings: Settings) -> bool:
    """Whether every turn of this configuration stays in this process: no LLM, SQLite."""
    return not settings.llm and settings.resolved_database_url.startswith("sqlite")


class TurnRunner:
    """Runs a turn on the loop when that is safe and cheaper, else in a worker thread."""

    def __init__(self, local: bool, settled: threading.Event,
                 database: WriteLockProbe | None = None,
                 scope: Callable[[], AbstractContextManager[object]] = contextlib.nullcontext,
                 ) -> None:
        self.local = local
        self.settled = settled  # set when the worker's warm-up finished without a failure
        self.database = database  # whether the database's write lock is free (None: always)
        self.scope = scope  # around work on the loop (see the module doc)

    @property
    def inline(self) -> bool:
        """Asked anew for every turn and every piece of work: the database lock comes and goes."""
        return (self.local and self.settled.is_set()
                and (self.database is None or self.database.free()))

    async def turn(self, run: Callable[[bool], T]) -> T:
        """``run(wait)`` is one turn; ``wait=False`` must raise ``ConversationBusy`` before it
        does anything when the conversation is busy (``Assistant.handle`` does)."""
        if self.inline:
            try:
                with self.scope():
                    return run(False)
            except ConversationBusy:
                pass
            except WouldWait:
                self._met_busy()
        return await anyio.to_thread.run_sync(run, True)

    def _met_busy(self) -> None:
        """A turn on the loop found the database's write lock held: the probe asks for it again
        before the next turns (``write_probe``), so they go to a thread at once."""
        if self.database is not None:
            self.database.met_busy()

    async def work(self, run: Callable[[], T]) -> T:
        """Work that belongs to a turn but takes no conversation lock (keeping it in the
        history, the reply's JSON)."""
        if self.inline:
            try:
                with self.scope():
                    return run()
            except WouldWait:
                self._met_busy()
        return await anyio.to_thread.run_sync(run)
