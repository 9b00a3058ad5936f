"""Telegram webhook mode on the API: ``POST /telegram/webhook``.

Telegram sends the secret token we registered in ``X-Telegram-Bot-Api-Secret-Token``; it is
compared in constant time, and a missing or wrong one gets 403 before the body is even parsed.
Without a configured secret the endpoint refuses everything, so the webhook is never open.

With the right secret, a body that is not a Telegram update (not JSON, not an object, no
``update_id``, fields of the wrong type) gets 400 with a Dutch message, and an update that the
bot cannot process is logged (type only, never its text) and acknowledged with 200 so Telegram
does not deliver it again and again: never a 500.
"""

from __future__ import annotations

import hmac
import logging
from typing import Any

from fastapi import APIRouter, FastAPI, HTTPException, Request

from bot.channels.api.texts import text

log = logging.getLogger(__name__)
router = APIRouter(tags=["telegram"])

SECRET_HEADER = "x-telegram-bot-api-secret-token"


async def start(app: FastAPI) -> None:
    """Build and start the PTB application when a token and a webhook secret are configured."""
    settings = app.state.settings
    if app.state.telegram is not None or not secret_value(settings.telegram_token) \
            or not secret_value(settings.telegram_webhook_secret):
        return
    from bot.channels.telegram.app import build_telegram_app

    application = build_telegram_app(app.state.services,
                                     settings.telegram_token.get_secret_value(),
                                     base_url=settings.telegram_base_url)
    await application.initialize()
    await application.start()
    app.state.telegram = application
    log.info("telegram webhook mode ready")


async def stop(app: FastAPI) -> None:
    application = app.state.telegram
    if application is not None:
        await application.stop()
        await application.shutdown()
        app.state.telegram = None


def secret_value(secret: Any) -> str | None:
    """The secret's value, or None when unset or empty (compose passes empty strings)."""
    value = secret.get_secret_value() if secret is not None else ""
    return value or None


def _secret_ok(given: str | None, settings: Any) -> bool:
    expected = secret_value(settings.telegram_webhook_secret)
    if expected is None or not given:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


@router.post("/telegram/webhook", include_in_schema=False)
async def telegram_webhook(request: Request) -> dict[str, bool]:
    if not _secret_ok(request.headers.get(SECRET_HEADER), request.app.state.settings):
        raise HTTPException(403, text("telegram_forbidden"))
    application = request.app.state.telegram
    if application is None:
        raise HTTPException(503, text("telegram_off"))
    try:
        data = await request.json()
    except ValueError:  # also invalid UTF-8 (UnicodeDecodeError is a ValueError)
        raise HTTPException(400, text("telegram_not_json")) from None
    from telegram import Update

    if not isinstance(data, dict) or not isinstance(data.get("update_id"), int) \
            or isinstance(data.get("update_id"), bool):
        raise HTTPException(400, text("telegram_not_update"))
    try:
        update = Update.de_json(data, application.bot)
    except Exception as exc:  # noqa: BLE001 - any shape PTB cannot read is the sender's fault
        log.info("telegram webhook: unreadable update (%s)", type(exc).__name__)
        raise HTTPException(400, text("telegram_not_update")) from None
    try:
        await application.process_update(update)
    except Exception as exc:  # noqa: BLE001 - acknowledged so Telegram does not resend it
        log.warning("telegram webhook: update %s not processed (%s)", update.update_id,
                    type(exc).__name__)
        return {"ok": False}
    return {"ok": True}
