"""``oogo ask`` (one question, or a batch as JSON lines) and ``oogo chat`` (interactive).

Both use the same ``Assistant`` as the web and Telegram channels. ``--batch FILE --json`` is the
contract of DESIGN.md: every input line is its own conversation, its ``context`` questions are
asked first, and one JSON object is written per line (``id`` first, plus ``debug``), in order.
A malformed line gives an error object with a Dutch message; the other lines go on.
"""

from __future__ import annotations

import json
import logging
import sys
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from bot.cli.common import fail, load_services, text, with_help

if TYPE_CHECKING:  # pragma: no cover
    from bot.services import Services

logger = logging.getLogger(__name__)
# batch conversations must not meet saved state (a regioscan) of an earlier run
RUN_ID = uuid.uuid4().hex[:10]



def _assistant(services: Services, *, persistent: bool = False) -> Any:
    from bot.core.state import InMemoryStateStore
    from bot.services import build_assistant

    store = None if persistent else InMemoryStateStore()
    return build_assistant(services, store=store, charts=False)


def ask_one(assistant: Any, question: str, region: str | None = None,
            context: list[str] | None = None, conversation_id: str = "ask") -> Any:
    """Ask the context questions, then the question, in one conversation; the last reply."""
    from bot.core.messages import IncomingMessage

    for earlier in context or []:
        assistant.handle(IncomingMessage(channel="cli", conversation_id=conversation_id,
                                         user_id="cli", text=earlier, region=region))
    return assistant.handle(IncomingMessage(channel="cli", conversation_id=conversation_id,
                                            user_id="cli", text=question, region=region))


def batch_line(assistant: Any, line: str, number: int) -> dict[str, Any]:
    """One batch line to its output object (an error object when the line is malformed)."""
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"id": None, "error": text("batch_not_json", number=number, reason=exc.msg,
                                          column=exc.colno)}
    if not isinstance(item, dict):
        return {"id": None, "error": text("batch_not_object", number=number)}
    item_id = item.get("id", number)
    question = item.get("question")
    region = item.get("region")
    context = item.get("context") or []
    if not isinstance(question, str):
        return {"id": item_id, "error": text("batch_no_question", number=number)}
    if region is not None and not isinstance(region, str):
        return {"id": item_id, "error": text("batch_bad_region", number=number)}
    if not isinstance(context, list) or not all(isinstance(c, str) for c in context):
        return {"id": item_id, "error": text("batch_bad_context", number=number)}
    reply = ask_one(assistant, question, region, context,
                    conversation_id=f"batch-{RUN_ID}-{number}")
    return {"id": item_id, **reply.to_contract(with_debug=True)}


def run_batch(assistant: Any, lines: list[str], out: Any) -> int:
    """Answer every non-empty line; returns the number of error objects written."""
    errors = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        result = batch_line(assistant, line, number)
        errors += "error" in result
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
        out.flush()
    return errors


def _print_reply(reply: Any) -> None:
    from rich.console import Console

    from bot.channels.console.render import render_reply

    render_reply(Console(), reply)


def register(app: typer.Typer) -> None:
    """Add ``oogo ask`` and ``oogo chat``."""

    def ask(
        question: str | None = typer.Argument(None),
        region: str | None = typer.Option(None, "--region"),
        as_json: bool = typer.Option(False, "--json"),
        batch: Path | None = typer.Option(None, "--batch"),
    ) -> None:
        """One question, or a batch of JSON lines (help: prompts/cli help_ask*)."""
        if batch is None and not question:
            fail(text("ask_no_question"))
        if batch is not None and question:
            fail(text("ask_question_and_batch"))
        if batch is not None:
            try:
                lines = (sys.stdin.read() if str(batch) == "-" else
                         batch.read_text(encoding="utf-8")).splitlines()
            except OSError as exc:
                fail(text("file_unreadable", path=batch, reason=exc.strerror))
            except UnicodeDecodeError:
                fail(text("file_not_utf8", path=batch))
            services = load_services(one_shot=True)
            assistant = _assistant(services)
            if as_json:
                run_batch(assistant, lines, sys.stdout)
            else:
                for number, line in enumerate(lines, start=1):
                    if line.strip():
                        result = batch_line(assistant, line, number)
                        typer.echo(f"[{result.get('id')}] " + (result.get("error") or
                                                              result.get("answer", "")))
            services.save_caches()
            return
        services = load_services(one_shot=True)
        reply = ask_one(_assistant(services), question or "", region,
                        conversation_id=f"ask-{RUN_ID}")
        if as_json:
            typer.echo(json.dumps({"id": None, **reply.to_contract(with_debug=True)},
                                  ensure_ascii=False))
        else:
            _print_reply(reply)
        sys.stdout.flush()  # the answer is out before the caches are written
        services.save_caches()

    def chat(region: str | None = typer.Option(None, "--region")) -> None:
        """A conversation in the terminal (help: prompts/cli help_chat*)."""
        from bot.channels.console.chat import run_chat

        services = load_services()
        run_chat(_assistant(services, persistent=False), region=region)

    app.command("ask")(with_help(ask, "ask"))
    app.command("chat")(with_help(chat, "chat"))
