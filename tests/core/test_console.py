"""`oogo chat`: the terminal loop with typed button numbers, on the same core."""

from __future__ import annotations

from io import StringIO


def test_chat_loop_with_buttons_and_stop(shared_assistant):
    from rich.console import Console

    from bot.channels.console.chat import run_chat

    lines = iter(["Wat is het jeugdzorggebruik in Bergen?", "1", "/stop"])
    out = StringIO()
    turns = run_chat(shared_assistant, region="Zwolle", console=Console(file=out, width=100),
                     read=lambda prompt: next(lines))
    text = out.getvalue()
    assert turns == 2
    assert "[1] Bergen (NH.)" in text
    assert "Jeugdzorggebruik onder alle jeugdigen van 0 tot 23 jaar in Bergen (NH.)" in text
    assert "Tot ziens" in text


def test_chat_ends_on_eof(shared_assistant):
    from rich.console import Console

    from bot.channels.console.chat import run_chat

    def read(prompt):
        raise EOFError

    assert run_chat(shared_assistant, console=Console(file=StringIO()), read=read) == 0
