"""Dutch-aware tokenisation for BM25.

Why not a plain ``split()``: Dutch glues words together ("jeugdzorgcijfers", "vragenlijsten"),
inflects them ("gemeente"/"gemeenten", "cijfer"/"cijfers") and writes accents ("één", "financiën").
A keyword index that ignores this misses the passage a user obviously means. This module lowers,
strips accents, splits on anything that is not a letter or digit (keeping tokens such as "18a" and
"85075ned" whole), maps English field terms to Dutch (knowledge.glossary), drops Dutch and
English stopwords, strips the commonest Dutch suffixes and splits compounds into parts that occur
on their own in the corpus. It needs only the standard library: cheap to import, easy to test.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from knowledge.glossary import translate_tokens

_TOKEN_RE = re.compile(r"[a-z0-9]+")
# A line that cites where a passage comes from ("Bron: ...", "Bronnen: ...; ..."): a citation,
# not content. The documents end every section with one (docs/notes/docs.md).
_SOURCE_LINE = re.compile(r"^[ \t]*(?:Bron|Bronnen|Source|Sources)[ \t]*:", re.IGNORECASE)

_STOPWORD_TEXT = """
    aan al alle alles als altijd andere ben bij daar daarna dan dat de der deze die dit doch doen
    door dus een eens en er ge geen geweest had heb hebben heeft hem het hier hij hoe hun iemand
    iets ik in is ja je jij jouw jullie kan kon kunnen maar me meer men met mij mijn moet moeten na
    naar niet niets nog nu of om omdat onder ons onze ook op over reeds te tegen toch toen tot u uit
    uw van veel voor want waren was wat we wel werd wie wij wil worden wordt zal ze zelf zich zij
    zijn zo zonder zou welke welk waar waarom wanneer hoeveel hierover daarover waarin waarbij
    staat staan vind vinden gaat gaan precies eigenlijk graag kun kunt mag mogen zit zitten
    a an and are as at be by do does for from how i in is it of on or the this to what when where
    which who why with our my we you your can there about into must should would could have has
    get much many find me its their they did been were will than then also not between us
"""
STOPWORDS: frozenset[str] = frozenset(_STOPWORD_TEXT.split())

# Suffixes stripped longest first; each keeps a stem of at least _MIN_STEM letters.
_MIN_STEM = 3
_DOUBLE_CONSONANT = re.compile(r"([bdfgklmnprt])\1$")


def is_source_line(line: str) -> bool:
    """True for a line that starts with "Bron:" / "Bronnen:" (or the English words)."""
    return bool(_SOURCE_LINE.match(line))


def split_sources(text: str) -> tuple[str, str]:
    """(content, source lines) of a passage: every line that opens with "Bron:"/"Bronnen:" is a
    citation. Why apart: a source line is a list of publishers, titles, years and URLs; in the
    keyword index and the embeddings it makes sections that cite the same publication look
    alike, and in an answer it is noise (the citation below the answer names the passage)."""
    content: list[str] = []
    sources: list[str] = []
    for line in text.splitlines():
        (sources if is_source_line(line) else content).append(line)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(content)).strip(), "\n".join(sources).strip()


def strip_sources(text: str) -> str:
    """The passage without its source lines (see ``split_sources``)."""
    return split_sources(text)[0]


def fold(text: str) -> str:
    """Lowercase and strip accents ("Financiën" -> "financien") so spelling variants meet."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    if decomposed.isascii():
        return decomposed
    # the distinct characters are few: look each up once, then drop the marks in one pass
    marks = {ord(ch): None for ch in set(decomposed) if unicodedata.combining(ch)}
    return decomposed.translate(marks) if marks else decomposed


def raw_tokens(text: str) -> list[str]:
    """Split folded text into letter/digit runs; nothing else is removed."""
    return _TOKEN_RE.findall(fold(text))


@functools.lru_cache(maxsize=1 << 16)
def stem(token: str) -> str:
    """Strip common Dutch inflection so singular/plural and -e forms share one stem.

    Deliberately light (no full Snowball): over-stemming merges unrelated words, which hurts a
    small corpus more than an occasional missed plural. Tokens with digits are kept as they are.
    """
    if any(ch.isdigit() for ch in token) or len(token) <= 3:
        return token
    word = token
    if word.endswith("heden") and len(word) - 5 >= _MIN_STEM:
        return word[:-5] + "heid"
    if word.endswith("dt"):  # verb form: "onderscheidt" -> "onderscheid"
        return word[:-1]
    for suffix in ("tjes", "tje", "jes"):
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM + 1:
            word = word[: -len(suffix)]
            break
    else:
        if word.endswith("en") and len(word) - 2 >= _MIN_STEM:
            word = word[:-2]
        elif (word.endswith("s") and word[-2] != "s") or word.endswith("e"):
            word = word[:-1]
    if _DOUBLE_CONSONANT.search(word):
        word = word[:-1]
    return word


