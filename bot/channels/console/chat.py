"""``oogo chat``: an interactive conversation in the terminal, on the same core as every channel.

The loop only reads a line, turns a typed button number into a choice, and prints the reply.
Everything else (/help, /regio, /regioscan, follow-ups) is the core's job, so the terminal
behaves exactly like the web chat. /stop stops a running regioscan, and otherwise ends the chat.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from typing import Any

from bot.channels.console.render import pick_button, render_reply
from bot.core.messages import IncomingMessage, Reply

logger = logging.getLogger(__name__)
EXIT_WORDS = {"/exit", "/quit", "exit", "quit", "/einde", "doei", "tot ziens"}
WELCOME = ("Welkom bij de OOGO-assistent. Stel een vraag over jeugdzorg, NEET, het OOGO of de "
           "regioscan. Typ /help voor voorbeelden, /regio <naam> om je regio in te stellen, "
           "/regioscan om de regioscan in te vullen en /stop om te stoppen.")


def run_chat(assistant: Any, *, region: str | None = None, console: Any | None = None,
             read: Callable[[str], str] | None = None, user_id: str = "console") -> int:
    """Run the conversation until the user stops; returns the number of turns."""
    from rich.console import Console

    console = console or Console()
    read = read or (lambda prompt: console.input(prompt))
    conversation_id = f"console-{uuid.uuid4().hex[:12]}"
    console.print(WELCOME, style="bold", markup=False)
    last: Reply | None = None
    turns = 0
    first = True
    while True:
        try:
            line = read("jij> ")
        except (EOFError, KeyboardInterrupt):
            console.print("Tot ziens!", markup=False)
            return turns
        typed = line.strip()
        if typed.lower() in EXIT_WORDS:
            console.print("Tot ziens!", markup=False)
            return turns
        if typed.lower() == "/stop" and (last is None or last.intent != "regioscan"):
            console.print("Tot ziens!", markup=False)
            return turns
        choice = pick_button(last, typed)
        msg = IncomingMessage(channel="console", conversation_id=conversation_id,
                              user_id=user_id, text="" if choice else typed, choice=choice,
                              region=region if first else None)
        first = False
        last = assistant.handle(msg)
        turns += 1
        render_reply(console, last)
