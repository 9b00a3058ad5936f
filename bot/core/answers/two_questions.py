"""A knowledge question that asks two things joined by "en" ("Wat is het OOGO precies en wie
zitten er aan tafel?"): each part is answered from its own section, the second with the first
part's words for its subject ("welke thema's heeft die?" is about the regioscan).

Why: the retriever picks one section per question, so such a question got one half answered
(two user trials: the OOGO without who sits at the table, the four-year rule without what the
plan must hold, one theme of the regioscan for "wat is de regioscan en welke thema's"). A part
counts only when it is a question of its own, opening with a question word: "het verschil tussen
de vragenlijsten en de regioscan" is one question, and so is "wie betaalt wat tussen
samenwerkingsverband en gemeente".
"""

from __future__ import annotations

import re

from knowledge.textproc import STOPWORDS, raw_tokens

# the words a question opens with ("waar" and its compounds, not "Waard" of Dijk en Waard)
_ASKS = (r"(?:wat|wie|hoe|welke?|waar(?:om|over|door|mee|in|voor|bij|op|uit|van|naar|aan)?|"
         r"wanneer|hoeveel|moet|moeten|mag|mogen|kan|kunnen|is|zijn|what|who|how|which|where|"
         r"when|why|does|do|are|can|must)")
TWO = re.compile(rf"^\s*(?P<a>{_ASKS}\b.+?)\s*,?\s+(?:en|and)\s+(?P<b>{_ASKS}\b.+)$",
                 re.IGNORECASE | re.DOTALL)
# a first part shorter than this is a noun phrase of one question, not a question of its own
MIN_WORDS = 3
QUESTION_WORDS = frozenset(("wat", "wie", "hoe", "welk", "welke", "waar", "wanneer", "waarom",
                            "hoeveel", "vaak", "precies", "eigenlijk", "what", "who", "how",
                            "which", "where", "when", "why", "minimaal", "er", "die", "dat"))


def two_questions(question: str) -> tuple[str, str] | None:
    """The two questions in ``question``, the second with the first's subject words added;
    None when it asks one thing."""
    match = TWO.match(question)
    if match is None:
        return None
    first, second = match.group("a").strip(" ,?") + "?", match.group("b").strip()
    if len(first.split()) < MIN_WORDS:
        return None  # "Welke bron en welk peiljaar gebruiken jullie?": one question, two objects
    subject = [w for w in raw_tokens(first)
               if w not in STOPWORDS and w not in QUESTION_WORDS and len(w) > 2]
    if not subject:
        return None
    return first, f"{second} ({' '.join(subject)})"
