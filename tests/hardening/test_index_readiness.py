"""Readiness of the knowledge index, per worker (issue 16 findings 4, 5 and 14; issue 20 item 5).

* ``ChromaStore.count()`` was cached, so /readyz stayed ok while the Chroma server was down,
  and also when it came back empty (a lost volume); answers quietly fell back to keywords.
* Two workers building a fresh index at once logged a false "mogelijk beschadigd ...
  --rebuild" alarm.
* ``oogo index --rebuild`` could not repair a damaged embedded index (it told the user to run
  itself).
* With ``--workers 2``, /readyz answered 200 while the answering worker was still loading.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
from fastapi.testclient import TestClient

from .faultenv import stoppable_chroma
from .helpers import make_settings
from .helpers import small_docs as _docs

ROOT = Path(__file__).resolve().parents[2]
def _ready(client: TestClient) -> tuple[int, dict]:
    response = client.get("/readyz")
    return response.status_code, response.json()["checks"]


def _until_ready(client: TestClient, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while _ready(client)[0] != 200:
        assert time.monotonic() < deadline, _ready(client)
        time.sleep(0.3)


def test_chroma_down_empty_or_hanging_is_seen_and_an_empty_collection_refilled(
        services_factory, tmp_path: Path) -> None:
    from bot.channels.api.app import create_app
    from knowledge.service import KnowledgeBase
    from tests.knowledge_base.conftest import CountingEmbedder

    with stoppable_chroma() as chroma:
        services = services_factory(chroma_url=chroma.url)
        kb = KnowledgeBase.open(services.settings.data_dir, chroma_url=chroma.url,
                                embedder=CountingEmbedder(), docs_dir=_docs(tmp_path))
        kb.index()
        services.__dict__["knowledge"] = kb  # a small index; the rest is the real service
        with TestClient(create_app(services, services.settings)) as client:
            assert _ready(client) == (200, {"startup": "ok", "data": "ok", "index": "ok",
                                            "store": "ok"})
            chroma.stop()
            started = time.monotonic()
            status, checks = _ready(client)
            assert status == 503 and "reageert niet" in checks["index"], checks
            assert time.monotonic() - started < 8
            assert checks["data"] == checks["store"] == "ok"

            chroma.start(volume="leeg")  # back, but its volume was lost
            status, checks = _ready(client)
            assert status == 503 and "opnieuw gevuld" in checks["index"], checks
            _until_ready(client, 60)
            assert kb.store.live_count() == len(kb.manifest.load()) == 3
            assert kb.search("Wat is een thuiszitter?", method="dense", k=1)

            chroma.pause()  # a server that accepts but does not answer
            try:
                started = time.monotonic()
                for _ in range(4):
                    status, checks = _ready(client)
                    assert status == 503 and "reageert niet" in checks["index"]
                assert time.monotonic() - started < 20
                probes = [t for t in threading.enumerate() if t.name == "index-probe"]
                assert len(probes) <= 1  # no pile of hanging threads
            finally:
                chroma.resume()
            _until_ready(client, 30)


RACE = """
import logging, sys, threading, time
logging.basicConfig(level=logging.INFO, stream=sys.stdout,
                    format="%(process)d %(levelname)s %(name)s %(message)s")
from knowledge.service import KnowledgeBase
from tests.knowledge_base.conftest import CountingEmbedder
kb = KnowledgeBase.open(sys.argv[1], embedder=CountingEmbedder(), docs_dir=sys.argv[2])
warm = threading.Thread(target=lambda: kb.search("OOGO", k=1), name="warm-up")
warm.start()
while warm.is_alive():  # what /readyz does meanwhile
    kb.is_ready()
    time.sleep(0.01)
