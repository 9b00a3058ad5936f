"""Which gemeenten make up a samenwerkingsverband, and which samenwerkingsverbanden a gemeente
is in. Found in a user trial: "Welke gemeenten vallen onder samenwerkingsverband PO2707?" got "Ik
weet niet zeker wat je bedoelt", and "Welke gemeenten horen bij het samenwerkingsverband van
Zwolle?" a question about which figure was meant. The names come from the registry."""

from __future__ import annotations

import pytest

SOURCE = "Bron: Regeling regio-indeling samenwerkingsverbanden passend onderwijs PO en VO"


def test_members_of_a_samenwerkingsverband(ask, core_services) -> None:
    reply = ask("Welke gemeenten vallen onder samenwerkingsverband PO2707?")
    registry = core_services.registry
    names = sorted(m.name for m in registry.members("PO2707"))
    assert reply.intent == "explain" and reply.facts == []
    assert reply.text.startswith(f"{registry.get('PO2707').name} bestaat uit {len(names)} "
                                 "gemeenten: ")
    assert all(name in reply.text for name in names) and SOURCE in reply.text


def test_members_of_the_samenwerkingsverbanden_of_a_gemeente(ask, core_services) -> None:
    reply = ask("Welke gemeenten horen bij het samenwerkingsverband van Zwolle?")
    registry = core_services.registry
    for kind in ("po", "vo"):
        swv = registry.swv_of("GM0193", kind)
        assert f"{swv.name} bestaat uit" in reply.text
    assert {r.code for r in reply.regions} >= {"PO2305", "VO2305"}


@pytest.mark.parametrize("question", ["Bij welk samenwerkingsverband hoort Zwolle?",
                                      "Which samenwerkingsverband is Zwolle in?"])
def test_the_samenwerkingsverbanden_of_a_gemeente(ask, core_services, question) -> None:
    reply = ask(question)
    registry = core_services.registry
    assert registry.swv_of("GM0193", "po").name in reply.text
    assert registry.swv_of("GM0193", "vo").name in reply.text
    assert reply.facts == []


def test_a_name_several_gemeenten_share_answers_for_each(ask) -> None:
    reply = ask("Bij welk samenwerkingsverband hoort Bergen?")
    assert "Bergen (NH.) hoort bij" in reply.text and "Bergen (L.) hoort bij" in reply.text


def test_a_gemeente_split_over_partnerships_says_so(ask, core_services) -> None:
    split = next(g for g in core_services.registry.gemeenten() if g.swv_po_other)
    reply = ask(f"Bij welk samenwerkingsverband hoort {split.name}?")
    assert f"Een deel van de postcodes van {split.name} valt" in reply.text


@pytest.mark.parametrize("question", [
    "Welke gemeenten hebben de hoogste NEET?",  # a ranking: a figure named
    "Welke gemeenten in het samenwerkingsverband van Zwolle hebben de hoogste NEET?",
])
def test_a_figure_question_stays_a_figure_question(ask, question) -> None:
    assert ask(question).facts


def test_same_samenwerkingsverband_or_not(ask) -> None:
    """Found in a second user trial: this got a question about which figures were meant."""
    reply = ask("Hoort Zeist bij hetzelfde samenwerkingsverband als Utrecht?")
    assert "Zeist en Utrecht horen niet bij hetzelfde samenwerkingsverband PO." in reply.text
    assert "Zeist en Utrecht horen niet bij hetzelfde samenwerkingsverband VO." in reply.text
    same = ask("Horen Zwolle en Kampen bij hetzelfde samenwerkingsverband?")
    assert "Zwolle en Kampen horen bij hetzelfde samenwerkingsverband VO." in same.text


def test_members_of_the_own_samenwerkingsverband_from_the_conversation(ask) -> None:
    """"bij ons in het swv" after a figure of Delft: Delft's partnerships (it asked which
    region was meant)."""
    ask("Hoe hoog is de NEET in Delft?", conv="ri-1")
    reply = ask("welke andere gemeenten zitten bij ons in het swv?", conv="ri-1")
    assert "Midden-Delfland" in reply.text and "bestaat uit" in reply.text
    alone = ask("welke andere gemeenten zitten bij ons in het swv?", conv="ri-2")
    assert alone.intent == "clarify"
