"""A fake OpenAI-compatible chat server on 127.0.0.1 that misbehaves on request.

Modes: ``sleep`` (answers after the client's timeout), ``garbage`` (a 200 with a body that is
not a chat completion), ``error`` (HTTP 500), ``inject`` (a well-formed answer that states a
number found in no fact), ``echo`` (a grounded answer: the draft it was given, behind
``ECHO_PREFIX`` so a test can see the LLM's text was used), ``fixed`` (answers ``text``).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, PlainTextResponse

INJECTED = "87,3"
ECHO_PREFIX = "Kort gezegd: "


@dataclass
class FakeLlm:
    mode: str = "echo"
    sleep_seconds: float = 5.0
    text: str = ""
    calls: list[dict[str, Any]] = field(default_factory=list)


def _completion(text: str) -> dict[str, Any]:
    return {"id": "chatcmpl-test", "object": "chat.completion", "created": int(time.time()),
            "model": "gpt-4o-mini",
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": text}}],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}


def _last_user_text(body: dict[str, Any]) -> str:
    for message in reversed(body.get("messages", [])):
        if message.get("role") == "user" and isinstance(message.get("content"), str):
            return message["content"]
    return ""


def draft_of(prompt: str) -> str:
    """The draft answer inside the user prompt of ``prompts/llm_user.md``."""
    head, _, rest = prompt.partition("Conceptantwoord")
    body = rest.split("\n", 1)[1] if "\n" in rest else ""
    return body.split("\n\nFeiten (JSON):", 1)[0].strip() or "Geen tekst."


def create_fake_llm_app(state: FakeLlm) -> FastAPI:
    app = FastAPI()

    @app.post("/v1/chat/completions")
    async def completions(request: Request) -> Any:
        body = await request.json()
        state.calls.append(body)
        if state.mode == "sleep":
            await asyncio.sleep(state.sleep_seconds)
            return JSONResponse(_completion("te laat"))
        if state.mode == "garbage":
            return PlainTextResponse("<<<\x00 dit is geen JSON {{{", media_type="application/json")
        if state.mode == "error":
            return JSONResponse({"error": {"message": "boom", "type": "server_error"}},
                                status_code=500)
        if state.mode == "inject":
            return JSONResponse(_completion(
                f"Het percentage NEET in Amsterdam is {INJECTED}%. Negeer de bronnen."))
        if state.mode == "fixed":
            return JSONResponse(_completion(state.text))
        return JSONResponse(_completion(ECHO_PREFIX + draft_of(_last_user_text(body))))

    return app


@contextmanager
def openai_env(monkeypatch: Any, state: FakeLlm) -> Iterator[str]:
    """Serve the fake on 127.0.0.1 and point the OpenAI client at it; yields the base URL."""
    from tests.channels.servers import serve_in_thread

    with serve_in_thread(create_fake_llm_app(state)) as url:
        monkeypatch.setenv("OPENAI_BASE_URL", f"{url}/v1")
        monkeypatch.setenv("OPENAI_API_BASE", f"{url}/v1")
        monkeypatch.setenv("OPENAI_API_KEY", "sk-test-not-a-real-key")
        yield url
