"""Name resolution: exact names, aliases, codes, former names, typos, ambiguity, unknown places."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(("text", "code"), [
    ("Amsterdam", "GM0363"),
    ("amsterdam", "GM0363"),
    ("Den Bosch", "GM0796"),
    ("'s-Hertogenbosch", "GM0796"),
    ("s-Hertogenbosch", "GM0796"),
    ("Hertogenbosch", "GM0796"),
    ("Den Haag", "GM0518"),
    ("The Hague", "GM0518"),
    ("'s-Gravenhage", "GM0518"),
    ("Sudwest Fryslan", "GM1900"),
    ("Súdwest Fryslân", "GM1900"),
    ("Súdwest-Fryslân", "GM1900"),
    ("Bergen (NH.)", "GM0373"),
    ("Bergen (L.)", "GM0893"),
    ("Bergen op Zoom", "GM0748"),
    ("Hengelo (O.)", "GM0164"),
    ("Nuenen", "GM0820"),
    ("GM0363", "GM0363"),
    ("gm0363", "GM0363"),
    ("PO2707", "PO2707"),
    ("PO 27.07", "PO2707"),
    ("VO 27.08", "VO2708"),
    ("vo2708", "VO2708"),
    ("Nederland", "NL01"),
    ("landelijk", "NL01"),
    ("NL", "NL01"),
    ("NL01", "NL01"),
    ("swv vo Zwolle", "VO2305"),
    ("gemeente Best", "GM0753"),
    ("Samenwerkingsverband PO 27.07 (regio Amsterdam-Diemen)", "PO2707"),
])
def test_resolves_names_aliases_and_codes(registry, text, code):
    res = registry.resolve(text)
    assert res.ok, res.message
    assert res.region.code == code
    assert not res.candidates


@pytest.mark.parametrize(("typo", "code"), [
    ("Amsterdm", "GM0363"), ("Roterdam", "GM0599"), ("Rotterdm", "GM0599"),
    ("Utrech", "GM0344"), ("Zwole", "GM0193"),
])
def test_typos_resolve_with_a_note(registry, typo, code):
    res = registry.resolve(typo)
    assert res.ok and res.region.code == code
    assert res.method == "fuzzy"
    assert res.region.name in res.message


@pytest.mark.parametrize(("typo", "codes"), [
    ("Roozendaal", ["GM0277", "GM1674"]),  # one slip from Rozendaal and from Roosendaal
    ("Asen", ["GM0106", "GM0743"]),  # Assen, Asten
])
def test_a_typo_as_close_to_two_names_asks_which(registry, typo, codes):
    """Equally few typing slips from two names: no guess by the ratio's small difference."""
    res = registry.resolve(typo)
    assert not res.ok and res.ambiguous and res.method == "fuzzy"
    assert sorted(r.code for r in res.candidates) == codes
    assert f"Ik ken geen gemeente of samenwerkingsverband met de naam '{typo}'" in res.message
    assert "Bedoel je misschien" in res.message


def test_bergen_is_ambiguous(registry):
    res = registry.resolve("Bergen")
    assert not res.ok and res.ambiguous
    assert sorted(r.code for r in res.candidates) == ["GM0373", "GM0893"]
    assert "Bergen (NH.)" in res.message and "Bergen (L.)" in res.message
    assert "Welke bedoel je?" in res.message


def test_swv_without_level_asks_po_or_vo(registry):
    res = registry.resolve("samenwerkingsverband Zwolle")
    assert res.ambiguous
    assert [r.level for r in res.candidates] == ["swv_po", "swv_vo"]


def test_unknown_place_has_clear_dutch_message_and_no_far_suggestions(registry):
    res = registry.resolve("Parijs")
    assert not res.ok and not res.candidates and not res.suggestions
    assert "Ik ken geen gemeente of samenwerkingsverband met de naam 'Parijs'." in res.message
    assert "Parijs" in res.message_in("en")


def test_unknown_but_close_names_suggestions(registry):
    res = registry.resolve("Amsterdam Zuidoost")
    assert not res.ok
    assert [r.code for r in res.suggestions] == ["GM0363"]
    assert "Bedoel je misschien Amsterdam" in res.message


def test_unknown_swv_code(registry):
    res = registry.resolve("PO 99.99")
    assert not res.ok and "PO 99.99" in res.message


def test_former_gemeente_names(registry):
    weesp = registry.resolve("Weesp")
    assert weesp.ok and weesp.region.code == "GM0363" and weesp.method == "former"
    assert "2022" in weesp.message
    haaren = registry.resolve("Haaren")
    assert haaren.ambiguous
    assert {r.name for r in haaren.candidates} == {"Oisterwijk", "Vught", "Boxtel", "Tilburg"}


def test_empty_input(registry):
    res = registry.resolve("   ")
    assert not res.ok and res.message


def test_names_index(registry):
    names = registry.names()
    assert names["bergen"] == ["GM0373", "GM0893"]
    assert names["den bosch"] == ["GM0796"]
    assert names["bergen op zoom"] == ["GM0748"]
    assert names["nederland"] == ["NL01"]
