"""Is every sentence of an LLM text supported by its source? A lexical entailment check.

The check, and why this one: there is no Dutch entailment model that runs offline here, and a
model would itself need checking. A lexical rule is strict, explainable and cheap:

* **coverage**: every content word of the sentence (stop words left out) must occur in one
  source, allowing for inflection and compounds (a shared start of at least 5 letters and 3/4
  of the shorter word: "wethouders" ~ "wethouder"; or the end of a compound: "onderwijs" ~
  "basisonderwijs"), or be one of a short list of neutral connecting words ("kortom",
  "bijvoorbeeld", "volgens"). So the LLM may shorten, reorder and connect the source's words,
  but not add a person, a body, a task or a number of its own;
* **strict words** (negations, "alleen", "altijd", "alle", "moet", "verplicht", and English) and
  numbers must occur in the passage window (three consecutive sentences) that matches the
  sentence best, so "Aan tafel zitten alleen de wethouders" is rejected when the passage only
  lists who sits at the table, even if "alleen" occurs somewhere else in the document;
* **polarity**: a sentence without a negation may not rest on a passage sentence with one.

For knowledge answers each sentence must be supported by one cited passage. For indicator
answers the source is the computed answer itself (its text, definition, source and notice lines
and the names of its facts), so an LLM cannot add an interpretation ("dit is zorgwekkend") the
figures do not carry. It is deliberately strict: a rejected paraphrase costs nothing but the
template answer; an accepted invention costs trust. English paraphrases of Dutch passages are
therefore rejected (the template quotes the passage with an English note).
"""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from bot.core.llm.textscan import all_words, sentences, wordset

STOP = wordset("""
de het een en of van in op voor met te aan is zijn was waren wordt worden werd werden er die dat
dit deze daar hier zo als om bij uit naar tot door over onder tussen na ook nog al dan wat wie
welke welk hoe waar wanneer waarom je jij jouw jullie u uw ik mij me mijn we wij ons onze zij ze
hun hen haar hem hij zich zelf kan kunnen kun kunt zal zullen zou zouden heeft hebben had hadden
hebt heb wel nu dus want maar omdat doordat waarin waarbij waarmee daarbij daarin daarmee
hierbij hiermee wil willen gaat gaan ga doen doet deed iets iemand ieder veel meer minder
the a an and or of in on for with to at is are was were be been being by from as that this these
those it its they them their there here which who whom what how when where why you your we our i
me my he she his her him can could will would shall should has have had do does did not if then
than so also about into over under between after before more most less some any each other such
""")
STRICT = wordset("""
niet geen nooit alleen slechts uitsluitend enkel altijd alle iedere elke moet moeten verplicht
verplichte mag mogen nimmer not no never only always all every must required mandatory may cannot
""")
NEGATIONS = frozenset({"niet", "geen", "nooit", "nimmer", "not", "no", "never", "cannot"})
NEUTRAL = wordset("""
kortom samengevat daarnaast bovendien verder namelijk bijvoorbeeld zoals volgens onder andere
staat beschrijft noemt genoemd document documenten tekst passage bron bronnen antwoord vraag kort
gezegd belangrijk belangrijke punt punten eerst tweede derde tenslotte ten slotte laatste
cijfer cijfers percentage procent aandeel waarde gemiddelde gemiddeld jaar jaren regio gemeente
ligt lag bedraagt bedroeg zit zat kwam komt uitkomst ging gingen bleef stond
in short summary also furthermore moreover namely example according states describes mentions
document text source answer first second finally figure figures rate share percent value average
year years region municipality stood amounted
""")
MIN_PREFIX = 5
WINDOW = 3


def content_words(text: str) -> list[str]:
    """The words that carry meaning: not stop words, longer than two letters, or a number."""
    return [w for w in all_words(text) if w not in STOP and (len(w) > 2 or w.isdigit()
                                                             or w in STRICT)]


def _related(word: str, other: str) -> bool:
    """Same word up to inflection or compounding (see module docstring)."""
    if word == other:
        return True
    if word.isdigit() or other.isdigit():
        return False
    shared = 0
    for a, b in zip(word, other, strict=False):
        if a != b:
            break
        shared += 1
    if shared >= MIN_PREFIX and shared >= 0.75 * min(len(word), len(other)):
        return True
    return len(word) >= 6 and other.endswith(word)


@dataclass(slots=True)
class Source:
    """One source text split into word sets: all of it, and its sentence windows."""

    words: set[str]
    windows: list[set[str]]
    sentences: list[set[str]]

    @classmethod
    def of(cls, text: str) -> Source:
        parts = [set(all_words(text[s.start:s.end])) for s in sentences(text)] or [set()]
        windows = [set().union(*parts[max(0, i - 1):i + WINDOW - 1]) for i in range(len(parts))]
        return cls(words=set(all_words(text)), windows=windows, sentences=parts)

    def has(self, word: str, pool: set[str] | None = None) -> bool:
        pool = self.words if pool is None else pool
        return word in pool or any(_related(word, other) for other in pool)


def unsupported(sentence: str, sources: Iterable[Source], extra: AbstractSet[str] = frozenset(),
                polarity: bool = True) -> str | None:
    """Why ``sentence`` is not supported by any one of ``sources`` (None when it is)."""
    words = [w for w in content_words(sentence) if w not in NEUTRAL and w not in extra]
    if not words:
        return None
    reasons: list[tuple[int, str]] = [(len(words) + 1, "no source")]
    for source in sources:
        missing = [w for w in words if w not in STRICT and not source.has(w)]
        if missing:
            reasons.append((len(missing), f"words not in the source: {', '.join(missing[:5])}"))
            continue
        window = max(source.windows, key=lambda pool: sum(source.has(w, pool) for w in words))
        strict = [w for w in words if (w in STRICT or w.isdigit()) and w not in window]
        if strict:
            reasons.append((0, f"'{', '.join(strict[:3])}' not in the matching passage"))
            continue
        if polarity and not NEGATIONS.intersection(words):
            closest = max(source.sentences, key=lambda pool: sum(source.has(w, pool)
                                                                 for w in words))
            if NEGATIONS & closest:
                reasons.append((0, "the passage says the opposite (negation dropped)"))
                continue
        return None
    return min(reasons)[1]
