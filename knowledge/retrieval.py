"""Two-stage retrieval over sections: candidates by rank fusion, then a reranker and a gate.

Stage one takes the 20 best sections by reciprocal rank fusion (1 / (60 + rank), robust across
scales) of the first rankings (``CANDIDATE_SIGNALS``): BM25 on the text, the heading and the best
sentence, capitalised names, and embedding similarity to the text, the heading question and the
first paragraph. Stage two orders those 20 with the fitted reranker of ``knowledge.rerank`` (or a
configured cross-encoder) over the signals of ``knowledge.features``. Two gates follow. Relatedness
(best keyword coverage + 2 x best text similarity, calibrated on the development questions and
made-up out-of-scope ones) decides whether the question is about the documents at all: below
``related_at`` nothing is found. The confidence (a logistic model of the first place's scores: the
probability that it answers the question) decides whether to answer (``answer_at``) or to say "not
sure" and offer the closest headings; its margin ignores a near-duplicate of the first section (a
"twin": the same definition in another document), which is as good an answer. A question that is
exactly a section's heading (a suggestion button) always finds that section first.

Cost per question: one forward pass of the embedder for the question and its focus words
together, then vector products with vectors loaded once (chunks from the store; headings,
sentences and words from the vector cache) and the keyword indexes, with numpy's BLAS on one
thread: about 14 ms CPU on the shared 2-core machine (``bench/bench_retrieval.py``).

Without embeddings (``method="bm25"``, or the model or vector store is down) the same runs on
the keyword signals with their own fitted weights; ``method="dense"`` is plain embedding
similarity to the passages, kept for comparison.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import numpy as np

from knowledge.chunking import Chunk
from knowledge.errors import KnowledgeUnavailable
from knowledge.features import (
    FEATURES,
    Section,
    focus_text,
    group_sections,
    question_terms,
)
from knowledge.prepared import tables
from knowledge.rerank import CrossEncoderReranker, Model, Rerankers, load_rerankers
from knowledge.textproc import raw_tokens
from knowledge.vectorcache import unit
from prompts.data_texts import data_text

log = logging.getLogger(__name__)

METHODS = ("hybrid", "bm25", "dense")
RRF_K = 60
CANDIDATES = 20
# the first rankings fused into the candidates: keyword matches on the text, the heading and the
# best sentence, capitalised names, and (with embeddings) similarity to text, heading and answer
CANDIDATE_SIGNALS = {
    False: ("b_text", "b_head", "b_sent", "acro", "d_text", "d_head", "d_first"),
    True: ("b_text", "b_head", "b_sent", "acro", "s_text"),
}


def rrf(rankings: Sequence[Sequence[str]], k: int = RRF_K) -> dict[str, float]:
    """Reciprocal rank fusion: sum over rankings of 1 / (k + rank), rank starting at 1."""
    fused: dict[str, float] = {}
    for ranking in rankings:
        for rank, key in enumerate(ranking, start=1):
            fused[key] = fused.get(key, 0.0) + 1.0 / (k + rank)
    return fused


_LIMITER: Any = None


@contextmanager
def single_thread() -> Iterator[None]:
    """Numpy's BLAS on one thread while a question is scored. Why: the matrices are small,
    and a multi-threaded BLAS that must share two busy cores with other processes spends more
    time waiting for its threads than computing (measured: a 5 x 2,500 product took 0.7 ms
    median but 20 ms at p95 with two threads, 1.5 ms at p95 with one)."""
    global _LIMITER
    if _LIMITER is None:
        try:
            from threadpoolctl import ThreadpoolController

            _LIMITER = ThreadpoolController().limit
        except Exception:  # noqa: BLE001 - not installed or no BLAS found: run as it is
            _LIMITER = False
    if not _LIMITER:
        yield
        return
    with _LIMITER(limits=1, user_api="blas"):
        yield


def _normal(text: str) -> str:
    """Case, accents, punctuation and spacing folded, to recognise a heading asked verbatim."""
    return " ".join(raw_tokens(text))


@dataclass(frozen=True)
class Dense:
    """What retrieval needs from the embeddings: query vectors (a batch), the stored vectors of the
    chunks (read once), and (cached) vectors for headings, first paragraphs and words."""

    embed_queries: Callable[[list[str]], Sequence[Sequence[float]]]
    chunk_vectors: Callable[[list[str]], np.ndarray]
    texts: Callable[[list[str]], np.ndarray]
    transient: Callable[[list[str]], np.ndarray]


@dataclass(frozen=True)
class Ranking:
    """The outcome of both stages for one question."""

    sections: list[int]  # indexes into Retriever.sections, best first
    scores: list[float]
    confidence: float  # probability that the first section answers the question
    related: bool  # at or above the gate's lower threshold
    confident: bool  # at or above the threshold for answering
    used_dense: bool
    gate_row: tuple[float, ...] = ()  # the gate's inputs (rerank.GATE_FEATURES), for fitting
    relatedness: float = 0.0  # rerank.Model.related of the question
    coverage: tuple[float, ...] = ()  # keyword coverage of each ranked section


@dataclass(frozen=True)
class Scored:
    """A ranked section: its first chunk (for ids), the whole section, and the gate's verdict
    for the question (the same on every result of one search)."""

    chunk: Chunk
    section: Section
    score: float
    confidence: float
    confident: bool
    coverage: float
    twin: bool = False  # a near-duplicate of the first result (says the same)


class Retriever:
    """Searches one loaded set of chunks."""

    def __init__(
        self,
        chunks: list[Chunk],
        dense: Dense | None,
        rerankers: Rerankers | None = None,
        cross_encoder: CrossEncoderReranker | None = None,
    ) -> None:
        self.chunks = chunks
        self.sections = group_sections(chunks)
        # prepared at install for the shipped documents (``knowledge.prepared``), else built
        self.features, self.twins = tables(self.sections)
        self._dense = dense
        self.rerankers = rerankers or load_rerankers()
        self.cross_encoder = cross_encoder
        section_of = {c.chunk_id: i for i, s in enumerate(self.sections) for c in s.chunks}
        self._chunk_section = np.array([section_of[c.chunk_id] for c in chunks], dtype=np.int64)
        self._chunk_vectors: np.ndarray = np.zeros((0, 0), dtype=np.float32)
        self._by_heading: dict[str, int] = {}
        for i, section in enumerate(self.sections):
            if section.heading:
                self._by_heading.setdefault(_normal(section.own_heading), i)
        self._head_vectors: np.ndarray | None = None
        self._path_vectors: np.ndarray | None = None
        self._focus_vectors: np.ndarray | None = None
        self._first_vectors: np.ndarray | None = None
        self._sentence_vectors: np.ndarray | None = None
        self._word_vectors: np.ndarray | None = None

    # -- signals ---------------------------------------------------------------------------

    def _vectors(self) -> None:
        """Vectors of every chunk (from the vector store) and of every heading, heading path,
        first paragraph, sentence and vocabulary word (from the vector cache: embedded once,
        kept in the data dir), loaded once, never embedded at question time."""
        if self._head_vectors is None:
            f = self.features
            self._chunk_vectors = self._dense.chunk_vectors([c.chunk_id for c in self.chunks])
            self._head_vectors = self._dense.texts(f.heads)
            self._focus_vectors = self._dense.texts(f.focuses)
            self._path_vectors = self._dense.texts(f.paths)
            self._first_vectors = self._dense.texts(f.firsts)
            self._sentence_vectors = self._dense.texts(f.sentences)
            self._word_vectors = self._dense.texts(f.vocabulary)

    def cached_texts(self) -> list[str]:
        """Every text ``prepare`` takes from the vector cache (for a shipped seed)."""
        f = self.features
        return [*f.heads, *f.focuses, *f.paths, *f.firsts, *f.sentences, *f.vocabulary]

    def prepare(self) -> None:
        """Load (embedding once what the cache lacks) every vector a question is compared with;
        raises KnowledgeUnavailable when the store or the model does not answer."""
        if self._dense is not None:
            with single_thread():
                self._vectors()

    def _similarities(self, query: str) -> dict[str, np.ndarray] | None:
        """Cosine similarities of the question with every section's text, heading, heading
        path, first paragraph and sentences, of its focus words with each heading's, and of its
        words with the vocabulary; None when embeddings are unavailable. Two forward passes
        (the question and its focus words); everything else was embedded before."""
        if self._dense is None:
            return None
        try:
            self._vectors()
            q, qf = unit(np.asarray(self._dense.embed_queries([query, focus_text(query)]),
                                    dtype=np.float32))
            words = question_terms(query)
            word_vectors = self._dense.transient(words) if words else None
        except KnowledgeUnavailable as exc:
            log.warning("dense search unavailable, using BM25 only: %s", exc)
            return None
        n = len(self.sections)
        text = np.full(n, -1.0)
        if len(self._chunk_vectors):  # a section's similarity is its best chunk's
            np.maximum.at(text, self._chunk_section, self._chunk_vectors @ q)
        out = {"text_sims": text,
               "head_sims": self._head_vectors @ q if n else np.zeros(0),
               "focus_sims": self._focus_vectors @ qf if n else np.zeros(0),
               "path_sims": self._path_vectors @ q if n else np.zeros(0),
               "first_sims": self._first_vectors @ q if n else np.zeros(0),
               "sentence_sims": self._sentence_vectors @ q if n else np.zeros(0),
               "word_sims": None}
        if word_vectors is not None and self._word_vectors is not None \
                and len(self._word_vectors):
            out["word_sims"] = word_vectors @ self._word_vectors.T
        return out

    # -- ranking ---------------------------------------------------------------------------

    def signals(self, query: str, method: str = "hybrid") -> tuple[np.ndarray, bool]:
        """The feature matrix (sections x FEATURES) and whether it lacks embeddings."""
        with single_thread():
            sims = None if method == "bm25" else self._similarities(query)
            return self.features.compute(query, **(sims or {})), sims is None

    def candidates(self, X: np.ndarray, lexical: bool) -> list[int]:
        """Stage one: the CANDIDATES best sections by rank fusion of the first rankings."""
        rankings = []
        for name in CANDIDATE_SIGNALS[lexical]:
            values = X[:, FEATURES.index(name)]
            order = np.argsort(-values, kind="stable")[:CANDIDATES]
            if name[0] != "d":  # a keyword signal: only sections that have something
                order = order[values[order] > 0]
            rankings.append(order)
        fused = rrf([[int(i) for i in r] for r in rankings])
        if not fused:  # no keyword in common and no embeddings: the gate will say so
            return list(range(min(CANDIDATES, len(X))))
        return sorted(fused, key=lambda i: -fused[i])[:CANDIDATES]

    def gate_inputs(self, X: np.ndarray, coverage: np.ndarray, ranked: list[int],
                    scores: np.ndarray) -> np.ndarray:
        """The gate's row (rerank.GATE_FEATURES) for sections ``ranked`` with ``scores``. The
        margin is to the best section that says something else: a near-duplicate of the first
        one (a definition repeated in another document) is as good an answer, not a doubt."""
        top = ranked[0]
        others = [sc for i, sc in zip(ranked[1:], scores[1:], strict=True)
                  if i not in self.twins[top]]
        margin = float(scores[0] - others[0]) if others else 1.0
        col = FEATURES.index
        return np.array([scores[0], margin, X[top, col("d_text")], X[top, col("d_head")],
                         X[top, col("s_text")], coverage[top]])

    def rank(self, query: str, method: str = "hybrid") -> Ranking:
        """Sections best first (at most CANDIDATES) with their scores and the gate's verdict."""
        X, lexical = self.signals(query, method)
        coverage = self.features.bm25_text.coverage_all(query)
        model: Model = self.rerankers.lexical if lexical else self.rerankers.dense
        candidates = self.candidates(X, lexical)
        scores = model.rank(X[candidates][:, self.rerankers.columns(lexical)])
        order = np.argsort(-scores, kind="stable")
        ranked = [candidates[i] for i in order]
        ranked_scores = scores[order]
        gate_row = self.gate_inputs(X, coverage, ranked, ranked_scores)
        confidence = model.confidence(gate_row)
        d_text = X[:, FEATURES.index("d_text")]
        related_row = np.array([float(coverage[candidates].max()),
                                max(0.0, float(d_text.max())) if not lexical else 0.0])
        relatedness = float(model.related(related_row[None, :])[0])
        if method == "dense" and not lexical:  # plain embedding ranking, for comparison
            ranked = [int(i) for i in np.argsort(-d_text, kind="stable")[:CANDIDATES]]
            ranked_scores = d_text[ranked]
        elif self.cross_encoder is not None:
            ce = self.cross_encoder.scores(query, [self.sections[i].indexed_text for i in ranked])
            reorder = np.argsort(-ce, kind="stable")
            ranked, ranked_scores = [ranked[i] for i in reorder], ce[reorder]
        related = relatedness >= model.related_at
        exact = self._by_heading.get(_normal(query)) if method != "dense" else None
        if exact is not None:  # the heading itself (a suggestion button): that section, surely
            if exact in ranked:
                at = ranked.index(exact)
                ranked_scores = np.concatenate([[ranked_scores[at]], np.delete(ranked_scores, at)])
                ranked.remove(exact)
            else:
                ranked_scores = np.concatenate([[ranked_scores[0]], ranked_scores])
            ranked.insert(0, exact)
            confidence, related = max(confidence, model.answer_at), True
        return Ranking(ranked, [float(x) for x in ranked_scores], confidence, related,
                       related and confidence >= model.answer_at, not lexical,
                       tuple(float(x) for x in gate_row), relatedness,
                       tuple(float(coverage[i]) for i in ranked))

    def search(self, query: str, k: int = 3, method: str = "hybrid") -> list[Scored]:
        """The k best sections for ``query``; [] when the gate finds nothing related."""
        if method not in METHODS:
            raise ValueError(data_text("knowledge_unknown_method", method=method,
                                       choices=", ".join(METHODS)))
        if not self.sections:
            return []
        ranking = self.rank(query, method)
        if not ranking.related:
            return []
        return [
            Scored(self.sections[i].chunks[0], self.sections[i], score, ranking.confidence,
                   ranking.confident, cover, twin=i in self.twins[ranking.sections[0]])
            for i, score, cover in zip(ranking.sections[:k], ranking.scores[:k],
                                       ranking.coverage[:k], strict=True)
        ]
