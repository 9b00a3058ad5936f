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


def test_bold_answer_keeps_its_line_breaks():
    """An answer with bold text goes through rich's Markdown; two sources or a notice and the
    hint after it must stay on their own lines, not run together as one sentence."""
    from rich.console import Console

    from bot.channels.console.render import render_reply
    from bot.core.messages import Reply

    body = "**Kop**\n\nLet op: demonstratiedata.\nVraag 'waarom staat punt 2 erop?'"
    out = StringIO()
    render_reply(Console(file=out, width=120), Reply(text=body, intent="oogo"))
    lines = [line.strip("│ ").strip() for line in out.getvalue().splitlines()]
    assert "Let op: demonstratiedata." in lines
    assert "Vraag 'waarom staat punt 2 erop?'" in lines
