"""Defects found by attacking several figures in one question, figures held elsewhere and their
follow-ups (tests/core/attack9_questions.jsonl, written before the fixes)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REST_OF_SWV = "ligt hoger dan de rest van het samenwerkingsverband"


def test_every_figure_of_a_combined_answer_keeps_its_test_line(ask) -> None:
    """Two figures whose test sentences read the same each keep theirs: jeugdzorg and NEET of
    Zwolle are both significantly higher than the rest of the partnership (the combined answer
    used to drop every line a figure before it had shown, so NEET lost its conclusion)."""
    reply = ask("Vergelijk jeugdzorg en NEET in Zwolle met het samenwerkingsverband")
    text = reply.full_text()
    assert {f.indicator for f in reply.facts} == {"jeugdzorg", "neet"}
    assert text.count(REST_OF_SWV) == sum(
        1 for t in reply.debug["tests"] if t.get("significant") and t.get("relevant"))
    assert text.count(REST_OF_SWV) == 2


def test_a_note_about_the_question_stands_once(ask) -> None:
    reply = ask("zet het op een kaart", conv="a9-map")
    ask("jeugdzorg en NEET in Zwolle", conv="a9-map2")
    reply = ask("zet het op een kaart", conv="a9-map2")
    assert reply.full_text().count("Een kaart kan ik niet maken") == 1
    assert {f.indicator for f in reply.facts} == {"jeugdzorg", "neet"}


def test_attack9_set() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    from score_eval import score_file

    share, failures = score_file(ROOT / "tests" / "core" / "attack9_questions.jsonl")
    assert share >= 24 / 30, failures


@pytest.mark.parametrize(("question", "indicator", "measure"), [
    ("jeugdzorg en thuiszitters in Zwolle", "jeugdzorg", "thuiszitters"),
    ("NEET en verzuim in Enschede", "neet", "verzuim"),
    ("Hoe hoog zijn het schoolverzuim en de NEET in Tilburg?", "neet", "verzuim"),
    ("Wat kost het leerlingenvervoer in Zwolle en hoe hoog is de jeugdzorg daar?", "jeugdzorg",
     "leerlingenvervoer"),
    ("youth care and school absenteeism in Utrecht", "jeugdzorg", "absenteeism"),
])
def test_a_measure_beside_a_figure_is_said_to_be_elsewhere(ask, question, indicator,
                                                            measure) -> None:
    """The figure is answered and the measure is not silently dropped (nor the figure)."""
    reply = ask(question)
    assert any(f.indicator == indicator for f in reply.facts)
    text = reply.full_text()
    assert measure in text and ("heb ik niet" in text or "I have no figures" in text)


@pytest.mark.parametrize("question", [
    "NEET onder voortijdig schoolverlaters in Utrecht",  # a group the figures have
    "Hoe lang zijn de wachttijden voor jeugdhulp in Almere?",  # jeugdhulp is its object
    "Jeugdzorggebruik in het vso in Deventer",
])
def test_no_measure_note_where_none_is_beside(ask, question) -> None:
    assert "Vraag gerust waar je die cijfers vindt" not in ask(question).full_text()


@pytest.mark.parametrize("follow_up", ["en in Zwolle?", "en in 2020?", "en in een grafiek?",
                                       "en daar in 2021?"])
def test_a_follow_up_after_a_measure_held_elsewhere_asks_for_it_again(ask, follow_up) -> None:
    ask("Hoeveel thuiszitters zijn er in Deventer?", conv=f"a9-{follow_up}")
    reply = ask(follow_up, conv=f"a9-{follow_up}")
    assert not reply.facts and reply.intent in ("sources", "explain")
    assert "Cijfers over thuiszitters heb ik niet" in reply.full_text()


def test_a_figure_after_a_measure_held_elsewhere_keeps_its_place(ask) -> None:
    ask("Hoeveel thuiszitters zijn er in Deventer?", conv="a9-place")
    reply = ask("en de NEET daar?", conv="a9-place")
    assert any(f.indicator == "neet" and f.region == "GM0150" for f in reply.facts)


def test_a_figure_question_after_a_measure_is_a_figure_question(ask) -> None:
    ask("Wat is het verzuim in Apeldoorn?", conv="a9-fig")
    reply = ask("en de jeugdzorg in Zwolle?", conv="a9-fig")
    assert any(f.indicator == "jeugdzorg" and f.region == "GM0193" for f in reply.facts)
    reply = ask("Wat doet Zwolle tegen thuiszitters?", conv="a9-word")
    assert "heb ik niet" not in reply.full_text()


@pytest.mark.parametrize("question", ["kun je dat in kaart brengen voor het vso?",
                                      "zet het eens in een tabel", "en in een grafiekje?"])
def test_a_way_of_showing_after_in_is_no_unknown_place(ask, question) -> None:
    """"in kaart brengen" was read as a place called "kaart" ("Ik ken geen ... gemeente met de
    naam kaart")."""
    ask("NEET in Zwolle", conv=f"a9-show-{question}")
    reply = ask(question, conv=f"a9-show-{question}")
    assert "met de naam" not in reply.full_text()
    assert any(f.region == "GM0193" for f in reply.facts)


@pytest.mark.parametrize("question", ["Welke samenwerkingsverbanden hebben de meeste thuiszitters?",
                                      "Which municipalities have the most truancy?"])
def test_a_ranking_of_a_measure_held_elsewhere_says_so(ask, question) -> None:
    reply = ask(question)
    assert not reply.facts and reply.intent in ("sources", "explain")
    assert "heb ik niet" in reply.full_text() or "I have no figures" in reply.full_text()


@pytest.mark.parametrize("follow_up", ["en de thuiszitters?", "ook thuiszitters?",
                                       "and the school absenteeism?"])
def test_a_measure_asked_after_a_figure_is_held_elsewhere(ask, follow_up) -> None:
    ask("NEET in Zwolle", conv=f"a9-after-{follow_up}")
    reply = ask(follow_up, conv=f"a9-after-{follow_up}")
    assert not reply.facts
    assert "heb ik niet" in reply.full_text() or "I have no figures" in reply.full_text()


def test_the_word_after_a_figure_stays_a_question_about_the_word(ask) -> None:
    ask("NEET in Zwolle", conv="a9-word-after")
    reply = ask("en wat is een thuiszitter?", conv="a9-word-after")
    assert "heb ik niet" not in reply.full_text()


def test_two_measures_held_elsewhere_are_both_said_with_their_sources(ask) -> None:
    reply = ask("thuiszitters en verzuim in Deventer")
    text = reply.full_text()
    assert "Cijfers over thuiszitters en verzuim heb ik niet" in text
    assert "Leerplichttelling" in text and "DUO" in text and len(reply.citations) == 2
    english = ask("How many home sitters and how much absenteeism in Utrecht?").full_text()
    assert english.count("The documents are in Dutch") == 1


@pytest.mark.parametrize("follow_up", ["en na vsv?", "en bij voortijdig schoolverlaters?"])
def test_a_group_the_figures_have_after_a_figure_stays_a_figure(ask, follow_up) -> None:
    """"en na vsv?" after NEET asks for the relative risk after voortijdig schoolverlaten,
    not for vsv figures held elsewhere."""
    ask("NEET in Zwolle", conv=f"a9-group-{follow_up}")
    reply = ask(follow_up, conv=f"a9-group-{follow_up}")
    assert any(f.indicator == "neet_rr" and f.category == "vsv" for f in reply.facts)


@pytest.mark.parametrize("question, year", [("NEET in Zwolle in 1850", 1850),
                                            ("jeugdzorg in Zwolle in het jaar 2100", 2100)])
def test_a_year_far_outside_the_figures_is_said_not_passed_over(ask, question, year) -> None:
    """Found in a later attack: these got the newest figure without a word."""
    assert ask(question).text.startswith(f"Voor {year} heb ik geen cijfers")


@pytest.mark.parametrize("question", ["Hoe hoog is de NEET in Zw\u200bolle?",
                                      "Hoe hoog is de NEET in Zwo\u00adlle?",
                                      "\u202eHoe hoog is de NEET in Zwolle?"])
def test_invisible_characters_do_not_hide_a_place(ask, question) -> None:
    """Found in a later attack: a zero-width space inside "Zwolle" (pasted from a document)
    dropped the place, and the answer was the figure of Nederland."""
    assert "GM0193" in {f.region for f in ask(question).facts}
