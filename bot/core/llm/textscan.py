"""Reading an LLM text the way the grounding check needs it: sentences, clauses, numbers, words.

Every helper keeps character positions of the original text, so a number can later be tied to
the region, year and category named closest to it. Pure Python; no LangChain, no model.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from bot.core.llm.grounding import ISO_DATE, LIST_MARKER, NUMBER, readings

# a sentence ends at . ! ? followed by white space, or at a line break
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
# clause boundaries inside a sentence: punctuation (not a decimal comma) and contrasting words
_CLAUSE_BREAK = re.compile(
    r"[;:()\[\]]|,\s|\s(?:en|tegenover|terwijl|maar|versus|vs\.?|tegen|and|while|whereas|"
    r"but|against|compared with|compared to|vergeleken met)\s", re.IGNORECASE)
_UNIT = re.compile(r"\s?(%|procent\b|percent\b|procentpunt\w*|percentage points?)",
                   re.IGNORECASE)
_RANGE = re.compile(r" ?[-\u2013] ?")
_MARKDOWN = re.compile(r"\*\*|__|`")
_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
YEAR_MIN, YEAR_MAX = 1990, 2100


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of the text (a sentence or a clause) by its character positions."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class NumberToken:
    """A number as written, where it stands, its possible readings and its unit."""

    text: str
    start: int
    end: int
    readings: frozenset[tuple[float, int]]
    percent: bool
    next_word: str  # the folded word right after it ('' at the end), for label phrases

    @property
    def is_year(self) -> bool:
        """A bare four-digit number between 1990 and 2100 is read as a year."""
        return (not self.percent and self.text.isdigit() and len(self.text) == 4
                and YEAR_MIN <= int(self.text) <= YEAR_MAX)

    @property
    def year(self) -> int:
        return int(self.text)


def fold_keep(text: str) -> str:
    """Lower case without accents, with exactly the same length as ``text`` (positions hold)."""
    out = []
    for ch in text:
        base = "".join(c for c in unicodedata.normalize("NFKD", ch)
                       if not unicodedata.combining(c))
        out.append(base.lower() if len(base) == 1 else ch.lower()[:1] or " ")
    return "".join(out)


def plain(text: str) -> str:
    """Markdown emphasis removed (same positions are not needed after this step)."""
    return _MARKDOWN.sub("", text)


def sentences(text: str) -> list[Segment]:
    """Sentences (and list lines) with their positions."""
    out: list[Segment] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if text[start:match.start()].strip():
            out.append(_trimmed(text, start, match.start()))
        start = match.end()
    if text[start:].strip():
        out.append(_trimmed(text, start, len(text)))
    return out


def clauses(text: str, sentence: Segment) -> list[Segment]:
    """The clauses of one sentence, split at punctuation and contrasting conjunctions."""
    out: list[Segment] = []
    start = sentence.start
    part = text[sentence.start:sentence.end]
    for match in _CLAUSE_BREAK.finditer(part):
        end = sentence.start + match.start()
        if end > start:
            out.append(Segment(start, end))
        start = sentence.start + match.end()
    if sentence.end > start:
        out.append(Segment(start, sentence.end))
    return out or [sentence]


def _trimmed(text: str, start: int, end: int) -> Segment:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Segment(start, end)


def numbers(text: str) -> list[NumberToken]:
    """Every number in ``text`` except list markers ('1. ') and ISO dates, with positions."""
    masked = LIST_MARKER.sub(lambda m: " " * len(m.group(0)), text)
    masked = ISO_DATE.sub(lambda m: " " * len(m.group(0)), masked)
    folded = fold_keep(text)
    out: list[NumberToken] = []
    for match in NUMBER.finditer(masked):
        token = match.group(0).strip()
        unit = _UNIT.match(masked, match.end())
        percent = bool(unit) and not unit.group(1).lower().startswith(("procentp", "percentage p"))
        after = unit.end() if unit else match.end()
        following = _WORD.search(folded, after)
        gap = folded[after:following.start()] if following else ""
        next_word = following.group(0) if following and not gap.strip(" ") else ""
        if not next_word and following and _RANGE.fullmatch(gap) \
                and following.group(0)[:1].isdigit():
            next_word = "tot"  # '15-27 jaar' reads as '15 tot 27 jaar'
        if unit and not percent:
            next_word = "procentpunt"
        out.append(NumberToken(token, match.start(), match.end(),
                               frozenset(readings(token)), percent, next_word))
    return out


def words_at(text: str, segment: Segment) -> list[str]:
    """The folded words of a stretch of text."""
    return _WORD.findall(fold_keep(text[segment.start:segment.end]))


def wordset(text: str) -> frozenset[str]:
    """A set of words written as one block of text (easier to read and extend)."""
    return frozenset(text.split())


def all_words(text: str) -> list[str]:
    return _WORD.findall(fold_keep(text))
