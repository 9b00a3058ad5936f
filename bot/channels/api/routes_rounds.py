"""Regioscan rounds over HTTP: a coordinator opens a round for a region, participants join with
the invitation code and a role, and after the round is closed everybody with the code sees the
published result.

The admin token is shown once (on creation) and is needed, in ``X-Admin-Token``, for the status
(counts only, also while the round is open) and for closing; the service compares it in constant
time against its stored hash. Nobody can read another person's answers: ``/me`` returns the
caller's own answers only, and ``/result`` is available only for a closed round, only by the
round's own code (a region code is not a key to anything), and holds only what the anonymity
rules allow (``bot.regioscan.disclosure``), without the code. With OOGO_API_KEYS set these
endpoints need a key or a coordinator login (``bot.channels.api.deps``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import anyio
from fastapi import APIRouter, Depends, Header, HTTPException, Path, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from bot.channels.api.deps import Caller, caller_of, services_of
from bot.channels.api.serialize import jsonable
from bot.regioscan.rounds import code_for_log
from bot.regioscan.texts import t

log = logging.getLogger(__name__)
router = APIRouter(prefix="/api/rounds", tags=["regioscan"])

CODE = Path(..., min_length=4, max_length=16, pattern=r"^[A-Za-z0-9-]+$",
            description="Uitnodigingscode van de ronde")


class NewRound(BaseModel):
    region: str = Field(..., min_length=2, max_length=12, description="Regiocode, bv. PO2707")
    title: str = Field("", max_length=200)


class Join(BaseModel):
    role: str = Field(..., min_length=2, max_length=60,
                      description="Rol: gemeente, samenwerkingsverband, school, jeugdhulp, …")


def _status_for(error: Exception) -> int:
    from bot.regioscan import rounds

    mapping: list[tuple[type, int]] = [
        (rounds.UnknownRound, 404), (rounds.WrongToken, 403), (rounds.RoundClosed, 409),
        (rounds.RoundStillOpen, 409), (rounds.AlreadyJoined, 409), (rounds.InvalidRole, 422),
        (rounds.InvalidRegion, 422),
    ]
    return next((status for kind, status in mapping if isinstance(error, kind)), 400)


async def admin_token(x_admin_token: str | None = Header(None, max_length=200)) -> str:
    """The round's admin token from ``X-Admin-Token``; the coordinator endpoints need it
    (``async``: no thread trip for a header check)."""
    if not x_admin_token:
        raise HTTPException(403, t("nl", "api_token_missing"))
    return x_admin_token


async def _run(func: Callable[[], Any]) -> Any:
    """Call the (synchronous) service in a thread; round rule errors become Dutch HTTP errors."""
    from bot.regioscan.rounds import RoundError

    try:
        return await anyio.to_thread.run_sync(func)
    except RoundError as error:
        raise HTTPException(_status_for(error), error.message) from None


def _user(caller: Caller) -> str:
    """The same user id the chat uses, so a round joined here continues in the chat."""
    return f"{caller.kind}:{caller.user_id}"


@router.post("", status_code=201)
async def create_round(body: NewRound, request: Request,
                       caller: Caller = Depends(caller_of)) -> JSONResponse:
    service = services_of(request).regioscan
    record, code, token = await _run(lambda: service.create_round(body.region, body.title))
    log.info("round created via api", extra={"round": code_for_log(code),
                                             "region": record.region})
    return JSONResponse(status_code=201, content={
        "code": code, "admin_token": token, "region": record.region, "title": record.title,
        "status": record.status,
        "message": t("nl", "api_round_created"),
    }, headers={"Cache-Control": "no-store"})


@router.post("/{code}/join")
async def join_round(body: Join, request: Request, code: str = CODE,
                     caller: Caller = Depends(caller_of)) -> dict[str, Any]:
    service = services_of(request).regioscan
    respondent = await _run(lambda: service.join_round(code, _user(caller), body.role))
    return {"code": code.upper(), "role": respondent.role,
            "message": t("nl", "api_joined")}


@router.get("/{code}/result")
async def round_result(request: Request, code: str = CODE,
                       caller: Caller = Depends(caller_of)) -> dict[str, Any]:
    service = services_of(request).regioscan
    result = await _run(lambda: service.round_result(code))
    return jsonable(result.to_dict())


@router.get("/{code}/status")
async def round_status(request: Request, code: str = CODE,
                       token: str = Depends(admin_token),
                       caller: Caller = Depends(caller_of)) -> dict[str, Any]:
    service = services_of(request).regioscan
    status = await _run(lambda: service.round_status(code, token))
    return jsonable(status)


@router.post("/{code}/close")
async def close_round(request: Request, code: str = CODE,
                      token: str = Depends(admin_token),
                      caller: Caller = Depends(caller_of)) -> dict[str, Any]:
    service = services_of(request).regioscan
    status = await _run(lambda: service.close_round(code, token))
    return {**jsonable(status), "message": t("nl", "api_round_closed")}


@router.get("/{code}/me")
async def my_answers(request: Request, code: str = CODE,
                     caller: Caller = Depends(caller_of)) -> dict[str, Any]:
    service = services_of(request).regioscan
    answers = await _run(lambda: service.my_answers(_user(caller), code))
    data: dict[str, Any] = {"code": code.upper(), "answers": jsonable(answers)}
    if answers:
        data["outcome"] = jsonable(await _run(lambda: service.outcome_of(answers).to_dict()))
    return data
