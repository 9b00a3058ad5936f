"""Profile ``POST /api/chat`` for one figure question, where the time actually goes.

Run: ``python3 bench/profile_chat.py [N]`` (default 100 requests). The app runs in-process over
httpx's ASGI transport, so no network or uvicorn is measured; the answer and the store writes run
in a worker thread (that is where a plain cProfile of the event loop sees only ``epoll``), so
``Assistant.handle`` and the route's ``_finish`` are profiled per call and the stats summed.
Prints the median of both, the SQLite commit time per request and the top functions.
"""

from __future__ import annotations

import asyncio
import cProfile
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
QUESTION = "Hoe hoog is de NEET in Zwolle?"


def main(n: int) -> None:
    os.environ.setdefault("OOGO_RATE_LIMIT_PER_MINUTE", "100000000")
    os.environ.setdefault("OOGO_LOG_LEVEL", "WARNING")
    import httpx

    import bot.channels.api.routes_chat as routes
    from bot.channels.api.app import create_app
    from bot.services import build_services
    from bot.settings import Settings

    settings = Settings(data_dir=Path(tempfile.mkdtemp(prefix="oogo-prof-")), _env_file=None)
    services = build_services(settings)
    app = create_app(services=services, settings=settings)
    profiles: list[cProfile.Profile] = []
    times: dict[str, list[float]] = {"handle": [], "finish": []}

    def wrap(fn, name):  # noqa: ANN001, ANN202 - a local helper around two known callables
        def inner(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            profile = cProfile.Profile()
            start = time.perf_counter()
            profile.enable()
            try:
                return fn(*args, **kwargs)
            finally:
                profile.disable()
                times[name].append(time.perf_counter() - start)
                profiles.append(profile)
        return inner

    routes._finish = wrap(routes._finish, "finish")
    services.assistant.handle = wrap(services.assistant.handle, "handle")

    async def drive() -> None:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as http:
            for i in range(10):  # warm caches and lazy parts
                await http.post("/api/chat", json={"text": QUESTION, "conversation_id": f"w{i}"})
            profiles.clear()
            for value in times.values():
                value.clear()
            for i in range(n):
                await http.post("/api/chat", json={"text": QUESTION,
                                                   "conversation_id": f"c{i % 10}"})

    asyncio.run(drive())
    for name, values in times.items():
        print(f"{name}: median {sorted(values)[len(values) // 2] * 1000:.1f} ms (profiled)")
    stats = pstats.Stats(profiles[0])
    for profile in profiles[1:]:
        stats.add(profile)
    commits = [v for k, v in stats.stats.items()  # type: ignore[attr-defined]
               if k[2] == "<method 'commit' of 'sqlite3.Connection' objects>"]
    print(f"sqlite commit: {sum(v[3] for v in commits) / n * 1000:.2f} ms per request, "
          f"{sum(v[1] for v in commits)} commits")
    stats.sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
