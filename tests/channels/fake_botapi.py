"""A small fake of the Telegram Bot API for offline end-to-end tests of the bot.

It implements the methods the bot uses with properly shaped Telegram JSON, records every call
(with the result it gave), serves queued updates to getUpdates (polling) and can answer the next
call(s) of a method with 429 Too Many Requests to test the retry path. Like Telegram, it
remembers which sent messages still have a keyboard, and answers a second removal of the same
keyboard with 400 "message is not modified".
"""

from __future__ import annotations

import asyncio
import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.requests import ClientDisconnect

BOT_USER = {"id": 4242, "is_bot": True, "first_name": "OOGO-assistent",
            "username": "oogo_test_bot", "can_join_groups": False,
            "can_read_all_group_messages": False, "supports_inline_queries": False}


NOT_MODIFIED = ("Bad Request: message is not modified: specified new message content and reply "
                "markup are exactly the same as a current content and reply markup of the message")


class BadRequest(Exception):
    """Answered as Telegram's 400 with this description."""


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    files: dict[str, bytes] = field(default_factory=dict)
    result: Any = None


class FakeBotApi:
    """State of the fake server: calls made, updates queued, failures to inject."""

    def __init__(self, token: str) -> None:
        self.token = token
        self.calls: list[Call] = []
        self.updates: list[dict[str, Any]] = []
        self.fail_next: dict[str, int] = {}
        self._message_ids = itertools.count(100)
        self._update_ids = itertools.count(1)
        self._lock = threading.Lock()
        self.keyboards: dict[tuple[int, int], bool] = {}  # (chat, message) -> has a keyboard

    # -- helpers for tests -------------------------------------------------------------
    def user(self, user_id: int = 777) -> dict[str, Any]:
        return {"id": user_id, "is_bot": False, "first_name": "Test", "language_code": "nl"}

    def message_update(self, text: str, chat_id: int = 777) -> dict[str, Any]:
        message: dict[str, Any] = {
            "message_id": next(self._message_ids), "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private", "first_name": "Test"},
            "from": self.user(chat_id), "text": text,
        }
        if text.startswith("/"):
            command = text.split()[0]
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        return {"update_id": next(self._update_ids), "message": message}

    def callback_update(self, data: str, message: dict[str, Any] | None = None,
                        chat_id: int = 777) -> dict[str, Any]:
        message = message or {"message_id": next(self._message_ids), "date": int(time.time()),
                              "chat": {"id": chat_id, "type": "private"}, "text": "…",
                              "from": BOT_USER}
        return {"update_id": next(self._update_ids), "callback_query": {
            "id": str(next(self._message_ids)), "from": self.user(chat_id),
            "chat_instance": "ci1", "data": data, "message": message}}

    def queue(self, update: dict[str, Any]) -> None:
        with self._lock:
            self.updates.append(update)

    def sent(self, *methods: str) -> list[Call]:
        with self._lock:
            return [c for c in self.calls if c.method in methods]

    # -- the API --------------------------------------------------------------------------
    def _message(self, params: dict[str, Any], **extra: Any) -> dict[str, Any]:
        chat_id = int(params.get("chat_id", 0))
        data = {"message_id": next(self._message_ids), "date": int(time.time()),
                "chat": {"id": chat_id, "type": "private"}, "from": BOT_USER, **extra}
        markup = params.get("reply_markup")
        if isinstance(markup, dict):
            data["reply_markup"] = markup
        self.keyboards[(chat_id, data["message_id"])] = bool(
            isinstance(markup, dict) and markup.get("inline_keyboard"))
        return data

    def _edit_markup(self, params: dict[str, Any]) -> dict[str, Any]:
        key = (int(params.get("chat_id", 0)), int(params.get("message_id", 0)))
        markup = params.get("reply_markup")
        wants = bool(isinstance(markup, dict) and markup.get("inline_keyboard"))
        if key in self.keyboards and not self.keyboards[key] and not wants:
            raise BadRequest(NOT_MODIFIED)
        self.keyboards[key] = wants
        return {"message_id": key[1], "date": int(time.time()), "text": "…",
                "chat": {"id": key[0], "type": "private"}, "from": BOT_USER}

    def answer(self, method: str, params: dict[str, Any]) -> Any:
        if method == "getMe":
            return BOT_USER
        if method in ("sendMessage", "editMessageText"):
            return self._message(params, text=str(params.get("text", "")))
        if method == "sendPhoto":
            return self._message(params, photo=[{"file_id": "p1", "file_unique_id": "u1",
                                                 "width": 640, "height": 480}],
                                 caption=params.get("caption"))
        if method == "editMessageReplyMarkup":
            return self._edit_markup(params)
        if method == "sendDocument":
            return self._message(params, document={"file_id": "d1", "file_unique_id": "ud1",
                                                   "file_name": "document.pdf"},
                                 caption=params.get("caption"))
        if method in ("answerCallbackQuery", "setWebhook", "deleteWebhook", "sendChatAction",
                      "setMyCommands", "deleteMyCommands", "close", "logOut"):
            return True
        if method == "getWebhookInfo":
            return {"url": "", "has_custom_certificate": False, "pending_update_count": 0}
        raise KeyError(method)

    def take_updates(self, offset: int) -> list[dict[str, Any]]:
        with self._lock:
            ready = [u for u in self.updates if u["update_id"] >= offset]
            self.updates = ready[:]
            return ready


