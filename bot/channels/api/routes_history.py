"""The web page's own endpoints around the chat: settings it must know, the history of the
conversation, the conversation as Markdown, and the regioscan result as a document.

Everything is scoped to the caller: the conversation id a client sends is turned into the
caller's own id (``Caller.conversation``), and a regioscan result is served only to the user who
filled in the scan. Nobody can read another caller's turns or answers by guessing an id.
"""

from __future__ import annotations

import datetime
import logging
from typing import TYPE_CHECKING, Any

import anyio
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response

from bot.channels.api import conversation
from bot.channels.api.deps import Caller, caller_of, services_of
from bot.channels.api.texts import text

if TYPE_CHECKING:  # pragma: no cover
    from bot.services import Services

log = logging.getLogger(__name__)
router = APIRouter(prefix="/api/chat", tags=["chat"])

CONVERSATION = Query(None, max_length=100, description="Gesprek-id van de pagina")


@router.get("/config")
async def config(request: Request, caller: Caller = Depends(caller_of)) -> dict[str, Any]:
    """The longest message the server accepts, whether any figure is demonstration data, and
    which indicators are real (``cijfers``, as in ``/readyz``)."""
    services = services_of(request)

    def demo() -> bool:
        try:
            return bool(services.indicators.is_demo)
        except Exception:  # noqa: BLE001 - data not loadable: say demo, the safe side
            return True

    from bot.channels.api.routes_health import figures

    return {"max_message_chars": request.app.state.settings.max_message_chars,
            "demo_data": await anyio.to_thread.run_sync(demo),
            "cijfers": await anyio.to_thread.run_sync(figures, services)}


@router.get("/history")
async def history(request: Request, conversation_id: str | None = CONVERSATION,
                  caller: Caller = Depends(caller_of)) -> dict[str, Any]:
    services = services_of(request)
    cid = caller.conversation(conversation_id)
    data = await anyio.to_thread.run_sync(conversation.history, services, cid)
    data["conversation_id"] = conversation_id or "default"
    return data


def _attachment(body: bytes, media: str, filename: str) -> Response:
    return Response(body, media_type=media, headers={
        "Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store"})


@router.get("/export.md", response_class=Response)
async def export(request: Request, conversation_id: str | None = CONVERSATION,
                 caller: Caller = Depends(caller_of)) -> Response:
    from bot.channels.api.export import conversation_markdown

    services = services_of(request)
    cid = caller.conversation(conversation_id)
    turns = await anyio.to_thread.run_sync(services.turn_store.turns, cid)
    base = str(request.base_url).rstrip("/")
    text = conversation_markdown(turns, base)
    stamp = datetime.date.today().isoformat()
    return _attachment(text.encode("utf-8"), "text/markdown; charset=utf-8",
                       f"oogo-gesprek-{stamp}.md")


def _own_scan(services: Services, caller: Caller, cid: str, ref: str | None) -> Any:
    """The caller's submitted scan: by id (``ref``) or the newest one of this conversation."""
    scans = services.regioscan.scans
    if ref:
        record = scans.get(int(ref))
        if record is None or record.user_id != conversation.user_of(caller):
            raise HTTPException(404, text("scan_not_yours"))
    else:
        record = scans.latest_for_conversation(cid, ("submitted",))
        if record is None:
            raise HTTPException(404, text("scan_none"))
    if record.status != "submitted":
        raise HTTPException(404, text("scan_none"))
    return record


@router.get("/scan-result.{fmt}", response_class=Response)
async def scan_result(request: Request, fmt: str, conversation_id: str | None = CONVERSATION,
                      ref: str | None = Query(None, max_length=16, pattern=r"^[A-Za-z0-9-]+$",
                                              description="Scan-nummer of rondecode"),
                      caller: Caller = Depends(caller_of)) -> Response:
    """Your own submitted scan (``ref`` = its number, or the newest of this conversation), or a
    round's aggregates (``ref`` = the round's invitation code; small groups stay hidden)."""
    from bot.channels.api.reports import MEDIA, SCAN_FORMATS, render_own_result

    if fmt not in SCAN_FORMATS:
        raise HTTPException(404, text("scan_formats"))
    services = services_of(request)
    cid = caller.conversation(conversation_id)
    if ref and not ref.isdigit():
        return await _round_result(services, ref, fmt)

    def render() -> bytes:
        return render_own_result(services, _own_scan(services, caller, cid, ref), fmt)

    body = await anyio.to_thread.run_sync(render)
    return _attachment(body, MEDIA[fmt], f"regioscan-uitslag.{fmt}")


async def _round_result(services: Services, code: str, fmt: str) -> Response:
    from bot.channels.api.reports import MEDIA, render_round_result
    from bot.regioscan.rounds import INVITE_ALPHABET, INVITE_LENGTH, RoundError

    code = code.upper()
    if len(code) != INVITE_LENGTH or any(ch not in INVITE_ALPHABET for ch in code):
        raise HTTPException(404, text("scan_not_yours"))  # a round's own code, never a region

    def render() -> bytes:
        return render_round_result(services.regioscan.round_result(code), fmt)

    try:
        body = await anyio.to_thread.run_sync(render)
    except RoundError as error:
        raise HTTPException(404, error.message) from None
    return _attachment(body, MEDIA[fmt], f"regioscan-ronde.{fmt}")
