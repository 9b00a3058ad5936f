"""The sentence-transformers backend, loaded by path through the real loading code.

The test builds its own tiny model (a StaticEmbedding over a word-level WordPiece vocabulary of
the test corpus, random token vectors) and saves it, so nothing is ever downloaded.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from knowledge.embeddings import SentenceTransformerEmbedder, make_embedder
from knowledge.errors import KnowledgeUnavailable
from knowledge.service import KnowledgeBase

from .conftest import BRONNEN_DOC, OOGO_DOC


def _build_tiny_model(path: Path) -> Path:
    import re

    from sentence_transformers import SentenceTransformer
    from sentence_transformers.models import StaticEmbedding
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers

    # a fixed word-level vocabulary (sorted), not a trained one: the WordPiece trainer breaks
    # ties in hash order, which made the random vectors, and so this test, differ between runs
    words = sorted({w.lower() for w in re.findall(r"\w+|[^\w\s]", OOGO_DOC + BRONNEN_DOC)})
    vocab = {tok: i for i, tok in enumerate(["[UNK]", "[PAD]", *words])}
    tokenizer = Tokenizer(models.WordPiece(vocab=vocab, unk_token="[UNK]"))
    tokenizer.normalizer = normalizers.BertNormalizer(lowercase=True)
    tokenizer.pre_tokenizer = pre_tokenizers.Whitespace()
    weights = np.random.default_rng(7).normal(size=(tokenizer.get_vocab_size(), 32))
    module = StaticEmbedding(tokenizer, embedding_weights=weights.astype("float32"))
    SentenceTransformer(modules=[module], device="cpu").save(str(path))
    return path


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build_tiny_model(tmp_path_factory.mktemp("models") / "tiny-static")


@pytest.fixture(scope="module")
def tiny_e5_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build_tiny_model(tmp_path_factory.mktemp("models") / "tiny-e5-static")


def test_model_path_is_loaded_and_used_for_index_and_search(
    tiny_model: Path, tmp_path: Path, docs_dir: Path
) -> None:
    kb = KnowledgeBase.open(tmp_path / "var", embedding_model=str(tiny_model), docs_dir=docs_dir)
    report = kb.index()
    assert report.added == 6
    assert isinstance(kb.embedder, SentenceTransformerEmbedder)
    assert kb.embedder.name == str(tiny_model)
    assert kb.is_ready()
    # random token vectors say nothing about meaning, but a passage's own indexed text must
    # find that passage first: the stored vectors are this model's
    own = next(c for c in kb.retriever().chunks if c.heading == "Wettelijke basis")
    hits = kb.search(own.indexed_text, method="dense", k=2)
    assert hits and hits[0].heading == "Wettelijke basis"
    vector = kb.embedder.embed_query("OOGO")
    assert len(vector) == 32 and abs(float(np.linalg.norm(vector)) - 1.0) < 1e-5


def test_setting_selects_the_model_through_services(
    tiny_model: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.services import build_services
    from bot.settings import Settings

    monkeypatch.setenv("OOGO_EMBEDDING_MODEL", str(tiny_model))
    monkeypatch.setenv("OOGO_DATA_DIR", str(tmp_path / "var"))
    kb = build_services(Settings(_env_file=None)).knowledge
    assert kb.embedding_model == str(tiny_model)
    assert "tiny-static" in kb.store.name  # one collection per model


def test_e5_models_get_query_and_passage_prefixes(tiny_e5_model: Path) -> None:
    from sentence_transformers import SentenceTransformer

    embedder = make_embedder(str(tiny_e5_model))
    raw = SentenceTransformer(str(tiny_e5_model), device="cpu")
    expected_query = raw.encode(["query: wie zit aan tafel"], normalize_embeddings=True)[0]
    expected_doc = raw.encode(["passage: wie zit aan tafel"], normalize_embeddings=True)[0]
    assert np.allclose(embedder.embed_query("wie zit aan tafel"), expected_query, atol=1e-6)
    assert np.allclose(embedder.embed_documents(["wie zit aan tafel"])[0], expected_doc, atol=1e-6)


def test_other_models_get_no_prefix(tiny_model: Path) -> None:
    from sentence_transformers import SentenceTransformer

    embedder = make_embedder(str(tiny_model))
    raw = SentenceTransformer(str(tiny_model), device="cpu")
    expected = raw.encode(["wie zit aan tafel"], normalize_embeddings=True)[0]
    assert np.allclose(embedder.embed_query("wie zit aan tafel"), expected, atol=1e-6)


def test_missing_model_gives_a_dutch_error(tmp_path: Path, docs_dir: Path) -> None:
    kb = KnowledgeBase.open(
        tmp_path / "var", embedding_model=str(tmp_path / "bestaat-niet"), docs_dir=docs_dir
    )
    with pytest.raises(KnowledgeUnavailable, match="kon niet worden geladen"):
        kb.index()
