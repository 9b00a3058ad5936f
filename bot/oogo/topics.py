"""The OOGO topics a point can be about, which figure speaks to which topic, and the questions.

Why data and not code: a policy adviser should be able to change a title, a question or a role
without touching the ranking. Nothing here is a claim: titles name a topic, questions are
neutral questions for the table, and participants are a suggestion of who to invite. What the
figures say is written from the tests (``findings.py``), what the field says is quoted from the
knowledge documents (``passages.py``).

A point has a *meaning*, from the direction of its tested figures:

* ``aandacht``: a figure significantly and relevantly higher (or a trend rising faster than the
  national one) where higher is the concern (NEET, its relative risks) or may be (jeugdzorg: a
  high figure is not always bad, the point quotes the caveat);
* ``sterk``: NEET or a relative risk lower: a strength to keep;
* ``vraag``: jeugdzorg lower: a question to ask (less need, or help that does not reach?).

Which topic a figure speaks to and what lower means are catalog fields of its indicator
(``IndicatorDef.topic``, ``topics``, ``lower_meaning``, ``wording_of``); an indicator without a
topic gets one of its own, and without its own wording the neutral questions of ``default``.

The words themselves live in ``prompts/oogo/{nl,en}/topics.yaml`` (checked for nl/en parity by
``prompts.oogo_data``); this module only knows the structure: which keys there are, which are
standing topics, and how a title is put together.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from prompts.oogo_data import TextData, text_data

MEANINGS = ("aandacht", "sterk", "vraag")
#: the topics asked about at every OOGO, whatever the figures say (``standing.py``)
STANDING = ("thuiszitters", "leerlingenvervoer")
#: the primary-school side of the po-vo transition
PO_SIDE = ("po", "sbo")


def _texts() -> TextData:
    return text_data("oogo", "topics")


def _lang(language: str) -> str:
    return "en" if language == "en" else "nl"


@dataclass(frozen=True, slots=True)
class Topic:
    key: str
    title_nl: str
    title_en: str
    questions_nl: tuple[str, ...]
    questions_en: tuple[str, ...]
    participants_nl: tuple[str, ...]
    participants_en: tuple[str, ...]
    standing: bool = False

    def title(self, language: str, meaning: str = "aandacht", wording: str = "") -> str:
        """The point's title; ``wording`` is the lead indicator's ``wording_key``."""
        lang = _lang(language)
        base = self.title_en if lang == "en" else self.title_nl
        if meaning == "sterk":
            return f"{base} — {_texts().get('sterk_suffix', language=lang)}"
        if meaning == "vraag":
            key = wording if wording and _texts().has("lower_title", wording) else "default"
            return f"{base} — {_texts().get('lower_title', key, language=lang)}"
        return base

    def questions(self, language: str) -> list[str]:
        return list(self.questions_en if language == "en" else self.questions_nl)

    def participants(self, language: str) -> list[str]:
        return list(self.participants_en if language == "en" else self.participants_nl)


def lead_question(meaning: str, wording: str, language: str) -> str:
    """The question a point opens with, fitted to what its figures show (``wording``: the lead
    indicator's ``wording_key``; an indicator without its own question gets the ``default`` of
    its meaning)."""
    texts = _texts()
    if not texts.has("lead_question", meaning):
        return ""
    key = wording if wording and texts.has("lead_question", meaning, wording) else "default"
    if not texts.has("lead_question", meaning, key):
        return ""
    return str(texts.get("lead_question", meaning, key, language=_lang(language)))


def trend_question(language: str) -> str:
    """The question added to a point that rests on a trend."""
    return str(_texts().get("trend_question", language=_lang(language)))


@lru_cache(maxsize=1)
def all_topics() -> dict[str, Topic]:
    """The topics of ``topics.yaml`` by key, in the file's order (read on first use)."""
    texts = _texts()
    out = {}
    for key in texts.get("topics"):
        nl, en = texts.get("topics", key, language="nl"), texts.get("topics", key, language="en")
        out[key] = Topic(key=key, title_nl=nl["title"], title_en=en["title"],
                         questions_nl=tuple(nl["questions"]), questions_en=tuple(en["questions"]),
                         participants_nl=tuple(nl["participants"]),
                         participants_en=tuple(en["participants"]), standing=key in STANDING)
    return out


def topic(key: str, catalog: dict[str, Any] | None = None) -> Topic:
    """The topic of ``key``: one of ``all_topics()``, or the topic of its own of a catalog
    indicator without one (``IndicatorDef.topic`` empty), titled by its label: so a new
    indicator's points need no entry in ``topics.yaml``."""
    known = all_topics()
    if key in known:
        return known[key]
    definition = (catalog or {})[key]
    nl, en = definition.label("nl"), definition.label("en")
    texts = _texts()
    return Topic(key=key, title_nl=nl[:1].upper() + nl[1:], title_en=en[:1].upper() + en[1:],
                 questions_nl=(texts.get("own_question", language="nl"),),
                 questions_en=(texts.get("own_question", language="en"),),
                 participants_nl=tuple(texts.get("own_participants", language="nl")),
                 participants_en=tuple(texts.get("own_participants", language="en")))
