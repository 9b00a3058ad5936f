"""Checks on the knowledge documents in knowledge/docs/: front matter, sections, key phrases.

Why: retrieval cites these files by name and works per heading section, so every document must
carry valid front matter, cite only sources that were researched, and keep its sections
self-contained and of a size that retrieval can use. The key-phrase checks pin the phrases that
users' questions depend on (e.g. "vier weken" in the NEET definition), so a careless edit fails.
"""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from tests.knowledge_docs.docs import DOCS, FACTS, RESEARCHED, doc_names, sections, split

EXPECTED = {
    "handleiding.md",
    "regioscan.md",
    "oogo.md",
    "bronnenoverzicht.md",
    "indicatoren.md",
    "monitor-aoj.md",
    "over-de-assistent.md",
    "begrippen.md",
    "passend-onderwijs.md",
    "jeugdhulp-en-zorg.md",
}


def test_all_expected_documents_exist() -> None:
    present = set(doc_names())
    assert present >= EXPECTED, f"missing: {sorted(EXPECTED - present)}"


@pytest.mark.parametrize("name", doc_names())
def test_front_matter_fields(name: str) -> None:
    meta, _ = split(name)
    assert isinstance(meta.get("title"), str) and meta["title"].strip()
    assert isinstance(meta.get("summary"), str) and 20 <= len(meta["summary"]) <= 400
    date = meta.get("date")
    assert isinstance(date, dt.date), f"{name}: date is not a date: {date!r}"
    assert dt.date(2026, 1, 1) <= date <= dt.date.today(), f"{name}: implausible date {date}"
    sources = meta.get("sources")
    assert isinstance(sources, list) and sources
    for src in sources:
        assert set(src) == {"name", "url"}, src
        assert src["name"].strip()
        assert src["url"].startswith(("http://", "https://")), src
    urls = [s["url"] for s in sources]
    assert len(urls) == len(set(urls)), f"{name}: a source is listed twice"


@pytest.mark.skipif(not FACTS.exists(), reason="shared FACTS.md not present")
@pytest.mark.parametrize("name", doc_names())
def test_source_urls_are_researched(name: str) -> None:
    """Every cited URL comes from the shared research notes or from this part's own research log."""
    facts = FACTS.read_text(encoding="utf-8")
    researched = {r["url"] for r in yaml.safe_load(RESEARCHED.read_text(encoding="utf-8"))}
    meta, _ = split(name)
    for src in meta["sources"]:
        assert src["url"] in facts or src["url"] in researched, (
            f"{name}: URL neither in FACTS.md nor in researched_sources.yaml: {src['url']}")


def test_research_log_entries_say_what_was_read() -> None:
    entries = yaml.safe_load(RESEARCHED.read_text(encoding="utf-8"))
    assert entries and all(set(e) == {"url", "checked"} and e["checked"].strip() for e in entries)
    urls = [e["url"] for e in entries]
    assert len(urls) == len(set(urls))


@pytest.mark.parametrize("name", doc_names())
def test_sections_are_usable_for_retrieval(name: str) -> None:
    found = sections(name)
    assert len(found) >= 4, f"{name}: too few sections"
    heads = [s.heading for s in found]
    assert len(heads) == len(set(heads)), f"{name}: duplicate headings"
    for s in found:
        words = len(s.text.split())
        # an intro section above ### subsections may be short; leaf sections must say something
        assert words >= 25, f"{name}: section {s.heading!r} has only {words} words"
        assert words <= 330, f"{name}: section {s.heading!r} is too long ({words} words)"


@pytest.mark.parametrize("name", doc_names())
def test_no_leftover_markers_or_english_placeholders(name: str) -> None:
    text = (DOCS / name).read_text(encoding="utf-8")
    # research markers are upper case; "niet gevonden" is ordinary Dutch and allowed
    for marker in ("TODO", "TBD", "NIET GEVONDEN", "LET OP]", "FIXME", "XXX"):
        assert marker not in text, f"{name}: contains {marker}"
    assert "lorem" not in text.lower()


