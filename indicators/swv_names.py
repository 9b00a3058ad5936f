"""A samenwerkingsverband named by its own name ("SWV VO Eemland", "samenwerkingsverband Koers
VO"), which no list we have carries.

Why: the registry knows the samenwerkingsverbanden by their number and region in the OCW
regio-indeling ("SWV VO 26.02", "regio Amersfoort-Soest"), not by the names they give themselves.
Such a name was not even seen as a place: "SWV" and "samenwerkingsverband" are ordinary words, so
"NEET in SWV VO Eemland" was answered for Nederland as if no region had been named. Here the words
after "SWV"/"samenwerkingsverband" that look like a name are found, so the conversation can say
that it does not know that samenwerkingsverband and how to name one instead.
"""

from __future__ import annotations

import re

from indicators.names import tokens

_LEAD = re.compile(r"\b(?:swv|samenwerkingsverband)\b", re.IGNORECASE)
# words that belong to how a partnership is described, not to its name
_DESCRIBING = frozenset({"po", "vo", "passend", "onderwijs", "primair", "voortgezet", "voor",
                         "so", "vso", "de", "het", "s"})
# a name ends before these (or before punctuation): "SWV Eemland met Nederland"
_STOP = frozenset({"met", "en", "in", "van", "tegen", "over", "sinds", "vanaf", "tot", "vs",
                   "versus", "and", "with", "of", "for", "since", "compared", "op", "per",
                   "voor", "bij", "uit", "naar", "is", "zijn", "was", "heeft", "vergeleken",
                   "ten", "opzichte", "dan", "als", "waar", "wat", "hoe",
                   # a time expression ends a name too: "het SWV Vorig Jaar" names none
                   "vorig", "vorige", "laatste", "afgelopen", "dit", "deze", "jaar", "jaren",
                   "last", "this", "year", "years", "recent", "recente", "nu", "now"})
_ARTICLES = frozenset({"de", "het", "s", "den"})
MAX_NAME_WORDS = 4


def named_swv_spans(text: str, taken: list[tuple[int, int]], ordinary: frozenset[str],
                    words: list[tuple[str, int, int]] | None = None) -> list[tuple[int, int]]:
    """Spans of "SWV <name>" whose name is no known place (``taken``: spans already found).

    A name is up to four words right after the lead word and its describing words ("VO",
    "passend onderwijs"), ending at a word like "met", a time word or punctuation. At least one
    of its words must be no ordinary word (``ordinary``), and its first word after an article
    must have a capital: "het samenwerkingsverband passend onderwijs" and "een swv met veel
    scholen" name nothing. A message typed all in lower case names none: "neet in het swv
    tonen" has no name in it, and nothing here tells such words from "de eem". ``words``:
    ``names.tokens(text)``, when the caller has it already.
    """
    leads = list(_LEAD.finditer(text))
    if not leads or text == text.lower():
        return []
    words = tokens(text) if words is None else words
    spans: list[tuple[int, int]] = []
    for lead in leads:
        after = [w for w in words if w[1] >= lead.end()]
        name: list[tuple[str, int, int]] = []
        previous_end = lead.end()
        for word in after:
            if text[previous_end:word[1]].strip(" -'’"):
                break  # punctuation ends the name
            if not name and word[0] in _DESCRIBING:
                previous_end = word[2]
                continue
            if word[0] in _STOP or word[0].isdigit() or len(name) == MAX_NAME_WORDS:
                break  # a word like "met" ends the name
            if name and not text[word[1]].isupper() and word[0] not in _ARTICLES:
                break  # so does a word in lower case: "SWV Eemland tonen", "OPR instemmingsrecht"
            name.append(word)
            previous_end = word[2]
        if not name or not _looks_like_a_name(text, name, ordinary):
            continue
        span = (lead.start(), name[-1][2])
        if not any(a < span[1] and span[0] < b for a, b in taken):
            spans.append(span)
    return spans


def _looks_like_a_name(text: str, name: list[tuple[str, int, int]],
                       ordinary: frozenset[str]) -> bool:
    if not any(w[0] not in ordinary and w[0] not in _DESCRIBING for w in name):
        return False
    if len("".join(w[0] for w in name)) < 3:
        return False
    first = next((w for w in name if w[0] not in _ARTICLES), name[0])
    return text[first[1]].isupper()


def names_swv(text: str) -> bool:
    """Whether ``text`` (a mention) starts by naming a samenwerkingsverband."""
    match = _LEAD.match(text.strip())
    return match is not None
