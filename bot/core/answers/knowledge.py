"""Knowledge answers: the best passages, a short extractive answer, and citations built in code.

The answer is made of sentences copied from the best passage (the ones sharing the most words
with the question), so it cannot say anything the documents do not say; the citations name the
document and section, so the user can check.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from bot.core.messages import Citation, Passage, Reply
from bot.core.understanding.normalize import words
from prompts.loader import templates

logger = logging.getLogger(__name__)

MAX_PASSAGES = 3
MAX_SENTENCES = 3
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])|\n+")
STOP = frozenset(
    ["de", "het", "een", "en", "of", "van", "in", "op", "voor", "met", "te", "aan", "is", "zijn",
     "wat", "hoe", "welke", "welk", "waar", "wie", "wanneer", "waarom", "moet", "moeten", "kan",
     "kunnen", "wordt", "worden", "er", "die", "dat", "dit", "deze", "ik", "je", "we", "wij",
     "mijn", "ons", "onze", "the", "a", "an", "of", "in", "on", "for", "to", "is", "are", "what",
     "how", "which", "where", "who", "why", "when", "do", "does", "can", "i", "we", "our"]
)


def search_passages(kb: Any, query: str, k: int = MAX_PASSAGES) -> list[Passage]:
    """Search the knowledge base; any failure means no passages (logged), never a crash."""
    if kb is None:
        return []
    try:
        hits = kb.search(query, k=k)
        if not hits:
            # a second try on the content words only ("Wie moet er bij het OOGO aanwezig
            # zijn?" -> "OOGO aanwezig"), so function words do not hide a relevant passage
            content = " ".join(w for w in words(query) if w not in STOP and len(w) > 2)
            if content and content != query.lower():
                hits = kb.search(content, k=k)
    except Exception:  # noqa: BLE001
        logger.warning("knowledge search failed", exc_info=True)
        return []
    return [
        Passage(source=h.source, title=getattr(h, "title", "") or "", text=h.text,
                heading=getattr(h, "heading", "") or "", score=float(getattr(h, "score", 0.0)),
                chunk_id=getattr(h, "chunk_id", "") or "")
        for h in hits[:k]
    ]


def extract_answer(question: str, passage: Passage) -> str:
    """The sentences of ``passage`` that share most words with the question, in text order."""
    return _extract(question, passage)[0]


def _extract(question: str, passage: Passage) -> tuple[str, int]:
    """The extractive answer from ``passage`` and the word overlap of its best sentence."""
    asked = {w for w in words(question) if w not in STOP and len(w) > 2}
    text = re.sub(r"^#+\s.*$", "", passage.text, flags=re.MULTILINE)
    text = re.sub(r"^\s*[-*]\s+", "", text, flags=re.MULTILINE)
    sentences = [s.strip() for s in _SENTENCE.split(text) if len(s.strip()) > 20]
    # example questions in a passage ("Hoeveel jongeren ...?") are no answer to a question
    statements = [s for s in sentences if not s.rstrip("\"'”)").endswith("?")]
    sentences = statements or sentences
    if not sentences:
        return passage.text.strip()[:600], 0
    scored = []
    for idx, sentence in enumerate(sentences):
        own = set(words(sentence))
        overlap = sum(1 for w in asked if w in own or any(o.startswith(w[:6]) for o in own
                                                          if len(w) > 6))
        scored.append((overlap, -idx, idx))
    best = sorted(scored, reverse=True)[:MAX_SENTENCES]
    if best[0][0] == 0:
        chosen = [0, 1] if len(sentences) > 1 else [0]
    else:
        chosen = sorted(idx for score, _, idx in best if score > 0 or idx == 0)
    answer = " ".join(sentences[i] for i in chosen[:MAX_SENTENCES])
    return answer[:900], best[0][0]


def to_citation(passage: Passage) -> Citation:
    """How a person cites a passage: document title and section heading."""
    return Citation(source=passage.source, title=passage.title or passage.source,
                    heading=passage.heading or passage.title, text=passage.text)


def citations_of(passages: list[Passage]) -> list[Citation]:
    """One citation per cited section, in order."""
    out: list[Citation] = []
    for passage in passages:
        cite = to_citation(passage)
        if all(c.label != cite.label for c in out):
            out.append(cite)
    return out


def answer_knowledge(question: str, kb: Any, language: str, intent: str = "explain",
                     passages: list[Passage] | None = None) -> Reply:
    """Explain/sources answer, or a clear 'nothing found' when retrieval returns nothing."""
    t = templates()
    found = passages if passages is not None else search_passages(kb, question)
    if not found:
        return Reply(text=t.render("knowledge_none", language), intent="out_of_scope",
                     language=language)
    # answer from the passage that fits the question best: its best sentence plus its heading
    # (ties: retrieval rank), so a list of example questions does not beat the real topic
    def fit(rank_passage: tuple[int, Passage]) -> tuple[int, int]:
        rank, passage = rank_passage
        heading = Passage(source="", title="", text=passage.heading.replace(">", "."))
        return (_extract(question, passage)[1] + _extract(question, heading)[1], -rank)

    best = max(enumerate(found), key=fit)[1]
    answer = _extract(question, best)[0]
    lines = [t.render("knowledge_intro", language, answer=answer)]
    note = t.render("english_note", language)
    if note:
        lines.append(note)
    return Reply(text="\n".join(lines), intent=intent, passages=found,  # type: ignore[arg-type]
                 citations=citations_of(found), language=language)
