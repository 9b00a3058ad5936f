"""What the second retrieval stage knows about a (question, section) pair: a row of numbers.

Why sections and not chunks: the documents are written as question headings with an answer
below, and an answer is cited and composed per section. Every signal is therefore computed per
section (a section split into several chunks takes the best chunk). Why these signals: each one
catches what the others miss. BM25 on the text finds the passage that uses the question's words;
BM25 and a soft word match on the heading find the heading question a user rephrased; embedding
similarity to the text and to the heading carries meaning across other words and English; a
document-local BM25 tells sibling sections of one document apart (where "Monitor AOJ" is in every
section and says nothing); the question word ("wie", "hoe vaak", "waar") and the kind of answer
(a year for "wanneer", figures for "hoeveel") separate headings about one subject. Relative
variants (value minus the best value for this question) let the reranker judge a section against
its competitors rather than on an absolute scale that shifts with the question's length.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from knowledge.bm25 import BM25Index
from knowledge.chunking import Chunk
from knowledge.glossary import translate_tokens
from knowledge.textproc import STOPWORDS, raw_tokens, stem

SOFT_MATCH_MIN = 0.5  # word-embedding cosine below which two different words do not match

FEATURES = (
    "d_text", "d_head", "b_text", "b_head", "s_text", "s_head",
    "d_text_rel", "d_head_rel", "s_text_rel", "s_head_rel", "b_local", "wh", "atype",
)
LEXICAL = ("b_text", "b_head", "s_text", "s_head", "s_text_rel", "s_head_rel", "b_local", "wh",
           "atype")

# Question words, longest first; each maps to the kind of question it opens.
_WH = (
    ("hoe vaak", "freq"), ("how often", "freq"), ("hoe lang", "dur"), ("how long", "dur"),
    ("hoeveel", "num"), ("how many", "num"), ("how much", "num"), ("sinds wanneer", "when"),
    ("wanneer", "when"), ("when", "when"), ("waarom", "why"), ("why", "why"), ("waar", "where"),
    ("where", "where"), ("wie", "who"), ("who", "who"), ("welke", "which"), ("welk", "which"),
    ("which", "which"), ("hoe", "how"), ("how", "how"), ("wat", "what"), ("what", "what"),
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def question_kind(text: str) -> str | None:
    """The kind of question ("who", "when", "num", ...) from its first question word."""
    folded = " " + " ".join(raw_tokens(text)) + " "
    best: tuple[int, str] | None = None
    for phrase, kind in _WH:
        at = folded.find(f" {phrase} ")
        if at >= 0 and (best is None or at < best[0]):
            best = (at, kind)
    return best[1] if best else None


def terms(text: str) -> list[str]:
    """Content words (glossary-translated, no stopwords), unstemmed, for the soft word match."""
    return [t for t in translate_tokens(raw_tokens(text)) if t not in STOPWORDS and len(t) > 1]


@dataclass(frozen=True)
class Section:
    """One heading of one document with its chunks (usually one)."""

    source: str
    title: str
    heading: str  # full heading path as in the chunks ("A > B"), "" for a document's intro
    chunks: tuple[Chunk, ...]

    @property
    def own_heading(self) -> str:
        """The section's own heading (last part of the path), or the title for an intro."""
        return self.heading.split(" > ")[-1].strip() if self.heading else self.title

    @property
    def text(self) -> str:
        return "\n\n".join(c.text for c in self.chunks)

    @property
    def indexed_text(self) -> str:
        """Title and heading path, then the text: what the keyword index sees."""
        return self.chunks[0].indexed_text.split("\n", 1)[0] + "\n" + self.text


def group_sections(chunks: Sequence[Chunk]) -> list[Section]:
    """Chunks grouped by (document, heading path), in reading order."""
    order: dict[tuple[str, str], list[Chunk]] = {}
    for chunk in chunks:
        order.setdefault((chunk.source, chunk.heading), []).append(chunk)
    return [
        Section(source, group[0].title, heading, tuple(group))
        for (source, heading), group in order.items()
    ]


Vectors = Callable[[list[str]], np.ndarray]  # texts -> unit vectors (n x d)


