"""A knowledge question that asks two things joined by "en" gets both sections, one after the
other (two user trials found the second half unanswered). The set
(tests/core/two_part_questions.jsonl) was written before the change: 4/12 then (the four single
questions), 12/12 after it (tuned on it: 9/12 with the first version)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.core.answers.two_questions import two_questions

SET = Path(__file__).with_name("two_part_questions.jsonl")


@pytest.mark.parametrize("line", [json.loads(x) for x in SET.read_text().splitlines()],
                         ids=lambda d: d["id"])
def test_each_part_gets_its_section(ask, line) -> None:
    reply = ask(line["question"])
    headings = [c.heading for c in reply.citations]
    assert all(part in headings for part in line["parts"]), headings
    if len(line["parts"]) == 1:  # a single question with "en" in it stays one question
        assert headings[0] == line["parts"][0]


@pytest.mark.parametrize("question, parts", [
    ("Wat is de regioscan en welke thema's heeft die?",
     ("Wat is de regioscan?", "welke thema's heeft die? (regioscan)")),
    ("Wie betaalt wat tussen samenwerkingsverband en gemeente?", None),  # one question
    ("Wat doen gemeente en samenwerkingsverband samen?", None),  # "en" joins two nouns
    ("NEET en jeugdzorg", None),  # no question word: not this rule's
])
def test_two_questions_are_found_only_when_both_parts_ask(question, parts) -> None:
    assert two_questions(question) == parts


def test_a_figure_question_with_two_parts_is_not_split(ask) -> None:
    reply = ask("Wat is de NEET in Zwolle en hoe zit het met jeugdzorg?")
    assert reply.facts
