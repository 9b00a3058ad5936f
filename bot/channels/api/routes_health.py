"""Liveness (``/healthz``: the process answers) and readiness (``/readyz``: this worker works).

Readiness tests what it reports, in the process that answers (each worker answers for itself,
so a load balancer only sends traffic to a worker that is ready):

* ``startup``: this worker finished its warm-up (data, core, its own loaded knowledge index);
  before that the first user would wait for it.
* ``data``: a region lookup and an indicator value.
* ``index``: Chroma asked now (short deadline) and its count equal to the manifest; an empty or
  changed collection is re-synced in the background (``knowledge.health``). At the start of a
  worker that answers from its own vectors (loaded from the vector cache), Chroma is opened and
  filled in the background first and asked from then on (``KnowledgeBase.store_in_background``).
* ``store``: a write and a read back on the real conversation store. A fault that is gone is
  gone here too: the stores drop broken connections and a removed SQLite file is restored.

A failing part is named in the 503 body (the reasons are templates ``ready_*`` in
``prompts/api``); details go to the log. ``cijfers`` says which
indicators are real (imported, with their source) and which are demonstration data.
"""

from __future__ import annotations

import logging
import os
import secrets
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import anyio
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from bot.channels.api.texts import text

if TYPE_CHECKING:  # pragma: no cover
    from bot.services import Services
    from indicators.engine import IndicatorEngine
    from indicators.values import Value

log = logging.getLogger(__name__)
router = APIRouter(tags=["status"])


class NotReady(Exception):
    """A part is not ready; ``reason`` is the Dutch text for the 503 body."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def check_startup(services: Services, state: Any) -> None:
    warm = getattr(state, "warm", None)
    if warm is not None and not warm.is_set():
        raise NotReady(text("ready_warming_up"))


def sample_figure(engine: IndicatorEngine) -> Value:
    """The figure readiness reads: the national value of the catalog's first indicator in its
    latest year (every installation has it; the warm-up computes it beforehand)."""
    indicator = next(iter(engine.catalog))
    return engine.lookup(indicator, "NL01", year=engine.latest_year(indicator))


def check_data(services: Services, state: Any) -> None:
    registry = services.registry
    registry.get("NL01")
    sample_figure(services.indicators)


#: index health statuses with a reason of their own (template ``ready_index_<status>``)
INDEX_STATUSES = frozenset({"missing", "resync", "unreachable"})


def check_index(services: Services, state: Any) -> None:
    kb = services.knowledge
    # a stand-in knowledge base (asked of the class: ``kb.store`` would open the store)
    if not hasattr(kb, "manifest") or not hasattr(type(kb), "store"):
        kb.search("OOGO", k=1)
        return
    health = getattr(state, "index_health", None)
    if health is None:
        from knowledge.health import IndexHealth

        health = state.index_health = IndexHealth(kb)
    status = health.check()
    if status != "ok":
        raise NotReady(text(f"ready_index_{status}" if status in INDEX_STATUSES
                            else "ready_failed_index"))


def check_store(services: Services, state: Any) -> None:
    """Write a probe into the conversation store and read it back."""
    from bot.storage.errors import StorageUnavailable

    store = services.state_store
    key, token = f"readyz:{os.getpid()}", secrets.token_hex(8)
    try:
        store.save(key, {"probe": token})
        back = store.load(key) or {}
    except StorageUnavailable as exc:
        if exc.read_only:
            raise NotReady(text("ready_store_read_only")) from exc
        raise
    if back.get("probe") != token:
        raise NotReady(text("ready_store_not_read_back"))


CHECKS: dict[str, Callable[[Any, Any], None]] = {
    "startup": check_startup, "data": check_data, "index": check_index, "store": check_store,
}


def figures(services: Services) -> dict[str, Any]:
    """Which indicators are real (imported) and which are demonstration data."""
    try:
        from indicators.sources import figures_status

        return figures_status(services.indicators)
    except Exception as exc:  # the data check reports the failure itself
        log.warning("figures status unavailable: %s", type(exc).__name__)
        return {}


def run_checks(services: Services, state: Any = None) -> dict[str, str]:
    """Each part's status: 'ok' or a short Dutch reason (details go to the log)."""
    results: dict[str, str] = {}
    for name, check in CHECKS.items():
        if name != "startup" and results.get("startup", "ok") != "ok":
            results[name] = text("ready_not_checked")
            continue
        try:
            check(services, state)
            results[name] = "ok"
        except NotReady as exc:
            log.warning("readiness check %s: %s", name, exc.reason)
            results[name] = exc.reason
        except Exception as exc:  # every failure counts as not ready
            log.warning("readiness check %s failed: %s", name, type(exc).__name__)
            results[name] = text(f"ready_failed_{name}")
    return results


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz")
async def readyz(request: Request) -> JSONResponse:
    results = await anyio.to_thread.run_sync(run_checks, request.app.state.services,
                                             request.app.state)
    failed = [name for name, status in results.items()
              if status not in ("ok", text("ready_not_checked"))]
    cijfers = (await anyio.to_thread.run_sync(figures, request.app.state.services)
               if results.get("data") == "ok" else {})
    body: dict[str, Any] = {"checks": results, "worker": os.getpid(), "cijfers": cijfers}
    if failed:
        detail = text("not_ready", reasons="; ".join(results[n] for n in failed))
        return JSONResponse({"status": "niet klaar", **body, "detail": detail}, status_code=503,
                            headers={"Cache-Control": "no-store"})
    return JSONResponse({"status": "ok", **body}, headers={"Cache-Control": "no-store"})