KEY_PHRASES = [
    ("oogo.md", "Wat is het OOGO en wat betekent het", ["op overeenstemming gericht overleg"]),
    ("oogo.md", "welke wet staat het OOGO over", ["OOGO", "ondersteuningsplan", "WPO artikel 18a",
                                                 "WVO artikel 17a", "Wet voortgezet onderwijs 2020",
                                                 "WEC artikel 28a", "negende lid"]),
    ("oogo.md", "OOGO jeugd over het jeugdplan", ["artikel 2.2, derde lid",
                                                  "artikel 2.7, eerste lid"]),
    ("oogo.md", "Hoe vaak", ["ten minste eens in de vier jaar", "ondersteuningsplan",
                             "vóór 1 augustus 2014"]),
    ("oogo.md", "verschil tussen OOGO passend onderwijs en OOGO jeugd", ["jeugdplan"]),
    ("oogo.md", "typische onderwerpen", ["leerlingenvervoer", "thuiszitters",
                                         "overgang po-vo", "vmbo-mbo"]),
    ("oogo.md", "Wie zit er aan tafel", ["samenwerkingsverband", "wethouders"]),
    ("indicatoren.md", "Wat betekent NEET", ["vier weken", "1 oktober"]),
    ("indicatoren.md", "leeftijdsgrens", ["15 tot 27 jaar", "bij elk cijfer"]),
    ("indicatoren.md", "relatieve risico op NEET berekend", ["gedeeld door"]),
    ("handleiding.md", "Welke vragenlijsten", ["Vragenlijst Uitvoering", "Vragenlijst Beleid",
                                               "Vragen voor het Startgesprek"]),
    ("handleiding.md", "vragenlijsten uit in je regio", ["vragenlijst"]),
    ("bronnenoverzicht.md", "cijfers over thuiszitters", ["Leerplichttelling", "absoluut verzuim",
                                             "langdurig relatief verzuim", "leerplicht"]),
    ("bronnenoverzicht.md", "wijk", ["83563NED", "85075NED", "wijk"]),
    ("regioscan.md", "Wat is de regioscan", ["thema", "16", "onderwijs en jeugdhulp, afstemming,"
                                             " samenwerking en effecten"]),
    ("regioscan.md", "met het thema afstemming", ["afstemming"]),
    ("monitor-aoj.md", "Wat kost", ["gratis", "enquêtetool", "kennis"]),
    ("monitor-aoj.md", "aanspreekpunt", ["Eva de Jong", "Lieke Salomé"]),
    ("jeugdhulp-en-zorg.md", "Jeugdwet en wat niet", ["Wet langdurige zorg", "Zorgverzekeringswet",
                                                      "artikel 1.2"]),
    ("passend-onderwijs.md", "ondersteuningsplanraad", ["instemming", "artikel 14a"]),
    ("over-de-assistent.md", "echt", ["microdata", "oogo data fetch cbs", "oogo data import"]),
]


@pytest.mark.parametrize(("name", "heading", "phrases"), KEY_PHRASES)
def test_key_phrases_in_their_section(name: str, heading: str, phrases: list[str]) -> None:
    hits = [s.text for s in sections(name) if heading.lower() in s.heading.lower()]
    assert hits, f"{name}: no section whose heading contains {heading!r}"
    for phrase in phrases:
        assert phrase in hits[0], f"{name} / {heading}: missing {phrase!r}"


def test_demo_data_is_announced() -> None:
    for name in ("indicatoren.md", "over-de-assistent.md"):
        text = (DOCS / name).read_text(encoding="utf-8").lower()
        assert "demonstratiecijfers" in text, name
        assert "oogo data import" in text, name


def test_regioscan_themes_are_the_monitors_themes() -> None:
    """The four theme names are public (Monitor AOJ); the scan uses exactly them."""
    from tests.knowledge_docs.docs import regioscan

    names = [t["name"] for t in regioscan()["themes"]]
    assert names == ["Onderwijs en jeugdhulp", "Afstemming", "Samenwerking", "Effecten"]
    header = (DOCS.parent / "regioscan.yaml").read_text(encoding="utf-8").split("\nversion:")[0]
    assert "niet openbaar" in header and "onderwijs en jeugdhulp" in header


# Headings that other parts of the project cite by exact text (bot/oogo/passages.py maps OOGO
# topics onto them). Renaming one silently drops the background passage of a discussion point.
CITED_HEADINGS = {
    "oogo.md": [
        "Waarom verdient jeugdhulp in het (voortgezet) speciaal onderwijs aandacht in het OOGO?",
        "Hoe laat je wijkteams en zorgteams op scholen samenwerken?",
        "Hoe houd je de ondersteuning vast bij de overgang po-vo en vmbo-mbo?",
        "Hoe begeleid je kwetsbare jongeren bij de stap van school naar werk?",
        "Waar stopt de ondersteuning van de school en begint de jeugdhulp van de gemeente?",
        "Wat is een ontwikkelagenda in het OOGO?",
        "Wat kun je in het OOGO afspreken over thuiszitters en het Thuiszitterspact?",
        "Waarom hoort het leerlingenvervoer op de agenda van het OOGO?",
        "Hoe bereid ik een OOGO voor met cijfers uit de monitor?",
    ],
}


@pytest.mark.parametrize("name", sorted(CITED_HEADINGS))
def test_cited_headings_exist(name: str) -> None:
    heads = {s.heading for s in sections(name)}
    missing = [h for h in CITED_HEADINGS[name] if h not in heads]
    assert not missing, f"{name}: headings cited elsewhere are missing: {missing}"