def _decode(value: str) -> Any:
    try:
        return json.loads(value)
    except (ValueError, TypeError):
        return value


def create_fake_app(api: FakeBotApi) -> Any:
    """A FastAPI app serving ``/bot<token>/<method>`` for ``api``."""
    app = FastAPI()

    @app.api_route("/bot{token}/{method}", methods=["GET", "POST"])
    async def method(token: str, method: str, request: Request) -> JSONResponse:
        if token != api.token:
            return JSONResponse({"ok": False, "error_code": 401,
                                 "description": "Unauthorized"}, status_code=401)
        params: dict[str, Any] = {}
        files: dict[str, bytes] = {}
        content_type = request.headers.get("content-type", "")
        try:
            if "json" in content_type:
                params = await request.json()
            elif content_type:
                form = await request.form()
                for key, value in form.multi_items():
                    if hasattr(value, "read"):
                        files[key] = await value.read()
                    else:
                        params[key] = _decode(value)
        except ClientDisconnect:  # the bot gave up on a call (a cancelled "typing…")
            return JSONResponse({"ok": False, "error_code": 499, "description": "gone"},
                                status_code=499)
        for key, value in request.query_params.items():
            params.setdefault(key, _decode(value))
        with api._lock:
            call = Call(method, params, files)
            api.calls.append(call)
            failing = api.fail_next.get(method, 0)
            if failing:
                api.fail_next[method] = failing - 1
        if failing:
            return JSONResponse({"ok": False, "error_code": 429,
                                 "description": "Too Many Requests: retry after 1",
                                 "parameters": {"retry_after": 1}}, status_code=429)
        if method == "getUpdates":
            offset = int(params.get("offset", 0) or 0)
            deadline = time.monotonic() + min(float(params.get("timeout", 0) or 0), 0.5)
            updates = api.take_updates(offset)
            while not updates and time.monotonic() < deadline:
                await asyncio.sleep(0.05)
                updates = api.take_updates(offset)
            return JSONResponse({"ok": True, "result": updates})
        try:
            with api._lock:
                result = api.answer(method, params)
        except KeyError:
            return JSONResponse({"ok": False, "error_code": 404, "description": "Not Found"},
                                status_code=404)
        except BadRequest as exc:
            return JSONResponse({"ok": False, "error_code": 400, "description": str(exc)},
                                status_code=400)
        call.result = result
        return JSONResponse({"ok": True, "result": result})

    return app
