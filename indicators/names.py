"""Normalising region names so that spelling variants meet in one key.

Users type "Sudwest Fryslan", "súdwest-fryslân", "'s-Hertogenbosch" or "s Hertogenbosch": all of
these must find the same gemeente. The key is lower case, without accents, with every run of
punctuation or whitespace turned into one space, and without StatLine suffixes like "(NH.)" only
where the caller asks for that (the suffix is what tells the two Bergens apart).
"""

from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^0-9a-z]+")
_SUFFIX = re.compile(r"\s*\((?:[a-z]{1,3}\.?)\)\s*$", re.IGNORECASE)
# A word: letters/digits, with inner apostrophes allowed ("'s" keeps its s).
TOKEN = re.compile(r"[^\W_]+", re.UNICODE)


def strip_accents(text: str) -> str:
    """Remove diacritics: "Súdwest-Fryslân" -> "Sudwest-Fryslan"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalize(text: str) -> str:
    """The comparison key of a name: lower case, no accents, single spaces, no punctuation."""
    return _NON_WORD.sub(" ", strip_accents(text).lower()).strip()


def without_suffix(name: str) -> str:
    """"Bergen (NH.)" -> "Bergen"; names without a StatLine suffix are returned unchanged."""
    return _SUFFIX.sub("", name).strip()


def tokens(text: str) -> list[tuple[str, int, int]]:
    """Words of a free text with their character spans, as (normalised word, start, end)."""
    out = []
    for match in TOKEN.finditer(text):
        key = normalize(match.group(0))
        if key:
            out.append((key, match.start(), match.end()))
    return out
