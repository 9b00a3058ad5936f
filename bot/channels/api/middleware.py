"""One ASGI middleware for what every request needs before it reaches a route.

Order of work: request id (X-Request-ID in and out), client address and HTTPS (both believed
from a proxy only when it is in OOGO_TRUSTED_PROXIES), rate limit (per client), body size limit
(Content-Length and streamed bodies), refusal of cross-site state changes, input normalisation
(NUL and lone surrogates out of JSON bodies and query strings), then an access log line in JSON
whose path never shows an invitation code.

State changes: every POST/PUT/PATCH/DELETE, and the GET of the chat stream (a chat turn changes
the conversation, and a button value can join a round), is refused with 403 when the browser
says it comes from another site (Sec-Fetch-Site, or else Origin). Clients that send neither
header are not browsers and cannot be tricked into acting for a victim. The Telegram webhook is
exempt: Telegram's servers call it, protected by its own secret.

Written as plain ASGI rather than ``BaseHTTPMiddleware`` so that streamed responses (server-sent
events) pass through untouched and an oversized streamed body is cut off while it arrives.
"""

from __future__ import annotations

import itertools
import json
import logging
import math
import re
import secrets
import time
from typing import Any

from starlette.exceptions import HTTPException

from bot.channels.api.jsonlog import RequestTexts, request_id_var, user_texts_var
from bot.channels.api.normalize import clean_json_body, clean_query, path_for_log
from bot.channels.api.security import (
    RateLimiter,
    client_address,
    cross_site,
    is_trusted,
    request_is_https,
)
from bot.channels.api.texts import text

log = logging.getLogger("bot.channels.api.access")

_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
STATE_CHANGING_GETS = ("/api/chat/stream",)
EXEMPT_PATHS = ("/telegram/webhook",)

Scope = dict[str, Any]


class _BodyTooLarge(HTTPException):
    """Raised while a streamed body grows past the limit; an HTTPException so that FastAPI's
    body parsing passes it on instead of turning it into a generic 400."""

    def __init__(self) -> None:
        super().__init__(status_code=413, detail=text("http_413"))


class _Headers:
    """The request's headers by lower-case name, the first of each name (as the routes read
    them). One pass over them: looking each of the nine names up in the list cost more than
    the rest of the checks together (issue 18)."""

    __slots__ = ("_found",)

    def __init__(self, scope: Scope) -> None:
        found: dict[bytes, bytes] = {}
        for key, value in scope.get("headers", ()):
            found.setdefault(key.lower(), value)
        self._found = found

    def get(self, name: bytes) -> str | None:
        value = self._found.get(name)
        return None if value is None else value.decode("latin-1")


_ids: list[tuple[str, itertools.count[int]]] = []


def _new_request_id() -> str:
    """A request id unique to this worker's life: a random part drawn once per process and a
    counter. It names a request in the logs, it is no secret, so a random draw per request (a
    system call, as ``uuid4`` makes) is not needed; 32 hex characters, as before."""
    if not _ids:
        _ids.append((secrets.token_hex(8), itertools.count()))
    prefix, counter = _ids[0]
    return f"{prefix}{next(counter):016x}"


async def send_json(send: Any, status: int, body: dict[str, Any], headers: list | None = None,
                    request_id: str = "-") -> None:
    """Send a small JSON response directly from middleware."""
    raw = json.dumps(body, ensure_ascii=False).encode("utf-8")
    all_headers = [(b"content-type", b"application/json; charset=utf-8"),
                   (b"content-length", str(len(raw)).encode()),
                   (b"x-request-id", request_id.encode())] + (headers or [])
    await send({"type": "http.response.start", "status": status, "headers": all_headers})
    await send({"type": "http.response.body", "body": raw})


