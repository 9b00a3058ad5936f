"""Building the python-telegram-bot ``Application`` for polling or for the API's webhook.

``build_telegram_app(services, token, base_url=None)`` wires the handlers and an outgoing rate
limiter (AIORateLimiter: Telegram's flood limits, and retries after a 429 ``RetryAfter``). The
token is kept out of the logs before anything talks to Telegram. Per-chat state is not kept in
python-telegram-bot's ``chat_data`` but in the conversation store (``chatstate``).
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

from bot.channels.telegram import handlers
from bot.channels.telegram.logsafety import protect_token
from bot.channels.telegram.texts import commands, menu_languages, text
from bot.settings import Secret

if TYPE_CHECKING:  # pragma: no cover
    from bot.services import Services

log = logging.getLogger(__name__)


def build_telegram_app(services: Services, token: str, base_url: str | None = None,
                       *, max_retries: int = 3) -> Any:
    """The Application with all handlers; ``base_url`` points at another Bot API server
    (a local one, or the fake server in the tests), e.g. ``http://127.0.0.1:8081/bot``."""
    from telegram.ext import (
        AIORateLimiter,
        ApplicationBuilder,
        CallbackQueryHandler,
        CommandHandler,
        MessageHandler,
        filters,
    )

    protect_token(token)
    limiter = AIORateLimiter(max_retries=max_retries)
    builder = ApplicationBuilder().token(token).rate_limiter(limiter)
    if base_url:
        builder = builder.base_url(base_url).base_file_url(_file_url(base_url))
    application = builder.concurrent_updates(False).post_init(_publish_commands).build()
    application.bot_data["services"] = services
    application.add_handler(CommandHandler("start", handlers.on_start))
    application.add_handler(CommandHandler("regio", handlers.on_regio))
    for name in handlers.COMMAND_TEXT:
        application.add_handler(CommandHandler(name, handlers.command_handler(name)))
    application.add_handler(CallbackQueryHandler(handlers.on_button))
    application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, handlers.on_text))
    application.add_error_handler(handlers.on_error)
    return application


async def publish_menu(bot: Any) -> None:
    """The command menu in Dutch (the default) and in English for users whose Telegram app is in
    English."""
    default, *others = menu_languages()
    await bot.set_my_commands(commands(default))
    for language in others:
        await bot.set_my_commands(commands(language), language_code=language)


async def _publish_commands(application: Any) -> None:
    """Show the command menu in Telegram; a failure here must not stop the bot."""
    try:
        await publish_menu(application.bot)
    except Exception:  # network hiccup or rights: the commands still work when typed
        log.warning("could not publish the command menu")


def _file_url(base_url: str) -> str:
    """``http://host/bot`` -> ``http://host/file/bot`` (the Bot API's file URL layout)."""
    head, _, tail = base_url.rstrip("/").rpartition("/")
    return f"{head}/file/{tail or 'bot'}"


def manage_webhook(application: Any, url: str | None, secret: Secret | None) -> str:
    """Register (``url`` given) or delete the webhook; returns a Dutch status line."""

    async def run() -> str:
        async with application:
            if url:
                await application.bot.set_webhook(
                    url, secret_token=secret.get_secret_value() if secret else None,
                    allowed_updates=["message", "callback_query"])
                await publish_menu(application.bot)
                return text("webhook_set", url=url)
            await application.bot.delete_webhook()
            return text("webhook_deleted")

    return asyncio.run(run())
