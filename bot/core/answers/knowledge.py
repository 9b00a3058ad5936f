"""Knowledge answers: one section's own text, cited once by document title and heading.

Why whole passages: sentences picked from several passages read as a collage (a list that ends
on ";", "die datum" without the date, a definition from one place and a formula from another).
The answer is therefore the best section's first paragraph, or that paragraph with the whole list
it introduces (or a short first paragraph, the one that announces a list, and the list), up to a
length cap, cut only after a sentence or a list item, never from two
sections. When the search is not confident enough the assistant says so and offers the closest
headings as buttons; a strong second section with another heading is offered as "Meer over: ...".
A button's value is that heading as a question, which finds that section first.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from bot.core.messages import Button, Citation, Intent, Passage, Reply
from knowledge.sureness import SURE_AT
from knowledge.textproc import is_source_line
from prompts.loader import templates

logger = logging.getLogger(__name__)

MAX_PASSAGES = 3
MAX_CHARS = 900  # cap for paragraphs; a list is kept whole up to MAX_LIST_CHARS
MAX_LIST_CHARS = 1600
# a second section within this many reranker points is "also strong": the reranker is a softmax
# over the candidates, so 1.5 points means at least a fifth of the first one's probability
SECOND_MARGIN = 1.5
SUGGESTIONS = 3
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]?\s+(?=[A-Z0-9\"'(À-Ý])")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+")
_HEADING_LINE = re.compile(r"^#{1,6}\s")
_CONNECTIVE = re.compile(
    r"^(?:en|maar|of|dus|toch|ook|daarom|daarnaast|bovendien|verder|want|omdat|zoals|"
    r"and|but|so|also)\b[\s,]*", re.IGNORECASE)


def search_hits(kb: Any, query: str, k: int = MAX_PASSAGES) -> list[Any]:
    """The knowledge base's hits; any failure means none (logged), never a crash."""
    if kb is None:
        return []
    try:
        return list(kb.search(query, k=k))
    except Exception:  # noqa: BLE001
        logger.warning("knowledge search failed", exc_info=True)
        return []


def to_passage(hit: Any) -> Passage:
    return Passage(source=hit.source, title=getattr(hit, "title", "") or "", text=hit.text,
                   heading=getattr(hit, "heading", "") or "", score=float(getattr(hit, "score",
                                                                                   0.0)),
                   chunk_id=getattr(hit, "chunk_id", "") or "")


def search_passages(kb: Any, query: str, k: int = MAX_PASSAGES) -> list[Passage]:
    """Search the knowledge base and return passages (for callers that quote a topic)."""
    return [to_passage(h) for h in search_hits(kb, query, k)]


def own_heading(heading: str) -> str:
    """The section's own heading: the last part of a path "A > B"."""
    return heading.split(" > ")[-1].strip()


def _blocks(text: str) -> list[str]:
    """Paragraphs and lists of a section, in order (sub-headings and source lines dropped: the
    citation below the answer names the passage)."""
    lines = [ln for ln in text.splitlines()
             if not _HEADING_LINE.match(ln) and not is_source_line(ln)]
    return [b.strip() for b in re.split(r"\n\s*\n", "\n".join(lines)) if b.strip()]


def _is_list(block: str) -> bool:
    return all(_LIST_ITEM.match(ln) or ln.startswith((" ", "\t")) for ln in block.splitlines()
               if ln.strip()) and bool(_LIST_ITEM.match(block))


def _plain(text: str) -> str:
    """Markdown emphasis and code marks removed; list markers kept."""
    text = re.sub(r"\*\*(.+?)\*\*", r"\1", text)
    text = re.sub(r"(?<!\w)\*(?!\s)(.+?)(?<!\s)\*(?!\w)", r"\1", text)
    return text.replace("`", "")


def _cut_sentences(paragraph: str, cap: int) -> str:
    """The paragraph up to ``cap`` characters, cut after a whole sentence."""
    if len(paragraph) <= cap:
        return paragraph
    out = ""
    for sentence in _SENTENCE_END.split(paragraph):
        candidate = f"{out} {sentence}".strip()
        if len(candidate) > cap and out:
            break
        out = candidate
    return out


def _cut_list(items: list[str], cap: int) -> list[str]:
    kept: list[str] = []
    for item in items:
        if kept and len("\n".join(kept + [item])) > cap:
            break
        kept.append(item)
    return kept


