"""Guess whether a message is Dutch or English, so the answer can use the same language.

Three signals, strongest first: an explicit request ("in English please", "in het
Nederlands"); function words that occur in only one of the two languages; and, for messages
without such words, the intent model's language estimate (character n-grams). Words that both
languages use ("trend", "neet", "in", "of", "me", "start") count for neither, so "trend NEET in
Zwolle" stays Dutch. A tie falls back to the conversation's language (default Dutch).
"""

from __future__ import annotations

from bot.core.understanding import per_message
from bot.core.understanding.normalize import fold, words
from bot.core.understanding.prefix_scan import re_compile

EN_WORDS = frozenset(
    ["the", "what", "how", "does", "do", "did", "our", "my", "is", "are", "was", "which",
     "who", "where", "why", "when", "for", "with", "and", "share", "young", "people", "youth",
     "receive", "receives", "compare", "compared", "nationally", "national", "country",
     "municipality", "municipalities", "partnership", "care", "risk", "rate", "higher", "lower",
     "than", "between", "this", "that", "there", "their", "has", "have", "much", "many", "percent",
     "about", "show", "tell", "please", "can", "you", "children", "factors", "raise", "raises",
     "becoming", "become", "over", "time", "increased", "decreased", "same", "similar", "i",
     "work", "to", "fill", "average", "highest", "lowest", "among", "education", "special",
     "secondary", "primary", "vocational", "probation", "protection", "years", "year", "mean",
     "means", "english", "answer", "should", "would", "could", "discuss", "download", "report",
     "scan", "continue", "agree", "disagree", "know", "don't", "dont", "thanks", "hello", "hi",
     "a", "an", "of", "it", "its", "in", "on", "be", "been", "up", "down", "like", "give",
     "find", "figures", "school", "schools", "type", "types", "municipal", "outcome", "result",
     "round", "join", "as", "your", "me", "we", "us"]
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
     "scoort", "hoort", "hoogste", "laagste", "lijken", "doen", "die", "eruit", "ziet",
     "staat", "wet", "vaak", "niet", "geen", "zonder", "werk", "opleiding", "gebruik",
     "cijfers", "bron", "er", "jeugdzorg", "jeugdhulp", "jeugdzorggebruik", "den",
     "onderwijs", "speciaal", "voortgezet", "praktijkonderwijs", "kun", "je", "mij", "dat", "dit",
     "deze", "ook", "nog", "maar", "wel", "uit", "naar", "op", "aan", "om", "kan", "kunnen",
     "zou", "was", "waren", "hadden", "welk", "mag", "laat", "zien", "uitslag", "verder",
     "eens", "oneens", "weet", "bedankt", "hoi", "hallo", "dank", "uitkomst", "rapport",
     "nederlands", "jij", "jou", "u", "uw", "hier", "daar", "hoeveelheid", "leerlingen"]
)
# words spelled the same in both languages carry no signal
COGNATES = frozenset(["in", "of", "me", "we", "is", "was", "over", "trend", "start", "top",
                      "school", "type", "scan", "download", "data", "plan", "test", "status",
                      "as", "hoi", "neet", "oogo", "swv", "po", "vo", "mbo", "so", "vso", "pro"])
_SHARED = (EN_WORDS & NL_WORDS) | COGNATES
ASK_EN = re_compile(r"\b(?:in english|answer in english|english please|in het engels)\b")
ASK_NL = re_compile(r"\b(?:in (?:het )?(?:nederlands|dutch)|answer in dutch)\b")


_EN_ONLY = EN_WORDS - _SHARED
_NL_ONLY = NL_WORDS - _SHARED


def word_signal(text: str) -> int:
    """English minus Dutch function words in ``text`` (positive: English). Asked twice while
    one message is understood: computed once (``per_message``)."""
    return per_message.once(("word_signal", text), lambda: _word_signal(text))


def _word_signal(text: str) -> int:
    tokens = words(text)
    return sum(1 for t in tokens if t in _EN_ONLY) - sum(1 for t in tokens if t in _NL_ONLY)


def explicit_language(text: str) -> str | None:
    """The language the user asks for in so many words, or None (once per message, as
    ``word_signal``)."""
    return per_message.once(("explicit_language", text), lambda: _explicit_language(text))


def _explicit_language(text: str) -> str | None:
    folded = fold(text)
    if ASK_EN.search(folded):
        return "en"
    if ASK_NL.search(folded):
        return "nl"
    return None


def detect_language(text: str, default: str = "nl", english_probability: float | None = None,
                    ) -> str:
    """Return ``"en"`` or ``"nl"`` for a message (see the module docstring)."""
    explicit = explicit_language(text)
    if explicit:
        return explicit
    signal = word_signal(text)
    if signal > 0:
        return "en"
    if signal < 0:
        return "nl"
    if english_probability is not None and len(words(text)) >= 2:
        if english_probability >= 0.8:
            return "en"
        if english_probability <= 0.2:
            return "nl"
    return default
