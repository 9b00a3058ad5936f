"""Stage one of understanding: read what the words of one message say, without any context.

Everything the later stages (and the model's training) need from the text alone is computed
once here: the folded text, places (through the library's one region scanner), the indicator
and category words, years, the kind of computation the wording asks for, an invitation code,
and the delexicalised text the intent model reads. Keeping this in one place is what makes the
model's training features and its features at run time the same.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.core.understanding.features import delexicalise
from bot.core.understanding.normalize import fold
from bot.core.understanding.places import PlaceWords, read_places
from bot.core.understanding.slots import (
    detect_categories,
    detect_indicator,
    detect_mode,
    detect_years,
)

if TYPE_CHECKING:  # pragma: no cover
    from indicators.registry import RegionRegistry

INVITE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE = re.compile(r"(?<![\w-])([A-Za-z0-9]{8})(?![\w-])")
SWV_KIND_WORD = re.compile(r"\b(samenwerkingsverband|swv)[- ](?:po|vo)\b")
JEUGDHULP = re.compile(r"\bjeugdhulp\b(?! (?:met|zonder) verblijf)")


@dataclass(slots=True)
class Reading:
    """What one message says by its words alone (see the module docstring)."""

    text: str
    folded: str
    places: PlaceWords
    indicator: str | None = None
    categories: list[str] = field(default_factory=list)
    year: int | None = None
    years: list[int] = field(default_factory=list)
    since: bool = False
    mode_word: str | None = None
    invite_code: str | None = None
    clean: str = ""
    asked_term: str | None = None

    @property
    def words(self) -> int:
        return len(self.folded.split())


def read(text: str, registry: RegionRegistry) -> Reading:
    """Read ``text`` (see the module docstring)."""
    from indicators.mentions import find_places

    folded = fold(text)
    scan = find_places(registry, text)
    spans = [m.span for m in scan.mentions] + [m.span for m in scan.unknown]
    year, years, since = detect_years(folded)
    language_hint = "en" if re.search(r"\b(?:the|what|which|how|in english)\b", folded) else "nl"
    return Reading(
        text=text,
        folded=folded,
        places=read_places(scan, folded),
        indicator=detect_indicator(folded),
        categories=detect_categories(SWV_KIND_WORD.sub(r"\1", folded), language_hint),
        year=year,
        years=years,
        since=since,
        mode_word=detect_mode(folded),
        invite_code=invitation_code(text),
        clean=delexicalise(text, spans),
        asked_term="jeugdhulp" if JEUGDHULP.search(folded) else None,
    )


def invitation_code(text: str) -> str | None:
    """An invitation code of a regional round typed in the message (8 characters of the code
    alphabet with at least one digit, or written in capitals), normalised to capitals."""
    for match in CODE.finditer(text or ""):
        raw = match.group(1)
        code = raw.upper()
        if any(ch not in INVITE_ALPHABET for ch in code):
            continue
        has_digit = any(ch.isdigit() for ch in code)
        if (has_digit and any(ch.isalpha() for ch in code)) or raw.isupper():
            if raw.isdigit():
                continue
            return code
    return None


def model_flags(reading: Reading, *, scan_active: bool, has_context: bool,
                after_figure: bool) -> list[str]:
    """The context the intent model sees next to the words (the same at training time)."""
    flags = []
    if scan_active:
        flags.append("scan")
    if has_context:
        flags.append("ctx")
    if after_figure:
        flags.append("ctxfig")
    if reading.indicator:
        flags.append("ind")
    if reading.places.mentions or reading.places.own_place:
        flags.append("place")
    return flags
