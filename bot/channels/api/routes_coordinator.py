"""Coordinator login for the web page: trade an API key for a signed, short-lived cookie.

Why: with OOGO_API_KEYS set, the page's session cookie only chats; a coordinator who wants the
preparation document or the round endpoints from a browser logs in once with a key instead of
pasting it into every request. The cookie carries the key's fingerprint, an expiry
(COORDINATOR_HOURS) and an HMAC; it is HttpOnly, SameSite=Strict and Secure over HTTPS, stops
working as soon as that key is removed from OOGO_API_KEYS, and is refused on cross-site
requests like every state change (``bot.channels.api.middleware``).
"""

from __future__ import annotations

import logging

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from bot.channels.api.security import (
    COORDINATOR_COOKIE,
    COORDINATOR_HOURS,
    check_api_key,
    key_fingerprint,
)
from bot.regioscan.texts import t

log = logging.getLogger(__name__)
router = APIRouter(prefix="/api/coordinator", tags=["toegang"])


class Login(BaseModel):
    api_key: str = Field(..., min_length=1, max_length=200, description="Een van OOGO_API_KEYS")


def secure_request(request: Request) -> bool:
    """Did the client use HTTPS (directly or via a trusted proxy)? Set by the middleware."""
    return bool(getattr(request.state, "https", request.url.scheme == "https"))


@router.post("/login")
async def login(body: Login, request: Request) -> JSONResponse:
    settings = request.app.state.settings
    if not settings.api_keys:
        raise HTTPException(400, t("nl", "api_no_keys"))
    if not check_api_key(body.api_key, settings.api_keys):
        raise HTTPException(401, t("nl", "api_wrong_key"))
    fingerprint = key_fingerprint(body.api_key)
    response = JSONResponse({"ok": True,
                             "message": t("nl", "api_logged_in", hours=COORDINATOR_HOURS)})
    response.set_cookie(COORDINATOR_COOKIE, request.app.state.signer.coordinator(fingerprint),
                        max_age=COORDINATOR_HOURS * 3600, httponly=True, samesite="strict",
                        secure=secure_request(request), path="/")
    log.info("coordinator login", extra={"key": fingerprint})
    return response


@router.post("/logout")
async def logout(request: Request) -> JSONResponse:
    response = JSONResponse({"ok": True, "message": t("nl", "api_logged_out")})
    response.delete_cookie(COORDINATOR_COOKIE, path="/", httponly=True, samesite="strict",
                           secure=secure_request(request))
    return response
