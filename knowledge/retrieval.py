"""Two-stage retrieval over sections: candidates by rank fusion, then a reranker and a gate.

Stage one takes the 20 best sections by reciprocal rank fusion (1 / (60 + rank), robust across
scales) of three rankings: BM25 on the text, embedding similarity to the text and embedding
similarity to the heading question. Stage two orders those 20 with the fitted reranker of
``knowledge.rerank`` (or a configured cross-encoder) over the signals of ``knowledge.features``.
Two gates follow. Relatedness (best keyword coverage + 2 x best text similarity, calibrated on
the development questions and made-up out-of-scope ones) decides whether the question is about
the documents at all: below ``related_at`` nothing is found. The confidence (a logistic model of
the first place's scores: the probability that it answers the question) decides whether to
answer (``answer_at``) or to say "not sure" and offer the closest headings. A question that is
exactly a section's heading (a suggestion button) always finds that section first.

Without embeddings (``method="bm25"``, or the model or vector store is down) the same runs on
the keyword signals with their own fitted weights; ``method="dense"`` is plain embedding
similarity to the passages, kept for comparison.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from knowledge.chunking import Chunk
from knowledge.errors import KnowledgeUnavailable
from knowledge.features import FEATURES, Section, SectionFeatures, group_sections, question_terms
from knowledge.rerank import CrossEncoderReranker, Model, Rerankers, load_rerankers
from knowledge.textproc import raw_tokens
from knowledge.vectorcache import unit
from knowledge.vectorstore import DenseMatch

log = logging.getLogger(__name__)

METHODS = ("hybrid", "bm25", "dense")
RRF_K = 60
CANDIDATES = 20


def rrf(rankings: Sequence[Sequence[str]], k: int = RRF_K) -> dict[str, float]:
    """Reciprocal rank fusion: sum over rankings of 1 / (k + rank), rank starting at 1."""
    fused: dict[str, float] = {}
    for ranking in rankings:
        for rank, key in enumerate(ranking, start=1):
            fused[key] = fused.get(key, 0.0) + 1.0 / (k + rank)
    return fused


def _normal(text: str) -> str:
    """Case, accents, punctuation and spacing folded, to recognise a heading asked verbatim."""
    return " ".join(raw_tokens(text))


@dataclass(frozen=True)
class Dense:
    """What retrieval needs from the embeddings: a query vector, the store's similarities for
    every chunk, and (cached) vectors for headings and words."""

    embed_query: Callable[[str], Sequence[float]]
    query: Callable[[Sequence[float], int], list[DenseMatch]]
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
        self.features = SectionFeatures(self.sections)
        self._dense = dense
        self.rerankers = rerankers or load_rerankers()
        self.cross_encoder = cross_encoder
        self._section_of = {c.chunk_id: i for i, s in enumerate(self.sections) for c in s.chunks}
        self._by_heading: dict[str, int] = {}
        for i, section in enumerate(self.sections):
            if section.heading:
                self._by_heading.setdefault(_normal(section.own_heading), i)
        self._head_vectors: np.ndarray | None = None
        self._word_vectors: np.ndarray | None = None

    # -- signals ---------------------------------------------------------------------------

    def _similarities(self, query: str) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
        """(text, heading, word) similarities, or None when embeddings are unavailable."""
        if self._dense is None:
            return None
        try:
            if self._head_vectors is None:
                self._head_vectors = self._dense.texts([s.own_heading for s in self.sections])
                self._word_vectors = self._dense.texts(self.features.vocabulary)
            q = unit(np.asarray([self._dense.embed_query(query)], dtype=np.float32))[0]
            matches = self._dense.query(q.tolist(), len(self.chunks))
        except KnowledgeUnavailable as exc:
            log.warning("dense search unavailable, using BM25 only: %s", exc)
            return None
        text = np.full(len(self.sections), -1.0)
        for m in matches:
            i = self._section_of.get(m.chunk_id)
            if i is not None:
                text[i] = max(text[i], m.similarity)
        head = self._head_vectors @ q if len(self.sections) else np.zeros(0)
        words = question_terms(query)
        word_sims = (self._dense.transient(words) @ self._word_vectors.T if words and
                     self._word_vectors is not None and len(self._word_vectors) else None)
        return text, head, word_sims  # type: ignore[return-value]

    def _coverage(self, query: str, i: int) -> float:
        return self.features.bm25_text.coverage(query, i)

    # -- ranking ---------------------------------------------------------------------------

    def signals(self, query: str, method: str = "hybrid") -> tuple[np.ndarray, bool]:
        """The feature matrix (sections x FEATURES) and whether it lacks embeddings."""
        sims = None if method == "bm25" else self._similarities(query)
        text, head, words = sims if sims is not None else (None, None, None)
        return self.features.compute(query, text, head, words), text is None

    def rank(self, query: str, method: str = "hybrid") -> Ranking:
        """Sections best first (at most CANDIDATES) with their scores and the gate's verdict."""
        X, lexical = self.signals(query, method)
        col = {name: X[:, i] for i, name in enumerate(FEATURES)}
        text = None if lexical else col["d_text"]
        model: Model = self.rerankers.lexical if lexical else self.rerankers.dense
        rankings = [np.argsort(-col["b_text"], kind="stable")]
        if lexical:
            rankings += [np.argsort(-col["b_head"], kind="stable"),
                         np.argsort(-col["s_text"], kind="stable")]
        else:
            rankings += [np.argsort(-col["d_text"], kind="stable"),
                         np.argsort(-col["d_head"], kind="stable")]
        fused = rrf([[int(i) for i in r[:CANDIDATES]] for r in rankings])
        candidates = sorted(fused, key=lambda i: -fused[i])[:CANDIDATES]
        scores = model.rank(X[candidates][:, self.rerankers.columns(lexical)])
        order = np.argsort(-scores, kind="stable")
        ranked = [candidates[i] for i in order]
        ranked_scores = scores[order]
        top = ranked[0]
        margin = float(ranked_scores[0] - ranked_scores[1]) if len(ranked) > 1 else 1.0
        gate_row = np.array([ranked_scores[0], margin, col["d_text"][top], col["d_head"][top],
                             col["s_text"][top], self._coverage(query, top)])
        confidence = model.confidence(gate_row)
        related_row = np.array([max(self._coverage(query, i) for i in candidates),
                                max(0.0, float(col["d_text"].max())) if not lexical else 0.0])
        relatedness = float(model.related(related_row[None, :])[0])
        if method == "dense" and text is not None:  # plain embedding ranking, for comparison
            ranked = [int(i) for i in np.argsort(-text, kind="stable")[:CANDIDATES]]
            ranked_scores = text[ranked]
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
                       tuple(float(x) for x in gate_row), relatedness)

    def search(self, query: str, k: int = 3, method: str = "hybrid") -> list[Scored]:
        """The k best sections for ``query``; [] when the gate finds nothing related."""
        if method not in METHODS:
            raise ValueError(f"Onbekende zoekmethode '{method}': kies uit {', '.join(METHODS)}.")
        if not self.sections:
            return []
        ranking = self.rank(query, method)
        if not ranking.related:
            return []
        return [
            Scored(self.sections[i].chunks[0], self.sections[i], score, ranking.confidence,
                   ranking.confident, self._coverage(query, i))
            for i, score in zip(ranking.sections[:k], ranking.scores[:k], strict=True)
        ]
