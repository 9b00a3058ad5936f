"""What a worker checks before it serves, and what it warms up while it starts.

A data directory or database that cannot be written is a clear startup error, never a silent
fallback: the service would otherwise run with the conversation state in memory while /readyz
said "ok" (there is no read-only mode). A database that is merely unreachable (PostgreSQL still
starting) is not fatal: /readyz reports it and the stores reconnect when it is back.
"""

from __future__ import annotations

import gc
import logging
import os
import secrets
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.channels.api.routes_health import sample_figure
from bot.channels.api.texts import text

if TYPE_CHECKING:  # pragma: no cover
    from bot.services import Services

log = logging.getLogger(__name__)


class StartupError(RuntimeError):
    """The service cannot run as configured; the message is Dutch and says what to fix."""


def fatal(check: Any, *args: Any) -> Any:
    """Run a startup check; a StartupError is logged as CRITICAL (one line) and re-raised."""
    try:
        return check(*args)
    except StartupError as exc:
        log.critical(str(exc))
        raise


def check_data_dir(settings: Any) -> Path:
    """Create the data dir (0700) and prove a file can be written in it."""
    directory = Path(settings.data_dir)
    try:
        settings.ensure_data_dir()
        probe = directory / f".write-probe-{os.getpid()}-{secrets.token_hex(4)}"
        os.close(os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        probe.unlink()
    except OSError as exc:
        raise StartupError(text("data_dir_unwritable", directory=directory.resolve(),
                                reason=exc.strerror or type(exc).__name__)) from exc
    return directory


def check_store(services: Services) -> None:
    """Migrate the database and write to it once; read-only is fatal, unreachable is not."""
    from bot.storage.errors import StorageUnavailable

    try:
        store = services.state_store
        store.save(f"startup:{os.getpid()}", {"probe": secrets.token_hex(4)})
    except StorageUnavailable as exc:
        if exc.read_only:
            raise StartupError(text("database_read_only")) from exc
        log.warning("database not reachable at startup; /readyz reports it until it is")


def _load_regions(services: Services) -> object:
    return services.registry


def _load_figures(services: Services) -> object:
    """The indicator table with what readiness reads of it (a figure and the provenance of
    every figure, the latter read with the table), so /readyz itself has nothing left to
    compute."""
    engine = services.indicators
    sample_figure(engine)
    return engine.provenance()


def _build_assistant(services: Services) -> object:
    return services.assistant


def _open_knowledge_index(services: Services) -> object:
    """Loads (or, on a fresh data dir, builds) the index this worker uses, as a search would."""
    return services.knowledge.search("OOGO", k=1)


#: what a worker does before it is ready, in order: each step builds what the first user's
#: question would otherwise wait for
WARM_UP_STEPS: tuple[Callable[[Services], object], ...] = (
    _load_regions, _load_figures, _build_assistant, _open_knowledge_index,
)


def _start_store_sync(services: Services) -> None:
    """Let the knowledge store open and settle in its own thread
    (``KnowledgeBase.start_store_sync``): only now, so Chroma's import (a second of CPU) does
    not slow the warm-up down; readiness asks the store once that thread is done."""
    start = getattr(services.knowledge_if_open(), "start_store_sync", None)
    if start is not None:
        start()


def _decode_figures(services: Services) -> object:
    """The rows of the indicators readiness did not look at (about 0.2 s): read from the
    parsed table one indicator at a time, so without this the first question about another
    indicator would decode it."""
    services.indicators.table.load_all()
    return None


def _load_first_turn(services: Services) -> object:
    """What every first turn loads (see ``Services.load_for_first_turn``), with a sample
    question that is understood and not stored."""
    return services.load_for_first_turn(text("warm_up_question"))


def _load_charts(services: Services) -> object:
    """Draw one chart (not kept): loads matplotlib and its fonts, about a second that the
    first trend or comparison answer would otherwise wait for."""
    from indicators import charts

    value = sample_figure(services.indicators)
    return charts.comparison_chart([value, value])


#: right after readiness, in the same thread: the rows of the other indicators (0.2 s), what
#: the first turn loads on its own (0.3 s) and what only chart answers use (matplotlib, about a
#: second), so a worker is ready without them and the first user rarely waits for them; then
#: the knowledge store's own thread (Chroma: a second), last, so that at most one background
#: thread competes with the first requests (see docs/notes/ready.md)
AFTER_READY_STEPS: tuple[Callable[[Services], object], ...] = (
    _decode_figures, _load_first_turn, _load_charts, _start_store_sync,
)


def warm_up(services: Services, done: threading.Event, *, freeze: bool = False,
            settled: threading.Event | None = None) -> None:
    """Run the ``WARM_UP_STEPS`` in the background so the first user does not wait; ``done``
    is set when this worker is ready for /readyz, whatever happened. ``freeze``: afterwards,
    ``freeze_heap`` (only the worker of ``oogo serve`` asks: see there). ``settled`` is set at
    the very end, and only when every step succeeded: from then on nothing a turn needs is
    still to be loaded (``bot.channels.api.turns`` runs turns on the event loop only then)."""
    failed = False
    try:
        for step in WARM_UP_STEPS:
            started, cpu = time.perf_counter(), time.thread_time()
            step(services)
            log.debug("warm-up step %s: %.3f s (CPU %.3f s)", step.__name__,
                      time.perf_counter() - started, time.thread_time() - cpu)
        log.info("warm-up done", extra={"worker": os.getpid()})
    except Exception:  # readiness reports what is broken; the process keeps serving
        failed = True
        log.exception("warm-up failed")
    finally:
        done.set()
    try:  # after readiness: what the next start can read back instead of parsing
        services.save_caches()
    except Exception:  # noqa: BLE001 - only a cache: the next start parses again
        log.warning("caches not saved", exc_info=True)
    for step in AFTER_READY_STEPS:
        try:
            step(services)
        except Exception:  # noqa: BLE001 - the answer that needs it loads it again
            failed = True
            log.warning("after-ready step %s failed", step.__name__, exc_info=True)
    if freeze:
        freeze_heap()
    if settled is not None and not failed:
        settled.set()


def pause_gc() -> None:
    """Turn the cyclic garbage collector off until ``freeze_heap`` (a served worker's start).

    Why: a start allocates a few million objects (imports, the indicator table, the knowledge
    tables, the query model's tokenizer), almost all of them kept for the life of the worker;
    the collector walked them again and again, three full collections of the growing heap
    among them: 0.35-0.6 s of the start (measured with ``gc.callbacks``). ``freeze_heap``
    collects once, freezes what is left and turns the collector back on, so cyclic garbage
    of the start is freed there, a few seconds later.
    """
    gc.disable()


def freeze_heap() -> None:
    """Take what the warm-up built out of the cyclic garbage collector's sight.

    Why: a worker holds about 190,000 long-lived objects (regions, figures, models, indexes);
    every full collection walked all of them, about 100 ms in which the worker answered nobody,
    and the requests that met one made the slowest answers (issue 18). ``gc.freeze`` keeps them
    out of later collections; objects made afterwards are collected as always. The cost: a
    frozen object that later ends up in a garbage cycle is never freed (reference counting
    still frees everything else). That is why only a served worker, whose warm-up objects
    live as long as it does, freezes; a test process that builds many apps does not.
    """
    gc.collect()
    gc.freeze()
    gc.enable()  # paused by ``pause_gc`` while the worker started
