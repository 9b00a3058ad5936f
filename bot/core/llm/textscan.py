"""Reading an LLM text the way the grounding check needs it: sentences, clauses, numbers, words.

Every helper keeps character positions of the original text, so a number can later be tied to
the region, year and category named closest to it. Pure Python; no LangChain, no model.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

# a sentence ends at . ! ? followed by white space, or at a line break
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
# clause boundaries inside a sentence: punctuation (not a decimal comma) and contrasting words
_CLAUSE_BREAK = re.compile(
    r"[;:()\[\]]|,\s|\s(?:en|tegenover|terwijl|maar|versus|vs\.?|tegen|and|while|whereas|"
    r"but|against|compared with|compared to|vergeleken met)\s", re.IGNORECASE)
_UNIT = re.compile(r"\s?(%|procent\b|percent\b|procentpunt\w*|percentage points?)",
                   re.IGNORECASE)
_BEFORE = re.compile(r"([a-z0-9]+)( *| ?[-\u2013] ?)$")
_RANGE = re.compile(r" ?[-\u2013] ?")
_MARKDOWN = re.compile(r"\*\*|__|`")
_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
YEAR_MIN, YEAR_MAX = 1990, 2100
# a number: digits with optional thousands separators and decimals, either notation
NUMBER = re.compile(r"(?<![\w.,])[-+]?\d+(?:[.,\u202f\u00a0]\d{3})*(?:[.,]\d+)?(?![\w])")
LIST_MARKER = re.compile(r"^\s*\d{1,2}[.)]\s+", re.MULTILINE)
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


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
    after: str = ""  # the word after ``next_word`` ('' if none)
    prev_word: str = ""  # the folded word right before it ('' after punctuation)

    @property
    def is_year(self) -> bool:
        """A bare four-digit number between 1990 and 2100 is read as a year."""
        return (not self.percent and self.text.isdigit() and len(self.text) == 4
                and YEAR_MIN <= int(self.text) <= YEAR_MAX)

    @property
    def year(self) -> int:
        return int(self.text)


def readings(token: str) -> set[tuple[float, int]]:
    """All plausible (value, decimals shown) readings of a number as written.

    '4,8' -> 4.8; '10.340' -> 10340 (Dutch thousands) or 10.34 (English decimals);
    '1,234.5' -> 1234.5; '3' -> 3.
    """
    raw = token.replace("\u202f", "").replace("\u00a0", "").replace(" ", "").lstrip("+")
    out: set[tuple[float, int]] = set()
    for thousands, decimal in ((".", ","), (",", ".")):
        parts = raw.split(decimal)
        if len(parts) > 2:
            continue
        groups = parts[0].split(thousands)
        if len(groups) > 1 and not all(len(g) == 3 for g in groups[1:]):
            continue
        whole = "".join(groups)
        if not whole.lstrip("-").isdigit():
            continue
        if len(parts) == 2:
            if not parts[1].isdigit():
                continue
            out.add((float(f"{whole}.{parts[1]}"), len(parts[1])))
        else:
            out.add((float(whole), 0))
    return out


def fold_keep(text: str) -> str:
    """Lower case without accents, with exactly the same length as ``text`` (positions hold)."""
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(ch) for ch in text)


@functools.lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    folded = base.lower() if len(base) == 1 else ch.lower()[:1] or " "
    return folded if len(folded) == 1 else " "


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
        percent = unit is not None and not unit.group(1).lower().startswith(
            ("procentp", "percentage p"))
        after = unit.end() if unit else match.end()
        following = _WORD.search(folded, after)
        gap = folded[after:following.start()] if following else ""
        next_word = following.group(0) if following and not gap.strip(" ") else ""
        if not next_word and following and _RANGE.fullmatch(gap) \
                and following.group(0)[:1].isdigit():
            next_word = "tot"  # '15-27 jaar' reads as '15 tot 27 jaar'
        if unit and not percent:
            next_word = "procentpunt"
        second = ""
        if next_word and following and following.group(0) == next_word:
            later = _WORD.search(folded, following.end())
            if later and not folded[following.end():later.start()].strip(" "):
                second = later.group(0)
        out.append(NumberToken(token, match.start(), match.end(),
                               frozenset(readings(token)), percent, next_word, second,
                               _prev_word(folded, match.start())))
    return out


def _prev_word(folded: str, start: int) -> str:
    """The word right before position ``start`` ('' after punctuation); a range dash reads as
    'tot' ('15-27': 27 follows 'tot')."""
    match = _BEFORE.search(folded[max(0, start - 80):start])
    if match is None:
        return ""
    word, gap = match.group(1), match.group(2)
    if gap.strip(" "):
        return "tot" if word[-1:].isdigit() else ""
    return word


def words_at(text: str, segment: Segment) -> list[str]:
    """The folded words of a stretch of text."""
    return _WORD.findall(fold_keep(text[segment.start:segment.end]))


def wordset(text: str) -> frozenset[str]:
    """A set of words written as one block of text (easier to read and extend)."""
    return frozenset(text.split())


def all_words(text: str) -> list[str]:
    return _WORD.findall(fold_keep(text))
