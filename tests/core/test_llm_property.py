"""Property tests of the claim check over real template answers of every kind.

Hypothesis draws an answer (kind of question, region, language: ``tests/core/llm_cases``) or a
question the assistant answers end to end, and then: the untouched answer must pass; two of its
numbers swapped, a value or a count moved to another fact's place, a definition or label number
put in a result's place, or a comparison, significance, relevance or trend word turned around
must be refused. Every changed text is derived from the answer itself.
"""

from __future__ import annotations

import os
import re

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from bot.core.llm.textscan import numbers
from tests.core.llm_cases import GEMEENTEN, KINDS, OTHERS, answer, check

QUESTIONS = [
    "Hoe hoog is de NEET in {r}?",
    "Vergelijk de NEET in {r} met Zwolle",
    "Hoe heeft de NEET in {r} zich ontwikkeld?",
    "Jeugdzorg in {r} per onderwijssoort",
    "Hoe scoort {r} op jeugdzorg vergeleken met vergelijkbare gemeenten?",
    "Relatief risico op NEET in {r}",
    "How high is youth care in {r} compared with the Netherlands?",
    "Jeugdzorg in {r} vergeleken met het samenwerkingsverband",
    "How has youth care in {r} developed?",
]
PLACES = ["Amsterdam", "Deventer", "Almere", "Utrecht", "Groningen", "Maastricht", "Tilburg",
          "Enschede", "Leeuwarden", "Middelburg", "Apeldoorn", "Hengelo"]
