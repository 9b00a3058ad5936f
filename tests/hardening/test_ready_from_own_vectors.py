"""A server worker is ready from its own vectors while the store opens in the background
(issue 18 item 1).

Why: importing and opening Chroma took about a second of every start, and on a fresh data dir
the store was filled before the first answer. A worker of ``oogo serve`` now loads its index
from the vector cache (the shipped seed or the data dir) when that holds every passage, answers
from it at once, and brings the store (manifest and Chroma) in line in a background thread.
What must still hold: nothing is embedded for that, the store ends up complete, and a store that
is broken is reported by /readyz once that thread is done.
"""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

from fastapi.testclient import TestClient

from .helpers import make_settings
from .helpers import small_docs as _docs


def _settled(kb, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while kb.store_pending():
        assert time.monotonic() < deadline, "store not settled"
        time.sleep(0.05)


def test_a_fresh_dir_answers_from_the_cache_and_fills_the_store_behind(tmp_path: Path) -> None:
    from knowledge.service import KnowledgeBase
    from tests.knowledge_base.conftest import CountingEmbedder

    docs = _docs(tmp_path)
    built = KnowledgeBase.open(tmp_path / "built", embedder=CountingEmbedder(), docs_dir=docs)
    built.index()
    fresh = tmp_path / "fresh"  # only the vectors, as a seed gives them: no manifest, no store
    (fresh / "knowledge").mkdir(parents=True)
    for cache in (tmp_path / "built" / "knowledge").glob("vectors-*.npz"):
        shutil.copy(cache, fresh / "knowledge" / cache.name)

    embedder = CountingEmbedder()
    kb = KnowledgeBase.open(fresh, embedder=embedder, docs_dir=docs, store_in_background=True)
    hits = kb.search("Wat is een thuiszitter?", method="dense", k=1)
    assert hits and hits[0].source == "thuiszitten.md"
    # the store is not opened until asked (a server worker asks once it is ready)
    assert kb.store_pending() and kb._store is None
    kb.start_store_sync()
    _settled(kb)
    assert embedder.documents_embedded == 0  # every vector came from the cache
    assert kb.manifest.exists() and kb.store.live_count() == len(kb.manifest.load()) == 3
    assert kb.search("Wie zit er aan tafel bij het OOGO?", method="dense",
                     k=1)[0].source == "oogo.md"


def test_a_dir_without_the_vectors_is_built_before_the_first_answer(tmp_path: Path) -> None:
    """Nothing cached: the worker is not ready from vectors it does not have; it builds first."""
    from knowledge.service import KnowledgeBase
    from tests.knowledge_base.conftest import CountingEmbedder

    embedder = CountingEmbedder()
    kb = KnowledgeBase.open(tmp_path / "var", embedder=embedder, docs_dir=_docs(tmp_path),
                            store_in_background=True)
    assert kb.search("Wat is een thuiszitter?", method="dense", k=1)
    assert not kb.store_pending() and embedder.documents_embedded > 0
    assert kb.store.live_count() == len(kb.manifest.load()) == 3


def _ready(client: TestClient) -> tuple[int, dict]:
    response = client.get("/readyz")
    return response.status_code, response.json()["checks"]


def test_a_fresh_data_dir_is_ready_and_its_store_complete_after(tmp_path: Path) -> None:
    """The real service on an empty data dir (the shipped documents and their seed)."""
    from bot.channels.api.app import create_app

    app = create_app(settings=make_settings(tmp_path / "var"))
    with TestClient(app) as client:
        deadline = time.monotonic() + 120
        while _ready(client)[0] != 200:
            assert time.monotonic() < deadline, _ready(client)
            time.sleep(0.1)
        reply = client.post("/api/chat", json={"text": "Wie zit er aan tafel bij het OOGO?"})
        assert reply.status_code == 200 and reply.json()["passages"]
        kb = app.state.services.knowledge
        _settled(kb)
        assert kb.store.live_count() == len(kb.manifest.load()) > 100
        assert _ready(client) == (200, {"startup": "ok", "data": "ok", "index": "ok",
                                        "store": "ok"})


def test_a_broken_store_is_reported_once_it_was_opened(data_dir: Path) -> None:
    """Damaged Chroma files: the worker answers from its own vectors, and /readyz names the
    index as soon as the background thread found the store broken."""
    from bot.channels.api.app import create_app

    for path in (data_dir / "chroma").rglob("*"):
        if path.is_file():
            path.write_bytes(b"\x00kapot\xff" * 512)
    app = create_app(settings=make_settings(data_dir))
    with TestClient(app) as client:
        deadline = time.monotonic() + 120
        while not app.state.warm.is_set() or app.state.services.knowledge.store_pending():
            assert time.monotonic() < deadline
            time.sleep(0.05)
        status, checks = _ready(client)
        assert status == 503 and checks["index"] != "ok", checks
        assert checks["data"] == checks["store"] == "ok"
        reply = client.post("/api/chat", json={"text": "Wie zit er aan tafel bij het OOGO?"})
        assert reply.status_code == 200 and reply.json()["passages"]


def test_after_ready_steps_run_once_the_worker_is_ready(monkeypatch) -> None:
    """What a first turn and a chart load comes after readiness, in order, and a failing step
    neither blocks readiness nor the steps after it."""
    import threading

    from bot.channels.api import startup

    done = threading.Event()
    seen: list[tuple[str, bool]] = []

    def step(name: str, fail: bool = False):
        def run(services: object) -> None:
            seen.append((name, done.is_set()))
            if fail:
                raise RuntimeError(name)
        run.__name__ = name
        return run

    class Stand:
        def save_caches(self) -> None:
            seen.append(("save", done.is_set()))

    monkeypatch.setattr(startup, "WARM_UP_STEPS", (step("data"), step("index")))
    monkeypatch.setattr(startup, "AFTER_READY_STEPS", (step("turn", fail=True), step("charts")))
    startup.warm_up(Stand(), done)  # type: ignore[arg-type]
    assert seen == [("data", False), ("index", False), ("save", True), ("turn", True),
                    ("charts", True)]


def test_after_a_real_warm_up_the_first_answers_load_nothing(data_dir: Path) -> None:
    """After the warm-up and the after-ready steps, the first question of each kind is
    answered without loading a model, a definition or the chart library."""
    import threading

    from bot.channels.api.startup import warm_up
    from bot.services import build_services
    from tests.hardening.helpers import ask

    services = build_services(make_settings(data_dir), serving=True)
    try:
        warm_up(services, threading.Event())
        assert "regioscan" in services.__dict__
        loaded = set(sys.modules)
        for question in ("Hoe ontwikkelt de NEET in Zwolle zich?",
                         "Wie zit er aan tafel bij het OOGO?", "Ik wil de regioscan doen"):
            started = time.monotonic()
            reply = ask(services, question, question)
            assert reply.text and time.monotonic() - started < 2.0, question
        # what takes long to load was loaded (the answer modules themselves take ~7 ms)
        late = sorted(m for m in set(sys.modules) - loaded if m.startswith((
            "matplotlib", "bot.core.understanding", "bot.regioscan", "bot.storage",
            "sqlalchemy", "indicators.", "knowledge.", "numpy")))
        assert not late, late
    finally:
        services.close()
