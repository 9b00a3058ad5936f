"""What the second retrieval stage knows about a (question, section) pair: a row of numbers.

Why sections and not chunks: the documents are written as question headings with an answer
below, and an answer is cited and composed per section. Every signal is therefore computed per
section (a section split into several chunks takes the best chunk), always on its content
without the source line ("Bron: ..." is a citation). Why these signals: each one catches what the
others miss. BM25 on the text finds the passage that uses the question's words, BM25 on the first
paragraph and on the best sentence the one whose answer or one detail does; BM25 and a soft word
match on the heading (both ways: the question's words in the heading, the heading's words in
the question) find the heading question a user rephrased; embedding similarity to the text, the
heading, the heading's focus words, the heading path, the first paragraph and the best sentence
carries meaning across other words and English; a document-level and a document-local BM25 pick
the document and then tell its sibling sections apart (where "Monitor AOJ" is in every section
and says nothing); capitalised names ("ZAT", "OZA") match case-sensitively; the question word
("wie", "hoe vaak", "waar") and the kind of answer (a year for "wanneer", figures for "hoeveel",
a period for "hoe lang") separate headings about one subject. Relative variants (value minus the
best value for this question) give the gate a scale that does not shift with the question.
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
from knowledge.textproc import STOPWORDS, Tokenizer, fold, raw_tokens, stem, strip_sources

SOFT_MATCH_MIN = 0.5  # word-embedding cosine below which two different words do not match

FEATURES = (
    "d_text", "d_head", "d_focus", "d_path", "d_first", "d_sent", "b_text", "b_head", "b_first",
    "b_sent", "b_doc", "acro", "s_text", "s_head", "s_head_rev", "d_text_rel", "d_head_rel",
    "d_focus_rel", "d_path_rel", "d_first_rel", "d_sent_rel", "s_text_rel", "s_head_rel",
    "s_head_rev_rel", "b_local", "wh", "atype",
)
LEXICAL = ("b_text", "b_head", "b_first", "b_sent", "b_doc", "acro", "s_text", "s_head",
           "s_head_rev", "s_text_rel", "s_head_rel", "s_head_rev_rel", "b_local", "wh", "atype")

# Question words, longest first; each maps to the kind of question it opens.
_WH = (
    ("hoe vaak", "freq"), ("how often", "freq"), ("hoe lang", "dur"), ("how long", "dur"),
    ("hoeveel", "num"), ("how many", "num"), ("how much", "num"), ("sinds wanneer", "when"),
    ("wanneer", "when"), ("when", "when"), ("waarom", "why"), ("why", "why"), ("waar", "where"),
    ("where", "where"), ("wie", "who"), ("who", "who"), ("welke", "which"), ("welk", "which"),
    ("which", "which"), ("hoe", "how"), ("how", "how"), ("wat", "what"), ("what", "what"),
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_DURATION = re.compile(r"\b(?:\d+|een|twee|drie|vier|vijf|zes|acht|tien|twaalf)\s+(?:dag|dagen|"
                       r"week|weken|maand|maanden|jaar|jaren|schooljaar|schooljaren)\b",
                       re.IGNORECASE)
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{1,6}\b")


def acronyms(text: str) -> set[str]:
    """Words written in capitals ("ZAT", "OZA", "EED", "RMC"): names, not words. Matching them
    case-sensitively keeps "ZAT" (zorg- en adviesteam) apart from the verb "zat"."""
    return set(_ACRONYM.findall(text))


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
        """The whole section as written, its source line included (shown when cited)."""
        return "\n\n".join(c.text for c in self.chunks)

    @property
    def content(self) -> str:
        """The section without its source lines: what retrieval and answers use."""
        return strip_sources(self.text)

    @property
    def indexed_text(self) -> str:
        """Title and heading path, then the content: what the keyword index sees."""
        return self.chunks[0].indexed_text.split("\n", 1)[0] + "\n" + self.content


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

_LIST_LINE = re.compile(r"^\s*(?:[-*+\u2022]|\d+[.)])\s+")


def first_block(content: str) -> str:
    """A section's answer as the composer takes it: the first paragraph, with the list that
    follows it (markdown headings skipped). Embedded on its own, it matches a question about
    the section's point better than the whole section, whose later paragraphs wander."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", content)
              if b.strip() and not b.lstrip().startswith("#")]
    if not blocks:
        return ""
    if len(blocks) > 1 and _LIST_LINE.match(blocks[1]):
        return blocks[0] + "\n" + blocks[1]
    return blocks[0]


