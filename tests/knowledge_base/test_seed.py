"""The shipped vector seed: a fresh data dir loads the vectors of known texts instead of
embedding them, and embeds only what changed or was added (issue 18, item 1)."""

from __future__ import annotations

from pathlib import Path

from knowledge.ingest import collect_chunks
from knowledge.service import KnowledgeBase
from tests.knowledge_base.conftest import CountingEmbedder


def _passages_embedded(embedder: CountingEmbedder, kb: KnowledgeBase) -> int:
    passages = {c.indexed_text for c in collect_chunks(kb._directories())}
    return sum(t in passages for t in embedder.texts)


def _fresh(tmp_path: Path, name: str, docs_dir: Path, seed: Path | None) -> tuple:
    counting = CountingEmbedder()
    kb = KnowledgeBase.open(tmp_path / name, embedder=counting, docs_dir=docs_dir)
    kb.seed_path = seed
    return kb, counting


def test_fresh_data_dir_with_a_seed_embeds_nothing(
    tmp_path: Path, small_kb: KnowledgeBase, docs_dir: Path
) -> None:
    small_kb.index()
    seed = tmp_path / "seed.npz"
    assert small_kb.write_seed(seed) > 6 and seed.is_file()

    kb, counting = _fresh(tmp_path, "fresh", docs_dir, seed)
    report = kb.index()
    assert report.added == 6 and kb.is_ready()
    assert counting.document_calls == 0  # chunks, headings, sentences, words: all from the seed
    expected = [h.heading for h in small_kb.search("Wie zit er aan tafel?", k=3)]
    assert [h.heading for h in kb.search("Wie zit er aan tafel?", k=3)] == expected

    unseeded, plain = _fresh(tmp_path, "plain", docs_dir, None)
    unseeded.index()
    assert _passages_embedded(plain, unseeded) == 6  # without a seed: computed as before


def test_only_changed_and_added_documents_are_embedded(
    tmp_path: Path, small_kb: KnowledgeBase, docs_dir: Path
) -> None:
    small_kb.index()
    seed = tmp_path / "seed.npz"
    small_kb.write_seed(seed)
    oogo = docs_dir / "oogo.md"
    oogo.write_text(oogo.read_text("utf-8").replace("WVO.", "WVO en 28a van de WEC."), "utf-8")
    (docs_dir / "nieuw.md").write_text("## Leerlingenvervoer\n\nAfspraken over vervoer.", "utf-8")

    kb, counting = _fresh(tmp_path, "fresh", docs_dir, seed)
    report = kb.index()
    assert report.added == 7
    assert _passages_embedded(counting, kb) == 2  # the changed section and the new one
    assert "28a" in kb.search("artikel 28a WEC", method="bm25")[0].text


def test_unreadable_seed_is_ignored(tmp_path: Path, docs_dir: Path) -> None:
    seed = tmp_path / "seed.npz"
    seed.write_bytes(b"not a numpy file")
    kb, counting = _fresh(tmp_path, "fresh", docs_dir, seed)
    assert kb.index().added == 6 and kb.is_ready()
    assert _passages_embedded(counting, kb) == 6
    assert seed.read_bytes() == b"not a numpy file"  # a seed is read, never written


def test_rebuild_trusts_no_seed(tmp_path: Path, small_kb: KnowledgeBase, docs_dir: Path) -> None:
    small_kb.index()
    seed = tmp_path / "seed.npz"
    small_kb.write_seed(seed)
    kb, counting = _fresh(tmp_path, "fresh", docs_dir, seed)
    kb.index(rebuild=True)
    assert _passages_embedded(counting, kb) == 6


def test_vectors_of_another_model_under_the_same_name_are_dropped(
    tmp_path: Path, small_kb: KnowledgeBase, docs_dir: Path
) -> None:
    small_kb.index()
    seed = tmp_path / "seed.npz"
    small_kb.write_seed(seed)
    kb = KnowledgeBase.open(tmp_path / "other", embedder=CountingEmbedder(dims=32),
                            docs_dir=docs_dir)
    kb.seed_path = seed  # 64-dimensional vectors; this model gives 32
    (docs_dir / "nieuw.md").write_text("## Leerlingenvervoer\n\nAfspraken over vervoer.", "utf-8")
    assert kb.index().added == 7 and kb.is_ready()
    assert kb.search("Wie zit er aan tafel?")  # one length throughout: no mixed vectors


def test_a_one_shot_question_reads_the_vector_cache_not_the_store(
    tmp_path: Path, small_kb: KnowledgeBase, docs_dir: Path
) -> None:
    """``oogo ask`` (``store_optional``) answers from the vectors the index was built from and
    leaves Chroma closed; without a cached vector it opens the store as before."""
    small_kb.index()
    question = "Wie zit er aan tafel?"
    expected = [(h.chunk_id, h.confident) for h in small_kb.search(question, k=3)]

    counting = CountingEmbedder()
    kb = KnowledgeBase.open(small_kb.data_dir, embedder=counting, docs_dir=docs_dir,
                            store_optional=True)
    assert [(h.chunk_id, h.confident) for h in kb.search(question, k=3)] == expected
    assert kb._store is None and counting.document_calls == 0

    small_kb._vector_cache_path.unlink()  # the cache lost: the store has the vectors
    kb = KnowledgeBase.open(small_kb.data_dir, embedder=CountingEmbedder(), docs_dir=docs_dir,
                            store_optional=True)
    assert [(h.chunk_id, h.confident) for h in kb.search(question, k=3)] == expected
    assert kb._store is not None
