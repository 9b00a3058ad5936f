"""Training the intent model (``oogo train understanding``): scikit-learn in, numpy weights out.

Deterministic by construction: the examples are read in file order, the features are hashed
with CRC32, logistic regression uses the lbfgs solver (no random state involved), and the
artefact is written as a zip with fixed timestamps, so the same corpus gives the same bytes.
Only the training corpus is used; the held-out split is for ``oogo eval understanding`` alone.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from bot.core.understanding.corpus import Example
from bot.core.understanding.features import BUCKETS, vectorise
from bot.core.understanding.reading import model_flags, read
from bot.core.understanding.slots import detect_indicator

if TYPE_CHECKING:  # pragma: no cover
    from indicators.registry import RegionRegistry

C_INTENT = 8.0
C_LANG = 4.0
HEADS = ("intent", "lang")
FORMAT_VERSION = 1


@dataclass(slots=True)
class Encoded:
    """The feature vectors of a corpus, in corpus order."""

    vectors: list[dict[int, float]]
    intents: list[str]
    langs: list[str]
    vocabulary: frozenset[str]


def document_vocabulary() -> frozenset[str]:
    """Every word (four letters or more) of the knowledge documents and the regioscan, plus the
    lexicon's keywords: what the assistant can talk about (see ``reading.vocabulary_flag``)."""
    from bot.core.understanding.lexicon import KEYWORDS
    from bot.core.understanding.normalize import fold
    from bot.core.understanding.reading import CONTENT_WORD
    from bot.core.understanding.topic_words import document_texts

    words = {w for text in document_texts() for w in CONTENT_WORD.findall(fold(text))}
    return frozenset(words | set(KEYWORDS))


def encode_example(example: Example, registry: RegionRegistry,
                   vocabulary: frozenset[str]) -> dict[int, float]:
    """The features of one example, computed exactly as at run time (``understand``), over
    the shipped catalog (the model is trained on the shipped indicators' words)."""
    from bot.core.understanding.normalize import fold
    from indicators.catalog import catalog

    known = catalog()
    reading = read(example.text, registry, known)
    after_figure = bool(example.context) and detect_indicator(
        fold(example.context[-1]), known) is not None
    flags = model_flags(reading, scan_active=example.scan_active,
                        has_context=bool(example.context), after_figure=after_figure,
                        vocabulary=vocabulary)
    return vectorise(reading.clean, flags)


def encode(examples: list[Example], registry: RegionRegistry,
           vocabulary: frozenset[str] | None = None) -> Encoded:
    vocabulary = document_vocabulary() if vocabulary is None else vocabulary
    return Encoded([encode_example(e, registry, vocabulary) for e in examples],
                   [e.intent for e in examples], [e.lang for e in examples], vocabulary)


def _matrix(vectors: list[dict[int, float]]) -> tuple[Any, Any]:
    """(sparse matrix over the buckets that occur, those buckets in ascending order)."""
    from scipy.sparse import csr_matrix

    used = np.array(sorted({key for vector in vectors for key in vector}), dtype=np.int64)
    column = {int(key): i for i, key in enumerate(used)}
    rows, cols, vals = [], [], []
    for i, vector in enumerate(vectors):
        for key in sorted(vector):
            rows.append(i)
            cols.append(column[key])
            vals.append(vector[key])
    matrix = csr_matrix((vals, (rows, cols)), shape=(len(vectors), len(used)), dtype=np.float64)
    return matrix, used


def _fit(matrix: Any, labels: list[str], c: float) -> Any:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, solver="lbfgs", max_iter=1000, tol=1e-4)
    model.fit(matrix, labels)
    return model


def fit(encoded: Encoded, c_intent: float = C_INTENT, c_lang: float = C_LANG,
        ) -> dict[str, Any]:
    """Fit every head; returns the arrays of the artefact."""
    matrix, used = _matrix(encoded.vectors)
    arrays: dict[str, Any] = {"buckets": used,
                              "vocabulary": np.array(sorted(encoded.vocabulary))}
    for head, labels, c in (("intent", encoded.intents, c_intent),
                            ("lang", encoded.langs, c_lang)):
        model = _fit(matrix, labels, c)
        coef = model.coef_
        classes = list(model.classes_)
        if len(classes) == 2:  # binary: sklearn keeps one row; make it two for softmax
            coef = np.vstack([-coef[0] / 2, coef[0] / 2])
            bias = np.array([-model.intercept_[0] / 2, model.intercept_[0] / 2])
        else:
            bias = model.intercept_
        arrays[f"{head}_weights"] = coef.T.astype(np.float32)
        arrays[f"{head}_bias"] = np.asarray(bias, dtype=np.float32)
        arrays[f"{head}_classes"] = np.array(classes)
    return arrays


def fit_model(examples: list[Example], registry: RegionRegistry) -> Any:
    """An ``IntentModel`` fitted in memory (for cross-validation of the whole pipeline)."""
    from bot.core.understanding.intent_model import Head, IntentModel

    arrays = fit(encode(examples, registry))
    heads = {name: Head(tuple(str(c) for c in arrays[f"{name}_classes"]),
                        arrays[f"{name}_weights"], arrays[f"{name}_bias"]) for name in HEADS}
    return IntentModel(arrays["buckets"], heads, {"heads": list(HEADS)},
                       frozenset(str(w) for w in arrays["vocabulary"]))


def corpus_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def write_artefact(path: Path, arrays: dict[str, Any], meta: dict[str, Any]) -> None:
    """A .npz (zip of .npy) with fixed timestamps: the same arrays give the same bytes."""
    members = dict(arrays)
    members["meta"] = np.array(json.dumps({**meta, "heads": list(HEADS),
                                           "format": FORMAT_VERSION}, sort_keys=True))
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(members):
            buffer = io.BytesIO()
            np.save(buffer, members[name], allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, buffer.getvalue())


def train(train_path: Path, out: Path, registry: RegionRegistry) -> dict[str, Any]:
    """Read the corpus, fit, write the artefact; returns a summary for the CLI."""
    from bot.core.understanding.corpus import load

    examples = load(train_path)
    encoded = encode(examples, registry)
    arrays = fit(encoded)
    meta = {"corpus": train_path.name, "corpus_sha256": corpus_digest(train_path),
            "examples": len(examples), "c_intent": C_INTENT, "c_lang": C_LANG,
            "buckets": BUCKETS}
    write_artefact(out, arrays, meta)
    return {"examples": len(examples), "features": int(len(arrays["buckets"])),
            "intents": len(arrays["intent_classes"]), "bytes": out.stat().st_size,
            "path": str(out)}
