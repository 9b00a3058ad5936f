"""Idempotent ingestion: add, change and delete documents; unchanged chunks cost no embedding."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.errors import KnowledgeUnavailable
from knowledge.service import KnowledgeBase

from .conftest import CountingEmbedder


def _total(report) -> int:
    return report.added + report.updated + report.unchanged


def test_first_run_adds_everything_second_run_does_no_work(
    small_kb: KnowledgeBase, embedder: CountingEmbedder
) -> None:
    first = small_kb.index()
    assert first.added == 6 and first.updated == first.deleted == first.unchanged == 0
    assert embedder.documents_embedded == 6
    assert small_kb.is_ready()

    calls_before = embedder.document_calls
    second = small_kb.index()
    assert (second.added, second.updated, second.deleted, second.unchanged) == (0, 0, 0, 6)
    assert embedder.document_calls == calls_before  # not a single embedding call


def test_change_add_and_delete_documents(
    small_kb: KnowledgeBase, embedder: CountingEmbedder, docs_dir: Path
) -> None:
    small_kb.index()
    embedded = embedder.documents_embedded

    oogo = docs_dir / "oogo.md"
    oogo.write_text(oogo.read_text("utf-8").replace("WVO.", "WVO en 28a van de WEC."), "utf-8")
    report = small_kb.index()
    assert (report.added, report.updated, report.deleted, report.unchanged) == (0, 1, 0, 5)
    assert embedder.documents_embedded == embedded + 1
    assert "28a" in small_kb.search("artikel 28a WEC", method="bm25")[0].text

    (docs_dir / "nieuw.md").write_text("## Leerlingenvervoer\n\nAfspraken over vervoer.", "utf-8")
    report = small_kb.index()
    assert (report.added, report.updated, report.deleted, report.unchanged) == (1, 0, 0, 6)

    (docs_dir / "bronnen.md").unlink()
    report = small_kb.index()
    assert (report.added, report.updated, report.deleted, report.unchanged) == (0, 0, 2, 5)
    assert small_kb.store.count() == 5
    assert all(h.source != "bronnen.md" for h in small_kb.search("85075NED wijk", k=5))


def test_reopened_knowledge_base_keeps_the_index(
    tmp_path: Path, docs_dir: Path, small_kb: KnowledgeBase
) -> None:
    small_kb.index()
    fresh = CountingEmbedder()
    again = KnowledgeBase.open(tmp_path / "var", embedder=fresh, docs_dir=docs_dir)
    assert again.is_ready()
    report = again.index()
    assert report.unchanged == 6 and not report.changed
    assert fresh.document_calls == 0


def test_search_builds_a_missing_index_on_first_use(
    small_kb: KnowledgeBase, embedder: CountingEmbedder
) -> None:
    assert not small_kb.is_ready()
    hits = small_kb.search("Wie zit er aan tafel bij het OOGO?")
    assert hits and hits[0].heading == "Wie zit er aan tafel?"
    assert hits[0].source == "oogo.md" and hits[0].title == "Het OOGO"
    assert small_kb.is_ready()
    assert small_kb.store.count() == 6  # the reranker also embeds headings and words (cached)


def test_extra_documents_are_copied_and_persist(
    tmp_path: Path, small_kb: KnowledgeBase, docs_dir: Path
) -> None:
    region = tmp_path / "regio"
    region.mkdir()
    (region / "ondersteuningsplan-west.md").write_text(
        "---\ntitle: Ondersteuningsplan Regio West\n---\n## Arrangementen\n\n"
        "Regio West kent een schoolmaatschappelijk werker op elke school.",
        "utf-8",
    )
    (region / "notitie.txt").write_text("Onze regio heeft een thuiszittersoverleg.", "utf-8")
    (region / "plaatje.png").write_bytes(b"\x89PNG")
    report = small_kb.index(extra_dirs=(region,))
    assert report.added == 8
    assert (small_kb.extra_dir / "ondersteuningsplan-west.md").is_file()
    assert not (small_kb.extra_dir / "plaatje.png").exists()

    for path in region.iterdir():
        path.unlink()
    again = KnowledgeBase.open(tmp_path / "var", embedder=CountingEmbedder(), docs_dir=docs_dir)
    assert again.index().unchanged == 8  # the copy in the data dir keeps them indexed
    hit = again.search("schoolmaatschappelijk werker", method="bm25")[0]
    assert hit.source == "ondersteuningsplan-west.md"
    assert hit.title == "Ondersteuningsplan Regio West" and hit.heading == "Arrangementen"


def test_bad_extra_folder_changes_nothing(tmp_path: Path, small_kb: KnowledgeBase) -> None:
    small_kb.index()
    with pytest.raises(KnowledgeUnavailable, match="bestaat niet"):
        small_kb.index(extra_dirs=(tmp_path / "bestaat-niet",))
    clash = tmp_path / "clash"
    clash.mkdir()
    (clash / "oogo.md").write_text("## Iets\n\nAnders.", "utf-8")
    with pytest.raises(KnowledgeUnavailable, match="oogo.md"):
        small_kb.index(extra_dirs=(clash,))
    assert not small_kb.extra_dir.exists()
    assert small_kb.index().unchanged == 6


def test_rebuild_embeds_everything_again(
    small_kb: KnowledgeBase, embedder: CountingEmbedder
) -> None:
    small_kb.index()
    report = small_kb.index(rebuild=True)
    assert report.added == 6 and report.unchanged == 0
    assert embedder.documents_embedded == 12
    assert small_kb.store.count() == 6


def test_lost_vectors_are_re_embedded(
    small_kb: KnowledgeBase, embedder: CountingEmbedder
) -> None:
    small_kb.index()
    some = sorted(small_kb.store.ids())[:2]
    small_kb.store.delete(some)
    report = small_kb.index()
    assert (report.added, report.unchanged) == (2, 4)
    assert embedder.documents_embedded == 8


def test_ensure_index_refreshes_after_documents_change(
    tmp_path: Path, small_kb: KnowledgeBase, docs_dir: Path
) -> None:
    small_kb.index()
    assert small_kb.ensure_index() is None  # already checked in this process
    (docs_dir / "bronnen.md").write_text("## Nieuw\n\nHet Thuiszitterspact in het kort.", "utf-8")
    counting = CountingEmbedder()
    later = KnowledgeBase.open(tmp_path / "var", embedder=counting, docs_dir=docs_dir)
    report = later.ensure_index()
    assert report is not None and report.added == 1 and report.deleted == 2
    assert counting.documents_embedded == 1
    assert later.search("Thuiszitterspact", method="bm25")[0].heading == "Nieuw"
    assert later.ensure_index() is None


def test_lost_vector_store_is_refilled_on_first_search(
    tmp_path: Path, small_kb: KnowledgeBase, docs_dir: Path
) -> None:
    small_kb.index()
    small_kb.store.drop()  # e.g. the chroma folder was removed, the manifest survived
    counting = CountingEmbedder()
    later = KnowledgeBase.open(tmp_path / "var", embedder=counting, docs_dir=docs_dir)
    assert not later.is_ready()
    assert later.search("artikel 18a", method="dense")
    assert later.store.count() == 6 and later.is_ready()
