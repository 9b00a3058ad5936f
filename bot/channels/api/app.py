"""The FastAPI application factory: ``create_app(services=None, settings=None)``.

Nothing is built at import time. ``oogo serve`` runs ``serve_app`` (``create_app`` that freezes
the worker's heap after its warm-up) through uvicorn's factory mode, so each worker builds its
own app; tests pass their own ``Services`` (or fakes). The web
page is plain HTML/CSS/JS from ``static/`` and gets a signed session cookie on ``GET /``
(``Secure`` when the request came over HTTPS, also through a trusted TLS proxy).

A data dir or database that cannot be written stops the start with a Dutch message
(``bot.channels.api.startup``); /readyz stays 503 until this worker's warm-up is done.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles

from bot.channels.api import (
    routes_chat,
    routes_coordinator,
    routes_data,
    routes_health,
    routes_history,
    routes_rounds,
    routes_telegram,
)
from bot.channels.api.charts_cache import ChartCache
from bot.channels.api.errors import install_error_handlers
from bot.channels.api.middleware import GuardMiddleware
from bot.channels.api.page import render_page, texts_block
from bot.channels.api.security import (
    SESSION_COOKIE,
    RateLimiter,
    SessionSigner,
    load_session_secret,
)
from bot.channels.api.startup import check_data_dir, check_store, fatal, pause_gc, warm_up
from bot.channels.api.texts import text
from bot.channels.api.turns import TurnRunner, local_turns
from bot.settings import Settings
from bot.storage.raw import KeptConnections
from bot.storage.write_probe import write_lock_probe

if TYPE_CHECKING:  # pragma: no cover
    from bot.services import Services

log = logging.getLogger(__name__)

STATIC = Path(__file__).with_name("static")
PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                               "script-src 'self'; connect-src 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}


def describe_routes(router: APIRouter) -> None:
    """Give each documented route without a summary in code its summary from the template
    ``summary_<endpoint name>`` in ``prompts/api`` (a missing template fails the app build).
    Done when an app is built, not at import: the routers are module-level."""
    for route in router.routes:
        if isinstance(route, APIRoute) and route.include_in_schema and route.summary is None:
            route.summary = text(f"summary_{route.name}")


def serve_app() -> FastAPI:
    """The app each worker of ``oogo serve`` builds (uvicorn's factory): ``create_app`` with the
    garbage collector paused while it starts (``startup.pause_gc``), whose warm-up ends by
    freezing the worker's long-lived objects (``startup.freeze_heap``)."""
    pause_gc()
    return create_app(freeze_heap=True)


def create_app(services: Services | None = None, settings: Settings | None = None, *,
               freeze_heap: bool = False) -> FastAPI:
    """Build the app; ``services`` defaults to ``build_services(settings)`` at startup."""
    if settings is None:
        settings = services.settings if services is not None else Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        owned = app.state.services is None
        if owned:
            from bot.services import build_services

            app.state.services = build_services(settings, serving=True)
            fatal(check_store, app.state.services)
            threading.Thread(target=warm_up, args=(app.state.services, app.state.warm),
                             kwargs={"freeze": freeze_heap, "settled": settled}, name="warm-up",
                             daemon=True).start()
        await routes_telegram.start(app)
        try:
            yield
        finally:
            await routes_telegram.stop(app)
            if app.state.turns.database is not None:
                app.state.turns.database.close()
            kept.close()  # before the services dispose the engines
            if owned:
                app.state.services.close()

    app = FastAPI(title="OOGO-assistent", version="0.1.0", description=text("openapi_description"),
                  lifespan=lifespan)
    app.state.settings = settings
    app.state.services = services
    app.state.warm = threading.Event()
    settled = threading.Event()  # the warm-up finished without a failure (see ``turns``)
    if services is not None:  # the caller built (and warmed) its own services
        app.state.warm.set()
        settled.set()
    local = local_turns(settings)
    kept = KeptConnections()  # the loop's turns share one connection, turn after turn
    app.state.turns = TurnRunner(local, settled, write_lock_probe(settings.resolved_database_url)
                                 if local else None, scope=kept.block)
    app.state.signer = SessionSigner(load_session_secret(settings.session_secret,
                                                         fatal(check_data_dir, settings)))
    app.state.charts = ChartCache(settings.data_dir / "charts")
    app.state.telegram = None

    install_error_handlers(app)
    app.add_middleware(GuardMiddleware, max_body_bytes=settings.max_body_bytes,
                       limiter=RateLimiter(settings.rate_limit_per_minute),
                       trusted_proxies=list(settings.trusted_proxies))
    for module in (routes_health, routes_chat, routes_history, routes_data, routes_rounds,
                   routes_coordinator,
                   routes_telegram):
        describe_routes(module.router)
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    # prompts/web into the page once, when the app is built (a missing template fails here)
    page_html = render_page((STATIC / "index.html").read_text(encoding="utf-8"), texts_block())

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def index(request: Request) -> HTMLResponse:
        html = page_html
        response = HTMLResponse(html, headers=PAGE_HEADERS)
        if not app.state.signer.verify(request.cookies.get(SESSION_COOKIE)):
            _, cookie = app.state.signer.new()
            response.set_cookie(SESSION_COOKIE, cookie, httponly=True, samesite="lax",
                                secure=bool(getattr(request.state, "https", False)),
                                max_age=60 * 60 * 24 * 30)
        return response

    return app
