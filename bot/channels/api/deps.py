"""Request-scoped helpers shared by the routes: who is calling, and the services.

A caller is either an integration (valid X-API-Key), the web page (a valid signed session
cookie) or, when no API keys are configured, a local user. Conversation ids are scoped to the
caller so that nobody can read or continue another caller's conversation by guessing its id.
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass
from typing import Any

import anyio
from fastapi import HTTPException, Request

from bot.channels.api.security import SESSION_COOKIE, check_api_key, key_fingerprint
from bot.core.messages import IncomingMessage, Reply

_SAFE = re.compile(r"[^A-Za-z0-9_.-]")


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


def caller_of(request: Request) -> Caller:
    """Authenticate the request or raise 401 (with a Dutch message)."""
    settings = request.app.state.settings
    given = request.headers.get("x-api-key")
    if given and check_api_key(given, settings.api_keys):
        return Caller("api", key_fingerprint(given))
    session = request.app.state.signer.verify(request.cookies.get(SESSION_COOKIE))
    if given and settings.api_keys:
        raise HTTPException(401, "Deze API-sleutel is onjuist.")
    if session:
        return Caller("web", session)
    if not settings.api_keys:
        client = getattr(request.state, "client_address", "local")
        return Caller("local", _SAFE.sub("_", client)[:64])
    raise HTTPException(401, "Geen toegang: stuur een geldige API-sleutel in de kop X-API-Key, "
                             "of open de chatpagina.")


async def call_assistant(services: Any, message: IncomingMessage) -> Reply:
    """Run ``Assistant.handle`` (sync or async) without blocking the event loop."""
    assistant = services.assistant
    if inspect.iscoroutinefunction(assistant.handle):
        return await assistant.handle(message)
    return await anyio.to_thread.run_sync(assistant.handle, message)
