"""Province qualifiers after a place name ("Hengelo (Gld.)", "Bergen in Limburg"): read, resolved
to the gemeente of that province, a former gemeente there, or a question; never the gemeente of
another province."""

from __future__ import annotations

import csv

import pytest

from indicators.mentions import find_mentions, find_places
from indicators.names import without_suffix
from indicators.provinces import PROVINCES, qualifier_at, split_qualified
from indicators.registry import DATA_DIR


@pytest.mark.parametrize(("text", "base", "province", "explicit"), [
    ("Hengelo (Gld.)", "Hengelo", "Gelderland", True),
    ("Hengelo (O.)", "Hengelo", "Overijssel", True),
    ("Bergen (NH)", "Bergen", "Noord-Holland", True),
    ("Bergen (N.-H.)", "Bergen", "Noord-Holland", True),
    ("Bergen (Noord-Holland)", "Bergen", "Noord-Holland", True),
    ("Bergen (prov. Limburg)", "Bergen", "Limburg", True),
    ("Hengelo Gelderland", "Hengelo", "Gelderland", False),
    ("Hengelo Gld.", "Hengelo", "Gelderland", False),
    ("Zwolle, Overijssel", "Zwolle", "Overijssel", False),
    ("Bergen in Limburg", "Bergen", "Limburg", False),
    ("Arnhem in de provincie Gelderland", "Arnhem", "Gelderland", True),
    ("Bergen, North Holland", "Bergen", "Noord-Holland", False),
    ("Sneek (Friesland)", "Sneek", "Fryslân", True),
    ("Bergen op Zoom Noord-Brabant", "Bergen op Zoom", "Noord-Brabant", False),
    ("Hengelo (Gld", "Hengelo", "Gelderland", True),  # cut at the full stop of "(Gld.)"
    ("Hengelo (Gelderlnd)", "Hengelo", "Gelderland", True),  # one typo in brackets
    ("Zwolle (Gedlerland)", "Zwolle", "Gelderland", True),  # two letters swapped
    ("Bergen (prov. Limbrug)", "Bergen", "Limburg", True),
    ("Bergen (Noordholland)", "Bergen", "Noord-Holland", True),  # written as one word
    ("Bergen Noordholland", "Bergen", "Noord-Holland", False),
])
def test_qualifier_forms(text, base, province, explicit):
    found = split_qualified(text)
    assert found is not None, text
    assert (found[0], found[1].province, found[1].explicit) == (base, province, explicit)


@pytest.mark.parametrize("text", ["Bergen L", "Hengelo O", "Amsterdam", "Bergen op Zoom",
                                  "Hengelo (Gelre-Oost)", "Hengelo Gelderlandse",
                                  "Hengelo (Xyz)", "Zwolle (2023)", "Zwolle (gemeente)",
                                  "Hengelo (Twente)", "Hengelo (Glx)", "Hengelo Gelderlnd"])
def test_no_qualifier(text):
    """One letter counts only in brackets; a longer word is not a province."""
    assert split_qualified(text) is None


def test_qualifier_at_needs_a_break_after_the_name():
    assert qualifier_at("Hengelo(Gld.)", 7) is not None
    assert qualifier_at("HengeloGld", 7) is None


@pytest.mark.parametrize(("text", "code"), [
    ("Hengelo (O.)", "GM0164"),
    ("Hengelo Overijssel", "GM0164"),
    ("Hengelo (Ov.)", "GM0164"),
    ("Bergen (Noord-Holland)", "GM0373"),
    ("Bergen in Limburg", "GM0893"),
    ("Bergen, North Holland", "GM0373"),
    ("Rijswijk (ZH)", "GM0603"),
    ("Laren (NH.)", "GM0417"),
    ("Zwolle, Overijssel", "GM0193"),
    ("Arnhem in de provincie Gelderland", "GM0202"),
    ("gemeente Hengelo (O.)", "GM0164"),
    ("Súdwest-Fryslân", "GM1900"),  # a name that ends in a province word stays a name
    ("Midden-Groningen", "GM1952"),
])
def test_a_matching_qualifier_resolves(registry, text, code):
    res = registry.resolve(text)
    assert res.ok and res.region.code == code, (text, res.method, res.message)


