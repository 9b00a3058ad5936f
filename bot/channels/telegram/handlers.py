"""The bot's handlers: commands, free text and button presses, all answered by the core.

Commands are translated into the words the core understands; the chosen region is kept in the
chat's data and sent along with every message (the core also remembers it in its state).
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from bot.channels.telegram.render import (
    ButtonMemory,
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
    "oogo": "Welke punten moeten we in het OOGO bespreken?",
    "bronnen": "/bronnen",
}
WELCOME = ("Welkom bij de OOGO-assistent! Ik help gemeenten en samenwerkingsverbanden passend "
           "onderwijs met cijfers (jeugdzorggebruik, NEET), de handleiding, de regioscan en de "
           "voorbereiding van het OOGO.\n\nVoor welke gemeente of welk samenwerkingsverband "
           "bereidt u het OOGO voor? Typ de naam, bijvoorbeeld Utrecht.")
STALE = "Deze knop is verlopen. Gebruik de knoppen onder het laatste bericht."
FAILED = "Er ging iets mis bij het maken van het antwoord. Probeer het zo nog eens."


def _services(context: Any) -> Any:
    return context.application.bot_data["services"]


def _memory(context: Any) -> ButtonMemory:
    memory = context.chat_data.get("buttons")
    if memory is None:
        memory = context.chat_data["buttons"] = ButtonMemory()
    return memory


async def send_reply(chat: Any, reply: Reply, context: Any) -> None:
    """Send a reply: text parts, then charts as photos; the keyboard goes on the last message."""
    markup = to_markup(keyboard_rows(reply, _memory(context)))
    parts = split_text(reply_text(reply)) or ["…"]
    charts = list(reply.charts)
    for index, part in enumerate(parts):
        last = index == len(parts) - 1 and not charts
        await chat.send_message(part, reply_markup=markup if last else None)
    for index, chart in enumerate(charts):
        last = index == len(charts) - 1
        caption = chart.title[:1000] if chart.title else None
        await chat.send_photo(chart.png, caption=caption, reply_markup=markup if last else None)


async def ask(update: Any, context: Any, text: str = "", choice: str | None = None) -> None:
    """One turn with the core for this chat."""
    chat = update.effective_chat
    user = update.effective_user
    message = IncomingMessage(
        channel="telegram", conversation_id=f"tg:{chat.id}",
        user_id=f"tg:{user.id if user else chat.id}", text=text, choice=choice,
    )
    await chat.send_action("typing")
    try:
        reply = await asyncio.to_thread(_services(context).assistant.handle, message)
    except Exception:
        log.exception("assistant failed for a telegram message")
        await chat.send_message(FAILED)
        return
    await send_reply(chat, reply, context)


async def on_start(update: Any, context: Any) -> None:
    context.chat_data["awaiting_region"] = True
    await update.effective_chat.send_message(WELCOME)


async def on_regio(update: Any, context: Any) -> None:
    """``/regio NAAM``: the core resolves the name, remembers it, or asks which one is meant."""
    query = " ".join(context.args or []).strip()
    if query:
        await ask(update, context, text=f"/regio {query[:80]}")
        return
    context.chat_data["awaiting_region"] = True
    await update.effective_chat.send_message(
        "Typ de naam van uw gemeente of samenwerkingsverband, of gebruik /regio NAAM.")


def command_handler(name: str) -> Any:
    """A handler that asks the core the text behind ``/name``."""

    async def handle(update: Any, context: Any) -> None:
        await ask(update, context, text=COMMAND_TEXT[name])

    handle.__name__ = f"on_{name}"
    return handle


async def on_text(update: Any, context: Any) -> None:
    text = (update.effective_message.text or "").strip()
    if not text:
        return
    if len(text) > 4000:
        await update.effective_chat.send_message("Uw bericht is te lang. Stel uw vraag korter.")
        return
    if context.chat_data.pop("awaiting_region", False) and len(text) <= 80 and "?" not in text:
        text = f"/regio {text}"  # the answer to "which region?" after /start
    await ask(update, context, text=text)


async def on_button(update: Any, context: Any) -> None:
    query = update.callback_query
    decoded = decode_callback(query.data or "", _memory(context))
    if decoded is None:
        await query.answer(STALE, show_alert=False)
        return
    await query.answer()
    kind, value = decoded
    if kind == "c":
        await query.edit_message_reply_markup(reply_markup=None)
        await ask(update, context, choice=value)
    else:
        await ask(update, context, text=value)


async def on_error(update: object, context: Any) -> None:
    log.error("telegram handler failed: %s", type(context.error).__name__,
              exc_info=context.error)
    chat = getattr(update, "effective_chat", None)
    if chat is not None:
        try:
            await chat.send_message(FAILED)
        except Exception:  # the error report itself must never crash the bot
            log.warning("could not tell the chat about the error")
