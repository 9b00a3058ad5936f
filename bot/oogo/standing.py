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
from bot.oogo.topics import STANDING, topic
from prompts.loader import templates


def standing_points(language: str, knowledge: Any | None = None) -> list[Point]:
    """One question point per standing topic, with its quoted passage (none without one)."""
    out = []
    for key in STANDING:
        passage = passage_for(key, knowledge)
        if passage is None:
            continue
        about = topic(key)
        out.append(Point(topic=key, title=about.title(language),
                         why=templates("oogo").render("why_standing", language),
                         questions=about.questions(language),
                         participants=about.participants(language), evidence=[], score=0.0,
                         score_parts={}, reasons=["vast onderwerp"], passages=[passage],
                         standing=True, kind="vast"))
    return out