@pytest.mark.parametrize(("text", "code", "year"), [
    ("Hengelo (Gld.)", "GM1876", "2005"),  # Bronckhorst
    ("Hengelo Gelderland", "GM1876", "2005"),
    ("Laren (Gld.)", "GM0262", "1971"),  # Lochem
    ("Rijswijk (NB.)", "GM1959", "1973"),  # via Woudrichem to Altena
    ("Haren (Gn.)", "GM0014", "2019"),  # a former name of the 2015 list, province agrees
])
def test_a_former_gemeente_of_that_province_says_where_it_went(registry, text, code, year):
    res = registry.resolve(text)
    assert res.ok and res.region.code == code and res.method == "former"
    assert year in res.message and res.region.name in res.message
    assert year in res.message_en


@pytest.mark.parametrize(("text", "suggested"), [
    ("Zwolle (Gld.)", ["GM0193"]),
    ("Hengelo (Drenthe)", ["GM0164"]),
    ("Bergen (Gld.)", ["GM0373", "GM0893"]),
    ("Beek (Gld.)", ["GM0888"]),
])
def test_a_wrong_province_is_never_answered_for_the_other_gemeente(registry, text, suggested):
    res = registry.resolve(text)
    assert not res.ok and not res.ambiguous
    assert [r.code for r in res.suggestions] == suggested


def test_a_bare_gemeente_name_after_a_name_is_not_a_province(registry):
    """"Utrecht, Groningen" is a list of two gemeenten; "(Groningen)" is a province."""
    mentions = find_mentions(registry, "Vergelijk Utrecht, Groningen en Zwolle")
    assert [m.codes for m in mentions] == [["GM0344"], ["GM0014"], ["GM0193"]]
    assert not registry.resolve("Hengelo (Groningen)").ok


def test_every_gemeente_with_its_own_province_and_never_with_another(registry):
    """The rule is general: each of the 342 gemeenten, named with its province, is itself; named
    with any other province it is never that gemeente."""
    for region in registry.gemeenten():
        name = without_suffix(region.name)
        assert registry.resolve(f"{name} ({region.province})").region == region, name
        for province in PROVINCES:
            if province == region.province:
                continue
            res = registry.resolve(f"{name} ({province})")
            assert res.region is None or res.region.province == province, (name, province)


@pytest.mark.parametrize(("text", "mention", "codes"), [
    ("Hoe hoog is de NEET in Hengelo (Gld.)?", "Hengelo (Gld.)", ["GM1876"]),
    ("Hoe hoog is de NEET in Hengelo Gelderland?", "Hengelo Gelderland", ["GM1876"]),
    ("Jeugdzorg in Bergen in Limburg in 2021", "Bergen in Limburg", ["GM0893"]),
    ("What is the NEET rate in Bergen, North Holland?", "Bergen, North Holland", ["GM0373"]),
    ("NEET in Hengelo (O.) 2022", "Hengelo (O.)", ["GM0164"]),
    ("NEET in Hengelo", "Hengelo", ["GM0164"]),
])
def test_qualifiers_in_a_sentence(registry, text, mention, codes):
    mentions = find_mentions(registry, text)
    assert [(m.text, m.codes) for m in mentions] == [(mention, codes)]


def test_a_wrong_province_in_a_sentence_is_an_unknown_place_with_suggestions(registry):
    scan = find_places(registry, "Hoe hoog is de NEET in Zwolle (Gld.)?")
    assert scan.mentions == []
    assert [(m.text, [r.code for r in m.resolution.suggestions]) for m in scan.unknown] == [
        ("Zwolle (Gld.)", ["GM0193"])]
    assert find_mentions(registry, "NEET in Hengelo (Groningen)") == []


def test_older_mergers_file_is_consistent(registry):
    """Each hand-kept older merger names a real province and a current gemeente in it, and no
    current gemeente of that name is in that province (else the file would shadow nothing)."""
    with (DATA_DIR / "herindelingen_voor_2015.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and len(registry.former_in_province) == len(rows)
    for row in rows:
        successor = registry.get(row["gm_code_2024"])
        assert row["provincie"] in PROVINCES and successor.province == row["provincie"]
        assert successor.name == row["gemeente_2024"] and row["bron"].startswith("https://")
        same_name = [registry.get(c) for c in registry.codes_for_name(row["gemeente"])]
        assert same_name and all(r.province != row["provincie"] for r in same_name)
