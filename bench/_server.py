"""Start the real ``oogo serve`` as a child process on a free 127.0.0.1 port, for benchmarks.

A separate process, not a thread: on a 2-core machine a server that shares the benchmark
client's interpreter (and its GIL) would measure the client as much as the server, and the
resident memory of the server is only meaningful for a process of its own.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

LAUNCH = "from bot.cli.main import run; run()"


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    base: str
    started: float
    log: Path
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def pid(self) -> int:
        return self.process.pid


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(data_dir: Path, env: dict[str, str] | None = None,
                 root: Path | None = None) -> Server:
    """Launch ``oogo serve`` with ``OOGO_DATA_DIR=data_dir`` (and ``env``); returns at once.

    ``root`` runs the code of another source tree (e.g. an export of ``main`` for a
    before/after comparison in one run); by default the tree this bench belongs to."""
    port = free_port()
    data_dir.mkdir(parents=True, exist_ok=True)
    log = data_dir.parent / f"server-{port}.log"
    full_env = {**os.environ, "OOGO_DATA_DIR": str(data_dir), "OOGO_HOST": "127.0.0.1",
                "OOGO_PORT": str(port), "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1",
                "ANONYMIZED_TELEMETRY": "False", **(env or {})}
    root = root or Path(__file__).resolve().parents[1]
    full_env["PYTHONPATH"] = str(root)
    with log.open("wb") as handle:
        process = subprocess.Popen([sys.executable, "-c", LAUNCH, "serve"], cwd=root,
                                   env=full_env, stdout=handle, stderr=subprocess.STDOUT)
    return Server(process, f"http://127.0.0.1:{port}", time.perf_counter(), log)


def wait_ready(server: Server, timeout: float = 300.0) -> dict[str, object]:
    """Poll /healthz then /readyz; seconds from launch to each, and the last readyz detail."""
    import httpx

    result: dict[str, object] = {"healthz_s": float("nan"), "ready_s": float("nan"),
                                 "ready": False, "detail": ""}
    deadline = server.started + timeout
    alive = False
    with httpx.Client(base_url=server.base, timeout=30) as http:
        while time.perf_counter() < deadline:
            if server.process.poll() is not None:
                result["detail"] = "proces gestopt: " + server.log.read_text()[-400:]
                return result
            try:
                path = "/readyz" if alive else "/healthz"
                response = http.get(path)
            except httpx.HTTPError:
                time.sleep(0.05)
                continue
            now = time.perf_counter() - server.started
            if path == "/healthz" and response.status_code == 200:
                result["healthz_s"] = now
                alive = True
                continue
            if path == "/readyz":
                if response.status_code == 200:
                    result.update(ready_s=now, ready=True, detail="ok")
                    return result
                result["detail"] = response.json().get("detail", response.text[:200])
                time.sleep(0.05)
    return result


def stop_server(server: Server) -> None:
    """Stop the server gracefully (SIGTERM), forcefully after 15 s."""
    if server.process.poll() is None:
        server.process.terminate()
        try:
            server.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait(timeout=5)
