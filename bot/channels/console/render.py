"""Show a ``Reply`` in a terminal with rich: the answer, numbered buttons, sources, progress.

Only presentation lives here; the same ``Reply`` goes to the web page and Telegram. Buttons are
numbered so a user can answer "1" instead of typing the option. The terminal's own words (title,
progress, charts line) are templates in ``prompts/channels`` in the reply's language.
"""

from __future__ import annotations

from typing import Any

from bot.core.messages import Reply
from bot.core.plaintext import render_plain
from prompts.loader import templates


def chrome(name: str, language: str = "nl", /, **values: object) -> str:
    """The terminal's own sentence ``console_<name>`` in ``language``."""
    return templates("channels").render(f"console_{name}", language, **values)


def hard_breaks(text: str) -> str:
    """Every line break kept: in Markdown a single newline joins two lines into one, so two
    "Bron:" lines, or a notice and the hint after it, would run together in the panel."""
    return "\n".join(f"{line}  " if line.strip() else line for line in text.split("\n"))


def render_reply(console: Any, reply: Reply, *, show_sources: bool = True) -> None:
    """Print one reply; markup in the answer text is never interpreted (user input is in it)."""
    from rich.panel import Panel

    style = {"clarify": "yellow", "out_of_scope": "red", "regioscan": "magenta"}.get(
        reply.intent, "cyan")
    text = render_plain(reply)
    body: Any = text
    if "**" in text:  # only then: rich's Markdown (and markdown-it) take 0.1 s to import
        from rich.markdown import Markdown

        body = Markdown(hard_breaks(text))
    lang = reply.language
    console.print(Panel(body, title=chrome("title", lang, intent=reply.intent),
                        border_style=style, title_align="left"), markup=False)
    if reply.progress is not None:
        p = reply.progress
        line = chrome("progress", lang, current=p.current, total=p.total)
        console.print(f"{line} · {p.theme}" if p.theme else line, style="magenta", markup=False)
    if reply.buttons:
        for number, button in enumerate(reply.buttons, start=1):
            console.print(f"  [{number}] {button.label}", style="bold", markup=False)
    if reply.charts:
        console.print("  " + chrome("charts", lang, count=len(reply.charts)), style="dim",
                      markup=False)


def pick_button(reply: Reply | None, typed: str) -> str | None:
    """The value of the button whose number the user typed, else None."""
    if reply is None or not reply.buttons or not typed.strip().isdigit():
        return None
    index = int(typed.strip()) - 1
    if 0 <= index < len(reply.buttons):
        return reply.buttons[index].value
    return None
