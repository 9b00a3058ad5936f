"""A figure the tables do not hold, asked for as a figure ("Hoeveel thuiszitters heeft
Deventer?", "Wat is het verzuim in Apeldoorn?"), gets one sentence that the tables hold no figures
for it and the passage on where they are published. It used to get the definition of the word, a
clarifying question offering jeugdzorg and NEET, a refusal, or (for "wachttijden voor jeugdhulp")
the jeugdzorg figures. Plus the held-out set written before the change
(tests/core/figures_elsewhere_questions.jsonl), whose score may not drop."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LEAD = "heb ik niet: mijn tabellen gaan alleen over het jeugdzorggebruik en NEET"


@pytest.mark.parametrize("question, measure", [
    ("Hoeveel thuiszitters zijn er in Deventer?", "thuiszitters"),
    ("Wat is het schoolverzuim in Apeldoorn?", "verzuim"),
    ("verzuimcijfers Enschede 2023", "verzuim"),
    ("Hoe lang zijn de wachttijden voor jeugdhulp in Almere?", "wachttijden in de jeugdhulp"),
    ("Hoeveel kinderen hebben een vrijstelling 5 onder a in Zwolle?",
     "vrijstellingen van de leerplicht"),
    ("thuiszitters in onze gemeente", "thuiszitters"),
])
def test_a_figure_held_elsewhere_says_so_and_cites_a_document(ask, question, measure) -> None:
    reply = ask(question, region="GM0193")
    assert reply.facts == [] and reply.intent == "sources"
    assert reply.text.startswith(f"Cijfers over {measure} {LEAD}")
    assert reply.passages and reply.citations  # a passage quoted whole, with its source


def test_english_gets_the_english_sentence(ask) -> None:
    reply = ask("How many thuiszitters does Utrecht have?")
    assert reply.text.startswith("I have no figures on thuiszitters")
    assert reply.facts == [] and reply.passages


def test_a_follow_up_after_a_figure_answer(ask) -> None:
    ask("Hoe hoog is de NEET in Zwolle?", conv="fe-follow")
    reply = ask("en hoeveel thuiszitters zijn er daar?", conv="fe-follow")
    assert reply.facts == [] and LEAD in reply.text


@pytest.mark.parametrize("question", [
    "Wat is een thuiszitter?",  # the word itself
    "Wat doet Zwolle tegen thuiszitters?",  # the approach, not a figure
    "Hoe pak je verzuim aan in Deventer?",
    "Welke afspraken over leerlingenvervoer maakt Almere?",
])
def test_questions_about_the_word_or_the_approach_are_not_figure_questions(ask, question) -> None:
    assert LEAD not in ask(question).text


def test_the_tables_own_figures_stay_figure_answers(ask) -> None:
    """A message naming an indicator of the tables is a figure question, also beside a measure's
    word: the NEET risk of voortijdig schoolverlaters is in the tables."""
    reply = ask("NEET onder voortijdig schoolverlaters in Breda")
    assert {(f.indicator, f.category) for f in reply.facts} == {("neet_rr", "vsv")}
    assert LEAD not in reply.text
    assert {f.indicator for f in ask("Jeugdzorggebruik in het vso in Deventer").facts} == {
        "jeugdzorg"}


def test_heldout_set_keeps_its_score(core_services) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    import score_eval

    path = Path(__file__).with_name("figures_elsewhere_questions.jsonl")
    _share, failures = score_eval.score_file(path, core_services)
    # fe07 (vsv: the documents have no source per gemeente), fe10 (the passage found is about the
    # agenda, not the source) and fe14 (a wording of the vsv group the slots miss) fail as measured
    assert set(failures) <= {"fe07", "fe10", "fe14"}, failures


@pytest.mark.parametrize("question", [
    "Wat kost jeugdzorg per jongere in Zwolle?",
    "Hoeveel geld geeft Deventer uit aan jeugdhulp?",
    "Geeft Amersfoort meer geld uit aan jeugdhulp dan Utrecht?",
    "Is jeugdzorg in Zwolle duur vergeleken met andere gemeenten?",
])
def test_a_cost_is_not_answered_with_the_usage_percentage(ask, question) -> None:
    """The tables hold no money. A cost question used to get the usage percentage, which reads
    as an answer; now the sentence that there are no cost figures and where they are."""
    reply = ask(question)
    assert reply.facts == []
    assert reply.text.startswith(f"Cijfers over de kosten van de jeugdhulp {LEAD}")
    assert "Waarstaatjegemeente" in reply.text


def test_a_cost_asked_after_a_figure_keeps_the_figure(ask) -> None:
    """"... en wat kost dat?": the figure asked first is answered, and the cost is said to be
    elsewhere (a second question after "en" is a measure beside the figure)."""
    reply = ask("Hoe hoog is de jeugdzorg in het vso in Apeldoorn en wat kost dat?")
    assert {(f.indicator, f.category) for f in reply.facts} >= {("jeugdzorg", "vso")}
    assert reply.text.startswith("Cijfers over de kosten van de jeugdhulp")
    reply = ask("Hoe hoog is de NEET in Zwolle en hoeveel thuiszitters zijn er?")
    assert {f.indicator for f in reply.facts} == {"neet"}
    assert reply.text.startswith("Cijfers over thuiszitters")


@pytest.mark.parametrize("question", [
    "Hoeveel tijd kost het invullen van de regioscan?",  # time, not money
    "Wat kost de regioscan?",  # a cost of no place or figure: about the scan
    "Wat kost het leerlingenvervoer in Almere?",  # the cost of another measure: that measure
])
def test_costs_of_something_else_are_not_the_costs_of_jeugdhulp(ask, question) -> None:
    assert "de kosten van de jeugdhulp" not in ask(question).text


def test_cost_set_keeps_its_score(core_services) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    import score_eval

    path = Path(__file__).with_name("costs_questions.jsonl")
    _share, failures = score_eval.score_file(path, core_services)
    assert not failures, failures


@pytest.mark.parametrize("question", [
    "Hoeveel thuiszitters zijn er landelijk?",
    "Hoeveel thuiszitters heeft Nederland?",
    "How many thuiszitters are there nationally?",
])
def test_a_measure_asked_for_nederland_gets_the_national_figures(ask, question) -> None:
    """Found in a user trial: "Hoeveel thuiszitters zijn er landelijk?" got where to find the
    figures per gemeente, while the documents hold the national count. A measure with national
    figures in the source overview, asked for Nederland, gets that section."""
    reply = ask(question)
    assert reply.facts == []
    assert [c.heading for c in reply.citations][:1] == ["Hoeveel thuiszitters telt heel Nederland?"]
    assert "13.707" in reply.text


def test_a_measure_asked_for_a_gemeente_still_gets_where_to_find_it(ask) -> None:
    reply = ask("Hoeveel thuiszitters zijn er in Deventer?")
    assert "Hoeveel thuiszitters telt heel Nederland?" not in [c.heading for c in reply.citations]
    assert "Leerplichttelling" in reply.text


def test_spending_in_other_words_is_a_cost(ask) -> None:
    """Found in a third user trial: "Hoeveel geeft Deventer per jongere uit aan jeugdhulp?" got
    the usage of each kind of care."""
    for question in ("Hoeveel geeft Deventer per jongere uit aan jeugdhulp?",
                     "Hoeveel besteedt Zwolle aan jeugdzorg?"):
        reply = ask(question)
        assert reply.facts == [] and reply.text.startswith("Cijfers over de kosten"), question
