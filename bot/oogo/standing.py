"""The standing OOGO topics (thuiszitters, leerlingenvervoer): questions to ask, not findings.

Why no evidence: the figures of this assistant say nothing about thuiszitters or pupil transport
(the Leerplichttelling and the gemeente's own transport figures are elsewhere), and a point must
not borrow a figure that does not speak to it: vso jeugdzorg is no measure of thuiszitters, and
population density none of travel times. What the documents do say is quoted whole: both are
standing topics of the OOGO. So each comes as its questions with that passage, after the ranked
points, and with no score in any text.
"""

from __future__ import annotations

from typing import Any

from bot.oogo.model import Point
from bot.oogo.passages import passage_for
from bot.oogo.topics import TOPICS

STANDING = ("thuiszitters", "leerlingenvervoer")
WHY = {
    "nl": ("Een vast onderwerp van het OOGO (zie de tekst hieronder). De cijfers van deze "
           "assistent gaan er niet over: vraag aan tafel naar de eigen gegevens."),
    "en": ("A standing topic of the OOGO (see the text below). The figures of this assistant do "
           "not cover it: ask for the local data at the table."),
}


def standing_points(language: str, knowledge: Any | None = None) -> list[Point]:
    """One question point per standing topic, with its quoted passage (none without one)."""
    out = []
    for key in STANDING:
        passage = passage_for(key, knowledge)
        if passage is None:
            continue
        topic = TOPICS[key]
        out.append(Point(topic=key, title=topic.title(language), why=WHY[language],
                         questions=topic.questions(language),
                         participants=topic.participants(language), evidence=[], score=0.0,
                         score_parts={}, reasons=["vast onderwerp"], passages=[passage],
                         standing=True, kind="vast"))
    return out
