"""Embeddings of headings, sentences and words, kept in a small file next to the index.

Why: the reranker compares a question with every section's heading, first paragraph and
sentences, and every word of the corpus (for the soft word match). Embedding those ~5,000 short
texts takes a minute on a busy machine, which should happen once (``oogo index`` does it), not at
every start or question. The vectors are stored in the data dir, one ``.npz`` file per
embedding model, keyed by a hash of the text, so an edited heading is embedded again and the rest
is reused. The file is only a cache: when it is missing, unreadable or not writable, the vectors
are computed again (and a warning is logged), never an error for the user.

A fresh data dir need not compute anything: a read-only *seed* of the same format (built at
install by ``python -m knowledge.seed``, next to the shipped documents) is looked up before the
model. The chunk vectors of the index go through the same cache (``CachedEmbedder``), so a fresh
index of the shipped documents is loaded, and only changed or added texts are embedded. The
embedding model itself is loaded only when a text is missing.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable
from pathlib import Path

import numpy as np

from knowledge.embeddings import Embedder

log = logging.getLogger(__name__)

BATCH = 64


def _key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def unit(matrix: np.ndarray) -> np.ndarray:
    """Rows scaled to length 1 (zero rows stay zero)."""
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return matrix / norms


class VectorCache:
    """Text -> unit vector, persisted in ``path`` (None: in memory only)."""

    def __init__(self, path: Path | None, embedder: Embedder | Callable[[], Embedder],
                 seed: Path | None = None) -> None:
        self.path = path
        self.seed = seed
        self._embedder = embedder
        self._vectors: dict[str, np.ndarray] = {}
        self._loaded = False
        self._dirty = False

    @property
    def embedder(self) -> Embedder:
        """The model, created on first need (a factory is called once)."""
        if callable(self._embedder) and not hasattr(self._embedder, "embed_documents"):
            self._embedder = self._embedder()
        return self._embedder  # type: ignore[return-value]

    def _load(self) -> None:
        self._loaded = True
        self._vectors = {**_read(self.seed), **_read(self.path)}

    def save_as(self, path: Path, keep: list[str]) -> int:
        """Write the vectors of the texts ``keep`` to ``path`` (a seed); returns their number."""
        self.get(keep, persist=False)
        self._write(path, {_key(t): self._vectors[_key(t)] for t in dict.fromkeys(keep)})
        return len(set(keep))

    def _keep_dimension(self, dim: int) -> bool:
        """Drop cached vectors of another length than the model's (another model under the
        same name wrote them); True when any were dropped (the caller starts again)."""
        stale = [k for k, v in self._vectors.items() if v.shape[0] != dim]
        for key in stale:
            del self._vectors[key]
        if stale:
            log.warning("vector cache: %d vectors of another model dropped", len(stale))
            self._dirty = True
        return bool(stale)

    def flush(self) -> None:
        """Write the vectors embedded since the last write (nothing when none were)."""
        if self._dirty:
            self._save()

    def _save(self) -> None:
        if self.path is None:
            return
        self._dirty = False
        try:
            self._write(self.path, self._vectors)
        except OSError as exc:
            log.warning("vector cache %s not written: %s", self.path, exc)

    @staticmethod
    def _write(path: Path, vectors: dict[str, np.ndarray]) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp.npz")
        keys = np.array(sorted(vectors))
        np.savez(tmp, keys=keys, vectors=np.stack([vectors[k] for k in keys]))
        os.replace(tmp, path)

    def has(self, texts: list[str]) -> bool:
        """Whether every text's vector is known (seed or data dir) without the model."""
        if not self._loaded:
            self._load()
        return all(_key(t) in self._vectors for t in texts)

    def transient(self, texts: list[str]) -> np.ndarray:
        """Unit vectors for ``texts``: cached ones reused, others embedded and not kept (for a
        question's own words, so the cache does not grow with every question asked)."""
        if not self._loaded:
            self._load()
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        missing = [t for t in dict.fromkeys(texts) if _key(t) not in self._vectors]
        fresh: dict[str, np.ndarray] = {}
        if missing:
            vectors = unit(np.asarray(self.embedder.embed_documents(missing), dtype=np.float32))
            fresh = {_key(t): v for t, v in zip(missing, vectors, strict=True)}
            if self._keep_dimension(vectors.shape[1]):
                return self.transient(texts)
        return np.stack([self._vectors.get(_key(t), fresh.get(_key(t))) for t in texts])

    def get(self, texts: list[str], persist: bool = True) -> np.ndarray:
        """Unit vectors for ``texts`` (rows in order), embedding only the unknown ones."""
        if not self._loaded:
            self._load()
        keys = [_key(t) for t in texts]
        missing = list(dict.fromkeys(t for t, k in zip(texts, keys, strict=True)
                                     if k not in self._vectors))
        for start in range(0, len(missing), BATCH):
            batch = missing[start:start + BATCH]
            vectors = unit(np.asarray(self.embedder.embed_documents(batch), dtype=np.float32))
            if self._keep_dimension(vectors.shape[1]):
                return self.get(texts, persist)
            for text, vector in zip(batch, vectors, strict=True):
                self._vectors[_key(text)] = vector
        self._dirty = self._dirty or bool(missing)
        if self._dirty and persist:
            self.flush()
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([self._vectors[k] for k in keys])


def _read(path: Path | None) -> dict[str, np.ndarray]:
    """The vectors of one cache file; {} when it is absent or unreadable (logged)."""
    if path is None or not path.is_file():
        return {}
    try:
        with np.load(path, allow_pickle=False) as data:
            keys, matrix = data["keys"], data["vectors"]
        return {str(k): matrix[i] for i, k in enumerate(keys)}
    except (OSError, ValueError, KeyError) as exc:
        log.warning("vector cache %s unreadable (%s); computing again", path, exc)
        return {}


class CachedEmbedder:
    """An ``Embedder`` for indexing whose document vectors come from a ``VectorCache`` (seed,
    data dir, then the model): the chunks of an unchanged document are never embedded again."""

    def __init__(self, name: str, cache: VectorCache) -> None:
        self.name = name
        self.cache = cache

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.cache.get(texts, persist=False).astype(float).tolist() if texts else []

    def embed_query(self, text: str) -> list[float]:
        return self.cache.embedder.embed_query(text)