print("READY", kb.is_ready())
"""


def test_concurrent_first_builds_raise_no_false_alarm(tmp_path: Path) -> None:
    """Two processes, each with a warm-up thread and a readiness probe, on one fresh data dir
    (as two workers of ``oogo serve``), three times over."""
    script = tmp_path / "race.py"
    script.write_text(RACE, encoding="utf-8")
    docs = _docs(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for attempt in range(3):
        data_dir = tmp_path / f"var{attempt}"
        runs = [subprocess.Popen([sys.executable, str(script), str(data_dir), str(docs)],
                                 env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                 text=True) for _ in range(2)]
        outputs = [run.communicate(timeout=180)[0] for run in runs]
        for output in outputs:
            assert "READY True" in output, output
            assert "beschadigd" not in output and "--rebuild" not in output, output


def test_index_rebuild_repairs_a_damaged_index(data_dir: Path) -> None:
    from typer.testing import CliRunner

    from bot.cli.main import create_cli
    from knowledge.service import KnowledgeBase

    for path in (data_dir / "chroma").rglob("*"):
        if path.is_file():
            path.write_bytes(b"\x00kapot\xff" * 512)
    runner = CliRunner()
    env = {"OOGO_DATA_DIR": str(data_dir)}
    plain = runner.invoke(create_cli(), ["index"], env=env)
    assert plain.exit_code == 1 and "--rebuild" in plain.output
    repaired = runner.invoke(create_cli(), ["index", "--rebuild"], env=env)
    assert repaired.exit_code == 0, repaired.output
    assert "beschadigd" in repaired.output and "Kennisindex bijgewerkt" in repaired.output
    kb = KnowledgeBase.open(data_dir)
    assert kb.is_ready() and kb.store.live_count() == len(kb.manifest.load()) > 100
    question = "Wie zit er aan tafel bij het OOGO?"
    assert kb.store.query(kb.embedder.embed_query(question), 3)  # the vectors answer again
    again = runner.invoke(create_cli(), ["index"], env=env)
    assert again.exit_code == 0 and "0 toegevoegd" in again.output


def test_a_worker_is_not_ready_before_its_own_warm_up(data_dir: Path) -> None:
    from bot.channels.api.app import create_app

    app = create_app(settings=make_settings(data_dir))
    with TestClient(app) as client:
        status, checks = _ready(client)
        assert status == 503 and "start nog op" in checks["startup"], checks
        _until_ready(client, 120)
        started = time.monotonic()
        reply = client.post("/api/chat", json={"text": "Wie zit er aan tafel bij het OOGO?"})
        assert reply.status_code == 200 and reply.json()["passages"]
        assert time.monotonic() - started < 10  # nothing left to load for the first user


def test_two_workers_each_report_only_their_own_readiness(data_dir: Path,
                                                          tmp_path: Path) -> None:
    """``oogo serve --workers 2``: every 200 from /readyz comes from a worker whose own
    warm-up had finished (its "warm-up done" log line, which carries its pid, came first)."""
    from tests.channels.servers import free_port

    port = free_port()
    log_path = tmp_path / "serve.log"
    env = {**os.environ, "OOGO_DATA_DIR": str(data_dir), "OOGO_LOG_LEVEL": "INFO",
           "PYTHONPATH": str(ROOT)}
    with log_path.open("w") as log_file:
        process = subprocess.Popen(["oogo", "serve", "--port", str(port), "--workers", "2"],
                                   env=env, stdout=log_file, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    answers: list[tuple[float, int, int]] = []
    try:
        deadline = time.monotonic() + 240
        ready_workers: set[int] = set()
        while len(ready_workers) < 2:
            assert time.monotonic() < deadline, log_path.read_text()[-3000:]
            assert process.poll() is None, log_path.read_text()[-3000:]
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=10)
            except httpx.TransportError:
                time.sleep(0.2)
                continue
            body = response.json()
            answers.append((time.time(), body["worker"], response.status_code))
            if response.status_code == 200:
                ready_workers.add(body["worker"])
            time.sleep(0.05)
    finally:
        os.killpg(process.pid, 15)
        process.wait(timeout=30)
    done = {}
    for line in log_path.read_text().splitlines():
        if line.startswith("{") and '"warm-up done"' in line:
            record = json.loads(line)
            done[record["worker"]] = record["time"]
    from datetime import datetime

    for moment, worker, status in answers:
        if status == 200:
            finished = datetime.fromisoformat(done[worker]).timestamp()
            assert finished <= moment + 0.01, (worker, finished, moment)
    assert any(status == 503 for _, _, status in answers)  # loading was reported as such
