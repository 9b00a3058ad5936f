"""``oogo serve`` as a user starts it: a separate process on a fresh data dir, on 127.0.0.1,
answering the chat page, health and a chat turn, with JSON log lines carrying request ids."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import httpx

from .servers import free_port


def test_oogo_serve_on_a_fresh_data_dir(tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "OOGO_DATA_DIR": str(tmp_path / "var"), "OOGO_LOG_LEVEL": "INFO"}
    log_path = tmp_path / "serve.log"
    with log_path.open("w") as log_file:
        process = subprocess.Popen(["oogo", "serve", "--port", str(port)], env=env,
                                   cwd=tmp_path, stdout=log_file, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert process.poll() is None, log_path.read_text()
            assert time.monotonic() < deadline, "oogo serve did not come up"
            time.sleep(0.2)
        with httpx.Client(base_url=base, timeout=60) as http:
            page = http.get("/")
            assert page.status_code == 200 and "OOGO-assistent" in page.text
            assert http.get("/static/app.js").status_code == 200
            reply = http.post("/api/chat", json={"text": "Hoeveel jongeren in Zwolle zijn NEET?"},
                              headers={"X-Request-ID": "cli-test-1"})
            assert reply.status_code == 200, reply.text
            assert reply.json()["facts"][0]["region"] == "GM0193"
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    lines = [json.loads(line) for line in log_path.read_text().splitlines()
             if line.startswith("{")]
    assert any(line.get("request_id") == "cli-test-1" and line.get("status") == 200
               for line in lines)
