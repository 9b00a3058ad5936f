"""Every section of every knowledge document ends with its own source line, in one format.

Why: the assistant quotes one section at a time, so a source in the front matter alone does not
tell the reader where a quoted passage comes from. A final line "Bron: ..." or "Bronnen: ..." with
publisher, title, year and URL (where public) lets a reader check each passage, and lets code find
the source of a section. The answer itself is taken from the section's first paragraph, so that
paragraph must make sense without the text around it.
"""

from __future__ import annotations

import re

import pytest

from tests.knowledge_docs.docs import DOCS, Section, doc_names, sections, source_urls, split

# Sections another part of the project owns (issue 14 edits them at the same time); they get their
# source line from that part. Listed by exact heading so a new section cannot hide here.
OWNED_ELSEWHERE = {
    ("indicatoren.md", "Wanneer noemt deze assistent een verschil hoger of lager?"),
    ("indicatoren.md",
     "Waarom toont deze installatie demonstratiecijfers in plaats van de echte indicatoren?"),
}

# A source entry without a URL is only allowed for the project's own work or a non-public letter.
OWN_WORK = re.compile(r"dit project|OOGO-assistent|Kamerbrief|zoals bericht door", re.I)
DANGLING = re.compile(r"\b(zie hierboven|hierboven|die datum|deze datum|zie ook hieronder)\b", re.I)
CONNECTIVE = re.compile(r"^(Daarom|Dus|Ook|Verder|Bovendien|Daarnaast|Hierdoor|Toch|En|Maar)\b")


def _all_sections() -> list[Section]:
    return [s for name in doc_names() for s in sections(name)
            if (s.doc, s.heading) not in OWNED_ELSEWHERE]


@pytest.mark.parametrize("section", _all_sections(), ids=lambda s: f"{s.doc}:{s.heading[:40]}")
def test_every_section_ends_with_a_source_line(section: Section) -> None:
    line = section.source_line
    where = f"{section.doc} / {section.heading}"
    assert line, f"{where}: the last line is not 'Bron: ...' or 'Bronnen: ...'"
    entries = [e.strip() for e in line.split(":", 1)[1].split("; ") if e.strip()]
    assert entries, line
    for entry in entries:
        has_url = bool(source_urls(entry))
        assert has_url or OWN_WORK.search(entry), (
            f"{section.doc} / {section.heading}: source without URL or own-work note: {entry!r}")
        if has_url:
            publisher_title = entry[: entry.index("http")].strip(" ,")
            assert len(publisher_title) >= 5, f"{where}: source without publisher/title: {entry}"
    plural = len(entries) > 1 and line.startswith("Bron:")
    assert not plural, f"{section.doc} / {section.heading}: several sources need 'Bronnen:'"


def test_owned_elsewhere_sections_still_exist() -> None:
    for doc, heading in OWNED_ELSEWHERE:
        assert heading in {s.heading for s in sections(doc)}, (doc, heading)


@pytest.mark.parametrize("name", doc_names())
def test_source_line_urls_are_in_the_front_matter(name: str) -> None:
    meta, _ = split(name)
    listed = {s["url"] for s in meta["sources"]}
    for section in sections(name):
        for url in source_urls(section.source_line or ""):
            assert url in listed, f"{name} / {section.heading}: {url} not in front matter sources"


@pytest.mark.parametrize("section", _all_sections(), ids=lambda s: f"{s.doc}:{s.heading[:40]}")
def test_first_paragraph_stands_on_its_own(section: Section) -> None:
    first = section.paragraphs[0]
    where = f"{section.doc} / {section.heading}"
    assert not first.startswith(("Bron:", "Bronnen:")), f"{where}: no text before the source"
    assert not DANGLING.search(first), f"{where}: {first[:80]!r}"
    assert not CONNECTIVE.match(first), f"{where}: starts with a connective"
    assert not first.rstrip().endswith((",", ";")), f"{where}: first paragraph breaks off"


def test_no_retrievable_passage_starts_with_a_source_line() -> None:
    """The chunker cuts long sections into passages; a passage must never open with 'Bron:', or an
    answer built from a passage's first paragraph would quote a source list instead of content."""
    from knowledge.chunking import chunk_document, parse_document

    for name in doc_names():
        for chunk in chunk_document(parse_document(DOCS / name)):
            first = chunk.text.strip().split("\n\n")[0]
            assert not first.startswith(("Bron:", "Bronnen:")), f"{name} / {chunk.heading}"
