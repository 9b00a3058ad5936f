"""A samenwerkingsverband named by its own name ("SWV VO Eemland"), which the OCW regio-indeling
does not carry: the assistant says it does not know it and how to name one, instead of answering
for Nederland as if no region had been named. Plus the held-out set of such questions
(tests/core/swv_name_questions.jsonl, written before the change; scored like the dev set)."""

from __future__ import annotations

import sys
from pathlib import Path

from indicators.mentions import ordinary_words
from indicators.swv_names import named_swv_spans

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = Path(__file__).with_name("swv_name_questions.jsonl")


def _named(text: str) -> list[str]:
    return [text[a:b] for a, b in named_swv_spans(text, [], ordinary_words())]


def test_the_name_after_swv_and_its_describing_words_is_found() -> None:
    assert _named("NEET in SWV VO Eemland") == ["SWV VO Eemland"]
    assert _named("Vergelijk SWV Koers VO met Nederland") == ["SWV Koers VO"]
    assert _named("het samenwerkingsverband passend onderwijs De Liemers, en Zwolle") == [
        "samenwerkingsverband passend onderwijs De Liemers"]


def test_descriptions_numbers_and_other_words_name_nothing() -> None:
    for text in ("Wat is een samenwerkingsverband passend onderwijs?", "NEET in SWV VO 26.02",
                 "het samenwerkingsverband van Deventer", "Hoeveel scholen heeft een SWV?",
                 "Vergelijk Deventer met het samenwerkingsverband",
                 "Is een samenwerkingsverband met veel scholen groter?",
                 "neet in het swv tonen", "jeugdzorg swv de eem",  # all lower case: no names
                 "NEET in het SWV Vorig Jaar", "NEET in SWV Afgelopen Jaren"):
        assert _named(text) == [], text


def test_a_known_place_after_swv_is_left_to_the_place_scan() -> None:
    text = "NEET in SWV VO Amersfoort"
    taken = [(text.index("SWV"), len(text))]
    assert named_swv_spans(text, taken, ordinary_words()) == []


def test_an_unknown_swv_is_said_with_how_to_name_one(ask) -> None:
    reply = ask("Hoe hoog is de NEET in samenwerkingsverband Eemland?")
    assert reply.intent == "out_of_scope" and not reply.facts
    assert reply.text.startswith('Ik ken geen samenwerkingsverband "samenwerkingsverband '
                                 'Eemland".') and "SWV VO 26.02" in reply.text
    english = ask("What is the NEET rate of SWV Eemland?")
    assert english.text.startswith('I do not know a partnership called "SWV Eemland".')


def test_an_unknown_swv_next_to_a_known_place_is_not_dropped(ask) -> None:
    reply = ask("Vergelijk de NEET in Zwolle met SWV Eemland")
    assert reply.intent == "out_of_scope" and not reply.facts and "Eemland" in reply.text


def test_the_example_the_message_gives_is_understood(ask) -> None:
    reply = ask("NEET in het samenwerkingsverband VO van Amersfoort")
    assert {f.region for f in reply.facts} >= {"VO2602"}


def test_heldout_swv_name_questions_all_right(core_services) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    import score_eval

    _share, failures = score_eval.score_file(QUESTIONS, core_services)
    # sn03 is typed all in lower case ("swv passend onderwijs de eem"): nothing tells such a
    # name from ordinary words ("neet in het swv tonen"), so lower case names no partnership
    assert set(failures) <= {"sn03"}, failures


def test_a_question_without_figures_names_no_partnership(ask) -> None:
    """'het samenwerkingsverband OPR' in a question about the OPR is no unknown place: only a
    figure question makes the words after "SWV" a partnership (the attack on the first version
    turned these into "Daar kan ik je niet mee helpen")."""
    reply = ask("Heeft het samenwerkingsverband OPR instemmingsrecht?")
    assert reply.intent == "explain" and "ondersteuningsplanraad" in reply.text.lower()
    plan = ask("Wanneer stelt het SWV Ondersteuningsplan vast?")
    assert plan.intent == "explain" and "ondersteuningsplan" in plan.text.lower()


def test_the_place_the_refusal_asks_for_is_answered_with_the_figure_asked(ask) -> None:
    """After "NEET in SWV Eemland" the reply asks for a number or a gemeente; giving one must
    answer the NEET question, not ask again which figures."""
    ask("NEET in SWV Eemland", conv="swv-follow")
    reply = ask("SWV VO 26.02", conv="swv-follow")
    assert {f.region for f in reply.facts} >= {"VO2602"}
    assert {f.indicator for f in reply.facts} == {"neet"}


def test_a_follow_up_naming_an_unknown_swv_is_not_answered_for_another(ask) -> None:
    """"en in SWV Eemland?" after Utrecht answered for Utrecht and its own partnership."""
    ask("NEET in Utrecht", conv="swv-utrecht")
    reply = ask("en in SWV Eemland?", conv="swv-utrecht")
    assert reply.intent == "out_of_scope" and not reply.facts and "Eemland" in reply.text


def test_a_province_after_swv_is_still_a_province(ask) -> None:
    assert "provincie" in ask("NEET in SWV Zuid-Holland").text


def test_a_name_ends_at_a_word_in_lower_case_and_acronyms_of_the_field_are_no_names() -> None:
    assert _named("NEET in SWV Eemland tonen") == ["SWV Eemland"]
    assert _named("Heeft het samenwerkingsverband OPR instemmingsrecht?") == []
    assert _named("Wat staat er in het SWV OPP?") == []
