"""What one ``POST /api/chat`` turn costs, part by part, without a profiler.

Run: ``python3 bench/turn_parts.py [N]`` (default 400 turns). The app runs in-process over
httpx's ASGI transport (no uvicorn, no network), answering "Hoe hoog is de NEET in Zwolle?" in
ten conversations. Printed: wall and process CPU time per turn (CPU moves less than wall on a
shared machine, so compare CPU between two source trees run back to back), then the time and
number of calls per turn of the parts that matter (the answer, the state store, the history,
the open-scan lookup, the reply's JSON). Complements ``profile_chat.py``, whose profiler
inflates small calls. Another source tree (e.g. ``git worktree add /tmp/before <commit>``):
``cd /tmp/before && PYTHONPATH=$PWD python3 <this repo>/bench/turn_parts.py``.
"""

from __future__ import annotations

import asyncio
import collections
import functools
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

if not os.environ.get("PYTHONPATH"):  # PYTHONPATH=<other tree> measures that tree instead
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
QUESTION = "Hoe hoog is de NEET in Zwolle?"
SPENT: dict[str, float] = collections.defaultdict(float)
CALLS: collections.Counter[str] = collections.Counter()


def timed(owner: Any, name: str, label: str) -> None:
    """Replace ``owner.name`` by a wrapper that adds its wall time to ``SPENT[label]``."""
    original = getattr(owner, name)

    @functools.wraps(original)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            SPENT[label] += time.perf_counter() - start
            CALLS[label] += 1

    setattr(owner, name, wrapper)


def instrument() -> None:
    import bot.channels.api.routes_chat as chat
    import bot.core.assistant as assistant
    import bot.regioscan.service as regioscan
    import bot.storage.state_store as state
    import bot.storage.turn_store as turns

    timed(assistant.Assistant, "handle", "answer (handle)")
    timed(assistant, "understand", "understanding")
    timed(state.SqlStateStore, "load", "state read")
    timed(state.SqlStateStore, "save", "state write")
    timed(turns.TurnStore, "append", "history write")
    timed(regioscan.RegioscanService, "has_active_scan", "open-scan lookup")
    timed(chat, "reply_to_json", "reply JSON")


def local_app(prefix: str) -> Any:
    """The app over a fresh data dir, its services built here (so it is warm and settled, and a
    turn runs on the loop as in a warmed-up worker)."""
    from bot.channels.api.app import create_app
    from bot.services import build_services
    from bot.settings import Settings

    settings = Settings(data_dir=Path(tempfile.mkdtemp(prefix=prefix)), _env_file=None)
    return create_app(services=build_services(settings), settings=settings)


def bench_env() -> None:
    """No rate limit, no access log: the bench measures the turn, not the guard's refusals."""
    os.environ.setdefault("OOGO_RATE_LIMIT_PER_MINUTE", "100000000")
    os.environ.setdefault("OOGO_LOG_LEVEL", "WARNING")


async def run(n: int) -> None:
    import httpx

    app = local_app("oogo-turn-")
    instrument()
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://oogo") as client:
            for number in range(20):  # warm: models, caches, connections
                await client.post("/api/chat", json={"text": QUESTION,
                                                     "conversation_id": f"w{number % 5}"})
            SPENT.clear()
            CALLS.clear()
            wall, cpu = time.perf_counter(), time.process_time()
            for number in range(n):
                response = await client.post("/api/chat", json={
                    "text": QUESTION, "conversation_id": f"c{number % 10}"})
                response.raise_for_status()
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"per turn: {wall / n * 1000:.2f} ms wall, {cpu / n * 1000:.2f} ms CPU "
          f"(client included), load average {os.getloadavg()[0]:.2f}")
    for label, seconds in sorted(SPENT.items(), key=lambda item: -item[1]):
        print(f"  {label:18s} {seconds / n * 1000:6.2f} ms  ({CALLS[label] / n:.0f}× per turn)")


def main() -> None:
    bench_env()
    asyncio.run(run(int(sys.argv[1]) if len(sys.argv) > 1 else 400))


if __name__ == "__main__":
    main()
