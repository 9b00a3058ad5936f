"""BM25 keyword search over the chunks, in memory (numpy).

Why our own: the corpus is a few hundred chunks, so a dictionary of postings and numpy arithmetic
answers in well under a millisecond, needs no extra dependency, and lets us also compute *query
coverage* (how much of the question the best passage contains), which the relevance threshold
uses to say "niet gevonden" for questions the documents do not cover.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import numpy as np

from knowledge.textproc import Tokenizer, content_terms


@dataclass(frozen=True)
class KeywordMatch:
    index: int  # position of the chunk in the list the index was built from
    score: float
    coverage: float  # 0..1: idf-weighted share of the question's words found in this chunk


class BM25Index:
    """Okapi BM25 (k1=1.5, b=0.75) with Dutch tokenisation and compound splitting."""

    def __init__(self, texts: list[str], k1: float = 1.5, b: float = 0.75,
                 tokenizer: Tokenizer | None = None) -> None:
        # a shared tokenizer (one compound dictionary for several indexes) lets a caller
        # tokenize a question once for all of them (``scores_tokens``)
        self.tokenizer = tokenizer or Tokenizer.from_texts(texts)
        self.k1, self.b = k1, b
        self.n_docs = len(texts)
        docs = [Counter(self.tokenizer(text)) for text in texts]
        self._term_sets = [set(doc) for doc in docs]
        lengths = np.array([sum(doc.values()) for doc in docs], dtype=float)
        avg = float(lengths.mean()) if len(lengths) else 1.0
        self._norm = k1 * (1 - b + b * lengths / max(avg, 1e-9))
        postings: dict[str, tuple[list[int], list[float]]] = {}
        for i, doc in enumerate(docs):
            for term, tf in doc.items():
                entry = postings.setdefault(term, ([], []))
                entry[0].append(i)
                entry[1].append(float(tf))
        self._postings = {
            t: (np.array(ix, dtype=np.int64), np.array(tf)) for t, (ix, tf) in postings.items()
        }
        self._max_idf = self._idf(0)

    def _idf(self, df: int) -> float:
        return math.log(1 + (self.n_docs - df + 0.5) / (df + 0.5))

    def idf(self, term: str) -> float:
        posting = self._postings.get(term)
        return self._idf(len(posting[0]) if posting else 0)

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every chunk for the query."""
        return self.scores_tokens(self.tokenizer(query))

    def scores_tokens(self, tokens: list[str]) -> np.ndarray:
        """BM25 score of every chunk for a query already tokenized by ``self.tokenizer``."""
        out = np.zeros(self.n_docs)
        for term in set(tokens):
            posting = self._postings.get(term)
            if posting is None:
                continue
            ix, tf = posting
            out[ix] += self.idf(term) * tf * (self.k1 + 1) / (tf + self._norm[ix])
        return out

    def coverage(self, query: str, index: int) -> float:
        """Idf-weighted share of the query's words that chunk ``index`` contains.

        A compound in the question counts as found when its parts are ("jeugdzorgcijfers" is
        covered by a chunk with "jeugdzorg" and "cijfers"); a word unknown to the corpus weighs
        as much as the rarest word, so questions about other subjects get a low coverage.
        """
        terms = self._term_sets[index]
        total = found = 0.0
        for word in dict.fromkeys(content_terms(query)):
            parts = self.tokenizer.parts(word)
            weight = self._coverage_weight(word, parts)
            total += weight
            if word in terms:
                found += weight
            elif parts:
                found += weight * sum(p in terms for p in parts[:2]) / 2
        return found / total if total else 0.0

    def _coverage_weight(self, word: str, parts: tuple[str, ...]) -> float:
        """How much a question word counts in ``coverage``: its idf, else that of its best
        compound part, else as much as the rarest word (an unknown word is a strong cue)."""
        if word in self._postings:
            return self.idf(word)
        if parts:
            return max(self.idf(p) for p in parts[:2])
        return self._max_idf

    def coverage_all(self, query: str) -> np.ndarray:
        """``coverage`` of every chunk at once (the question is tokenized once)."""
        out = np.zeros(self.n_docs)
        total = 0.0
        for word in dict.fromkeys(content_terms(query)):
            parts = self.tokenizer.parts(word)
            weight = self._coverage_weight(word, parts)
            total += weight
            credit = np.zeros(self.n_docs)
            for part in parts[:2]:
                if part in self._postings:
                    credit[self._postings[part][0]] += 0.5
            if word in self._postings:
                credit[self._postings[word][0]] = 1.0
            out += weight * credit
        return out / total if total else out

    def search(self, query: str, n: int) -> list[KeywordMatch]:
        """The n best chunks with a positive score, best first."""
        scores = self.scores(query)
        if not len(scores):
            return []
        order = np.argsort(-scores, kind="stable")[:n]
        return [
            KeywordMatch(int(i), float(scores[i]), self.coverage(query, int(i)))
            for i in order
            if scores[i] > 0
        ]
