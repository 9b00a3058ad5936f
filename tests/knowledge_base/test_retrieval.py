"""Hybrid retrieval on the shipped documents with the real offline embedder, and its gate."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from knowledge.errors import KnowledgeUnavailable
from knowledge.evaluation import default_questions_file, evaluate, load_questions
from knowledge.service import KnowledgeBase

HELDOUT = Path(__file__).parent / "data" / "heldout.jsonl"


@pytest.mark.parametrize("method", ["hybrid", "bm25", "dense"])
@pytest.mark.parametrize(
    "question",
    [
        "Wat wordt het weer morgen in Utrecht?",
        "Wie won het WK voetbal?",
        "Hoe bak ik een appeltaart?",
        "Who is the president of the United States?",
    ],
)
def test_unrelated_question_finds_nothing(
    shipped_kb: KnowledgeBase, question: str, method: str
) -> None:
    assert shipped_kb.search(question, method=method) == []


@pytest.mark.parametrize(("method", "k"), [("hybrid", 3), ("bm25", 3), ("dense", 10)])
def test_in_scope_question_finds_cited_passage(
    shipped_kb: KnowledgeBase, method: str, k: int
) -> None:
    hits = shipped_kb.search("wie zit er aan tafel bij het OOGO", k=k, method=method)
    assert 1 <= len(hits) <= k
    assert any("wethouder" in h.text.lower() for h in hits)
    top = hits[0]
    assert top.source.endswith(".md") and top.title and top.chunk_id
    assert all(h.score > 0 for h in hits)


def test_dev_questions_hybrid_recall(shipped_kb: KnowledgeBase) -> None:
    path = default_questions_file()
    if not path.is_file():
        pytest.skip(f"{path} is not present next to the checkout")
    questions = load_questions(path)
    results = {r.method: r for r in evaluate(shipped_kb, questions)}
    assert results["hybrid"].recall_at_3 >= 0.9, results["hybrid"].missed
    assert results["hybrid"].rejected_out_of_scope in (None, 1.0)


def test_heldout_questions_generalise(shipped_kb: KnowledgeBase) -> None:
    questions = load_questions(HELDOUT)
    results = {r.method: r for r in evaluate(shipped_kb, questions)}
    hybrid = results["hybrid"]
    assert hybrid.rejected_out_of_scope == 1.0, hybrid.false_hits
    assert hybrid.recall_at_3 >= 0.75, hybrid.missed
    assert hybrid.mrr >= results["bm25"].mrr - 0.05


def test_dense_failure_falls_back_to_bm25(
    shipped_kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*args, **kwargs):
        raise KnowledgeUnavailable("Chroma is weg.")

    monkeypatch.setattr(shipped_kb.store, "query", broken)
    with caplog.at_level(logging.WARNING, logger="knowledge.retrieval"):
        hits = shipped_kb.search("Waar vind ik cijfers over thuiszitters?")
    assert hits and any("verzuim" in h.text.lower() for h in hits)
    assert "BM25 only" in caplog.text
    assert shipped_kb.search("Wie won het WK voetbal?") == []


def test_corrupt_index_dir_gives_dutch_error_and_keyword_search(tmp_path: Path) -> None:
    data = tmp_path / "var"
    data.mkdir()
    (data / "chroma").write_text("geen database")
    kb = KnowledgeBase.open(data)
    with pytest.raises(KnowledgeUnavailable, match="kan niet worden geopend"):
        kb.index()
    assert not kb.is_ready()
    kb2 = KnowledgeBase.open(data)
    hits = kb2.search("Wat is de modelprocedure OOGO ondersteuningsplan?")
    assert hits and any("geschil" in h.text.lower() for h in hits)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"method": "semantisch"}, "Onbekende zoekmethode"),
        ({"k": 0}, "tussen 1 en 50"),
        ({"k": 500}, "tussen 1 en 50"),
    ],
)
def test_bad_input_is_refused_in_dutch(
    shipped_kb: KnowledgeBase, kwargs: dict, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        shipped_kb.search("OOGO", **kwargs)


def test_empty_and_odd_queries(shipped_kb: KnowledgeBase) -> None:
    assert shipped_kb.search("   ") == []
    assert shipped_kb.search("'; DROP TABLE sessions; --") == []
    assert isinstance(shipped_kb.search("OOGO " * 2000), list)


def test_langchain_retriever_returns_documents_with_metadata(shipped_kb: KnowledgeBase) -> None:
    from langchain_core.retrievers import BaseRetriever

    retriever = shipped_kb.as_langchain_retriever(k=2)
    assert isinstance(retriever, BaseRetriever)
    docs = retriever.invoke("Hoe vaak moet het ondersteuningsplan worden vastgesteld?")
    assert len(docs) == 2
    meta = docs[0].metadata
    assert {"source", "title", "heading", "chunk_id", "score"} <= set(meta)
    assert any("vier jaar" in d.page_content for d in docs)
    assert retriever.invoke("Wie won het WK voetbal?") == []
