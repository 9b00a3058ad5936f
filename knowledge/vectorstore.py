"""The dense half of the index: a Chroma collection with embeddings we compute ourselves.

Why these choices: Chroma's ``PersistentClient`` in the data dir needs no setup; a Chroma server
(``OOGO_CHROMA_URL``) lets several workers or machines share one index. We always pass our own
embeddings and ``embedding_function=None`` because Chroma's default function downloads a model at
first use, which breaks an offline install. Telemetry is off. Each embedding model gets its own
collection, so switching the model rebuilds cleanly instead of mixing vector spaces. Every Chroma
failure surfaces as ``KnowledgeUnavailable`` with a Dutch message.

Opening is serialised within the process: chromadb's client cache is not thread-safe, and two
threads opening the same embedded store at once (the warm-up and a readiness probe) made one of
them fail and report a healthy index as "mogelijk beschadigd". ``count()`` is cached only
briefly (it bounds a query); ``live_count()`` always asks Chroma, for readiness.
"""

from __future__ import annotations

import hashlib
import logging
import re
import shutil
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from knowledge.errors import KnowledgeUnavailable
from prompts.data_texts import data_text

log = logging.getLogger(__name__)

_OPEN_LOCK = threading.Lock()
COUNT_TTL_SECONDS = 5.0


def collection_name(model: str) -> str:
    """A valid Chroma collection name (3-63 chars of [a-zA-Z0-9._-]) unique per model name."""
    slug = re.sub(r"[^a-zA-Z0-9]+", "-", Path(model).name or model).strip("-").lower()[:40]
    digest = hashlib.sha1(model.encode("utf-8")).hexdigest()[:8]
    return f"oogo-{slug or 'model'}-{digest}"


@dataclass(frozen=True)
class DenseMatch:
    chunk_id: str
    similarity: float  # cosine similarity, 1.0 = same direction


