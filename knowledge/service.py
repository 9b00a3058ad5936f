"""``KnowledgeBase``: the one object the application uses for the knowledge documents.

Why a facade: the assistant, the API's /readyz and the CLI should not know about manifests, Chroma
collections or BM25. They open a knowledge base, index it, search it. Opening is cheap (nothing
heavy is loaded until the first index or search); the first search builds the index when it is
missing, so ``oogo search`` works on a fresh clone; the loaded state (chunks, BM25, embedder,
store) is cached, so later searches take milliseconds.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from knowledge.chunking import Chunk
from knowledge.embeddings import DEFAULT_MODEL, Embedder, EmbeddingError, make_embedder
from knowledge.errors import KnowledgeUnavailable
from knowledge.ingest import (
    SHIPPED_DOCS,
    IndexReport,
    Manifest,
    collect_chunks,
    copy_extra_documents,
    index_lock,
    sync,
)
from knowledge.rerank import make_cross_encoder
from knowledge.retrieval import METHODS, Dense, Retriever
from knowledge.vectorcache import CachedEmbedder, VectorCache, unit
from knowledge.vectorstore import ChromaStore, collection_name
from prompts.data_texts import data_text

log = logging.getLogger(__name__)
# Vectors of the shipped documents, built at install (python -m knowledge.seed): see vectorcache.
SHIPPED_VECTORS = Path(__file__).resolve().parent / "vectors"

MAX_QUERY_CHARS = 1000
MAX_K = 50

__all__ = ["Hit", "IndexReport", "KnowledgeBase", "KnowledgeUnavailable"]


@dataclass(frozen=True)
class Hit:
    """One section to show and cite.

    ``text`` is the whole section under ``heading``; ``confidence`` is the gate's probability
    that the first hit of this search answers the question, and ``confident`` whether that is
    enough to answer (otherwise the hits are suggestions); both are the same on every hit of one
    search.
    """

    chunk_id: str
    source: str  # file name, e.g. "oogo.md"
    title: str  # document title
    heading: str  # heading path, e.g. "Wie zit er aan tafel bij het OOGO?"
    text: str
    score: float
    confidence: float = 1.0
    confident: bool = True
    twin: bool = False  # says what the first hit says (a definition repeated elsewhere)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class KnowledgeBase:
    """Shipped knowledge documents plus a region's extra documents, searchable."""

    def __init__(
        self,
        data_dir: Path,
        chroma_url: str | None = None,
        embedding_model: str = DEFAULT_MODEL,
        *,
        embedder: Embedder | None = None,
        docs_dir: Path | None = None,
        reranker_model: str | None = None,
        embedding_threads: int = 1,
        store_optional: bool = False,
        store_in_background: bool = False,
    ) -> None:
        self.data_dir = Path(data_dir)
        self.chroma_url = chroma_url or None
        self.embedding_model = embedding_model or DEFAULT_MODEL
        self.docs_dir = Path(docs_dir) if docs_dir else SHIPPED_DOCS
        self.extra_dir = self.data_dir / "knowledge" / "extra"
        name = collection_name(self.embedding_model)
        self.manifest = Manifest(self.data_dir / "knowledge" / f"manifest-{name}.json")
        self._vector_cache_path = self.data_dir / "knowledge" / f"vectors-{name}.npz"
        self._seed_name = f"{name}.npz"
        # the shipped seed holds the default model's vectors: an embedder passed in (another
        # model, a test double) never reads them, whatever its name
        self.seed_path: Path | None = SHIPPED_VECTORS / self._seed_name if embedder is None \
            else None
        self._vector_cache: VectorCache | None = None
        self.reranker_model = reranker_model or None
        self.embedding_threads = embedding_threads
        # a one-shot process (oogo ask): when the manifest matches the documents and the vector
        # cache holds every chunk's vector, answer from those and never open Chroma (importing
        # its client alone takes a second); the store is still used to build or repair
        self.store_optional = store_optional
        # a server worker: when the vector cache holds every passage of the current documents,
        # the first search loads from it (no Chroma import, no waiting for a build) and a
        # background thread brings the store in line (``store_pending`` meanwhile), started by
        # the owner with ``start_store_sync`` (a server worker: once it is ready)
        self.store_in_background = store_in_background
        self._settling: threading.Thread | None = None
        self._chunk_texts: dict[str, str] = {}
        self._cross_encoder_loaded = False
        self._cross_encoder = None
        self._embedder = embedder
        self._store: ChromaStore | None = None
        self._retriever: Retriever | None = None
        self._checked = False
        self._lock = threading.RLock()
        self._store_lock = threading.Lock()

    @classmethod
    def open(
        cls,
        data_dir: Path | str,
        chroma_url: str | None = None,
        embedding_model: str = DEFAULT_MODEL,
        **kwargs: Any,
    ) -> KnowledgeBase:
        """Open (not yet load) the knowledge base of a data dir; see the class for options."""
        return cls(Path(data_dir), chroma_url, embedding_model, **kwargs)

    # -- parts, built on first use ------------------------------------------------------------

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            try:
                self._embedder = make_embedder(
                    self.embedding_model, threads=self.embedding_threads
                )
            except EmbeddingError as exc:
                raise KnowledgeUnavailable(str(exc)) from exc
        return self._embedder

    @property
    def store(self) -> ChromaStore:
        with self._store_lock:  # the warm-up, a readiness probe and a re-sync may all ask
            if self._store is None:
                self._store = ChromaStore.open(self.data_dir, self.chroma_url,
                                               self.embedding_model)
            return self._store

    def _directories(self) -> list[Path]:
        return [self.docs_dir, self.extra_dir]

    # -- indexing -----------------------------------------------------------------------------

    def index(self, extra_dirs: tuple[Path | str, ...] = (), rebuild: bool = False) -> IndexReport:
        """Add the documents of ``extra_dirs`` (kept in the data dir) and sync the index."""
        with self._lock:
            reserved = {p.name for p in self.docs_dir.glob("*")}
            for directory in extra_dirs:
                copied = copy_extra_documents(Path(directory), self.extra_dir, reserved)
                log.info("added extra documents from %s: %s", directory, copied)
            with index_lock(self.manifest.path.parent):
                if rebuild:  # everything embedded again: no cached or shipped vector is trusted
                    self.store.drop()
                    self.manifest.delete()
                    self._vector_cache_path.unlink(missing_ok=True)
                    self._vector_cache, self.seed_path = None, None
                chunks = collect_chunks(self._directories())
                report = sync(chunks, self.manifest, self.store, self._indexing_embedder())
                self._cache().flush()
            self._retriever = None
            self._checked = True
            self._prepare()
            return report

    def ensure_index(self) -> IndexReport | None:
        """Build or refresh the index when it is missing or the documents changed.

        Used at service start and by the first search. Returns the report when it did work. When
        the vector store is unavailable it logs a warning and returns None: keyword search still
        works on the documents themselves.
        """
        with self._lock:
            if self._checked:
                return None
            self._checked = True
            fresh = collect_chunks(self._directories())
            if self._up_to_date(fresh):
                return None
            try:
                with index_lock(self.manifest.path.parent):
                    # Another process may have built it while we waited for the lock.
                    if self._up_to_date(fresh):
                        return None
                    report = sync(fresh, self.manifest, self.store, self._indexing_embedder())
                    self._cache().flush()
            except KnowledgeUnavailable as exc:
                log.warning("knowledge index could not be built, keyword search only: %s", exc)
                self._retriever = Retriever(fresh, dense=None, cross_encoder=self._cross())
                return None
            self._retriever = None
            self._prepare()
            return report

    def _prepare(self) -> None:
        """Load the retriever with every vector it compares a question with (headings,
        sentences, words: embedded once into the vector cache in the data dir), so indexing
        does that work and the first question does not; a failure only logs (searches fall
        back to keywords and try again)."""
        retriever = self._new_retriever(self.manifest.load())
        try:
            retriever.prepare()
        except KnowledgeUnavailable as exc:
            log.warning("knowledge vectors not prepared: %s", exc)
            return
        self._retriever = retriever

    def _up_to_date(self, fresh: list[Chunk]) -> bool:
        """Manifest equals the documents and the store holds every recorded vector."""
        if not self.manifest.exists():
            return False
        chunks = self.manifest.load()
        recorded = {c.chunk_id: c.hash for c in chunks}
        if recorded != {c.chunk_id: c.hash for c in fresh}:
            return False
        if self.store_optional and self._cache().has([c.indexed_text for c in chunks]):
            return True
        try:
            return self.store.count() == len(recorded)
        except KnowledgeUnavailable as exc:
            log.warning("vector store unavailable, keyword search only: %s", exc)
            return True  # nothing to repair now; searches fall back to BM25

    def is_ready(self) -> bool:
        """True when the index exists and the vector store answers with the recorded chunks."""
        if not self.manifest.exists():
            return False
        try:
            return self.store.count() == len(self.manifest.load())
        except KnowledgeUnavailable:
            return False

    # -- searching ----------------------------------------------------------------------------

    def _embed_queries(self, queries: list[str]) -> list[list[float]]:
        """Query vectors, in one batch when the embedder can (``embed_queries``)."""
        try:
            batch = getattr(self.embedder, "embed_queries", None)
            if batch is not None:
                return list(batch(queries))
            return [self.embedder.embed_query(q) for q in queries]
        except KnowledgeUnavailable:
            raise
        except Exception as exc:  # a broken model must not break keyword search
            raise KnowledgeUnavailable(data_text("knowledge_embedder_broken")) from exc

    def _chunk_vectors(self, ids: list[str]) -> np.ndarray:
        """The stored vectors of ``ids`` (rows in order), read from the vector store once per
        loaded retriever: a question is then compared with them in memory (a few hundred
        rows, well under a millisecond) instead of a store query per question (8 ms embedded,
        a network round trip with a Chroma server). Same vectors, same similarities."""
        if not ids:
            return np.zeros((0, 0), dtype=np.float32)
        if self.store_optional or self.store_in_background:
            # the same vectors, as the index was built from this cache
            wanted = [self._chunk_texts.get(i, "") for i in ids]
            if all(wanted) and self._cache().has(wanted):
                return unit(self._cache().get(wanted, persist=False))
        try:
            found = self.store.collection.get(ids=ids, include=["embeddings"])
            by_id = dict(zip(found["ids"], found["embeddings"], strict=True))
        except KnowledgeUnavailable:
            raise
        except Exception as exc:
            log.warning("reading vectors from the store failed: %s", exc)
            raise KnowledgeUnavailable(data_text("knowledge_index_unexpected")) from exc
        missing = [i for i in ids if i not in by_id]
        if missing:
            raise KnowledgeUnavailable(data_text("knowledge_index_missing_passages",
                                                 count=len(missing)))
        return unit(np.asarray([by_id[i] for i in ids], dtype=np.float32))

    def _cache(self) -> VectorCache:
        if self._vector_cache is None:
            self._vector_cache = VectorCache(self._vector_cache_path, lambda: self.embedder,
                                             seed=self.seed_path)
        return self._vector_cache

    def _indexing_embedder(self) -> CachedEmbedder:
        """Chunk vectors through the vector cache: from the seed or the data dir when the text
        is known, from the model (loaded only then) when it is new or changed."""
        name = self._embedder.name if self._embedder is not None else self.embedding_model
        return CachedEmbedder(name, self._cache())

    def write_seed(self, path: Path | None = None) -> int:
        """Write the vectors of every indexed text (chunks, headings, sentences, words) of the
        current documents to ``path`` (default: the shipped seed); returns their number."""
        retriever = self.retriever()
        texts = [c.indexed_text for c in self.manifest.load()] + retriever.cached_texts()
        return self._cache().save_as(Path(path or SHIPPED_VECTORS / self._seed_name), texts)

    def _texts(self, texts: list[str]) -> Any:
        try:
            return self._cache().get(texts)
        except KnowledgeUnavailable:
            raise
        except Exception as exc:
            raise KnowledgeUnavailable(data_text("knowledge_embedder_broken")) from exc

    def _transient(self, texts: list[str]) -> Any:
        try:
            return self._cache().transient(texts)
        except Exception as exc:
            raise KnowledgeUnavailable(data_text("knowledge_embedder_broken")) from exc

    def _dense_backend(self) -> Dense:
        return Dense(self._embed_queries, self._chunk_vectors, self._texts, self._transient)

    def _cross(self) -> Any:
        if not self._cross_encoder_loaded:
            self._cross_encoder_loaded = True
            self._cross_encoder = make_cross_encoder(self.reranker_model)
        return self._cross_encoder

    def _new_retriever(self, chunks: list[Chunk]) -> Retriever:
        """A retriever over ``chunks`` with the dense backend (their texts kept, so their
        vectors can be read from the vector cache instead of the store)."""
        self._chunk_texts = {c.chunk_id: c.indexed_text for c in chunks}
        return Retriever(chunks, dense=self._dense_backend(), cross_encoder=self._cross())

    def _load_from_cache(self) -> None:
        """``store_in_background``: when the vector cache (seed or data dir) holds every
        passage of the current documents, load the retriever from it now and bring the store
        (manifest and Chroma) in line in a background thread; otherwise leave it to
        ``ensure_index`` (something must be embedded: a build the first user would wait for)."""
        fresh = collect_chunks(self._directories())
        if not self._cache().has([c.indexed_text for c in fresh]):
            return
        retriever = self._new_retriever(fresh)
        try:
            retriever.prepare()
        except KnowledgeUnavailable as exc:
            log.warning("knowledge vectors not prepared from the cache: %s", exc)
            return
        self._retriever, self._checked = retriever, True
        self._settling = threading.Thread(target=self._settle_store, args=(fresh,),
                                          name="index-settle", daemon=True)

    def start_store_sync(self) -> None:
        """Start the background thread that opens the store and brings it in line (see
        ``store_in_background``), if there is one and it has not started yet.

        Why not at once, when the retriever is loaded from the cache: the thread imports Chroma
        (about a second of CPU), and in the same interpreter that took the GIL from the rest of
        the worker's warm-up (the first search, loading the query model) and delayed readiness
        by about 0.4 s. A server worker starts it after its after-ready steps
        (``bot.channels.api.startup``); until then ``store_pending`` is true."""
        with self._lock:
            if self._settling is not None and self._settling.ident is None:
                self._settling.start()

    def _settle_store(self, fresh: list[Chunk]) -> None:
        """Open the store and, when it or the manifest differs from ``fresh``, sync them (the
        vectors come from the cache: nothing is embedded). A failure is only logged: readiness
        asks the store itself once this is done."""
        try:
            with index_lock(self.manifest.path.parent):
                recorded = {c.chunk_id: c.hash for c in self.manifest.load()}
                if recorded != {c.chunk_id: c.hash for c in fresh} \
                        or self.store.live_count() != len(recorded):
                    sync(fresh, self.manifest, self.store, self._indexing_embedder())
                    self._cache().flush()
        except Exception as exc:  # noqa: BLE001 - KnowledgeUnavailable or a client error
            log.warning("knowledge store not brought in line: %s", exc)

    def store_pending(self) -> bool:
        """Whether the background thread of ``store_in_background`` has yet to open or fill
        the store, or is doing it (this process answers from its own vectors meanwhile)."""
        settling = self._settling
        return settling is not None and (settling.ident is None or settling.is_alive())

    def _loaded(self) -> Retriever:
        with self._lock:
            if self.store_in_background and not self._checked:
                self._load_from_cache()
            self.ensure_index()
            if self._retriever is None:
                self._retriever = self._new_retriever(self.manifest.load())
            return self._retriever

    def retriever(self) -> Retriever:
        """The loaded retriever (builds the index first when needed); for evaluation."""
        return self._loaded()

    def search(self, query: str, k: int = 3, method: str = "hybrid") -> list[Hit]:
        """The k most relevant passages for ``query``; [] when nothing is relevant enough.

        Bad input (not text, an unknown method, k outside 1..50) raises ValueError with a Dutch
        message and changes nothing.
        """
        if not isinstance(query, str):
            raise ValueError(data_text("knowledge_query_not_text"))
        if method not in METHODS:
            raise ValueError(data_text("knowledge_unknown_method", method=method,
                                       choices=", ".join(METHODS)))
        if not isinstance(k, int) or not 1 <= k <= MAX_K:
            raise ValueError(data_text("knowledge_k_range", maximum=MAX_K))
        query = query.strip()[:MAX_QUERY_CHARS]
        if not query:
            return []
        results = self._loaded().search(query, k=k, method=method)
        return [
            Hit(
                chunk_id=r.chunk.chunk_id,
                source=r.section.source,
                title=r.section.title,
                heading=r.section.heading,
                text=r.section.text,
                score=round(r.score, 6),
                confidence=round(r.confidence, 4),
                confident=r.confident,
                twin=r.twin,
            )
            for r in results
        ]

    def as_langchain_retriever(self, k: int = 3, method: str = "hybrid") -> Any:
        """This knowledge base as a LangChain ``BaseRetriever`` (langchain-core imported here)."""
        from knowledge.langchain_retriever import make_langchain_retriever

        return make_langchain_retriever(self, k=k, method=method)