ASKED: dict[tuple[str, str], object] = {}
PROPERTY = settings(max_examples=int(os.environ.get("OOGO_PROPERTY_EXAMPLES", "60")), deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


def _asked(services, question: str, place: str):
    from bot.core.assistant import Assistant
    from bot.core.messages import IncomingMessage
    from bot.core.state import InMemoryStateStore

    key = (question, place)
    if key not in ASKED:
        assistant = Assistant(services, store=InMemoryStateStore(), charts=False)
        ASKED[key] = assistant.handle(IncomingMessage("test", "claims", "u",
                                                      question.format(r=place)))
    return ASKED[key]


@st.composite
def replies(draw, services):
    if draw(st.booleans()):
        reply = _asked(services, draw(st.sampled_from(QUESTIONS)), draw(st.sampled_from(PLACES)))
    else:
        reply = answer(services, draw(st.sampled_from(sorted(KINDS))),
                       draw(st.sampled_from(GEMEENTEN + OTHERS)), draw(st.sampled_from(["nl",
                                                                                        "en"])))
    assume(reply is not None and reply.facts)
    return reply


def _value_tokens(reply) -> list:
    return [t for t in numbers(reply.text) if not t.is_year]


def _put(text: str, token, new: str) -> str:
    return text[:token.start] + new + text[token.end:]


@PROPERTY
@given(data=st.data())
def test_every_template_answer_passes(core_services, data) -> None:
    reply = data.draw(replies(core_services))
    verdict = check(core_services, reply.text, reply)
    assert verdict.ok, (reply.text, verdict.reasons)


@PROPERTY
@given(data=st.data())
def test_swapped_numbers_are_refused(core_services, data) -> None:
    """Any two different numbers swapped: values, counts, ranks, the ages of a label."""
    reply = data.draw(replies(core_services))
    tokens = _value_tokens(reply)
    assume(len(tokens) >= 2)
    a, b = sorted(data.draw(st.lists(st.sampled_from(tokens), min_size=2, max_size=2,
                                     unique=True)), key=lambda t: t.start)
    assume(a.readings.isdisjoint(b.readings) and a.text != b.text)
    text = (reply.text[:a.start] + b.text + reply.text[a.end:b.start] + a.text
            + reply.text[b.end:])
    assert not check(core_services, text, reply).ok, (text, reply.facts)


@PROPERTY
@given(data=st.data())
def test_mislabelled_values_are_refused(core_services, data) -> None:
    """A value written where another fact's value belongs (other region, year or category)."""
    from indicators import formatting as fm

    reply = data.draw(replies(core_services))
    tokens = [t for t in _value_tokens(reply) if "," in t.text or "." in t.text]
    facts = [f for f in reply.facts if f.value is not None]
    assume(tokens and len(facts) >= 2)
    token = data.draw(st.sampled_from(tokens))
    fact = data.draw(st.sampled_from(facts))
    shown = fm.bare(fact.value, fact.unit, reply.language)
    assume(shown != token.text and all(abs(v - fact.value) > 0.051 for v, _ in token.readings))
    text = _put(reply.text, token, shown)
    assert not check(core_services, text, reply).ok, text


@PROPERTY
@given(data=st.data())
def test_mislabelled_counts_are_refused(core_services, data) -> None:
    """A count written where another count belongs (another fact's, or the rest of a
    samenwerkingsverband's)."""
    from indicators import formatting as fm

    reply = data.draw(replies(core_services))
    groups = [g for c in reply.debug.get("claims", []) for g in (c.get("groups") or {}).values()]
    counts = {n for f in reply.facts for n in (f.numerator, f.denominator) if n} | \
        {n for g in groups for n in (g["numerator"], g["denominator"]) if n}
    tokens = [t for t in _value_tokens(reply) if any(v in counts for v, d in t.readings if not d)]
    assume(tokens and len(counts) >= 2)
    token = data.draw(st.sampled_from(tokens))
    other = data.draw(st.sampled_from(sorted(counts)))
    assume(all(v != other for v, _ in token.readings))
    text = _put(reply.text, token, fm.integer(other, reply.language))
    assert not check(core_services, text, reply).ok, text


@PROPERTY
@given(data=st.data())
def test_definition_numbers_are_no_results(core_services, data) -> None:
    reply = data.draw(replies(core_services))
    label_numbers = [t for line in reply.about for t in numbers(line) if not t.is_year]
    tokens = [t for t in _value_tokens(reply) if not t.text.isdigit()]
    assume(label_numbers and tokens)
    label = data.draw(st.sampled_from(label_numbers))
    token = data.draw(st.sampled_from(tokens))
    assume(all(abs(v - w) > 1e-9 for v, _ in label.readings for w, _ in token.readings))
    text = _put(reply.text, token, label.text)
    assert not check(core_services, text, reply).ok, text


FLIPS = {"hoger": "lager", "lager": "hoger", "higher": "lower", "lower": "higher",
         "gestegen": "gedaald", "gedaald": "gestegen", "risen": "fallen", "fallen": "risen",
         "steeg": "daalde", "daalde": "steeg", "rose": "fell", "fell": "rose",
         "sterker": "minder sterk", "minder sterk": "sterker",
         "ongeveer gelijk aan": "hoger dan", "about the same as": "higher than",
         "ongeveer gelijk gebleven": "gestegen", "stayed about the same": "risen",
         "ligt ongeveer gelijk": "ligt hoger", "is about the same": "is higher",
         "is statistisch significant": "is niet statistisch significant",
         "is niet statistisch significant": "is statistisch significant",
         "is statistically significant": "is not statistically significant",
         "is not statistically significant": "is statistically significant",
         "minstens een tiende": "kleiner dan een tiende",
         "at least a tenth": "smaller than a tenth",
         "maar kleiner dan een tiende": "en minstens een tiende",
         "but smaller than a tenth": "and at least a tenth",
         "bij de hoogste": "bij de laagste", "bij de laagste": "bij de hoogste",
         "niet bij de hoogste of laagste": "bij de hoogste"}
TURN = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, FLIPS), key=len, reverse=True))
                  + r")\b")


@PROPERTY
@given(data=st.data())
def test_turned_comparison_words_are_refused(core_services, data) -> None:
    reply = data.draw(replies(core_services))
    found = list(TURN.finditer(reply.text))
    assume(found)
    match = data.draw(st.sampled_from(found))
    text = reply.text[:match.start()] + FLIPS[match.group(0)] + reply.text[match.end():]
    assert not check(core_services, text, reply).ok, text
