"""Latency of the HTTP channel with the real core, in-process (TestClient), as a table.

Run: python3 bench/bench_channels.py [--rounds 20]
Measures the whole request path (middleware, access, core, serialisation), not the network.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()

    from fastapi.testclient import TestClient

    from bot.channels.api.app import create_app
    from bot.services import build_services
    from bot.settings import Settings

    data_dir = Path(tempfile.mkdtemp()) / "var"
    settings = Settings(data_dir=data_dir, _env_file=None, rate_limit_per_minute=1_000_000)
    services = build_services(settings)
    started = time.perf_counter()
    services.knowledge.index()
    print(f"index built in {time.perf_counter() - started:.1f} s")
    cases = [
        ("GET /healthz", "get", "/healthz", None),
        ("GET /readyz", "get", "/readyz", None),
        ("GET /api/regions?q=Amst", "get", "/api/regions?q=Amst", None),
        ("GET /api/indicators/neet", "get", "/api/indicators/neet?region=GM0363&compare=NL01",
         None),
        ("POST /api/chat (cijfer)", "post", "/api/chat",
         {"text": "Hoeveel jongeren in Zwolle zijn NEET?"}),
        ("POST /api/chat (vergelijking+grafiek)", "post", "/api/chat",
         {"text": "Hoe verhoudt NEET in Amsterdam zich tot het landelijk gemiddelde?"}),
        ("POST /api/chat (kennis)", "post", "/api/chat", {"text": "Wat is het OOGO?"}),
        ("GET /api/charts/indicator.png", "get",
         "/api/charts/indicator.png?indicator=neet&region=GM0363&compare=NL01", None),
    ]
    with TestClient(create_app(services, settings)) as client:
        print(f"\n{'endpoint':40} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
        for name, method, url, body in cases:
            times = []
            for i in range(args.rounds):
                if body is not None:
                    body = {**body, "conversation_id": f"b{i}"}
                t0 = time.perf_counter()
                response = getattr(client, method)(url, json=body) if body else \
                    getattr(client, method)(url)
                times.append((time.perf_counter() - t0) * 1000)
                assert response.status_code == 200, (name, response.status_code)
            times.sort()
            p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
            print(f"{name:40} {len(times):>4} {statistics.median(times):>8.1f} {p95:>8.1f} "
                  f"{times[-1]:>8.1f}")
        t0 = time.perf_counter()
        pdf = client.get("/api/reports/GM0363.pdf")
        print(f"{'GET /api/reports/GM0363.pdf':40} {1:>4} "
              f"{(time.perf_counter() - t0) * 1000:>8.1f} (size {len(pdf.content)} bytes)")
    services.close()


if __name__ == "__main__":
    main()
