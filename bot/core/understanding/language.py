"""Guess whether a question is Dutch or English, so the answer can use the same language.

A full language identifier would be overkill for short questions on one topic: counting
function words that only occur in one of the two languages is fast and right for the
phrasings users actually type. Ties fall back to the conversation's language (default Dutch).
"""

from __future__ import annotations

from bot.core.understanding.normalize import words

EN_WORDS = frozenset(
    ["the", "what", "how", "does", "do", "did", "our", "my", "we", "is", "are", "was", "which",
     "who", "where", "why", "when", "of", "for", "with", "and", "share", "young", "people", "youth",
     "receive", "receives", "compare", "compared", "nationally", "national", "country",
     "municipality", "municipalities", "partnership", "care", "risk", "rate", "higher", "lower",
     "than", "between", "this", "that", "there", "their", "has", "have", "much", "many", "percent",
     "percentage", "about", "show", "tell", "me", "please", "can", "you", "children", "factors",
     "raise", "raises", "becoming", "become", "trend", "over", "time", "increased", "decreased",
     "same", "similar", "i", "work", "want", "to", "fill", "start", "average", "highest", "lowest",
     "among", "education", "special", "secondary", "primary", "vocational", "probation",
     "protection", "years", "year", "mean", "means"]
)
NL_WORDS = frozenset(
    ["de", "het", "een", "hoe", "wat", "welke", "welk", "hoeveel", "ons", "onze", "mijn", "wij",
     "we", "zijn", "is", "van", "voor", "met", "en", "jongeren", "jeugdigen", "gemeente",
     "gemeenten", "samenwerkingsverband", "landelijk", "landelijke", "gemiddelde", "krijgen",
     "heeft", "hebben", "zit", "zitten", "bij", "tussen", "dan", "hoger", "lager", "kans", "jaren",
     "afgelopen", "sinds", "ontwikkeld", "gestegen", "gedaald", "vergelijk", "vergeleken", "ten",
     "opzichte", "waar", "vind", "ik", "wil", "graag", "regio", "regioscan", "invullen", "betekent",
     "precies", "wordt", "worden", "berekend", "moet", "moeten", "punten", "agenderen",
     "onderwerpen", "typische", "deel", "procent", "hoog", "laag", "zich", "tot", "verhoudt",
     "scoort", "hoort", "bij", "hoogste", "laagste", "lijken", "doen", "die", "eruit", "ziet",
     "staat", "wet", "vaak", "over", "niet", "geen", "zonder", "werk", "opleiding", "gebruik",
     "cijfers", "bron", "welke", "er", "jeugdzorg", "jeugdhulp", "jeugdzorggebruik", "den",
     "onderwijs", "speciaal", "voortgezet", "praktijkonderwijs", "kun", "je", "mij"]
)
# words spelled the same in both languages carry no signal
_SHARED = EN_WORDS & NL_WORDS


def detect_language(text: str, default: str = "nl") -> str:
    """Return ``"en"`` or ``"nl"`` for a question."""
    tokens = words(text)
    en = sum(1 for t in tokens if t in EN_WORDS and t not in _SHARED)
    nl = sum(1 for t in tokens if t in NL_WORDS and t not in _SHARED)
    if en > nl:
        return "en"
    if nl > en:
        return "nl"
    return default
