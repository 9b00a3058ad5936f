"""Text normalisation shared by the understanding rules.

Users type with and without accents ("Súdwest-Fryslân"), capitals, typos and punctuation; the
rules match on a lower-case, accent-free, single-spaced form so one pattern covers all of them.
"""

from __future__ import annotations

import re

from bot.core.understanding import per_message
from indicators.names import strip_accents

SPACES = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s%.,'/-]")
_WORD = re.compile(r"[a-z0-9]+")
# characters that take no room on the screen: soft hyphen, zero-width space and joiners, the
# direction marks and overrides, word joiner, BOM. Pasted from a document they sit inside words
# ("Zw\u200bolle"), where they hid the place name from every rule.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def visible(text: str) -> str:
    """``text`` without the characters that take no room on the screen (see ``_INVISIBLE``)."""
    return text if text.isascii() else _INVISIBLE.sub("", text)


def fold(text: str) -> str:
    """Lower-case, strip diacritics, unify quotes and whitespace.

    Shared within the understanding of one message (``per_message``): the rules fold the same
    text several times per turn, and the walk over its characters was the dearest step of
    understanding it (issue 18). Nothing is kept for the next message. Diacritics go the way
    region names lose theirs (``names.strip_accents``, which skips ASCII text)."""
    return per_message.once(("fold", text), lambda: _fold(text))


def _fold(text: str) -> str:
    text = strip_accents(text).replace("\u2019", "'").replace("\u2018", "'")
    # split() and re's \s agree on what whitespace is (str.isspace): one space between words
    return " ".join(text.lower().split())


def clean(text: str) -> str:
    """``fold`` plus removal of punctuation other than %, decimal marks, slashes and hyphens."""
    return SPACES.sub(" ", _PUNCT.sub(" ", fold(text))).strip()


def words(text: str) -> list[str]:
    """The words of a folded text (letters and digits only)."""
    return _WORD.findall(fold(text))
