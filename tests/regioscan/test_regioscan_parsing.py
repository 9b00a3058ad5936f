"""Free-text answers and commands, Dutch and English."""

from __future__ import annotations

import pytest

from bot.regioscan.parsing import (
    Command,
    OutOfRange,
    ParsedAnswer,
    looks_like_question,
    parse_answer,
    parse_command,
)


@pytest.mark.parametrize(("text", "value"), [
    ("4", 4), ("1", 1), ("5.", 5), ("eens", 4), ("mee eens", 4), ("helemaal mee eens", 5),
    ("Helemaal eens", 5), ("mee oneens", 2), ("oneens", 2), ("helemaal oneens", 1),
    ("neutraal", 3), ("weet niet", None), ("weet ik niet", None), ("Geen idee", None),
    ("agree", 4), ("strongly agree", 5), ("strongly disagree", 1), ("disagree", 2),
    ("don't know", None), ("don’t know", None),
])
def test_answers(text, value):
    assert parse_answer(text) == ParsedAnswer(value, None)


@pytest.mark.parametrize(("text", "value", "note"), [
    ("4, want de lijnen zijn kort", 4, "want de lijnen zijn kort"),
    ("eens omdat we elkaar kennen", 4, "omdat we elkaar kennen"),
    ("2: wachtlijsten", 2, "wachtlijsten"),
    ("agree because of the OOGO", 4, "because of the OOGO"),
    ("weet ik niet - nieuw in de regio", None, "nieuw in de regio"),
])
def test_answers_with_explanation(text, value, note):
    assert parse_answer(text) == ParsedAnswer(value, note)


@pytest.mark.parametrize("text", ["7", "0", "-1", "12"])
def test_out_of_range(text):
    assert isinstance(parse_answer(text), OutOfRange)


@pytest.mark.parametrize("text", ["blabla", "eenstemmig", "4 keer", "hallo", ""])
def test_not_answers(text):
    assert parse_answer(text) is None


@pytest.mark.parametrize(("text", "name", "number"), [
    ("terug", "back", None), ("back", "back", None), ("overslaan", "skip", None),
    ("skip", "skip", None), ("wijzig 5", "change", 5), ("change 12", "change", 12),
    ("wijzig vraag 3", "change", 3), ("pauze", "pause", None), ("pause", "pause", None),
    ("voortgang", "progress", None), ("progress", "progress", None),
    ("samenvatting", "summary", None), ("summary", "summary", None), ("stop", "stop", None),
    ("quit", "stop", None), ("help", "help", None), ("/help", "help", None),
    ("bevestig", "confirm", None), ("verder", "resume", None), ("opnieuw", "restart", None),
])
def test_commands(text, name, number):
    assert parse_command(text) == Command(name, number=number)


def test_note_command_and_questions():
    expected = Command("note", note="lange wachtlijst")
    assert parse_command("toelichting: lange wachtlijst") == expected
    assert looks_like_question("wat bedoel je met afstemming?")
    assert looks_like_question("What is the OOGO")
    assert not looks_like_question("4")