class ChromaStore:
    """One Chroma collection holding chunk embeddings (ids are chunk ids)."""

    def __init__(self, client: Any, name: str, where: str) -> None:
        self._client = client
        self.name = name
        self.where = where
        self._collection: Any = None
        self._count: int | None = None
        self._count_at = 0.0

    @classmethod
    def open(cls, data_dir: Path, chroma_url: str | None, model: str) -> ChromaStore:
        """Connect to the server at ``chroma_url`` or open the embedded store in data_dir/chroma."""
        try:
            import chromadb
            from chromadb.config import Settings as ChromaSettings
        except ImportError as exc:  # pragma: no cover - a core dependency
            raise KnowledgeUnavailable(data_text("knowledge_chromadb_missing")) from exc
        chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
        name = collection_name(model)
        if chroma_url:
            parsed = urlparse(chroma_url if "://" in chroma_url else f"http://{chroma_url}")
            host, port = parsed.hostname or "127.0.0.1", parsed.port or 8000
            try:
                with _OPEN_LOCK:
                    client = chromadb.HttpClient(
                        host=host, port=port, ssl=parsed.scheme == "https",
                        settings=chroma_settings)
                client.heartbeat()
            except Exception as exc:
                raise KnowledgeUnavailable(
                    data_text("knowledge_chroma_unreachable", url=chroma_url)) from exc
            return cls(client, name, where=chroma_url)
        path = Path(data_dir) / "chroma"
        try:
            client = _open_embedded(path, chromadb, chroma_settings)
        except Exception as exc:
            raise KnowledgeUnavailable(data_text("knowledge_index_corrupt", path=path)) from exc
        return cls(client, name, where=str(path))

    @property
    def collection(self) -> Any:
        if self._collection is None:
            self._collection = self._call(
                lambda: self._client.get_or_create_collection(
                    name=self.name, metadata={"hnsw:space": "cosine"}, embedding_function=None
                )
            )
        return self._collection

    def _call(self, fn: Any) -> Any:
        try:
            return fn()
        except KnowledgeUnavailable:
            raise
        except Exception as exc:
            log.warning("chroma call failed on %s: %s", self.where, exc)
            raise KnowledgeUnavailable(
                data_text("knowledge_store_unexpected", where=self.where)) from exc

    def ids(self) -> set[str]:
        """All chunk ids present in the collection."""
        result = self._call(lambda: self.collection.get(include=[]))
        return set(result["ids"])

    def count(self) -> int:
        """The number of vectors, cached for a few seconds (it only bounds a query)."""
        if self._count is None or time.monotonic() - self._count_at > COUNT_TTL_SECONDS:
            self._count = int(self._call(lambda: self.collection.count()))
            self._count_at = time.monotonic()
        return self._count

    def live_count(self) -> int:
        """Ask Chroma now (no cache). A collection that disappeared on the server (a lost
        volume) is looked up again once, so an empty new one reads as 0 instead of failing."""
        try:
            count = int(self._call(lambda: self.collection.count()))
        except KnowledgeUnavailable:
            self._collection = None
            count = int(self._call(lambda: self.collection.count()))
        self._count, self._count_at = count, time.monotonic()
        return count

    def upsert(self, ids: list[str], embeddings: list[list[float]], metadatas: list[dict]) -> None:
        if ids:
            self._count = None
            self._call(
                lambda: self.collection.upsert(ids=ids, embeddings=embeddings, metadatas=metadatas)
            )

    def delete(self, ids: list[str]) -> None:
        if ids:
            self._count = None
            self._call(lambda: self.collection.delete(ids=ids))

    def drop(self) -> None:
        """Remove the whole collection (for --rebuild)."""
        try:
            self._client.delete_collection(self.name)
        except Exception as exc:  # absent collection is fine; anything else is logged
            log.info("dropping collection %s: %s", self.name, exc)
        self._collection = None
        self._count = None

    def query(self, embedding: list[float], n: int) -> list[DenseMatch]:
        """The n nearest chunks by cosine similarity, best first."""
        total = self.count()
        if total == 0:
            return []
        result = self._call(
            lambda: self.collection.query(
                query_embeddings=[embedding], n_results=min(n, total), include=["distances"]
            )
        )
        ids, distances = result["ids"][0], result["distances"][0]
        pairs = zip(ids, distances, strict=True)
        return [DenseMatch(cid, 1.0 - float(dist)) for cid, dist in pairs]


def _open_embedded(path: Path, chromadb: Any, chroma_settings: Any) -> Any:
    """The embedded client for ``path``; one thread at a time, one retry (another process may
    be creating the same store right now, which can fail once without any damage)."""
    for attempt in range(2):
        try:
            with _OPEN_LOCK:
                path.mkdir(parents=True, exist_ok=True)
                return chromadb.PersistentClient(path=str(path), settings=chroma_settings)
        except Exception as exc:
            if attempt:
                raise
            log.info("opening %s failed once (%s); trying again", path, type(exc).__name__)
            _forget_client(chromadb, path)
            time.sleep(0.5)
    raise AssertionError("unreachable")  # pragma: no cover


def _forget_client(chromadb: Any, path: Path) -> None:
    """Drop chromadb's cached client of ``path`` so the next open starts clean."""
    try:
        from chromadb.api.shared_system_client import SharedSystemClient

        SharedSystemClient._identifier_to_system.pop(str(path), None)
    except Exception:  # noqa: BLE001 - an internal of chromadb; only an optimisation
        pass


def remove_embedded_index(data_dir: Path) -> bool:
    """Delete the embedded Chroma folder of ``data_dir`` (for ``oogo index --rebuild`` when it
    cannot be opened). Returns True when something was removed. Never touches a Chroma server."""
    path = Path(data_dir) / "chroma"
    if not path.exists():
        return False
    import chromadb

    _forget_client(chromadb, path)
    shutil.rmtree(path)
    log.warning("removed the damaged knowledge index in %s; it is rebuilt now", path)
    return True
