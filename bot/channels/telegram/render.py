"""Turning a ``Reply`` into Telegram-sized pieces: text parts, photos and inline keyboards.

Telegram limits a message to 4096 characters and callback data to 64 bytes. Texts are split on
paragraph boundaries (then lines, then words); button values longer than fits get a short token
(``chatstate.token_for``) that the chat's state in the store remembers, so any worker can decode
it; an unknown token is a stale button. Buttons are packed into rows that fit a phone screen.
The text is the core's one plain rendering, so the definition, source, notices and citations
appear exactly once, whether or not an LLM phrased the answer itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.channels.telegram.chatstate import token_for
from bot.core.messages import Reply
from bot.core.plaintext import render_plain

MAX_TEXT = 4096
MAX_CALLBACK = 64
MAX_ROWS = 12
PREFIX_CHOICE = "c:"   # the core's own button value follows
PREFIX_TOKEN = "t:"    # a token for a value too long for callback data
PREFIX_TEXT = "q:"     # an option/follow-up question, asked as text
# the longest label that still reads in full on a phone, by the number of buttons in the row
ROW_FIT = {1: 60, 2: 18, 3: 11, 4: 7}


def plain(text: str) -> str:
    """The core marks emphasis with **…**; Telegram gets plain text (no parse mode to escape)."""
    return text.replace("**", "").strip()


def split_text(text: str, limit: int = MAX_TEXT) -> list[str]:
    """Split ``text`` into parts of at most ``limit`` characters, on paragraph boundaries
    where possible, else on line breaks, else on spaces, else hard."""
    text = text.strip()
    if len(text) <= limit:
        return [text] if text else []
    parts: list[str] = []
    rest = text
    while len(rest) > limit:
        window = rest[: limit + 1]
        cut = -1
        for separator in ("\n\n", "\n", " "):
            cut = window.rfind(separator, 0, limit)
            if cut > limit // 4:
                break
        if cut <= 0:
            cut = limit
        parts.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        parts.append(rest)
    return parts


def reply_text(reply: Reply) -> str:
    """The message text: the answer with its surroundings, each once (``render_plain``). The
    regioscan's "Vraag 3 van 16" is part of the core's text, so no progress line is added."""
    return plain(render_plain(reply))


def callback_for(prefix: str, value: str, tokens: dict[str, str]) -> str:
    """Callback data for a button, within 64 bytes; a long value gets a token in ``tokens``."""
    data = prefix + value
    if len(data.encode("utf-8")) <= MAX_CALLBACK:
        return data
    token = token_for(value)
    tokens[token] = value
    return PREFIX_TOKEN + prefix[0] + token


def decode_callback(data: str, recall: Callable[[str], str | None]) -> tuple[str, str] | None:
    """(kind, value) from callback data; None when the button is unknown or stale."""
    if not isinstance(data, str):
        return None
    if data.startswith(PREFIX_TOKEN) and len(data) > 3 and data[2] in "cq":
        value = recall(data[3:])
        return (data[2], value) if value is not None else None
    if len(data) > 2 and data[1] == ":" and data[0] in "cq":
        return data[0], data[2:]
    return None


def pack_rows(buttons: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """Buttons in their order, as many to a row as fit a phone (see ``ROW_FIT``)."""
    rows: list[list[tuple[str, str]]] = []
    row: list[tuple[str, str]] = []
    for button in buttons:
        trial = [*row, button]
        if len(trial) in ROW_FIT and max(len(label) for label, _ in trial) <= ROW_FIT[len(trial)]:
            row = trial
            continue
        if row:
            rows.append(row)
        row = [button]
    if row:
        rows.append(row)
    return rows


def keyboard_rows(reply: Reply, tokens: dict[str, str]) -> list[list[tuple[str, str]]]:
    """Rows of (label, callback data): the core's buttons packed to fit, then the options and
    follow-up questions (long, one to a row). New tokens are added to ``tokens``."""
    buttons = [(b.label[:60], callback_for(PREFIX_CHOICE, b.value, tokens))
               for b in reply.buttons]
    rows = pack_rows(buttons)
    seen = {b.label for b in reply.buttons} | {b.value for b in reply.buttons}
    extra: list[tuple[str, str]] = []
    for option in list(reply.options) + list(reply.followups):
        if option not in seen:
            seen.add(option)
            extra.append((option[:60], callback_for(PREFIX_TEXT, option, tokens)))
    rows += pack_rows(extra)
    return rows[:MAX_ROWS]


def to_markup(rows: list[list[tuple[str, str]]]) -> Any:
    """An ``InlineKeyboardMarkup`` for the rows, or None."""
    if not rows:
        return None
    from telegram import InlineKeyboardButton, InlineKeyboardMarkup

    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=data) for label, data in row] for row in rows]
    )
