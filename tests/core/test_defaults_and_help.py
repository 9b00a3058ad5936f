"""Defaults that spare the user a question: peers without a figure show jeugdzorg, and asking
what the assistant can do gives the help text."""

from __future__ import annotations


def test_peers_without_a_figure_show_jeugdzorg_of_the_peers(ask) -> None:
    reply = ask("Welke gemeenten lijken op Zeist?")
    assert reply.intent == "compare"
    regions = {f.region for f in reply.facts}
    assert "GM0355" in regions and len(regions - {"GM0355"}) >= 5
    assert {f.indicator for f in reply.facts} == {"jeugdzorg"}


def test_asking_what_the_assistant_can_do_is_help(ask) -> None:
    for text in ("Kun je me vertellen wat je kunt?", "Wat kun je allemaal?",
                 "Tell me what you can do"):
        reply = ask(text)
        assert reply.intent == "help", text
        assert not reply.facts
