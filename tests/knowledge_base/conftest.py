"""Fixtures for the knowledge tests: small documents, a counting fake embedder, the real index."""

from __future__ import annotations

import hashlib
import math
import re
from pathlib import Path

import pytest

from knowledge.service import KnowledgeBase

OOGO_DOC = """---
title: Het OOGO
summary: Wat het OOGO is.
sources:
  - name: NJi
    url: https://www.nji.nl/
date: 2026-11-01
---

# Het OOGO

Inleiding over het overleg.

## Wettelijke basis

Het samenwerkingsverband voert op overeenstemming gericht overleg met de gemeenten over het
ondersteuningsplan. Dat staat in artikel 18a van de WPO en artikel 17a van de WVO.

## Wie zit er aan tafel?

De wethouders onderwijs en jeugd en het bestuur van het samenwerkingsverband.

### Ambtelijk vooroverleg

Beleidsmedewerkers bereiden het bestuurlijke overleg voor.
"""

BRONNEN_DOC = """---
title: Bronnen
summary: Waar cijfers staan.
---

## Jeugdzorg per wijk

CBS StatLine tabel 85075NED geeft jeugdzorg per wijk en buurt. Zo vind je cijfers dichtbij.

## Thuiszitters

Cijfers over verzuim en thuiszitters staan bij DUO en de leerplichtambtenaar.
"""


class CountingEmbedder:
    """A deterministic bag-of-words hashing embedder that counts the texts it embeds."""

    name = "fake-hash"

    def __init__(self, dims: int = 64) -> None:
        self.dims = dims
        self.document_calls = 0
        self.documents_embedded = 0
        self.query_calls = 0
        self.texts: list[str] = []  # every text embedded as a document, in order

    def _vector(self, text: str) -> list[float]:
        vec = [0.0] * self.dims
        for word in re.findall(r"\w+", text.lower()):
            slot = int(hashlib.md5(word.encode()).hexdigest(), 16) % self.dims
            vec[slot] += 1.0
        norm = math.sqrt(sum(v * v for v in vec)) or 1.0
        return [v / norm for v in vec]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.document_calls += 1
        self.documents_embedded += len(texts)
        self.texts.extend(texts)
        return [self._vector(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        self.query_calls += 1
        return self._vector(text)


@pytest.fixture
def docs_dir(tmp_path: Path) -> Path:
    """Two small knowledge documents the tests may change."""
    path = tmp_path / "docs"
    path.mkdir()
    (path / "oogo.md").write_text(OOGO_DOC, encoding="utf-8")
    (path / "bronnen.md").write_text(BRONNEN_DOC, encoding="utf-8")
    return path


@pytest.fixture
def embedder() -> CountingEmbedder:
    return CountingEmbedder()


@pytest.fixture
def small_kb(tmp_path: Path, docs_dir: Path, embedder: CountingEmbedder) -> KnowledgeBase:
    """A knowledge base over the small documents with the counting embedder (embedded Chroma)."""
    return KnowledgeBase.open(tmp_path / "var", embedder=embedder, docs_dir=docs_dir)


@pytest.fixture(scope="session")
def shipped_kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    """The real thing: shipped documents, offline USE embeddings, embedded Chroma (built once)."""
    kb = KnowledgeBase.open(tmp_path_factory.mktemp("shipped") / "var")
    kb.index()
    return kb