def compose(passage_text: str) -> str:
    """The answer from one section: its first paragraph, plus the whole list that follows it
    when the paragraph introduces one (or the section starts with one), within the caps."""
    blocks = _blocks(passage_text)
    if not blocks:
        return ""
    first = _CONNECTIVE.sub("", blocks[0].lstrip(":;,- ")).strip()
    first = first[:1].upper() + first[1:]
    if _is_list(first):
        items = first.splitlines()
        return _plain("\n".join(_cut_list(items, MAX_LIST_CHARS)))
    intro = blocks[1] if len(blocks) > 1 and _is_list(blocks[1]) else None
    if intro is not None and (first.rstrip().endswith(":") or len(first) < 400):
        items = [ln for ln in intro.splitlines() if ln.strip()]
        head = _cut_sentences(first, MAX_CHARS // 2)
        if first.rstrip().endswith(":"):
            head = first  # the sentence that announces the list belongs to it
        return _plain(head + "\n" + "\n".join(_cut_list(items, MAX_LIST_CHARS)))
    announced = blocks[2] if len(blocks) > 2 and _is_list(blocks[2]) else None
    second = blocks[1] if len(blocks) > 1 else ""
    if announced is not None and second.rstrip().endswith(":") \
            and len(first) + len(second) <= MAX_CHARS:
        # a short opening, then the sentence that announces the list ("... in zes stappen:"):
        # the list is what the section is about, so it comes with the two paragraphs
        items = [ln for ln in announced.splitlines() if ln.strip()]
        return _plain(first + "\n\n" + second + "\n" + "\n".join(_cut_list(items,
                                                                             MAX_LIST_CHARS)))
    paragraph = _cut_sentences(first, MAX_CHARS)
    if paragraph.rstrip().endswith(":"):  # a colon with nothing after it: drop that sentence
        sentences = _SENTENCE_END.split(paragraph)
        paragraph = " ".join(sentences[:-1]) or paragraph.rstrip(":") + "."
    return _plain(paragraph)


def answer_besides(question: str, kb: Any, language: str, intent: Intent,
                   taken: list[Passage]) -> Reply | None:
    """The answer to the second of two questions asked together, from the best of its first
    two sections that is not already ``taken`` by the first (its own words often find the
    first's section again: "hoe lees je het? (relatief risico berekend)"). Said with the
    hedge unless that section was its sure first hit; None when there is none."""
    hits = search_hits(kb, question)
    headings = {own_heading(p.heading) for p in taken}
    fresh = [h for h in hits[:2] if own_heading(getattr(h, "heading", "") or "") not in headings]
    if not fresh:
        return None
    if fresh[0] is not hits[0] and float(getattr(fresh[0], "score", 0.0)) < \
            float(getattr(hits[0], "score", 0.0)) - SECOND_MARGIN:
        return None  # the first part's section answers this part too, by a clear margin
    reply = answer_knowledge(question, kb, language, intent=intent,
                             passages=[to_passage(fresh[0])])
    sure = fresh[0] is hits[0] and bool(getattr(hits[0], "confident", True)) \
        and float(getattr(hits[0], "confidence", 1.0)) >= SURE_AT
    if not sure:
        reply.text = templates().render("knowledge_hedged", language) + "\n\n" + reply.text
    return reply


def extract_answer(question: str, passage: Passage) -> str:
    """The answer text of ``passage`` (the question does not pick sentences any more)."""
    return compose(passage.text)


def to_citation(passage: Passage) -> Citation:
    """How a person cites a passage: document title and the section's own heading."""
    heading = own_heading(passage.heading) if passage.heading else ""
    return Citation(source=passage.source, title=passage.title or passage.source,
                    heading=heading or passage.title, text=passage.text)


def citations_of(passages: list[Passage]) -> list[Citation]:
    """One citation per cited section, in order."""
    out: list[Citation] = []
    for passage in passages:
        cite = to_citation(passage)
        if all(c.label != cite.label for c in out):
            out.append(cite)
    return out


def _heading_button(passage: Passage, language: str, label: str | None = None) -> Button:
    """A button that asks for ``passage``'s section by its heading; ``label``: the template
    that words it ("knowledge_more", "knowledge_instead"), else the heading itself."""
    heading = own_heading(passage.heading) or passage.title
    text = templates().render(label, language, heading=heading) if label else heading
    return Button(label=text, value=heading)


def answer_knowledge(question: str, kb: Any, language: str, intent: Intent = "explain",
                     passages: list[Passage] | None = None) -> Reply:
    """Answer from the best section, say "not sure" with the closest headings, or say that
    the documents do not cover it."""
    t = templates()
    if passages is not None:  # given by a caller: trust its order
        hits: list[Any] = passages
        confident = bool(passages)
    else:
        hits = search_hits(kb, question)
        confident = bool(hits) and bool(getattr(hits[0], "confident", True))
    found = [h if isinstance(h, Passage) else to_passage(h) for h in hits]
    if not found:
        return Reply(text=t.render("knowledge_none", language), intent="out_of_scope",
                     language=language)
    if not confident:
        seen: list[str] = []
        buttons = []
        for passage in found[:SUGGESTIONS]:
            button = _heading_button(passage, language)
            if button.value not in seen:
                seen.append(button.value)
                buttons.append(button)
        return Reply(text=t.render("knowledge_unsure", language), intent=intent,
                     buttons=buttons, options=[b.value for b in buttons],
                     language=language)
    best = found[0]
    hedged = passages is None and float(getattr(hits[0], "confidence", 1.0)) < SURE_AT
    lines = [t.render("knowledge_hedged", language)] if hedged else []
    lines.append(t.render("knowledge_intro", language, answer=compose(best.text)))
    note = t.render("english_note", language)
    if note:
        lines.append(note)
    buttons = []
    # the best other section: not the same heading, and not a twin that opens with the same text
    others = [p for p, h in zip(found[1:], hits[1:], strict=True)
              if own_heading(p.heading) != own_heading(best.heading)
              and not getattr(h, "twin", False)]
    if hedged:  # the next sections, as what may have been meant instead
        for other in others[:SUGGESTIONS - 1]:
            button = _heading_button(other, language, "knowledge_instead")
            if all(b.value != button.value for b in buttons):
                buttons.append(button)
    elif others and others[0].score >= best.score - SECOND_MARGIN:
        buttons.append(_heading_button(others[0], language, "knowledge_more"))
    return Reply(text="\n\n".join(lines), intent=intent, passages=[best],
                 citations=citations_of([best]), buttons=buttons, language=language)
