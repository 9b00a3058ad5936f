"""``oogo chat``: an interactive conversation in the terminal, on the same core as every channel.

The loop only reads a line, turns a typed button number into a choice, and prints the reply.
Everything else (/help, /regio, /regioscan, follow-ups) is the core's job, so the terminal
behaves exactly like the web chat. /stop stops a running regioscan, and otherwise ends the chat.
The loop's own sentences (``prompts/channels/*/console_*.txt``) follow the language of the latest
reply; the welcome names the figures of the assistant's catalog.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from typing import Any

from bot.channels.console.render import chrome, pick_button, render_reply
from bot.core.messages import IncomingMessage, Reply
from indicators.catalog import listed

logger = logging.getLogger(__name__)
EXIT_WORDS = {"/exit", "/quit", "exit", "quit", "/einde", "doei", "tot ziens", "bye", "goodbye"}


def welcome(assistant: Any, language: str = "nl") -> str:
    """The greeting, naming the figures the assistant has (its catalog)."""
    return chrome("welcome", language, indicators=listed(assistant.figures.catalog, language))


def run_chat(assistant: Any, *, region: str | None = None, console: Any | None = None,
             read: Callable[[str], str] | None = None, user_id: str = "console") -> int:
    """Run the conversation until the user stops; returns the number of turns."""
    from rich.console import Console

    console = console or Console()
    read = read or (lambda prompt: console.input(prompt))
    conversation_id = f"console-{uuid.uuid4().hex[:12]}"
    console.print(welcome(assistant), style="bold", markup=False)
    last: Reply | None = None
    turns = 0
    first = True
    while True:
        language = last.language if last is not None else "nl"
        try:
            line = read(chrome("prompt", language))
        except (EOFError, KeyboardInterrupt):
            console.print(chrome("goodbye", language), markup=False)
            return turns
        typed = line.strip()
        ends = typed.lower() in EXIT_WORDS or (
            typed.lower() == "/stop" and (last is None or last.intent != "regioscan"))
        if ends:
            console.print(chrome("goodbye", language), markup=False)
            return turns
        choice = pick_button(last, typed)
        msg = IncomingMessage(channel="console", conversation_id=conversation_id,
                              user_id=user_id, text="" if choice else typed, choice=choice,
                              region=region if first else None)
        first = False
        last = assistant.handle(msg)
        turns += 1
        render_reply(console, last)