def content_terms(text: str) -> list[str]:
    """Stemmed tokens of ``text`` without stopwords or one-letter noise."""
    return list(_content_terms(text))


@functools.lru_cache(maxsize=4096)
def _content_terms(text: str) -> tuple[str, ...]:
    """Memoised: building the retriever reads every section text several times (the BM25
    indexes of texts, of each document, the vocabulary), about half of a start's indexing."""
    out: list[str] = []
    for tok in translate_tokens(raw_tokens(text)):
        if tok in STOPWORDS or (len(tok) < 2 and not tok.isdigit()):
            continue
        out.append(stem(tok))
    return tuple(out)


class Tokenizer:
    """Tokeniser with a compound splitter that knows the corpus' own words.

    A compound is split only into parts that occur as words of their own in the corpus (with an
    optional linking "s" or "e"), so "jeugdzorgcijfers" yields "jeugdzorg" and "cijfer" when the
    documents use those words, while a name like "Amsterdam" is left alone. The compound itself is
    kept too, so an exact match still scores highest.
    """

    MIN_PART = 4
    MIN_COMPOUND = 8

    def __init__(self, vocabulary: Iterable[str] = ()) -> None:
        self.vocabulary: frozenset[str] = frozenset(vocabulary)
        self._cache: dict[str, tuple[str, ...]] = {}

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> Tokenizer:
        """Build the compound dictionary from the stems that occur in ``texts``."""
        vocab: set[str] = set()
        for text in texts:
            vocab.update(content_terms(text))
        return cls(vocab)

    def __call__(self, text: str) -> list[str]:
        out: list[str] = []
        for term in content_terms(text):
            out.append(term)
            out.extend(self.parts(term))
        return out

    def agent_noun(self, word: str) -> str | None:
        """The corpus' person noun of a verb form in a question: "thuiszitten" -> "thuiszitter"
        when the documents use that word. Why: a user asks "Wat is thuiszitten?" about the
        section that defines the thuiszitter; the light stemmer keeps "thuiszit" and
        "thuiszitter" apart (merging every -er noun with its verb would over-stem the index), so
        only a question's infinitive (-en) is linked, and only to a noun the corpus has."""
        if not word.endswith("en") or any(ch.isdigit() for ch in word):
            return None
        for noun in (word[:-2] + "er", stem(word) + "er"):  # "zitten" -> "zitter"; "lopen"
            if noun in self.vocabulary:
                return noun
        return None

    def question(self, text: str) -> list[str]:
        """Tokens of a question: as ``__call__``, plus the person noun of a verb form."""
        out = self(text)
        for tok in translate_tokens(raw_tokens(text)):
            noun = self.agent_noun(tok) if tok not in STOPWORDS else None
            if noun is not None and noun not in out:
                out.append(noun)
        return out

    def parts(self, term: str) -> tuple[str, ...]:
        """The known parts of a compound stem (empty when it is not a compound of known words)."""
        if term not in self._cache:
            self._cache[term] = tuple(self._split(term, depth=2))
        return self._cache[term]

    def _split(self, term: str, depth: int) -> list[str]:
        if depth == 0 or len(term) < self.MIN_COMPOUND or any(c.isdigit() for c in term):
            return []
        # Prefer the longest head so "jeugdzorg|cijfer" wins over "jeugd|zorgcijfer".
        for cut in range(len(term) - self.MIN_PART, self.MIN_PART - 1, -1):
            head, tail = term[:cut], term[cut:]
            head_known = self._known_head(head)
            if head_known is None:
                continue
            tail_stem = stem(tail)
            if tail_stem in self.vocabulary and len(tail_stem) >= self.MIN_PART - 1:
                parts = [head_known, tail_stem]
                parts += self._split(head_known, depth - 1)
                return parts
        return []

    def _known_head(self, head: str) -> str | None:
        candidates = [head]
        if head.endswith(("s", "e")) and len(head) > self.MIN_PART:
            candidates.append(head[:-1])  # linking -s- / -e-: "onderwijs|soort", "kinder|..."
        for cand in candidates:
            known = cand if cand in self.vocabulary else stem(cand)
            if len(known) >= self.MIN_PART and known in self.vocabulary:
                return known
        # a three-letter word with its linking -s-: "wets|artikel", "wets|voorstel"; the -s- is
        # what keeps a chance three letters at the start of a word ("kan|...") from counting
        if len(head) == self.MIN_PART and head.endswith("s") and head[:-1] in self.vocabulary:
            return head[:-1]
        return None

