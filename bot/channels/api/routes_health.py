"""Liveness (``/healthz``: the process answers) and readiness (``/readyz``: the parts work).

Readiness really exercises each part a request needs: a region lookup and an indicator value
(the data), the knowledge index, and ``SELECT 1`` on the store, so a load balancer only sends
traffic to a worker that can answer. A failing part is named in the 503 body.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import anyio
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

log = logging.getLogger(__name__)
router = APIRouter(tags=["status"])


def check_data(services: Any) -> None:
    registry = services.registry
    registry.get("NL01")
    engine = services.indicators
    indicator = next(iter(engine.catalog))
    engine.lookup(indicator, "NL01", year=engine.latest_year(indicator))


def check_index(services: Any) -> None:
    kb = services.knowledge
    is_ready = getattr(kb, "is_ready", None)
    if is_ready is not None:
        if not is_ready():
            raise RuntimeError("index is empty or missing")
    else:
        kb.search("OOGO", k=1)


def check_store(services: Any) -> None:
    from sqlalchemy import text

    with services.db.connect() as connection:
        connection.execute(text("SELECT 1"))


CHECKS: dict[str, Callable[[Any], None]] = {
    "data": check_data, "index": check_index, "store": check_store,
}
MESSAGES = {
    "data": "de cijfers zijn niet te laden",
    "index": "de kennisindex is niet klaar (draai 'oogo index')",
    "store": "de database is niet bereikbaar",
}


def figures(services: Any) -> dict[str, Any]:
    """Which indicators are real (imported) and which are demonstration data."""
    try:
        from indicators.sources import figures_status

        return figures_status(services.indicators)
    except Exception as exc:  # the data check reports the failure itself
        log.warning("figures status unavailable: %s", type(exc).__name__)
        return {}


def run_checks(services: Any) -> dict[str, str]:
    """Each part's status: 'ok' or a short reason (details go to the log)."""
    results: dict[str, str] = {}
    for name, check in CHECKS.items():
        try:
            check(services)
            results[name] = "ok"
        except Exception as exc:  # every failure counts as not ready
            log.warning("readiness check %s failed: %s", name, type(exc).__name__)
            results[name] = MESSAGES[name]
    return results


@router.get("/healthz", summary="Leeft het proces?")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz", summary="Zijn cijfers, kennisindex en database bruikbaar?")
async def readyz(request: Request) -> JSONResponse:
    services = request.app.state.services
    results = await anyio.to_thread.run_sync(run_checks, services)
    cijfers = await anyio.to_thread.run_sync(figures, services) if results["data"] == "ok" else {}
    failed = [name for name, status in results.items() if status != "ok"]
    if failed:
        detail = "Niet klaar: " + "; ".join(results[n] for n in failed) + "."
        return JSONResponse({"status": "niet klaar", "checks": results, "detail": detail,
                             "cijfers": cijfers}, status_code=503)
    return JSONResponse({"status": "ok", "checks": results, "cijfers": cijfers})