_SENTENCE_END = re.compile(r"(?<=[.!?:;])\s+(?=[A-Z0-9\"'(\u00c0-\u00dd*])|\n+")


def sentences(content: str) -> list[str]:
    """The sentences and list items of a section (markdown marks kept), four words or more:
    a question about one detail ("hoe lang staat de vragenlijst open?") matches the one
    sentence that answers it better than the whole section."""
    out = []
    for piece in _SENTENCE_END.split(content):
        piece = _LIST_LINE.sub("", piece.strip()).strip()
        if len(piece.split()) >= 4 and not piece.startswith("#"):
            out.append(piece)
    return out


def focus_text(text: str) -> str:
    """The words of a question that carry its subject, in order ("Wat is het doel van de
    monitor?" -> "doel monitor"): compared with a heading's focus words, the embedding looks
    at what is asked about instead of at the shared "Wat is ..." frame."""
    words = re.findall(r"\w[\w-]*", text)
    kept = [w for w in words if fold(w) not in STOPWORDS]
    return " ".join(kept) or text


def heading_path(section: Section) -> str:
    """The heading with its parents ("Hoe zet ik ...? > Stap 1: Inspiratie"), or the title."""
    return section.heading or section.title


TWIN_OVERLAP = 0.5  # Jaccard overlap of first-paragraph words that makes two sections twins


def near_duplicates(sections: list[Section]) -> list[set[int]]:
    """For every section, the other sections whose first paragraph says the same thing.

    Why: the documents repeat a shared definition where it is needed ("Wat betekent NEET?" in
    the glossary and "Wat betekent NEET precies?" with the indicators open with the same
    sentences). Either answers the question, so the gate must not read two such sections
    close together as doubt, and "Meer over" must not offer the same text again. Two sections
    are twins when the content words (stems) of their first paragraphs overlap by at least
    half (Jaccard); on the shipped documents the twins found are 0.52-0.89, the next pair 0.42.
    """
    bags = [{stem(t) for t in terms(first_block(s.content))} for s in sections]
    twins: list[set[int]] = [set() for _ in sections]
    for i, a in enumerate(bags):
        for j in range(i + 1, len(bags)):
            b = bags[j]
            if len(a) >= 8 and len(b) >= 8 and len(a & b) / len(a | b) >= TWIN_OVERLAP:
                twins[i].add(j)
                twins[j].add(i)
    return twins


class _Postings:
    """term -> the sections that have it, for a list of term sets (exact and by stem)."""

    def __init__(self, term_sets: list[set[str]]) -> None:
        exact: dict[str, list[int]] = {}
        stems: dict[str, list[int]] = {}
        for j, ts in enumerate(term_sets):
            for t in ts:
                exact.setdefault(t, []).append(j)
            for st in {stem(t) for t in ts}:
                stems.setdefault(st, []).append(j)
        self.exact = {t: np.array(ix) for t, ix in exact.items()}
        self.stems = {t: np.array(ix) for t, ix in stems.items()}