class GuardMiddleware:
    """Request id, rate limit, body size limit and access log for every HTTP request."""

    def __init__(self, app: Any, *, max_body_bytes: int, limiter: RateLimiter,
                 trusted_proxies: list[str]) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.limiter = limiter
        self.trusted = trusted_proxies

    def _limited(self, path: str) -> bool:
        return path.startswith("/api/")

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = _Headers(scope)
        given = headers.get(b"x-request-id")
        request_id = given if given and _SAFE_ID.match(given) else _new_request_id()
        token = request_id_var.set(request_id)
        texts = RequestTexts(scope.get("query_string", b""))
        texts_token = user_texts_var.set(texts)
        peer = (scope.get("client") or ("unknown", 0))[0]
        client = client_address(peer, headers.get(b"x-forwarded-for"), self.trusted)
        https = request_is_https(scope.get("scheme", "http"), peer,
                                 headers.get(b"x-forwarded-proto"), self.trusted)
        state = scope.setdefault("state", {})
        state["client_address"] = client
        state["request_id"] = request_id
        state["https"] = https
        started = time.perf_counter()
        status_holder = {"status": 0}
        id_header = (b"x-request-id", request_id.encode())

        async def send_wrapper(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                status_holder["status"] = message["status"]
                kept = [h for h in message.get("headers", []) if h[0].lower() != b"x-request-id"]
                kept.append(id_header)
                message = {**message, "headers": kept}
            await send(message)

        try:
            path = scope.get("path", "")
            if self._limited(path):
                wait = self.limiter.take(client)
                if wait > 0:
                    status_holder["status"] = 429
                    await send_json(send, 429, {"detail": text("http_429")},
                                    [(b"retry-after", str(math.ceil(wait)).encode())], request_id)
                    return
            length = headers.get(b"content-length")
            if length and length.isdigit() and int(length) > self.max_body_bytes:
                status_holder["status"] = 413
                await send_json(send, 413, {"detail": text("http_413")}, request_id=request_id)
                return
            if self._refused_cross_site(scope, headers, https):
                status_holder["status"] = 403
                await send_json(send, 403, {"detail": text("cross_site")}, request_id=request_id)
                return
            scope["query_string"] = clean_query(scope.get("query_string", b""))
            json_body = "json" in (headers.get(b"content-type") or "").lower()
            await self._call_limited(scope, receive, send_wrapper, request_id, status_holder,
                                     texts if json_body else None)
        finally:
            if log.isEnabledFor(logging.INFO):  # the extras are not worth building otherwise
                log.info("%s %s %s", scope.get("method"), path_for_log(scope.get("path", "")),
                         status_holder["status"],
                         extra={"status": status_holder["status"], "client": client,
                                "duration_ms": round((time.perf_counter() - started) * 1000, 1)})
            request_id_var.reset(token)
            user_texts_var.reset(texts_token)

    def _refused_cross_site(self, scope: Scope, headers: _Headers, https: bool) -> bool:
        """A state change that a browser says comes from another site."""
        method, path = scope.get("method", "GET"), scope.get("path", "")
        if path in EXEMPT_PATHS:
            return False
        if method in SAFE_METHODS and path not in STATE_CHANGING_GETS:
            return False
        host = headers.get(b"host") or ""
        forwarded_host = headers.get(b"x-forwarded-host")
        peer = (scope.get("client") or ("unknown", 0))[0]
        if forwarded_host and is_trusted(peer, self.trusted):
            host = forwarded_host.split(",")[0].strip()
        own = f"{'https' if https else 'http'}://{host}"
        return cross_site(headers.get(b"sec-fetch-site"), headers.get(b"origin"), own)

    async def _call_limited(self, scope: Scope, receive: Any, send: Any, request_id: str,
                            status_holder: dict[str, int], texts: RequestTexts | None) -> None:
        """The app with the body size limit; a JSON body (``texts`` given) is read whole,
        cleaned and remembered for the log's redaction."""
        received = 0
        drained = False

        async def read() -> dict[str, Any]:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    raise _BodyTooLarge
            return message

        async def limited_receive() -> dict[str, Any]:
            """The body (JSON bodies whole and cleaned); afterwards the client's own messages,
            so a streaming response still notices a disconnect."""
            nonlocal drained
            if drained or texts is None:
                return await read()
            parts: list[bytes] = []
            while True:
                message = await read()
                if message["type"] != "http.request":
                    return message
                parts.append(message.get("body", b""))
                if not message.get("more_body"):
                    break
            drained = True
            body = clean_json_body(b"".join(parts))
            texts.add_body(body)
            return {"type": "http.request", "body": body, "more_body": False}

        try:
            await self.app(scope, limited_receive, send)
        except _BodyTooLarge:
            if not status_holder["status"]:  # nothing of the response was sent yet
                status_holder["status"] = 413
                await send_json(send, 413, {"detail": text("http_413")}, request_id=request_id)
