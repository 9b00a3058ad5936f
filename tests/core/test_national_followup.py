"""Nederland as the yardstick: "En landelijk?" after a place compares that place with
Nederland, and Nederland is always named last in a comparison."""

from __future__ import annotations


def test_en_landelijk_keeps_the_place_of_the_previous_question(ask) -> None:
    ask("Jeugdzorg in het vso in Tilburg", conv="nl-followup")
    reply = ask("En landelijk?", conv="nl-followup")
    keys = [(f.region, f.category) for f in reply.facts]
    assert keys == [("GM0855", "vso"), ("NL01", "vso")]
    assert reply.intent == "compare"


def test_nederland_is_named_last(ask) -> None:
    reply = ask("Vergelijk ons samenwerkingsverband met het land op NEET", region="GM0363")
    assert [f.region for f in reply.facts] == ["VO2708", "NL01"]
    assert reply.text.index("Samenwerkingsverband") < reply.text.index("Nederland")
