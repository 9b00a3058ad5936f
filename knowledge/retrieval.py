"""Hybrid retrieval: BM25 and dense search fused with reciprocal rank fusion, plus a relevance gate.

Why RRF: BM25 scores and cosine similarities live on different scales; fusing ranks (1 / (60 +
rank)) needs no tuning and is robust. Why a gate: a ranking always has a first place, even for
"Wie won het WK voetbal?". A passage is only returned when it is relevant on its own terms: enough
of the question's words occur in it (coverage) or its meaning is close enough (cosine similarity).
The thresholds were calibrated on the dev questions, a held-out set of paraphrases and made-up
out-of-scope questions (see ``THRESHOLDS`` and bench/bench_retrieval.py).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from knowledge.bm25 import BM25Index
from knowledge.chunking import Chunk
from knowledge.errors import KnowledgeUnavailable
from knowledge.vectorstore import DenseMatch

log = logging.getLogger(__name__)

METHODS = ("hybrid", "bm25", "dense")
RRF_K = 60
CANDIDATES = 20


@dataclass(frozen=True)
class Thresholds:
    """When a question counts as covered by the documents at all.

    With embeddings the question's relevance is ``best coverage + similarity_weight * best
    similarity``: coverage is the idf-weighted share of the question's words found in a passage
    (0..1), similarity the cosine of question and passage embeddings (USE: about 0.1-0.25 for
    unrelated text, 0.3-0.6 for a matching passage). A strong keyword match or a close meaning
    can carry a question; two weak signals together cannot. Without embeddings (BM25 only, or the
    vector store is down) only coverage counts. The gate is per question, not per passage: a
    paraphrase often shares few words with the right passage, yet the question as a whole is
    clearly in scope. Calibration (the dev questions plus
    tests/knowledge_base/data/heldout.jsonl: 27
    held-out paraphrases, 5 of them English, and 18 made-up out-of-scope questions; 39 in scope,
    20 out of scope): out-of-scope questions reached at most 0.76 relevance and 0.34 coverage,
    in-scope questions at least 1.07 and 0.29; 0.9 sits in the gap. BM25 alone cannot separate
    as cleanly; 0.4 errs on the side of "niet gevonden".
    """

    min_relevance: float = 0.9
    similarity_weight: float = 2.0
    min_coverage_keyword_only: float = 0.4


THRESHOLDS = Thresholds()


@dataclass(frozen=True)
class Scored:
    chunk: Chunk
    score: float
    coverage: float
    similarity: float | None


def rrf(rankings: Sequence[Sequence[str]], k: int = RRF_K) -> dict[str, float]:
    """Reciprocal rank fusion: sum over rankings of 1 / (k + rank), rank starting at 1."""
    fused: dict[str, float] = {}
    for ranking in rankings:
        for rank, key in enumerate(ranking, start=1):
            fused[key] = fused.get(key, 0.0) + 1.0 / (k + rank)
    return fused


DenseSearch = Callable[[str, int], list[DenseMatch]]


class Retriever:
    """Searches one loaded set of chunks with BM25, dense search, or both."""

    def __init__(
        self,
        chunks: list[Chunk],
        dense: DenseSearch | None,
        thresholds: Thresholds = THRESHOLDS,
    ) -> None:
        self.chunks = chunks
        self.bm25 = BM25Index([c.indexed_text for c in chunks])
        self._dense = dense
        self._position = {c.chunk_id: i for i, c in enumerate(chunks)}
        self.thresholds = thresholds

    def _dense_matches(self, query: str) -> list[DenseMatch] | None:
        if self._dense is None:
            return None
        try:
            return [m for m in self._dense(query, CANDIDATES) if m.chunk_id in self._position]
        except KnowledgeUnavailable as exc:
            log.warning("dense search unavailable, using BM25 only: %s", exc)
            return None

    def _relevant(self, coverage: float, similarity: float | None) -> bool:
        t = self.thresholds
        if similarity is None:
            return coverage >= t.min_coverage_keyword_only
        return coverage + t.similarity_weight * similarity >= t.min_relevance

    def search(self, query: str, k: int = 3, method: str = "hybrid") -> list[Scored]:
        """The k best relevant chunks for ``query``; [] when none passes the relevance gate."""
        if method not in METHODS:
            raise ValueError(f"Onbekende zoekmethode '{method}': kies uit {', '.join(METHODS)}.")
        if not self.chunks:
            return []
        keyword = self.bm25.search(query, CANDIDATES) if method != "dense" else []
        dense = self._dense_matches(query) if method != "bm25" else None
        if method == "dense" and dense is None:
            keyword = self.bm25.search(query, CANDIDATES)  # degraded: still answer
        similarity = {m.chunk_id: m.similarity for m in dense or []}
        if dense and keyword:
            fused = rrf(
                [[self.chunks[m.index].chunk_id for m in keyword], [m.chunk_id for m in dense]]
            )
        elif dense:
            fused = {m.chunk_id: m.similarity for m in dense}
        else:
            fused = {self.chunks[m.index].chunk_id: m.score for m in keyword}
        coverage = {self.chunks[m.index].chunk_id: m.coverage for m in keyword}
        ranked = sorted(fused.items(), key=lambda kv: -kv[1])[:k]
        for chunk_id, _ in ranked:
            if chunk_id not in coverage:
                coverage[chunk_id] = self.bm25.coverage(query, self._position[chunk_id])
        best_similarity = max(similarity.values()) if similarity else None
        if not self._relevant(max(coverage.values(), default=0.0), best_similarity):
            return []
        return [
            Scored(
                self.chunks[self._position[cid]], score, coverage[cid], similarity.get(cid)
            )
            for cid, score in ranked
        ]
