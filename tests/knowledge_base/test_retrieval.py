"""Hybrid retrieval on the shipped documents with the real offline embedder, and its gate."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from knowledge.baseline import windows
from knowledge.errors import KnowledgeUnavailable
from knowledge.evaluation import EVAL_DIR, evaluate, load_part, part_name
from knowledge.service import KnowledgeBase


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


def test_dev_part_keeps_a_floor(shipped_kb: KnowledgeBase) -> None:
    """A floor, not the benchmark (that is `oogo eval retrieval`): the reranker must stay well
    above plain retrieval on the development questions it was fitted on."""
    parts = {"dev": load_part(EVAL_DIR / "retrieval_dev.jsonl")}
    (dev,) = evaluate(shipped_kb, parts, with_baseline=False)
    assert not dev.label_errors
    assert dev.method.recall_at_1 >= 0.72 and dev.method.recall_at_3 >= 0.85, dev.method.missed
    assert dev.rejected_out_of_scope == 1.0


def test_a_label_for_a_missing_heading_is_reported(shipped_kb: KnowledgeBase, tmp_path) -> None:
    path = tmp_path / "retrieval_extra.jsonl"
    path.write_text(
        '{"id": "x1", "question": "Wat is het OOGO?", "lang": "nl", "answers": '
        '[{"doc": "oogo.md", "heading": "Een kop die niet bestaat"}]}\n'
        '{"id": "x2", "question": "Wat is het OOGO?", "lang": "nl", "answers": '
        '[{"doc": "oogo.md", "heading": "Wat is het OOGO en wat betekent het?"}]}\n',
        encoding="utf-8",
    )
    assert part_name(path) == "extra"
    (result,) = evaluate(shipped_kb, {"extra": load_part(path)}, with_baseline=False)
    assert result.label_errors == ["x1: geen sectie 'Een kop die niet bestaat' in oogo.md"]
    assert result.method.n == 1 and result.method.recall_at_1 == 1.0


def test_baseline_windows_are_plain_overlapping_chunks() -> None:
    text = ("woord " * 600).strip()
    spans = windows(text)
    assert all(end - start <= 1000 for start, end in spans)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
        assert 150 <= end - start <= 200


def test_dense_failure_falls_back_to_bm25(
    shipped_kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*args, **kwargs):
        raise KnowledgeUnavailable("Chroma is weg.")

    monkeypatch.setattr(shipped_kb.store, "query", broken)
    monkeypatch.setattr(shipped_kb, "_retriever", None)
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
