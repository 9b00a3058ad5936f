"""What ``POST /api/chat`` costs without its understanding and its answer: the plumbing.

Run: ``python3 bench/turn_plumbing.py [N]`` (default 2000 turns). The app runs in-process and
is called over ASGI directly (no client library, no network). ``Assistant._turn`` answers the
first turn as usual and every later one with a copy of that reply, so what is left is the
middleware, FastAPI, the route, the turn runner, the four store calls (state read and write,
the open-scan lookup, the history) and the reply's JSON. Printed: CPU µs per turn, the best of
three runs (the machine is shared: compare two trees run one after the other, as with
``turn_parts.py``: ``cd <tree> && PYTHONPATH=$PWD python3 <this repo>/bench/turn_plumbing.py``).
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import os
import sys
import time
from typing import Any

# this directory (the script's own); it also puts this tree first unless PYTHONPATH is set
from turn_parts import QUESTION, bench_env, local_app


def replay_first_reply() -> None:
    """Make every turn after the first answer with a copy of the first one's reply."""
    from bot.core.assistant import Assistant

    real = Assistant._turn
    first: list[Any] = []

    def turn(self: Assistant, msg: Any, state: Any) -> Any:
        if not first:
            first.append(real(self, msg, state))
            return first[0]
        return dataclasses.replace(first[0], debug=dict(first[0].debug))

    Assistant._turn = turn  # type: ignore[method-assign]


def request(number: int) -> tuple[bytes, dict[str, Any]]:
    """A chat request's body and ASGI scope, in one of ten conversations."""
    body = json.dumps({"text": QUESTION, "conversation_id": f"c{number % 10}"}).encode()
    return body, {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
        "path": "/api/chat", "raw_path": b"/api/chat", "root_path": "", "query_string": b"",
        "scheme": "http", "server": ("127.0.0.1", 8000), "client": ("127.0.0.1", 5555),
        "headers": [(b"host", b"127.0.0.1:8000"), (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode())]}


async def one(app: Any, number: int) -> None:
    body, scope = request(number)
    status: list[int] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            status.append(message["status"])

    await app(scope, receive, send)
    if status != [200]:
        raise RuntimeError(f"chat answered {status}")


async def run(n: int) -> None:
    app = local_app("oogo-plumbing-")
    replay_first_reply()
    async with app.router.lifespan_context(app):
        for number in range(100):  # warm: caches, connections
            await one(app, number)
        best = float("inf")
        for _ in range(3):
            cpu = time.process_time()
            for number in range(n):
                await one(app, number)
            best = min(best, (time.process_time() - cpu) / n)
    print(f"plumbing per turn: {best * 1e6:.1f} µs CPU (best of 3 runs of {n}), "
          f"load average {os.getloadavg()[0]:.2f}")


def main() -> None:
    bench_env()
    asyncio.run(run(int(sys.argv[1]) if len(sys.argv) > 1 else 2000))


if __name__ == "__main__":
    main()
