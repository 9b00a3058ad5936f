"""The bot's handlers: commands, free text and button presses, all answered by the core.

Commands are handed to the core as the commands it understands ("/oogo"), never as a sentence
in one language, so the reply keeps the conversation's language; the channel's own sentences
(``texts``) follow the language of the chat's latest reply. What the channel itself remembers
per chat (waiting for a region after /start, long button values) is in the conversation state
store (``chatstate``), so webhook workers and restarts share it. Every handler accepts whatever
Telegram sends: an update without a chat, a user, text or callback data is ignored, never an
error; Telegram's harmless refusals (a double-tapped button: "message is not modified", an old
callback query) are logged and passed over quietly.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from typing import Any

from bot.channels.telegram import texts
from bot.channels.telegram.chatstate import chat_store
from bot.channels.telegram.documents import send_documents
from bot.channels.telegram.render import (
    decode_callback,
    keyboard_rows,
    reply_text,
    split_text,
    to_markup,
)
from bot.core.messages import IncomingMessage, Reply

log = logging.getLogger(__name__)

COMMAND_TEXT = {  # the words the core's understanding recognises for each command
    "help": "/help",
    "regioscan": "/regioscan",
    "oogo": "/oogo",
    "bronnen": "/bronnen",
}
MAX_INPUT = 4000
REGION_ANSWER_MAX = 80
TYPING_EVERY = 4.0  # Telegram shows "typing…" for about 5 s per chat action
HARMLESS = ("message is not modified", "query is too old", "query id is invalid",
            "message to edit not found", "message can't be edited",
            "message to delete not found", "have no rights to send a message",
            "bot was blocked by the user", "chat not found", "user is deactivated")


def _services(context: Any) -> Any:
    return context.application.bot_data["services"]


async def chat_language(context: Any, chat: Any) -> str:
    """The language of the chat's latest reply, for the channel's own sentences; Dutch when
    it cannot be known (no chat, no store: the error handler must always be able to speak)."""
    if chat is None:
        return "nl"
    try:
        return await asyncio.to_thread(chat_store(context.application).language, chat.id)
    except Exception:  # noqa: BLE001 - the sentence matters more than its language
        log.info("chat language unknown; Dutch", exc_info=True)
        return "nl"


def is_harmless(error: BaseException | None) -> bool:
    """A Bot API refusal that needs no message to the user (see ``HARMLESS``)."""
    from telegram.error import BadRequest, Forbidden

    return isinstance(error, BadRequest | Forbidden) and any(
        phrase in str(error).lower() for phrase in HARMLESS)


async def quietly(call: Any) -> bool:
    """Await a Bot API call whose failure does not matter; True when it went through."""
    try:
        await call
        return True
    except Exception as exc:  # noqa: BLE001 - logged; the conversation goes on
        log.info("telegram call refused (%s): %s", type(exc).__name__, exc)
        return False


@contextlib.asynccontextmanager
async def keep_busy(chat: Any, action: str = "typing") -> AsyncIterator[None]:
    """Show "typing…" (or "sending a file…") until the block ends, renewed every few seconds,
    so a slow answer (an LLM, a PDF) never looks like a bot that stopped."""

    async def renew() -> None:
        while True:
            await asyncio.sleep(TYPING_EVERY)
            await quietly(chat.send_action(action))

    # the first one is let finish even when the answer is quicker than Telegram: cancelling it
    # could cut the request off halfway (a test on a busy machine saw no "typing…" sent at all)
    first = asyncio.create_task(quietly(chat.send_action(action)))
    task = asyncio.create_task(renew())
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        with contextlib.suppress(Exception):
            await first


async def send_reply(chat: Any, reply: Reply, context: Any) -> None:
    """Text parts, then charts as photos (the keyboard on the last of them), then documents."""
    await asyncio.to_thread(chat_store(context.application).remember_language, chat.id,
                            reply.language)
    tokens: dict[str, str] = {}
    markup = to_markup(keyboard_rows(reply, tokens))
    if tokens:  # saved before the buttons can be pressed, for every worker to find
        await asyncio.to_thread(chat_store(context.application).add_tokens, chat.id, tokens)
    parts = split_text(reply_text(reply)) or ["…"]
    charts = list(reply.charts)
    for index, part in enumerate(parts):
        last = index == len(parts) - 1 and not charts
        await chat.send_message(part, reply_markup=markup if last else None)
    for index, chart in enumerate(charts):
        last = index == len(charts) - 1
        caption = chart.title[:1000] if chart.title else None
        await chat.send_photo(chart.png, caption=caption, reply_markup=markup if last else None)
    if reply.documents:
        await send_documents(chat, list(reply.documents), _services(context), keep_busy,
                             reply.language)


async def ask(update: Any, context: Any, text: str = "", choice: str | None = None) -> None:
    """One turn with the core for this chat."""
    chat = update.effective_chat
    if chat is None:
        return
    user = update.effective_user
    message = IncomingMessage(
        channel="telegram", conversation_id=f"tg:{chat.id}",
        user_id=f"tg:{user.id if user else chat.id}", text=text, choice=choice,
    )
    async with keep_busy(chat):
        try:
            reply = await asyncio.to_thread(_services(context).assistant.handle, message)
        except Exception:  # noqa: BLE001 - the core never should; the user still hears
            log.exception("assistant failed for a telegram message")
            await quietly(chat.send_message(texts.text("failed",
                                                       await chat_language(context, chat))))
            return
    await send_reply(chat, reply, context)


async def on_start(update: Any, context: Any) -> None:
    chat = update.effective_chat
    if chat is None:
        return
    await asyncio.to_thread(chat_store(context.application).set_awaiting, chat.id, True)
    await chat.send_message(texts.welcome(_services(context).catalog,
                                          await chat_language(context, chat)))


async def on_regio(update: Any, context: Any) -> None:
    """``/regio NAAM``: the core resolves the name, remembers it, or asks which one is meant."""
    chat = update.effective_chat
    if chat is None:
        return
    query = " ".join(str(a) for a in (context.args or [])).strip()
    if query:
        await ask(update, context, text=f"/regio {query[:REGION_ANSWER_MAX]}")
        return
    await asyncio.to_thread(chat_store(context.application).set_awaiting, chat.id, True)
    await chat.send_message(texts.text("ask_region", await chat_language(context, chat)))


def command_handler(name: str) -> Any:
    """A handler that asks the core the text behind ``/name``."""

    async def handle(update: Any, context: Any) -> None:
        await ask(update, context, text=COMMAND_TEXT[name])

    handle.__name__ = f"on_{name}"
    return handle


async def on_text(update: Any, context: Any) -> None:
    message, chat = update.effective_message, update.effective_chat
    raw = getattr(message, "text", None)
    if chat is None or not isinstance(raw, str) or not raw.strip():
        return
    text = raw.strip()
    if len(text) > MAX_INPUT:
        await chat.send_message(texts.text("too_long", await chat_language(context, chat)))
        return
    store = chat_store(context.application)
    if await asyncio.to_thread(store.take_awaiting, chat.id) \
            and len(text) <= REGION_ANSWER_MAX and "?" not in text:
        text = f"/regio {text}"  # the answer to "which region?" after /start
    await ask(update, context, text=text)


async def on_button(update: Any, context: Any) -> None:
    from telegram.error import BadRequest

    query = update.callback_query
    if query is None:
        return
    chat = update.effective_chat
    store = chat_store(context.application)

    def recall(token: str) -> str | None:
        return store.value_of(chat.id, token) if chat is not None else None

    decoded = await asyncio.to_thread(decode_callback, query.data, recall)
    if decoded is None or chat is None:
        stale = texts.text("stale", await chat_language(context, chat))
        await quietly(query.answer(stale, show_alert=False))
        return
    kind, value = decoded
    if kind == "c":
        # the keyboard goes first: when Telegram says it is already gone, this is a second tap
        # of a button that was already used, and the core must not get the answer twice
        if query.message is not None or query.inline_message_id:
            try:
                await query.edit_message_reply_markup(reply_markup=None)
            except BadRequest as exc:
                if "not modified" in str(exc).lower():
                    used = texts.text("used", await chat_language(context, chat))
                    await quietly(query.answer(used))
                    return
                if not is_harmless(exc):
                    raise
        await quietly(query.answer())
        await ask(update, context, choice=value)
    else:
        await quietly(query.answer())
        await ask(update, context, text=value)


async def on_error(update: object, context: Any) -> None:
    error = context.error
    if is_harmless(error):
        log.info("telegram refused a harmless request: %s", error)
        return
    log.error("telegram handler failed: %s", type(error).__name__, exc_info=error)
    chat = getattr(update, "effective_chat", None)
    if chat is not None:
        failed = texts.text("failed", await chat_language(context, chat))
        await quietly(chat.send_message(failed))