class SectionFeatures:
    """Precomputed per-section data; ``compute`` turns a question into the feature matrix.

    Everything that depends only on the documents is built here once (tokenized indexes, term
    postings, which vocabulary words each section has), so a question costs a few vector
    operations: the question is tokenized once, and the soft word match takes, per question
    word, the best word of each section with one ``maximum.reduceat`` over flat index arrays.
    """

    def __init__(self, sections: list[Section]) -> None:
        self.sections = sections
        n = len(sections)
        texts = [s.indexed_text for s in sections]
        self.tokenizer = Tokenizer.from_texts(texts)
        self.bm25_text = BM25Index(texts, tokenizer=self.tokenizer)
        self.paths = [heading_path(s) for s in sections]
        self.heads = [s.own_heading for s in sections]
        self.focuses = [focus_text(h) for h in self.heads]
        self.firsts = [first_block(s.content) or s.own_heading for s in sections]
        self.bm25_head = BM25Index(self.paths, tokenizer=self.tokenizer)
        self.sentences: list[str] = []
        owner: list[int] = []
        for i, sec in enumerate(sections):
            found = sentences(sec.content) or [self.firsts[i]]
            self.sentences += found
            owner += [i] * len(found)
        self.sentence_section = np.array(owner, dtype=np.int64)
        self.bm25_sent = BM25Index(self.sentences, tokenizer=self.tokenizer)
        self._doc_of = np.array([list(dict.fromkeys(s.source for s in sections)).index(s.source)
                                 for s in sections], dtype=np.int64)
        self.bm25_first = BM25Index([p + "\n" + f for p, f in zip(self.paths, self.firsts,
                                                                  strict=True)],
                                    tokenizer=self.tokenizer)
        self._local: list[tuple[np.ndarray, BM25Index]] = []
        for source in dict.fromkeys(s.source for s in sections):
            idx = np.array([i for i, s in enumerate(sections) if s.source == source])
            self._local.append((idx, BM25Index([texts[i] for i in idx],
                                               tokenizer=self.tokenizer)))
        self.text_terms = [set(terms(s.title + " " + s.heading + " " + s.content))
                           for s in sections]
        self.head_terms = [set(terms(p)) for p in self.paths]
        df: dict[str, int] = {}
        for ts in self.text_terms:
            for t in ts:
                df[t] = df.get(t, 0) + 1
        self._df, self._n = df, max(n, 1)
        self.vocabulary = sorted(set().union(*self.text_terms, *self.head_terms)) if n else []
        self._word_index = {w: i for i, w in enumerate(self.vocabulary)}
        self._vocab_by_stem: dict[str, list[int]] = {}
        for i, w in enumerate(self.vocabulary):
            self._vocab_by_stem.setdefault(stem(w), []).append(i)
        self._text = (_Postings(self.text_terms), *self._flat(self.text_terms))
        self._head = (_Postings(self.head_terms), *self._flat(self.head_terms))
        flat, offsets, empty = self._head[1:]
        self._head_idf = np.array([self.idf(self.vocabulary[i]) for i in flat]) * \
            ~np.repeat(empty, np.diff(np.append(offsets, len(flat))))
        self._head_idf_sum = np.add.reduceat(self._head_idf, offsets) if len(flat) else \
            np.zeros(n)
        self.acronyms = [acronyms(s.heading + " " + s.content) for s in sections]
        self._acronym_df: dict[str, int] = {}
        for found in self.acronyms:
            for a in found:
                self._acronym_df[a] = self._acronym_df.get(a, 0) + 1
        self.kinds = [question_kind(s.own_heading) for s in sections]
        self.has_year = np.array([bool(_YEAR.search(s.content)) for s in sections], dtype=float)
        self.has_figures = np.array([sum(c.isdigit() for c in s.content) > 3 for s in sections],
                                    dtype=float)
        self.has_duration = np.array([bool(_DURATION.search(s.content)) for s in sections],
                                     dtype=float)

    def _flat(self, term_sets: list[set[str]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(vocabulary indexes of every section's words, one run per section; where each run
        starts; which sections have no words at all)."""
        runs = [sorted(self._word_index[t] for t in ts) or [0] for ts in term_sets]
        offsets = np.cumsum([0] + [len(r) for r in runs[:-1]]) if runs else np.zeros(0, int)
        flat = np.array([i for r in runs for i in r], dtype=np.int64)
        empty = np.array([not ts for ts in term_sets], dtype=bool)
        return flat, offsets.astype(np.int64), empty

    def idf(self, term: str) -> float:
        df = self._df.get(term, 0)
        return math.log(1 + (self._n - df + 0.5) / (df + 0.5))

    def _soft(self, words: list[str], word_sims: np.ndarray | None, head: bool) -> np.ndarray:
        """Idf-weighted share of the question's words found in each section (exactly, by stem,
        or, with word vectors, by the closest word of the section when it is similar enough)."""
        n = len(self.sections)
        if not words or not n:
            return np.zeros(n)
        postings, flat, offsets, empty = self._head if head else self._text
        weights = np.array([self.idf(w) for w in words])
        found = np.zeros(n)
        for k, word in enumerate(words):
            credit = np.zeros(n)
            if word_sims is not None and len(flat):
                best = np.maximum.reduceat(word_sims[k][flat], offsets)
                credit = np.where((best > SOFT_MATCH_MIN) & ~empty, best, 0.0)
            noun = self.tokenizer.agent_noun(word)
            for ix in (postings.exact.get(word), postings.stems.get(stem(word)),
                       postings.stems.get(noun) if noun else None):
                if ix is not None:
                    credit[ix] = 1.0
            found += weights[k] * credit
        return found / weights.sum()

    def _acronym_match(self, question: str) -> np.ndarray:
        """Idf-weighted share of the question's capitalised names that each section has."""
        asked = acronyms(question)
        n = len(self.sections)
        if not asked:
            return np.zeros(n)
        weights = {a: math.log(1 + (self._n - self._acronym_df.get(a, 0) + 0.5) /
                               (self._acronym_df.get(a, 0) + 0.5)) for a in asked}
        total = sum(weights.values())
        return np.array([sum(w for a, w in weights.items() if a in found) / total
                         for found in self.acronyms])

    def _per_section(self, values: np.ndarray) -> np.ndarray:
        """The best value of each section's sentences."""
        out = np.full(len(self.sections), -1.0 if values.min(initial=0.0) < 0 else 0.0)
        np.maximum.at(out, self.sentence_section, values)
        return out

    def _per_document(self, values: np.ndarray, top: int = 3) -> np.ndarray:
        """The mean of the ``top`` best values in each section's document: how much the whole
        document is about the question (picks the document; the section signals pick within)."""
        out = np.zeros(len(self.sections))
        for d in range(int(self._doc_of.max()) + 1 if len(self._doc_of) else 0):
            members = self._doc_of == d
            out[members] = np.sort(values[members])[::-1][:top].mean()
        return out

    def _soft_reverse(self, words: list[str], word_sims: np.ndarray | None) -> np.ndarray:
        """Idf-weighted share of each heading's words that the question has (exactly, by stem,
        or by a similar enough word): the other direction of ``_soft``. A heading with
        specifics the question does not ask about ("Wat betekent NEET precies?" against "Wat is
        NEET?") scores lower than one the question covers."""
        n = len(self.sections)
        flat, offsets, _ = self._head[1:]
        if not words or not n or not len(flat):
            return np.zeros(n)
        credit = np.zeros(len(self.vocabulary))
        if word_sims is not None and word_sims.shape[1]:
            best = word_sims.max(axis=0)
            credit = np.where(best > SOFT_MATCH_MIN, best, 0.0)
        for w in words:
            at = self._word_index.get(w)
            if at is not None:
                credit[at] = 1.0
            credit[self._vocab_by_stem.get(stem(w), [])] = 1.0
            noun = self.tokenizer.agent_noun(w)
            if noun:
                credit[self._vocab_by_stem.get(noun, [])] = 1.0
        got = np.add.reduceat(self._head_idf * credit[flat], offsets)
        return np.divide(got, self._head_idf_sum, out=np.zeros(n), where=self._head_idf_sum > 0)

    def compute(
        self,
        question: str,
        text_sims: np.ndarray | None = None,
        head_sims: np.ndarray | None = None,
        word_sims: np.ndarray | None = None,
        path_sims: np.ndarray | None = None,
        first_sims: np.ndarray | None = None,
        sentence_sims: np.ndarray | None = None,
        focus_sims: np.ndarray | None = None,
    ) -> np.ndarray:
        """Feature matrix (sections x FEATURES) for ``question``.

        ``text_sims``/``head_sims``/``path_sims``/``first_sims``: cosine of the question with
        each section's text / own heading / heading path / first paragraph;
        ``sentence_sims``: with each of ``self.sentences``; ``focus_sims``: of the question's
        focus words with each heading's (``focus_text``); ``word_sims``:
        cosine of each question word (``question_terms``) with each vocabulary word. Any of
        them None (no embeddings) gives zeros for those features.
        """
        n = len(self.sections)
        if not n:
            return np.zeros((0, len(FEATURES)))
        words = question_terms(question)
        tokens = self.tokenizer.question(question)
        cols: dict[str, np.ndarray] = {}
        zeros = np.zeros(n)
        cols["d_text"] = text_sims if text_sims is not None else zeros
        cols["d_head"] = head_sims if head_sims is not None else zeros
        cols["d_focus"] = focus_sims if focus_sims is not None else zeros
        cols["d_path"] = path_sims if path_sims is not None else cols["d_head"]
        cols["d_first"] = first_sims if first_sims is not None else zeros
        cols["d_sent"] = self._per_section(sentence_sims) if sentence_sims is not None else zeros
        cols["b_sent"] = _by_max(self._per_section(self.bm25_sent.scores_tokens(tokens)))
        cols["b_text"] = _by_max(self.bm25_text.scores_tokens(tokens))
        cols["b_head"] = _by_max(self.bm25_head.scores_tokens(tokens))
        cols["s_text"] = self._soft(words, word_sims, head=False)
        cols["s_head"] = self._soft(words, word_sims, head=True)
        cols["s_head_rev"] = self._soft_reverse(words, word_sims)
        cols["b_first"] = _by_max(self.bm25_first.scores_tokens(tokens))
        cols["b_doc"] = self._per_document(cols["b_text"])
        cols["acro"] = self._acronym_match(question)
        for name in ("d_text", "d_head", "d_focus", "d_path", "d_first", "d_sent", "s_text",
                     "s_head", "s_head_rev"):
            cols[f"{name}_rel"] = cols[name] - cols[name].max()
        local = np.zeros(n)
        for idx, index in self._local:
            local[idx] = index.scores_tokens(tokens)
        cols["b_local"] = _by_max(local)
        kind = question_kind(question)
        cols["wh"] = np.array([1.0 if kind and kind == k else 0.0 for k in self.kinds])
        # the kind of answer asked for: a year ("wanneer"), figures ("hoeveel"), a period
        # ("hoe lang", "hoe vaak": "vier jaar", "zes weken")
        wants_year = 1.0 if kind == "when" else 0.0
        wants_figures = 1.0 if kind in ("num", "freq") else 0.0
        wants_duration = 1.0 if kind in ("dur", "freq") else 0.0
        cols["atype"] = (wants_year * self.has_year + wants_figures * self.has_figures
                         + wants_duration * self.has_duration)
        return np.stack([cols[name] for name in FEATURES], axis=1)


def _by_max(scores: np.ndarray) -> np.ndarray:
    """Scores divided by the best one (0..1); all zeros stay zeros."""
    scores = np.maximum(scores, 0.0)
    top = float(scores.max()) if len(scores) else 0.0
    return scores / top if top > 0 else scores


def question_terms(question: str) -> list[str]:
    """The words ``compute`` expects ``word_sims`` rows for, in order."""
    return list(dict.fromkeys(terms(question)))
