"""find_mentions on realistic questions, including its guards against ordinary words."""

from __future__ import annotations

import pytest


def codes(registry, text):
    return [m.codes for m in registry.find_mentions(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Hoeveel jongeren in Amsterdm krijgen jeugdhulp?", [["GM0363"]]),
    ("Vergelijk Zwolle en Deventer op jeugdzorg", [["GM0193"], ["GM0150"]]),
    ("Is de NEET in Súdwest-Fryslân gestegen?", [["GM1900"]]),
    ("Jeugdzorg in Den Bosch?", [["GM0796"]]),
    ("Hoe hoog is de NEET in Den Haag?", [["GM0518"]]),
    ("Wat is het jeugdzorggebruik in Bergen?", [["GM0373", "GM0893"]]),
    ("Hoe doet Bergen op Zoom het vergeleken met Nederland?", [["GM0748"], ["NL01"]]),
    ("Jeugdzorg in 's-Hertogenbosch", [["GM0796"]]),
    ("Vergelijk Hof van Twente met Oost Gelre", [["GM1735"], ["GM1586"]]),
    ("Hoe staat Son en Breugel ervoor?", [["GM0848"]]),
    ("jeugdzorg in zwolle en roterdam", [["GM0193"], ["GM0599"]]),
    ("Wat is de NEET in Zeist en Ede?", [["GM0355"], ["GM0228"]]),
    ("Cijfers voor Bergen (NH.) graag", [["GM0373"]]),
    ("Hoe scoort VO 27.08 ten opzichte van het landelijk gemiddelde?", [["VO2708"], ["NL01"]]),
    ("how does our NEET risk in The Hague compare nationally?", [["GM0518"], ["NL01"]]),
    ("Hoe scoort het samenwerkingsverband VO Zwolle?", [["VO2305"]]),
    # the region in a partnership's name, as the answers print it: one partnership, not the
    # partnership of Amersfoort and the gemeente Soest beside it
    ("NEET in SWV VO Amersfoort-Soest", [["VO2602"]]),
    ("jeugdzorg samenwerkingsverband PO regio Groningen-Westerkwartier", [["PO2001"]]),
])
def test_realistic_questions(registry, text, expected):
    assert codes(registry, text) == expected


@pytest.mark.parametrize("text", [
    "Wat is de beste aanpak voor thuiszitters in ons dorp?",
    "Best practices voor het OOGO graag.",
    "Dit kan leiden tot uitval.",
    "Veel scholen kampen met personeelstekorten.",
    "We putten uit ervaring van de buren en huizen in de wijk.",
    "Wat zegt het Nederlands Jeugdinstituut over jeugdhulp?",
    "Hoeveel leerlingen in het voortgezet speciaal onderwijs hebben jeugdhulp met verblijf?",
    "Hoe gaat het met de samenwerking tussen onderwijs en jeugdhulp?",
])
def test_ordinary_words_do_not_fire(registry, text):
    assert registry.find_mentions(text) == []


def test_common_word_gemeenten_fire_with_capital_and_context(registry):
    assert codes(registry, "Hoe zit het met de NEET in Best?") == [["GM0753"]]
    assert codes(registry, "de gemeente Best en Putten") == [["GM0753"], ["GM0273"]]
    assert codes(registry, "Dit kan leiden tot uitval in Leiden") == [["GM0546"]]


def test_spans_point_at_the_text(registry):
    text = "Vergelijk Súdwest-Fryslân met Den Haag"
    mentions = registry.find_mentions(text)
    assert [text[m.span[0]:m.span[1]] for m in mentions] == ["Súdwest-Fryslân", "Den Haag"]
    assert [m.text for m in mentions] == ["Súdwest-Fryslân", "Den Haag"]


def test_former_name_in_sentence(registry):
    mentions = registry.find_mentions("Hoe was de NEET in Weesp?")
    assert mentions[0].codes == ["GM0363"] and mentions[0].resolution.method == "former"


def test_country_words(registry):
    assert codes(registry, "Hoe doen wij het op NEET vergeleken met het land?") == [["NL01"]]


@pytest.mark.parametrize("text", [
    "Worden er afspraken gemaakt over thuiszitters?",
    "Welke afspraken worden er gemaakt in het OOGO?",
    "Er hangen de wolken boven de samenwerking.",
])
def test_short_ordinary_words_are_not_typos_of_names(registry, text):
    assert registry.find_mentions(text) == []


def test_short_typo_counts_when_capitalised_mid_sentence(registry):
    assert codes(registry, "Hoe hoog is de NEET in Utrech?") == [["GM0344"]]
    assert codes(registry, "jeugdzorg in groningn") == [["GM0014"]]


def test_ordinary_words_follow_the_catalog_object(registry):
    """Cached per catalog object: another catalog gets its own words, the same one the same."""
    from dataclasses import replace

    from indicators import catalog as catalog_module
    from indicators.mentions import ordinary_words

    shipped = catalog_module.catalog()
    first = next(iter(shipped.values()))
    other = {**shipped, "extra": replace(first, id="extra", synonyms=("zonnebloemveld",))}
    assert ordinary_words(shipped) is ordinary_words(shipped)
    assert "zonnebloemveld" in ordinary_words(other)
    assert "zonnebloemveld" not in ordinary_words(shipped)


def test_typo_matches_are_the_same_when_remembered(registry):
    first = codes(registry, "jeugdzorg in zwolle en roterdam")
    assert codes(registry, "jeugdzorg in zwolle en roterdam") == first == [["GM0193"],
                                                                           ["GM0599"]]
