"""Words of the assistant's own documents that no figure question uses ("instemmingsrecht",
"opr", "toelaatbaarheidsverklaring", "geschillencommissie").

Why: right after a figure answer the intent model leans on the context, so "Heeft het
samenwerkingsverband OPR instemmingsrecht?" was read as "and the samenwerkingsverband?" and
answered with a comparison. A message that names nothing of a figure (no indicator, place, year,
category or kind of computation) but uses a word that only the documents use is about how things
work. The words are computed from the data, not listed: every word of three letters or more of
the knowledge documents and the regioscan, minus every word of the figure questions (and their
context) in the training corpus and the lexicon's keywords. So a word that a figure follow-up
can use ("samenwerkingsverband", "gemeente", "scoort") never counts, and neither does an
inflection of it ("samenwerkingsverbanden", "aantallen", "anderen"): the corpus holds only some
forms of the words a follow-up uses. Read once, in the worker's warm-up
(``Services.load_for_first_turn``) or else on the first message that needs it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from bot.core.understanding.normalize import fold
from bot.core.understanding.prefix_scan import re_compile

_WORD = re_compile(r"[a-z]{3,}")


def document_texts() -> list[str]:
    """The knowledge documents and the regioscan, as text: what the assistant can talk about
    (also the intent model's vocabulary flag, ``train.document_vocabulary``)."""
    import knowledge

    base = Path(knowledge.__file__).resolve().parent
    texts = [p.read_text(encoding="utf-8") for p in sorted((base / "docs").glob("*.md"))]
    texts.append((base / "regioscan.yaml").read_text(encoding="utf-8"))
    return texts


@lru_cache(maxsize=1)
def _knowledge_only() -> frozenset[str]:
    from bot.core.understanding.corpus import TRAIN, load
    from bot.core.understanding.lexicon import KEYWORDS
    from bot.core.understanding.reading import FUNCTION_WORDS

    documents = {w for text in document_texts() for w in _WORD.findall(fold(text))}
    figure: set[str] = set(KEYWORDS) | FUNCTION_WORDS
    for example in load(TRAIN):
        if example.intent == "figure":
            for text in [example.text, *example.context]:
                figure |= set(_WORD.findall(fold(text)))
    return frozenset(w for w in documents - figure if not _form_of(w, figure))


_INFLECTION = 3  # letters a plural or other inflection adds: "aantal" -> "aantallen"


def _form_of(word: str, figure: set[str]) -> bool:
    """Whether ``word`` is an inflection of a figure word: it starts with one and adds at most a
    few letters. (Not compounds: "instemmingsrecht" must stay a word of the documents.)"""
    return any(word[:n] in figure for n in range(max(3, len(word) - _INFLECTION), len(word)))


def knowledge_only_words(folded: str) -> list[str]:
    """The words of ``folded`` (a folded message) that only the documents use."""
    words = _knowledge_only()
    return [w for w in _WORD.findall(folded) if w in words]