class SectionFeatures:
    """Precomputed per-section data; ``compute`` turns a question into the feature matrix."""

    def __init__(self, sections: list[Section]) -> None:
        self.sections = sections
        n = len(sections)
        self.bm25_text = BM25Index([s.indexed_text for s in sections])
        self.bm25_head = BM25Index([s.own_heading for s in sections])
        self._local: list[tuple[np.ndarray, BM25Index]] = []
        for source in dict.fromkeys(s.source for s in sections):
            idx = np.array([i for i, s in enumerate(sections) if s.source == source])
            self._local.append((idx, BM25Index([sections[i].indexed_text for i in idx])))
        self.text_terms = [set(terms(s.title + " " + s.heading + " " + s.text)) for s in sections]
        self.head_terms = [set(terms(s.own_heading)) for s in sections]
        self._stems_text = [{stem(t) for t in ts} for ts in self.text_terms]
        self._stems_head = [{stem(t) for t in ts} for ts in self.head_terms]
        df: dict[str, int] = {}
        for ts in self.text_terms:
            for t in ts:
                df[t] = df.get(t, 0) + 1
        self._df, self._n = df, max(n, 1)
        self.vocabulary = sorted(set().union(*self.text_terms, *self.head_terms)) if n else []
        self._word_index = {w: i for i, w in enumerate(self.vocabulary)}
        self._text_mask = self._mask(self.text_terms)
        self._head_mask = self._mask(self.head_terms)
        self.kinds = [question_kind(s.own_heading) for s in sections]
        self.has_year = np.array([bool(_YEAR.search(s.text)) for s in sections], dtype=float)
        self.has_figures = np.array([sum(c.isdigit() for c in s.text) > 3 for s in sections],
                                    dtype=float)

    def _mask(self, term_sets: list[set[str]]) -> np.ndarray:
        """sections x vocabulary: True where the section has the word."""
        mask = np.zeros((len(term_sets), len(self.vocabulary)), dtype=bool)
        for j, ts in enumerate(term_sets):
            mask[j, [self._word_index[t] for t in ts]] = True
        return mask

    def idf(self, term: str) -> float:
        df = self._df.get(term, 0)
        return math.log(1 + (self._n - df + 0.5) / (df + 0.5))

    def _soft(self, words: list[str], word_sims: np.ndarray | None, head: bool) -> np.ndarray:
        """Idf-weighted share of the question's words found in each section (exactly, by stem,
        or, with word vectors, by the closest word of the section when it is similar enough)."""
        n = len(self.sections)
        if not words or not n:
            return np.zeros(n)
        weights = np.array([self.idf(w) for w in words])
        sets, stems = (self.head_terms, self._stems_head) if head else \
            (self.text_terms, self._stems_text)
        mask = self._head_mask if head else self._text_mask
        found = np.zeros(n)
        for k, word in enumerate(words):
            root = stem(word)
            exact = np.array([word in sets[j] or root in stems[j] for j in range(n)])
            credit = exact.astype(float)
            if word_sims is not None and mask.shape[1]:
                best = np.where(mask, word_sims[k][None, :], -1.0).max(axis=1)
                credit = np.where(exact, 1.0, np.where(best > SOFT_MATCH_MIN, best, 0.0))
            found += weights[k] * credit
        return found / weights.sum()

    def compute(
        self,
        question: str,
        text_sims: np.ndarray | None,
        head_sims: np.ndarray | None,
        word_sims: np.ndarray | None,
    ) -> np.ndarray:
        """Feature matrix (sections x FEATURES) for ``question``.

        ``text_sims``/``head_sims``: cosine of the question with each section's text / heading;
        ``word_sims``: cosine of each question word (``terms(question)``) with each vocabulary
        word. Any of them None (no embeddings) gives zeros for the dense features.
        """
        n = len(self.sections)
        words = list(dict.fromkeys(terms(question)))
        cols: dict[str, np.ndarray] = {}
        zeros = np.zeros(n)
        cols["d_text"] = text_sims if text_sims is not None else zeros
        cols["d_head"] = head_sims if head_sims is not None else zeros
        cols["b_text"] = _by_max(self.bm25_text.scores(question))
        cols["b_head"] = _by_max(self.bm25_head.scores(question))
        cols["s_text"] = self._soft(words, word_sims, head=False)
        cols["s_head"] = self._soft(words, word_sims, head=True)
        for name in ("d_text", "d_head", "s_text", "s_head"):
            cols[f"{name}_rel"] = cols[name] - (cols[name].max() if n else 0.0)
        local = np.zeros(n)
        for idx, index in self._local:
            local[idx] = index.scores(question)
        cols["b_local"] = _by_max(local)
        kind = question_kind(question)
        cols["wh"] = np.array([1.0 if kind and kind == k else 0.0 for k in self.kinds])
        wants_year = 1.0 if kind == "when" else 0.0
        wants_figures = 1.0 if kind in ("num", "freq") else 0.0
        cols["atype"] = wants_year * self.has_year + wants_figures * self.has_figures
        return np.stack([cols[name] for name in FEATURES], axis=1) if n else np.zeros((0, 13))


def _by_max(scores: np.ndarray) -> np.ndarray:
    """Scores divided by the best one (0..1); all zeros stay zeros."""
    scores = np.maximum(scores, 0.0)
    top = float(scores.max()) if len(scores) else 0.0
    return scores / top if top > 0 else scores


def question_terms(question: str) -> list[str]:
    """The words ``compute`` expects ``word_sims`` rows for, in order."""
    return list(dict.fromkeys(terms(question)))
