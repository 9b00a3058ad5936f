"""Request-scoped helpers shared by the routes: who is calling, and the services.

A caller is either an integration (valid X-API-Key, or a coordinator who logged in with such a
key on the web page: ``bot.channels.api.routes_coordinator``), the web page (a valid signed
session cookie) or, when no API keys are configured, a local user. Conversation ids are scoped
to the caller so that nobody can read or continue another caller's conversation by guessing its
id.

With OOGO_API_KEYS set, the page's session cookie is a chat pass, nothing more: it works only
on the paths in ``PAGE_PATHS`` (chat turns and their feedback and charts, and the region lookup
the page needs). Rounds, data, reports and anything added later need a key or a coordinator
login. Without keys everything stays open for local use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from fastapi import HTTPException, Request

from bot.channels.api.security import (
    COORDINATOR_COOKIE,
    SESSION_COOKIE,
    check_api_key,
    key_fingerprint,
)
from bot.channels.api.texts import text

_SAFE = re.compile(r"[^A-Za-z0-9_.-]")

#: where a page session may act when API keys are set: the chat (turns, streaming, history
#: and anything else under /api/chat/), feedback on its answers, the charts in its answers
#: (unguessable ids; not the free chart generator), and the public region list the page
#: uses to pick a region. Everything else needs a key or a coordinator login.
PAGE_PATHS = re.compile(
    r"^/api/(?:chat(?:/.*)?|feedback|regions|charts/(?!indicator\.png$)[A-Za-z0-9_-]+\.png)$")


@dataclass(frozen=True, slots=True)
class Caller:
    """The authenticated party of one request."""

    kind: str  # "api" | "web" | "local"
    user_id: str

    def conversation(self, requested: str | None) -> str:
        """The caller-scoped conversation id for the id the client asked for."""
        suffix = _SAFE.sub("", requested or "")[:64] or "default"
        return f"{self.kind}:{self.user_id}:{suffix}"


def services_of(request: Request) -> Any:
    return request.app.state.services


def coordinator_of(request: Request) -> str | None:
    """The key fingerprint of a valid coordinator login whose key is still configured."""
    settings = request.app.state.settings
    fingerprint = request.app.state.signer.verify_coordinator(
        request.cookies.get(COORDINATOR_COOKIE))
    if fingerprint is None:
        return None
    configured = {key_fingerprint(k.get_secret_value()) for k in settings.api_keys}
    return fingerprint if fingerprint in configured else None


async def caller_of(request: Request) -> Caller:
    """Authenticate the request or raise 401 (with a Dutch message).

    ``async`` although it never awaits: it only compares keys and checks a signature, and FastAPI
    sends a plain ``def`` dependency to the thread pool, one extra thread trip per request
    (issue 18)."""
    settings = request.app.state.settings
    given = request.headers.get("x-api-key")
    if given and check_api_key(given, settings.api_keys):
        return Caller("api", key_fingerprint(given))
    if given and settings.api_keys:
        raise HTTPException(401, text("key_wrong"))
    coordinator = coordinator_of(request) if settings.api_keys else None
    if coordinator:
        return Caller("api", coordinator)
    session = request.app.state.signer.verify(request.cookies.get(SESSION_COOKIE))
    if session:
        if settings.api_keys and not PAGE_PATHS.match(request.url.path):
            raise HTTPException(401, text("key_needed"))
        return Caller("web", session)
    if not settings.api_keys:
        client = getattr(request.state, "client_address", "local")
        return Caller("local", _SAFE.sub("_", client)[:64])
    raise HTTPException(401, text("no_access"))
