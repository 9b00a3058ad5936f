"""Chat endpoints: one turn as JSON (``POST /api/chat``) or streamed as server-sent events
(``POST /api/chat/stream``, what the web page uses), plus thumbs up/down feedback on an answer.

Every turn is kept in the turn store under the caller-scoped conversation id (the user's text as
shown and the reply's JSON), so the page can be restored after a reload and exported; see
``routes_history``. ``GET /api/chat/stream`` (query parameters) is kept for existing clients;
state-changing use from a browser goes through the POST form.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any, Literal

import anyio
from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel, Field, ValidationError

from bot.channels.api import conversation
from bot.channels.api.deps import Caller, caller_of, services_of
from bot.channels.api.serialize import ReplyResponse, reply_to_json
from bot.channels.api.texts import text as api_text
from bot.core.messages import IncomingMessage, Reply

if TYPE_CHECKING:  # pragma: no cover
    from bot.services import Services

log = logging.getLogger(__name__)
router = APIRouter(prefix="/api", tags=["chat"])

_REGION = re.compile(r"^[A-Z]{2}\d{2,4}$")


class ChatRequest(BaseModel):
    """One user turn: typed ``text`` and/or a pressed button's ``choice``."""

    conversation_id: str | None = Field(None, max_length=100)
    text: str = Field("", description="What the user typed.")
    choice: str | None = Field(None, max_length=200, description="Value of a pressed button.")
    region: str | None = Field(None, max_length=12, description="Own region code, e.g. GM0363.")
    shown: str | None = Field(None, max_length=300,
                              description="What the page showed as the user's message (the "
                                          "label of a pressed button); kept in the history.")


class FeedbackRequest(BaseModel):
    answer_id: str = Field(..., min_length=1, max_length=64)
    conversation_id: str | None = Field(None, max_length=100)
    rating: Literal["up", "down"]
    comment: str | None = Field(None, max_length=2000)


def _message(request: Request, caller: Caller, body: ChatRequest) -> IncomingMessage:
    limit = request.app.state.settings.max_message_chars
    text = body.text.strip()
    if len(text) > limit:
        raise HTTPException(422, api_text("message_too_long", length=len(text), limit=limit))
    if not text and not body.choice:
        raise HTTPException(422, api_text("message_empty"))
    region = (body.region or "").strip().upper() or None
    if region and not _REGION.match(region):
        raise HTTPException(422, api_text("region_code_malformed"))
    if region and not services_of(request).region_exists(region):
        # well-formed but unknown (e.g. GM9999): say so instead of answering without it
        raise HTTPException(422, api_text("region_code_unknown", region=region))
    return IncomingMessage(channel="web" if caller.kind == "web" else "api",
                           conversation_id=caller.conversation(body.conversation_id),
                           user_id=conversation.user_of(caller), text=text,
                           choice=body.choice, region=region)


def _finish(services: Services, request: Request, message: IncomingMessage, body: ChatRequest,
            reply: Reply) -> dict[str, Any]:
    """The reply's JSON for this turn, after keeping the turn (runs in a worker thread)."""
    cid = message.conversation_id
    data = reply_to_json(reply, request.app.state.charts)
    shown = (body.shown or "").strip() or message.text or body.choice or ""
    try:
        services.turn_store.append(cid, shown, conversation.stored_reply(data))
    except Exception:  # noqa: BLE001 - the answer matters more than its history
        log.warning("turn could not be kept in the history", exc_info=True)
    data["conversation_id"] = body.conversation_id or "default"
    data["profile_region"] = conversation.region_ref(services, reply.profile_region)
    if reply.intent == "regioscan":  # only a regioscan turn can start, pause or end a scan
        data["scan"] = conversation.scan_status(services, cid)
    return data


@router.post("/chat", response_class=ReplyResponse)
async def chat(body: ChatRequest, request: Request,
               caller: Caller = Depends(caller_of)) -> ReplyResponse:
    """The reply's JSON (``serialize.reply_to_json`` plus conversation fields). Returned as a
    ready response: the dict is plain JSON already, and FastAPI's encoder would walk it again."""
    message = _message(request, caller, body)
    services = services_of(request)

    def turn(wait: bool) -> dict[str, Any]:  # the answer and keeping it: in one place
        reply = services.assistant.handle(message, wait=wait)
        return _finish(services, request, message, body, reply)

    return ReplyResponse(await request.app.state.turns.turn(turn))


def _chunks(text: str, size: int = 80) -> list[str]:
    """Split on word boundaries into pieces of about ``size`` characters."""
    pieces: list[str] = []
    current = ""
    for word in re.split(r"(\s+)", text):
        current += word
        if len(current) >= size:
            pieces.append(current)
            current = ""
    if current:
        pieces.append(current)
    return pieces


def _sse(event: str, data: Any) -> str:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


def _stream(request: Request, message: IncomingMessage, body: ChatRequest) -> Response:
    """Events: ``chunk`` ({"text": ...}) while the answer arrives, then ``reply`` (full JSON)."""
    services = services_of(request)

    async def events() -> AsyncIterator[str]:
        turns = request.app.state.turns
        try:
            reply = await turns.turn(lambda wait: services.assistant.handle(message, wait=wait))
            # kept in the history before the first chunk: a page closed mid-answer had moved
            # the conversation on (its state is saved in the turn) without the turn it showed
            data = await turns.work(lambda: _finish(services, request, message, body, reply))
            for piece in _chunks(reply.text):
                yield _sse("chunk", {"text": piece})
                await asyncio.sleep(0)
        except Exception:  # the page gets a Dutch message, the log gets the details
            log.exception("assistant failed in stream")
            yield _sse("error", {"detail": api_text("stream_failed")})
            return
        yield _sse("reply", data)

    return StreamingResponse(events(), media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})


@router.post("/chat/stream", response_class=StreamingResponse)
async def chat_stream_post(body: ChatRequest, request: Request,
                           caller: Caller = Depends(caller_of)) -> Response:
    """What the web page uses: the turn in a JSON body, the answer as server-sent events."""
    return _stream(request, _message(request, caller, body), body)


@router.get("/chat/stream", response_class=StreamingResponse)
async def chat_stream(request: Request, text: str = "", choice: str | None = None,
                      region: str | None = None, conversation_id: str | None = None,
                      caller: Caller = Depends(caller_of)) -> Response:
    try:
        body = ChatRequest(conversation_id=conversation_id, text=text, choice=choice,
                           region=region)
    except ValidationError:  # query values too long: a clear 422, not a 500
        raise HTTPException(422, api_text("query_invalid")) from None
    return _stream(request, _message(request, caller, body), body)


@router.post("/feedback")
async def feedback(body: FeedbackRequest, request: Request,
                   caller: Caller = Depends(caller_of)) -> dict[str, Any]:
    store = services_of(request).feedback_store
    comment = (body.comment or "").strip() or None
    await anyio.to_thread.run_sync(lambda: store.add(
        answer_id=body.answer_id, conversation_id=caller.conversation(body.conversation_id),
        rating=body.rating, comment=comment))
    return {"ok": True, "message": api_text("feedback_thanks")}
