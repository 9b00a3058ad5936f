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


def test_an_unknown_region_code_as_follow_up_is_named_not_explained(ask) -> None:
    """A bare code after an answer is a place like "Deventer" is: a known code gets its figure,
    an unknown one ("GM9999") the message that names it, not the explanation of the last answer;
    "vo 2020" in running text stays the school type and a year."""
    ask("Hoe hoog is de NEET in Zwolle?", conv="code-followup")
    known = ask("GM0150", conv="code-followup")
    assert known.facts and known.facts[0].region == "GM0150"
    unknown = ask("PO9999", conv="code-followup")
    assert unknown.intent == "out_of_scope" and '"PO9999"' in unknown.text and not unknown.facts
    school = ask("jeugdzorg in het vo 2020 in Zwolle", conv="code-vo")
    first = school.facts[0]
    assert (first.region, first.category, first.year) == ("GM0193", "vo", 2020)
