""""Buurgemeenten", "omliggende gemeenten": the figures have no neighbours of a gemeente. Such a
comparison used to be answered silently against Nederland (found in a user trial); it is read as
the other gemeenten of the samenwerkingsverband, the gemeenten a region holds its OOGO with, and
the answer says so in its first line."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question, words", [
    ("Hoe doet Zwolle het op NEET vergeleken met de omliggende gemeenten?",
     "omliggende gemeenten"),
    ("NEET in Zwolle ten opzichte van de buurgemeenten", "buurgemeenten"),
])
def test_neighbours_are_the_rest_of_the_samenwerkingsverband(ask, question, words) -> None:
    reply = ask(question)
    assert reply.text.startswith(f'"{words}" lees ik als de andere gemeenten in het '
                                 "samenwerkingsverband.")
    assert "rest van Samenwerkingsverband VO 23.05" in reply.text
    assert "NL01" not in {f.region for f in reply.facts}


def test_as_a_follow_up(ask) -> None:
    ask("Hoe hoog is de NEET in Zwolle?", conv="nb-1")
    reply = ask("en t.o.v. onze buurgemeenten?", conv="nb-1")
    assert "rest van Samenwerkingsverband VO 23.05" in reply.text


def test_in_english(ask) -> None:
    reply = ask("How does Zwolle compare with neighbouring municipalities on NEET?")
    assert reply.text.startswith('I take "neighbouring municipalities" to mean the other')


def test_no_note_without_those_words(ask) -> None:
    reply = ask("Hoe scoort Zwolle op NEET vergeleken met het samenwerkingsverband?")
    assert "lees ik als" not in reply.text
