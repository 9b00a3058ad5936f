"""Telegram misbehaving: server errors and 429 Too Many Requests from the Bot API.

The fake Bot API server of the channel tests is reused, with a small layer in front that answers
chosen methods with HTTP 500 for a number of calls. The bot must survive the errors (no crash,
no token in the logs), retry after a 429, and answer normally again once Telegram recovers,
without a restart. The core behind it is the real one.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from typing import Any

import pytest

TOKEN = "123456:TEST-token-abcdefghijklmnopqrstuvwxyz"
QUESTION = "Hoeveel procent van de jongeren in Amsterdam is NEET?"


@pytest.fixture
def flaky_botapi() -> Iterator[tuple[Any, dict[str, int], str]]:
    from fastapi import Request
    from fastapi.responses import JSONResponse

    from tests.channels.fake_botapi import FakeBotApi, create_fake_app
    from tests.channels.servers import serve_in_thread

    api = FakeBotApi(TOKEN)
    app = create_fake_app(api)
    errors: dict[str, int] = {}

    @app.middleware("http")
    async def fail_some(request: Request, call_next: Any) -> Any:
        method = request.url.path.rsplit("/", 1)[-1]
        if errors.get(method, 0) > 0:
            errors[method] -= 1
            return JSONResponse({"ok": False, "error_code": 500,
                                 "description": "Internal Server Error"}, status_code=500)
        return await call_next(request)

    with serve_in_thread(app) as url:
        yield api, errors, url


async def _process(application: Any, update: dict) -> None:
    from telegram import Update

    await application.process_update(Update.de_json(update, application.bot))


def test_bot_survives_errors_and_429_then_recovers(services_factory, flaky_botapi,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    from bot.channels.telegram.app import build_telegram_app

    api, errors, url = flaky_botapi
    services = services_factory()
    caplog.set_level(logging.INFO)

    async def scenario() -> None:
        application = build_telegram_app(services, TOKEN, base_url=f"{url}/bot",
                                         max_retries=2)
        async with application:
            errors["sendMessage"] = 50  # Telegram is down for a while
            errors["sendPhoto"] = 50
            await _process(application, api.message_update(QUESTION, chat_id=11))
            errors.clear()  # Telegram is back
            api.fail_next["sendMessage"] = 1  # ... but first says 429 once
            await _process(application, api.message_update(QUESTION, chat_id=12))
            await _process(application, api.message_update("Wat is de regioscan?", chat_id=13))

    asyncio.run(scenario())
    delivered = [c for c in api.sent("sendMessage", "sendPhoto")
                 if str(c.params.get("chat_id")) in ("12", "13")]
    texts = " ".join(str(c.params.get("text") or c.params.get("caption") or "")
                     for c in delivered)
    assert any(str(c.params.get("chat_id")) == "12" for c in delivered), "no answer after 429"
    assert any(str(c.params.get("chat_id")) == "13" for c in delivered), "no recovery"
    assert "%" in texts or "," in texts
    retried = [c for c in api.sent("sendMessage") if str(c.params.get("chat_id")) == "12"]
    assert len(retried) >= 2, "the 429 was not retried"
    assert TOKEN not in caplog.text and TOKEN.split(":")[1] not in caplog.text
