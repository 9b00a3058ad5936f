"""Checks on the knowledge documents in knowledge/docs/.

Why: retrieval cites these files by name and works per heading section, so every document must
carry valid front matter, cite only sources the domain research gave, and keep its sections
self-contained and of a size that retrieval can use. The key-phrase checks pin the phrases that
users' questions depend on (e.g. "vier weken" in the NEET definition), so a careless edit fails.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

DOCS = Path(__file__).resolve().parents[2] / "knowledge" / "docs"
FACTS = Path("/work/shared/domain/FACTS.md")

EXPECTED = {
    "handleiding.md",
    "regioscan.md",
    "oogo.md",
    "bronnenoverzicht.md",
    "indicatoren.md",
    "monitor-aoj.md",
    "over-de-assistent.md",
    "begrippen.md",
}

FRONT = re.compile(r"\A---\n(.*?)\n---\n(.*)\Z", re.S)
HEADING = re.compile(r"^(#{2,3}) (.+)$", re.M)


def _split(path: Path) -> tuple[dict, str]:
    match = FRONT.match(path.read_text(encoding="utf-8"))
    assert match, f"{path.name}: no front matter block"
    meta = yaml.safe_load(match.group(1))
    assert isinstance(meta, dict), f"{path.name}: front matter is not a mapping"
    return meta, match.group(2)


def _sections(body: str) -> list[tuple[str, str]]:
    """(heading, text) per ## or ### section; text excludes nested headings' text."""
    marks = list(HEADING.finditer(body))
    out = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(body)
        out.append((m.group(2).strip(), body[m.end():end].strip()))
    return out


def _section(name: str, heading_part: str) -> str:
    _, body = _split(DOCS / name)
    hits = [text for head, text in _sections(body) if heading_part.lower() in head.lower()]
    assert hits, f"{name}: no section whose heading contains {heading_part!r}"
    return hits[0]


def test_all_expected_documents_exist() -> None:
    present = {p.name for p in DOCS.glob("*.md")}
    assert present >= EXPECTED, f"missing: {sorted(EXPECTED - present)}"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_front_matter_fields(name: str) -> None:
    meta, body = _split(DOCS / name)
    assert isinstance(meta.get("title"), str) and meta["title"].strip()
    assert isinstance(meta.get("summary"), str) and 20 <= len(meta["summary"]) <= 400
    assert meta.get("date") == dt.date(2026, 11, 23)
    sources = meta.get("sources")
    assert isinstance(sources, list) and sources
    for src in sources:
        assert set(src) == {"name", "url"}, src
        assert src["name"].strip()
        assert src["url"].startswith(("http://", "https://")), src


@pytest.mark.skipif(not FACTS.exists(), reason="shared FACTS.md not present")
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_source_urls_come_from_facts(name: str) -> None:
    facts = FACTS.read_text(encoding="utf-8")
    meta, _ = _split(DOCS / name)
    for src in meta["sources"]:
        assert src["url"] in facts, f"{name}: URL not in FACTS.md: {src['url']}"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sections_are_usable_for_retrieval(name: str) -> None:
    _, body = _split(DOCS / name)
    sections = _sections(body)
    assert len(sections) >= 4, f"{name}: too few sections"
    heads = [h for h, _ in sections]
    assert len(heads) == len(set(heads)), f"{name}: duplicate headings"
    for head, text in sections:
        words = len(text.split())
        # an intro section above ### subsections may be short; leaf sections must say something
        assert words >= 25, f"{name}: section {head!r} has only {words} words"
        assert words <= 330, f"{name}: section {head!r} is too long ({words} words)"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_no_leftover_markers_or_english_placeholders(name: str) -> None:
    text = (DOCS / name).read_text(encoding="utf-8")
    # research markers are upper case; "niet gevonden" is ordinary Dutch and allowed
    for marker in ("TODO", "TBD", "NIET GEVONDEN", "LET OP]", "FIXME", "XXX"):
        assert marker not in text, f"{name}: contains {marker}"
    assert "lorem" not in text.lower()


KEY_PHRASES = [
    ("oogo.md", "Wat is het OOGO en wat betekent het", ["op overeenstemming gericht overleg"]),
    ("oogo.md", "welke wet", ["OOGO", "ondersteuningsplan", "WPO artikel 18a",
                              "WVO artikel 17a", "WEC artikel 28a"]),
    ("oogo.md", "Hoe vaak", ["ten minste eens in de vier jaar", "ondersteuningsplan"]),
    ("oogo.md", "verschil tussen OOGO passend onderwijs en OOGO jeugd", ["jeugdplan"]),
    ("oogo.md", "typische onderwerpen", ["leerlingenvervoer", "thuiszitters",
                                         "overgang po-vo", "vmbo-mbo"]),
    ("oogo.md", "Wie zit er aan tafel", ["samenwerkingsverband", "wethouders"]),
    ("indicatoren.md", "Wat betekent NEET", ["vier weken", "1 oktober"]),
    ("indicatoren.md", "relatieve risico op NEET berekend", ["gedeeld door"]),
    ("handleiding.md", "Welke vragenlijsten", ["Vragenlijst Uitvoering", "Vragenlijst Beleid",
                                               "Vragen voor het Startgesprek"]),
    ("handleiding.md", "vragenlijsten uit in mijn regio", ["vragenlijst"]),
    ("bronnenoverzicht.md", "thuiszitters", ["Leerplichttelling", "absoluut verzuim",
                                             "langdurig relatief verzuim", "leerplicht"]),
    ("bronnenoverzicht.md", "wijk", ["83563NED", "85075NED", "wijk"]),
    ("regioscan.md", "Wat is de regioscan", ["thema", "16"]),
    ("regioscan.md", "Wat bedoelen we met afstemming", ["afstemming"]),
]


@pytest.mark.parametrize(("name", "heading", "phrases"), KEY_PHRASES)
def test_key_phrases_in_their_section(name: str, heading: str, phrases: list[str]) -> None:
    text = _section(name, heading)
    for phrase in phrases:
        assert phrase in text, f"{name} / {heading}: missing {phrase!r}"


def test_demo_data_is_announced() -> None:
    for name in ("indicatoren.md", "over-de-assistent.md"):
        text = (DOCS / name).read_text(encoding="utf-8").lower()
        assert "demonstratiecijfers" in text, name
        assert "oogo data import" in text, name


# Headings that other parts of the project cite by exact text (bot/oogo/passages.py maps OOGO
# topics onto them). Renaming one silently drops the background passage of a discussion point.
CITED_HEADINGS = {
    "oogo.md": [
        "Jeugdhulp in het (voortgezet) speciaal onderwijs",
        "Wijkteams en zorgteams op scholen",
        "Overgangen: po-vo en vmbo-mbo",
        "Aansluiting onderwijs-arbeidsmarkt",
        "Samenhang tussen onderwijsondersteuning en jeugdhulp",
        "Wat is een ontwikkelagenda in het OOGO?",
        "Thuiszitters en het Thuiszitterspact",
        "Leerlingenvervoer",
        "Hoe bereid ik een OOGO voor met cijfers uit de monitor?",
    ],
}


@pytest.mark.parametrize("name", sorted(CITED_HEADINGS))
def test_cited_headings_exist(name: str) -> None:
    _, body = _split(DOCS / name)
    heads = {head for head, _ in _sections(body)}
    missing = [h for h in CITED_HEADINGS[name] if h not in heads]
    assert not missing, f"{name}: headings cited elsewhere are missing: {missing}"
