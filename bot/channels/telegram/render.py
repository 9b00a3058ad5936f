"""Turning a ``Reply`` into Telegram-sized pieces: text parts, photos and inline keyboards.

Telegram limits a message to 4096 characters and callback data to 64 bytes. Texts are split on
paragraph boundaries (then lines, then words) and button values longer than fits are replaced
by a short token that the chat remembers (``ButtonMemory``); an unknown token is a stale button.
"""

from __future__ import annotations

import secrets
from collections import OrderedDict
from typing import Any

from bot.core.messages import Reply
from bot.core.plaintext import render_plain

MAX_TEXT = 4096
MAX_CALLBACK = 64
PREFIX_CHOICE = "c:"   # the core's own button value follows
PREFIX_TOKEN = "t:"    # a token for a value too long for callback data
PREFIX_TEXT = "q:"     # an option/follow-up question, asked as text



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
    """The message text: the answer plus what the web page shows around it."""
    lines = [plain(render_plain(reply))]
    if reply.progress is not None:
        theme = f" ({reply.progress.theme})" if reply.progress.theme else ""
        lines.append(f"Regioscan: vraag {reply.progress.current} van {reply.progress.total}{theme}")
    return "\n\n".join(line for line in lines if line)


class ButtonMemory:
    """Per-chat memory for button values that do not fit Telegram's 64-byte callback data."""

    def __init__(self, max_items: int = 200) -> None:
        self.max_items = max_items
        self._values: OrderedDict[str, str] = OrderedDict()

    def remember(self, value: str) -> str:
        token = secrets.token_urlsafe(9)
        self._values[token] = value
        while len(self._values) > self.max_items:
            self._values.popitem(last=False)
        return token

    def recall(self, token: str) -> str | None:
        return self._values.get(token)


def callback_for(prefix: str, value: str, memory: ButtonMemory) -> str:
    """Callback data for a button, within 64 bytes."""
    data = prefix + value
    if len(data.encode("utf-8")) <= MAX_CALLBACK:
        return data
    token_prefix = PREFIX_TOKEN + prefix[0]
    return token_prefix + memory.remember(value)


def decode_callback(data: str, memory: ButtonMemory) -> tuple[str, str] | None:
    """(kind, value) from callback data; None when the button is unknown or stale."""
    if data.startswith(PREFIX_TOKEN) and len(data) > 3:
        kind = data[2]
        value = memory.recall(data[3:])
        return (kind, value) if value is not None else None
    if len(data) > 2 and data[1] == ":" and data[0] in "cq":
        return data[0], data[2:]
    return None


def keyboard_rows(reply: Reply, memory: ButtonMemory) -> list[list[tuple[str, str]]]:
    """Rows of (label, callback data): the core's buttons, then options and follow-ups."""
    rows: list[list[tuple[str, str]]] = []
    buttons = [(b.label, callback_for(PREFIX_CHOICE, b.value, memory)) for b in reply.buttons]
    if reply.progress is not None and len(buttons) > 2:
        scale = [b for b in buttons if len(b[0]) <= 3]
        other = [b for b in buttons if len(b[0]) > 3]
        if scale:
            rows.append(scale)
        rows.extend([b] for b in other)
    else:
        rows.extend([b] for b in buttons)
    seen = {b.label for b in reply.buttons} | {b.value for b in reply.buttons}
    for option in list(reply.options) + list(reply.followups):
        if option not in seen:
            seen.add(option)
            rows.append([(option[:60], callback_for(PREFIX_TEXT, option, memory))])
    return rows[:12]


def to_markup(rows: list[list[tuple[str, str]]]) -> Any:
    """An ``InlineKeyboardMarkup`` for the rows, or None."""
    if not rows:
        return None
    from telegram import InlineKeyboardButton, InlineKeyboardMarkup

    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=data) for label, data in row] for row in rows]
    )
