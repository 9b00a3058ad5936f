"""Chroma server mode against a real ``chroma run`` on 127.0.0.1, and an unreachable server."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from knowledge.errors import KnowledgeUnavailable
from knowledge.service import KnowledgeBase

from .conftest import CountingEmbedder


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A throwaway Chroma server; waits for its heartbeat and stops it afterwards."""
    exe = shutil.which("chroma")
    if exe is None:
        pytest.fail("the 'chroma' command (package chromadb) is not installed")
    port = _free_port()
    path = tmp_path_factory.mktemp("chroma-server")
    log = (path / "server.log").open("w")
    proc = subprocess.Popen(
        [exe, "run", "--path", str(path / "db"), "--port", str(port), "--host", "127.0.0.1"],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                pytest.fail(f"chroma run stopped: {(path / 'server.log').read_text()[-2000:]}")
            try:
                if httpx.get(f"{url}/api/v2/heartbeat", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("chroma run did not answer its heartbeat within 60 s")
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def test_index_and_search_on_a_chroma_server(
    chroma_url: str, tmp_path: Path, docs_dir: Path
) -> None:
    embedder = CountingEmbedder()
    kb = KnowledgeBase.open(tmp_path / "var", chroma_url=chroma_url, embedder=embedder,
                            docs_dir=docs_dir)
    report = kb.index()
    assert report.added == 6
    assert kb.is_ready()
    assert not (tmp_path / "var" / "chroma").exists()  # vectors live on the server

    hits = kb.search("artikel 18a WPO ondersteuningsplan", method="dense", k=2)
    assert hits and hits[0].heading == "Wettelijke basis"
    assert kb.search("Wie zit er aan tafel?", method="hybrid")[0].source == "oogo.md"

    again = KnowledgeBase.open(tmp_path / "var", chroma_url=chroma_url,
                               embedder=CountingEmbedder(), docs_dir=docs_dir)
    assert again.index().unchanged == 6


def test_server_lost_its_data_is_refilled(
    chroma_url: str, tmp_path: Path, docs_dir: Path
) -> None:
    kb = KnowledgeBase.open(tmp_path / "var", chroma_url=chroma_url,
                            embedder=CountingEmbedder(dims=48), docs_dir=docs_dir)
    kb.index(rebuild=True)
    kb.store.drop()
    report = kb.index()
    assert report.added == 6 and report.unchanged == 0
    assert kb.store.count() == 6


def test_unreachable_server_gives_dutch_error_and_keyword_fallback(
    tmp_path: Path, docs_dir: Path
) -> None:
    url = f"http://127.0.0.1:{_free_port()}"
    kb = KnowledgeBase.open(tmp_path / "var", chroma_url=url, embedder=CountingEmbedder(),
                            docs_dir=docs_dir)
    with pytest.raises(KnowledgeUnavailable, match="niet bereikbaar"):
        kb.index()
    assert not kb.is_ready()
    fallback = KnowledgeBase.open(tmp_path / "var", chroma_url=url, embedder=CountingEmbedder(),
                                  docs_dir=docs_dir)
    hits = fallback.search("Welke tabel heeft jeugdzorg per wijk?")
    assert hits and hits[0].source == "bronnen.md"
