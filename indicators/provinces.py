"""Province qualifiers after a place name: "Hengelo (Gld.)", "Bergen (NH)", "Zwolle, Overijssel",
"Bergen in Limburg", "Arnhem in de provincie Gelderland", "Bergen, North Holland".

Why: Dutch place names repeat across provinces, and people tell them apart by adding the
province. The qualifier is information: "Hengelo (Gld.)" is not Hengelo in Overijssel (it was a
gemeente in Gelderland until 2005), so a resolver that drops it answers for the wrong place. This
module only reads the qualifier (which province, how it was written); ``indicators.resolve``
decides what it means against the registry.

Forms accepted after a name, case-insensitive:

* in brackets: "(Gld.)", "(NH.)", "(L.)", "(O.)", "(Noord-Holland)", "(prov. Limburg)"; at the
  end of a text also without the closing bracket, as a sentence cut at its full stop leaves it
  ("ik werk bij Hengelo (Gld." must not become Hengelo in Overijssel);
* after a space or comma, optionally with "in", "in de provincie", "provincie", "province (of)":
  "Hengelo Gelderland", "Zwolle, Overijssel", "Bergen in Limburg", "Bergen NH".

In brackets a province name with one typo counts too ("Hengelo (Gelderlnd)", "Bergen (Limbrg)",
two for a name of eight letters or more): a bracket after a place name holds its province far more
often than anything else, and ignoring a misspelt one answered for the same-named gemeente of
another province. Abbreviations are matched exactly only (a typo in "Gld" is another word).

One-letter abbreviations ("L.", "O.", "Z.") count only in brackets: "Bergen L" is too thin. A
qualifier that is itself a gemeente name ("Groningen", "Utrecht") counts only when it is marked as
a province (brackets or the word "provincie"), because "Utrecht, Groningen" is a list of two
gemeenten; callers check that with ``Qualifier.explicit`` against the registry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from indicators.names import normalize

# Spellings per province, normalised (lower case, no accents, "_" for a space). The official
# abbreviations of the CBS gemeente names ("(NH.)", "(L.)", "(O.)", "(Z.)", "(ZH.)", "(Gld.)"),
# the usual short forms and the English names.
_SPELLINGS = {
    "Groningen": "groningen gr gn grn gron",
    "Fryslân": "fryslan friesland frl fr",
    "Drenthe": "drenthe drente dr",
    "Overijssel": "overijssel o ov ovl",
    "Flevoland": "flevoland fl flevo",
    "Gelderland": "gelderland guelders gld gl g gdl",
    "Utrecht": "utrecht u ut utr",
    "Noord-Holland": "noord_holland north_holland nh",
    "Zuid-Holland": "zuid_holland south_holland zh",
    "Zeeland": "zeeland zealand z zl zld",
    "Noord-Brabant": "noord_brabant north_brabant brabant nb nbr",
    "Limburg": "limburg l lb limb",
}
PROVINCES = tuple(_SPELLINGS)
QUALIFIERS = {spelling.replace("_", " "): province
              for province, spellings in _SPELLINGS.items() for spelling in spellings.split()}

_COMPACT = {spelling.replace(" ", ""): spelling for spelling in QUALIFIERS}

_PROVINCE_WORD = r"(?:provincie|province|prov\.?)"


def _raw(spelling: str) -> str:
    """The regex of one normalised spelling as people type it: "noord holland" also as
    "Noord-Holland", an abbreviation also with dots or a hyphen ("N.-H.", "N.H.")."""
    if " " in spelling:
        return r"[\s\-]*".join(re.escape(word) for word in spelling.split())
    if spelling == "fryslan":
        return "frysl[aâ]n"
    if len(spelling) <= 3:
        return r"\.?\s?-?".join(spelling)
    return re.escape(spelling)


@lru_cache(maxsize=1)
def _tail() -> re.Pattern[str]:
    """A qualifier right after a name (compiled once, on first use)."""
    spellings = sorted(QUALIFIERS, key=len, reverse=True)
    any_q = "|".join(_raw(s) for s in spellings)
    words_q = "|".join(_raw(s) for s in spellings if len(s.replace(" ", "")) > 1)
    return re.compile(
        rf"\s*\(\s*(?P<pp>(?:de\s+)?{_PROVINCE_WORD}\s+)?(?P<paren>{any_q})\s*\.?\s*(?:\)|$)"
        rf"|,?\s+(?:(?P<pw>(?:in\s+)?(?:de\s+|the\s+)?{_PROVINCE_WORD}(?:\s+of)?)\s+|in\s+)?"
        rf"(?P<word>{words_q})\.?(?P<pw2>\s+province)?(?![\w-])",
        re.IGNORECASE,
    )


@dataclass(frozen=True, slots=True)
class Qualifier:
    """A province named after a place: which one, how it was spelled (normalised), whether it
    was marked as a province (brackets or the word "provincie"), and where it ends."""

    province: str
    spelled: str
    explicit: bool
    end: int


def _spelling(text: str) -> str:
    """``text`` normalised as the keys of ``QUALIFIERS`` are, also when typed without its
    space ("N.-H." -> "n h" -> "nh"; "Noordholland" -> "noord holland")."""
    spelled = normalize(text)
    if spelled not in QUALIFIERS:
        spelled = _COMPACT.get(spelled.replace(" ", ""), spelled)
    return spelled


def province_of(text: str) -> str | None:
    """The official name of the province ``text`` spells ("friesland" -> "Fryslân"), or None."""
    return QUALIFIERS.get(_spelling(text))


def qualifier_at(text: str, pos: int) -> Qualifier | None:
    """The qualifier that starts at ``pos`` of ``text`` (right after a name), or None."""
    if pos >= len(text) or text[pos] not in _BREAK:
        return None
    match = _tail().match(text, pos)
    if match is None:
        return _misspelt_at(text, pos)
    spelled = _spelling(match.group("paren") or match.group("word"))
    province = QUALIFIERS.get(spelled)
    if province is None:
        return None
    explicit = bool(match.group("paren") or match.group("pw") or match.group("pw2"))
    return Qualifier(province, spelled, explicit, match.end())


_BRACKET = re.compile(rf"\s*\(\s*(?:(?:de\s+)?{_PROVINCE_WORD}\s+)?"
                      r"(?P<name>[^\W\d_][\w\s\-]{3,22}?)\s*\.?\s*(?:\)|$)")


def _misspelt_at(text: str, pos: int) -> Qualifier | None:
    """A bracketed province name with a typo at ``pos`` ("(Gelderlnd)"), or None."""
    match = _BRACKET.match(text, pos)
    if match is None:
        return None
    from rapidfuzz.distance import OSA

    typed = normalize(match.group("name"))
    best: tuple[int, str] | None = None
    for spelling in QUALIFIERS:
        if len(spelling.replace(" ", "")) < 5:  # abbreviations: exact only
            continue
        allowed = 2 if len(spelling) >= 8 else 1
        distance = OSA.distance(typed, spelling, score_cutoff=allowed)
        if distance <= allowed and (best is None or distance < best[0]):
            best = (distance, spelling)
    if best is None:
        return None
    return Qualifier(QUALIFIERS[best[1]], best[1], True, match.end())


def split_qualified(text: str) -> tuple[str, Qualifier] | None:
    """("Hengelo", Gelderland qualifier) for "Hengelo (Gld.)"; None without a qualifier at the
    end. The base is the shortest start of the text that a whole qualifier follows."""
    text = text.strip()
    for pos in range(1, len(text)):
        if text[pos] in _BREAK and text[pos - 1] not in _BREAK:
            found = qualifier_at(text, pos)
            if found is not None and found.end == len(text):
                return text[:pos], found
    return None


_BREAK = " \t,("
