"""Several things in one question, and a figure word that only describes young people.

Each used to be answered for one thing without a word about the rest: "jeugdzorg en NEET in het
vso" gave jeugdzorg alone, "NEET voor vso en havo" dropped havo, "jeugdzorg voor po en vo" gave
the po, and "NEET onder jongeren met jeugdhulp" gave the NEET of everyone as if it were the
group's. Plus the held-out set written before the change (tests/core/understand8_questions.jsonl,
scored like the dev set)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from bot.core.understanding import lexicon as lx
from bot.core.understanding.several import (
    coordinated_categories,
    groups_without_figures,
    read_indicators,
)
from bot.core.understanding.slots import mentions_neet_or_risk

ROOT = Path(__file__).resolve().parents[2]
GROUP_MISSING = "Een cijfer voor alleen deze groep heb ik niet"


def _read(text: str):
    return read_indicators(text, lx.INDICATOR_PATTERNS, mentions_neet_or_risk(text))


@pytest.mark.parametrize(("text", "asked", "groups"), [
    ("jeugdzorg en neet in het vso in zwolle", ("jeugdzorg", "neet"), ()),
    ("hoe staat het met jeugdhulp en neet in zwolle?", ("jeugdzorg", "neet"), ()),
    ("geef me de neet en het jeugdzorggebruik van apeldoorn", ("neet", "jeugdzorg"), ()),
    ("wat is de neet in       ? en hoe zit het met jeugdzorg?", ("neet", "jeugdzorg"), ()),
    ("neet onder jongeren met jeugdhulp in tilburg", ("neet",), ("jeugdzorg",)),
    ("hoeveel jongeren in de jeugdzorg in deventer zijn neet?", ("neet",), ("jeugdzorg",)),
    ("jeugdzorggebruik onder neet-jongeren in arnhem", ("jeugdzorg",), ("neet",)),
    ("neet among young people in youth care in utrecht", ("neet",), ("jeugdzorg",)),
])
def test_figures_asked_and_figures_that_describe_a_group(text, asked, groups) -> None:
    found = _read(text)
    assert found.asked == asked and found.groups == groups


@pytest.mark.parametrize("text", [
    "neet risico jeugdhulp almelo",  # neither joined nor a group: read as before
    "relatief risico op neet voor jongeren met jeugdbescherming",  # a category, no indicator
    "neet bij jongeren met ambulante jeugdhulp",  # the kind of care: a category
    "wat is het relatief risico op neet na jeugdhulp met verblijf",
])
def test_one_figure_stays_one(text) -> None:
    assert len(_read(text).asked) <= 1


def test_a_lone_group_word_is_only_sure_after_a_restricting_word() -> None:
    assert _read("en bij jongeren met jeugdzorg?").only_group
    assert _read("en onder neet-jongeren?").only_group
    assert not _read("en hoeveel jongeren met jeugdhulp zijn er?").only_group
    assert not _read("jeugdzorg in zwolle").only_group


def test_categories_side_by_side_and_groups_without_figures() -> None:
    assert coordinated_categories("jeugdzorg voor po en vo", ["po", "vo"]) == ["po", "vo"]
    assert coordinated_categories("vergelijk het po met het vo", ["po", "vo"]) == ["po", "vo"]
    assert coordinated_categories("leerlingen in het po met jeugdhulp zonder verblijf",
                                  ["po", "jeugdhulp_zonder_verblijf"]) == []
    valid = ("totaal", "vso", "pro")
    assert groups_without_figures("neet voor vso en havo", ["vso"], valid) == (["havo"], [])
    assert groups_without_figures("neet onder meisjes in het vso", ["vso"], valid) == (
        [], ["meisjes"])
    assert groups_without_figures("neet bij mbo-studenten", ["mbo"], valid) == ([], ["mbo"])


def test_neet_for_young_people_with_jeugdhulp_says_it_has_no_figure_for_them(ask) -> None:
    for question in ("NEET onder jongeren met jeugdhulp in Tilburg",
                     "Hoeveel jongeren in de jeugdzorg in Deventer zijn NEET?",
                     "Wat is de NEET bij jongeren die jeugdhulp krijgen in Enschede?"):
        reply = ask(question)
        assert {(f.indicator, f.category) for f in reply.facts} == {("neet", "totaal")}
        assert reply.text.startswith(GROUP_MISSING), question
    english = ask("NEET among young people in youth care in Utrecht")
    assert english.text.startswith("I have no figure for this group alone")


def test_the_group_word_as_a_follow_up(ask) -> None:
    ask("NEET in Breda", conv="u8-fu-group")
    reply = ask("en bij jongeren met jeugdzorg?", conv="u8-fu-group")
    assert {(f.indicator, f.region) for f in reply.facts} == {("neet", "GM0758"),
                                                              ("neet", "NL01")}
    assert reply.text.startswith(GROUP_MISSING)
    ask("NEET in Breda", conv="u8-fu-ask")
    asked = ask("en hoeveel jongeren met jeugdhulp zijn er?", conv="u8-fu-ask")
    assert {f.indicator for f in asked.facts} == {"jeugdzorg"}


def test_a_kind_of_care_beside_the_care_word_is_no_group_without_figures(ask) -> None:
    reply = ask("NEET bij jongeren met ambulante jeugdhulp in Zwolle")
    assert {(f.indicator, f.category) for f in reply.facts} == {
        ("neet_rr", "jeugdhulp_zonder_verblijf")}
    assert GROUP_MISSING not in reply.text


def test_two_figures_in_one_question_are_both_answered_in_the_order_asked(ask) -> None:
    reply = ask("hoe staat het met jeugdhulp én NEET in Zwolle?", conv="u8-two")
    indicators = [f.indicator for f in reply.facts]
    assert {"jeugdzorg", "neet"} <= set(indicators)
    assert indicators.index("jeugdzorg") < indicators.index("neet")
    assert reply.text.count("Definitie") == 0  # the definitions stand in ``about``
    assert len([line for line in reply.about if line.startswith("Definitie")]) == 2
    vso = ask("jeugdzorg en NEET in het vso in Zwolle")
    assert {(f.indicator, f.category) for f in vso.facts if f.region == "GM0193"} == {
        ("jeugdzorg", "vso"), ("neet_rr", "vso")}
    assert vso.text.count("\n\n") == 1  # two answers, one after the other


def test_a_follow_up_asks_for_both_again_until_one_is_named(ask) -> None:
    conv = "u8-two-fu"
    ask("jeugdzorg en NEET in Zwolle", conv=conv)
    year = ask("en in 2020?", conv=conv)
    assert {(f.indicator, f.year) for f in year.facts if f.region == "GM0193"} == {
        ("jeugdzorg", 2020), ("neet", 2020)}
    place = ask("en in Deventer?", conv=conv)
    assert {(f.indicator, f.region) for f in place.facts if f.region.startswith("GM")} == {
        ("jeugdzorg", "GM0150"), ("neet", "GM0150")}
    one = ask("en NEET?", conv=conv)
    assert {f.indicator for f in one.facts} == {"neet"}


def test_a_group_without_figures_beside_one_with_figures_is_named(ask) -> None:
    reply = ask("NEET in Breda voor vso en havo")
    assert {(f.indicator, f.category) for f in reply.facts} == {("neet_rr", "vso")}
    assert "Voor havo heb ik geen cijfers." in reply.text
    english = ask("NEET among pupils from pro and havo in Breda")
    assert "I have no figures for havo." in english.text
    girls = ask("Jeugdzorg bij vso-leerlingen en bij meisjes in Zwolle")
    assert "Voor meisjes heb ik geen cijfers." in girls.text


def test_two_categories_with_figures_are_both_answered(ask) -> None:
    reply = ask("Jeugdzorg in Zwolle voor po en vo")
    assert {f.category for f in reply.facts} == {"po", "vo"}
    compared = ask("Vergelijk jeugdzorg in het po met het vo in Zwolle")
    assert {f.category for f in compared.facts} == {"po", "vo"}
    care = ask("Hoeveel leerlingen in het po in Zwolle krijgen jeugdhulp zonder verblijf?")
    assert {f.category for f in care.facts} == {"jeugdhulp_zonder_verblijf"}


def test_heldout_set_understand8(core_services) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    import score_eval

    _share, failures = score_eval.score_file(Path(__file__).with_name(
        "understand8_questions.jsonl"), core_services)
    assert not failures, failures


@pytest.mark.parametrize(("text", "asked"), [
    ("zowel jeugdzorg als neet in zwolle graag", ("jeugdzorg", "neet")),
    ("hoe hoog is de jeugdzorg in        en hoe hoog is de neet in       ?",  # places blanked
     ("jeugdzorg", "neet")),
    ("wat is het aandeel neet en hoeveel jongeren met jeugdhulp zijn er in zwolle",
     ("neet", "jeugdzorg")),  # the young people counted: a figure asked, no group
])
def test_more_ways_to_ask_two_figures(text, asked) -> None:
    assert _read(text).asked == asked


def test_more_groups_without_figures(ask) -> None:
    hbo = ask("jeugdzorg voor vo en hbo in Zwolle")
    assert {f.category for f in hbo.facts} == {"vo"} and "Voor hbo heb ik geen cijfers." in hbo.text
    # vmbo has no jeugdzorg figure of its own; the vo figure it is part of (thirteenth session:
    # it used to be the figure of all jeugdigen, further from what was asked)
    vmbo = ask("jeugdzorg bij vmbo-leerlingen in Zwolle")
    assert {f.category for f in vmbo.facts} == {"vo"} and vmbo.text.startswith(GROUP_MISSING)
    basis = ask("NEET onder jongeren uit vmbo-basis in Zwolle")
    assert {f.category for f in basis.facts} == {"vmbo_basis"} and GROUP_MISSING not in basis.text
    foster = ask("NEET onder pleegkinderen in Zwolle")
    assert {(f.indicator, f.category) for f in foster.facts} == {
        ("neet_rr", "jeugdhulp_met_verblijf")}


def test_two_answers_share_their_source_once_after_both_definitions(ask) -> None:
    reply = ask("jeugdzorg en NEET in Zwolle")
    kinds = [line.split(":")[0] for line in reply.about]
    assert kinds == ["Definitie", "Definitie", "Bron"]
