"""Chunking: front matter, heading paths, splitting long sections, stable ids."""

from __future__ import annotations

from pathlib import Path

from knowledge.chunking import MAX_WORDS, chunk_file, parse_document, split_section


def test_front_matter_gives_title_and_is_not_text(docs_dir: Path) -> None:
    doc = parse_document(docs_dir / "oogo.md")
    assert doc.title == "Het OOGO"
    assert doc.meta["summary"] == "Wat het OOGO is."
    chunks = chunk_file(docs_dir / "oogo.md")
    assert all("summary:" not in c.text and "---" not in c.text for c in chunks)


def test_heading_paths_and_title_in_indexed_text(docs_dir: Path) -> None:
    chunks = chunk_file(docs_dir / "oogo.md")
    headings = [c.heading for c in chunks]
    assert headings == [
        "",
        "Wettelijke basis",
        "Wie zit er aan tafel?",
        "Wie zit er aan tafel? > Ambtelijk vooroverleg",
    ]
    sub = chunks[-1]
    assert sub.source == "oogo.md" and sub.title == "Het OOGO"
    assert sub.indexed_text.startswith("Het OOGO > Wie zit er aan tafel? > Ambtelijk vooroverleg\n")
    assert "Beleidsmedewerkers" in sub.text


def test_plain_text_file_without_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "ondersteuningsplan_regio-west.txt"
    path.write_text("Ons ondersteuningsplan gaat over thuiszitters.\n\nTweede alinea.", "utf-8")
    chunks = chunk_file(path)
    assert len(chunks) == 1
    assert chunks[0].title == "Ondersteuningsplan regio west"
    assert chunks[0].heading == ""
    assert "Tweede alinea." in chunks[0].text


def test_long_section_splits_at_paragraphs_and_keeps_heading(tmp_path: Path) -> None:
    paragraphs = [f"Alinea {i} " + " ".join(["woord"] * 60) + "." for i in range(12)]
    path = tmp_path / "lang.md"
    body = "\n\n".join(paragraphs)
    path.write_text("---\ntitle: Lang\n---\n## Een lang stuk\n\n" + body, "utf-8")
    chunks = chunk_file(path)
    assert len(chunks) >= 3
    for chunk in chunks:
        words = len(chunk.text.split())
        assert 60 <= words <= MAX_WORDS
        assert chunk.heading == "Een lang stuk"
        assert chunk.text.startswith("Alinea ")  # cut at paragraph boundaries only
    assert len({c.chunk_id for c in chunks}) == len(chunks)


def test_one_huge_paragraph_is_cut_at_sentences() -> None:
    text = " ".join(f"Zin nummer {i} heeft een paar woorden." for i in range(200))
    pieces = split_section(text)
    assert len(pieces) > 1
    assert all(len(p.split()) <= MAX_WORDS for p in pieces)
    assert all(p.endswith(".") for p in pieces)


def test_ids_are_stable_and_hash_follows_content(docs_dir: Path) -> None:
    first = chunk_file(docs_dir / "oogo.md")
    again = chunk_file(docs_dir / "oogo.md")
    assert [c.chunk_id for c in first] == [c.chunk_id for c in again]
    assert [c.hash for c in first] == [c.hash for c in again]
    path = docs_dir / "oogo.md"
    path.write_text(path.read_text("utf-8").replace("WVO", "Wet op het voortgezet onderwijs"))
    changed = chunk_file(path)
    assert [c.chunk_id for c in changed] == [c.chunk_id for c in first]
    differing = [a.heading for a, b in zip(first, changed, strict=True) if a.hash != b.hash]
    assert differing == ["Wettelijke basis"]


def test_bad_front_matter_is_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "kapot.md"
    path.write_text("---\ntitle: [onaf\n---\n## Kopje\n\nTekst.", "utf-8")
    chunks = chunk_file(path)
    assert [c.heading for c in chunks] == ["Kopje"]
    assert chunks[0].title == "Kapot"
