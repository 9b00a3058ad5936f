"""Embeddings of headings and words, kept in a small file next to the index.

Why: the reranker compares a question with every section's heading and every word of the corpus
(for the soft word match). Embedding those ~2,000 short texts takes a few seconds, which should
happen once, not at every start. The vectors are stored in the data dir, one ``.npz`` file per
embedding model, keyed by a hash of the text, so an edited heading is embedded again and the rest
is reused. The file is only a cache: when it is missing, unreadable or not writable, the vectors
are computed again (and a warning is logged), never an error for the user.
"""

from __future__ import annotations

import hashlib
import logging
import os
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

    def __init__(self, path: Path | None, embedder: Embedder) -> None:
        self.path = path
        self.embedder = embedder
        self._vectors: dict[str, np.ndarray] = {}
        self._loaded = False

    def _load(self) -> None:
        self._loaded = True
        if self.path is None or not self.path.is_file():
            return
        try:
            with np.load(self.path, allow_pickle=False) as data:
                keys, matrix = data["keys"], data["vectors"]
            self._vectors = {str(k): matrix[i] for i, k in enumerate(keys)}
        except (OSError, ValueError, KeyError) as exc:
            log.warning("vector cache %s unreadable (%s); computing again", self.path, exc)
            self._vectors = {}

    def _save(self) -> None:
        if self.path is None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_name(self.path.name + ".tmp.npz")
            keys = np.array(sorted(self._vectors))
            np.savez(tmp, keys=keys, vectors=np.stack([self._vectors[k] for k in keys]))
            os.replace(tmp, self.path)
        except OSError as exc:
            log.warning("vector cache %s not written: %s", self.path, exc)

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
            for text, vector in zip(batch, vectors, strict=True):
                self._vectors[_key(text)] = vector
        if missing and persist:
            self._save()
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([self._vectors[k] for k in keys])
