"""Soak: several minutes of mixed traffic against a real ``oogo serve`` process, with its
resident memory sampled; memory must stay flat and no request may fail.

Only with OOGO_LONG_TESTS=1 (OOGO_SOAK_SECONDS sets the length, default 180). New conversation
ids keep arriving, charts for ever other regions are drawn, scans are started and answered, so a
cache or a per-conversation table that grows without bound shows up as growing memory.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .helpers import LONG, wait_until_up

pytestmark = pytest.mark.skipif(not LONG, reason="soak: zet OOGO_LONG_TESTS=1")

REGIONS = ["Amsterdam", "Utrecht", "Zwolle", "Groningen", "Rotterdam", "Tilburg", "Almere",
           "Leeuwarden", "Maastricht", "Enschede", "Den Haag", "Breda", "Nijmegen", "Ede"]
MAX_GROWTH_MB = 60.0


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024.0
    raise AssertionError("no VmRSS")


def _question(i: int) -> str:
    region = REGIONS[i % len(REGIONS)]
    kinds = [f"Hoeveel procent van de jongeren in {region} is NEET?",
             f"Vergelijk het jeugdzorggebruik in {region} met Nederland",
             "Wie zit er aan tafel bij het OOGO?", f"Welke OOGO-onderwerpen voor {region}?",
             "Ik wil de regioscan invullen", "4"]
    return kinds[i % len(kinds)]


async def _traffic(base: str, seconds: float, pid: int) -> tuple[list[float], dict[str, int]]:
    import httpx

    samples: list[float] = []
    errors: dict[str, int] = {}
    deadline = time.monotonic() + seconds
    counter = {"n": 0}

    async def client(number: int) -> None:
        async with httpx.AsyncClient(base_url=base, timeout=60) as http:
            while time.monotonic() < deadline:
                counter["n"] += 1
                i = counter["n"]
                body = {"text": _question(i), "conversation_id": f"soak-{number}-{i // 12}"}
                try:
                    status = (await http.post("/api/chat", json=body)).status_code
                except httpx.HTTPError as exc:
                    status = type(exc).__name__
                if status != 200:
                    errors[str(status)] = errors.get(str(status), 0) + 1

    async def sampler() -> None:
        while time.monotonic() < deadline:
            samples.append(_rss_mb(pid))
            await asyncio.sleep(5)

    await asyncio.gather(sampler(), *(client(n) for n in range(8)))
    return samples, errors


def test_soak_memory_stays_flat(data_dir: Path) -> None:
    from tests.channels.servers import free_port

    seconds = float(os.environ.get("OOGO_SOAK_SECONDS", "180"))
    port = free_port()
    env = {**os.environ, "OOGO_DATA_DIR": str(data_dir), "OOGO_PORT": str(port),
           "OOGO_HOST": "127.0.0.1", "OOGO_RATE_LIMIT_PER_MINUTE": "100000000",
           "OOGO_LOG_LEVEL": "WARNING"}
    process = subprocess.Popen([sys.executable, "-c", "from bot.cli.main import run; run()",
                                "serve"], env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{base}/readyz", process, seconds=120, timeout=5)
        asyncio.run(_traffic(base, 30, process.pid))  # warm-up: caches fill, pools open
        samples, errors = asyncio.run(_traffic(base, seconds, process.pid))
    finally:
        process.terminate()
        process.wait(timeout=20)
    assert not errors, errors
    settled = samples[len(samples) // 4:]  # ignore the first quarter
    growth = max(settled) - min(settled[:2])
    assert growth < MAX_GROWTH_MB, f"RSS grew {growth:.0f} MB: {[round(s) for s in samples]}"
    assert max(samples) < 500, f"RSS above 500 MB: {max(samples):.0f}"
