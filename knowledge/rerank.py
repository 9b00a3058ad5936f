"""The second stage: order the candidate sections and say how sure the first place is.

Why a small linear model: the signals of ``knowledge.features`` live on different scales and
matter unequally, and guessing weights by hand is a fit to whatever example one looks at. A
logistic regression over the features, fitted on the development questions only
(``bench/fit_reranker.py``, which writes ``reranker.json``), learns the weights from 300
labelled questions; with 13 weights it cannot memorise them. The same file holds the gate: a
second logistic model that turns the first place's scores into the probability that it answers
the question. Below ``answer_at`` the assistant does not answer but says it does not know and
offers the closest headings; below ``related_at`` nothing is shown at all.

A cross-encoder (sentence-transformers ``CrossEncoder``) reorders the candidates instead when one
is configured (``OOGO_RERANKER``, a local path or a name already in the local cache); it is never
downloaded, and when it cannot be loaded the linear model is used and a warning is logged.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from knowledge.features import FEATURES, LEXICAL

log = logging.getLogger(__name__)

WEIGHTS_FILE = Path(__file__).resolve().parent / "reranker.json"
GATE_FEATURES = ("score", "margin", "d_text", "d_head", "s_text", "coverage")
RELATED_FEATURES = ("coverage_max", "d_text_max")


@dataclass(frozen=True)
class Linear:
    """w . x + b over named features."""

    names: tuple[str, ...]
    weights: np.ndarray
    bias: float = 0.0

    def __call__(self, rows: np.ndarray) -> np.ndarray:
        return rows @ self.weights + self.bias

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Linear:
        names = tuple(data["features"])
        return cls(names, np.array([float(data["weights"][n]) for n in names]),
                   float(data.get("bias", 0.0)))


@dataclass(frozen=True)
class Model:
    """Ranking and gates for one mode (with embeddings, or keywords only).

    ``related`` scores whether the question is about the documents at all (best keyword
    coverage plus weighted best similarity, the rule calibrated before this reranker);
    ``gate`` gives the probability that the first section answers it.
    """

    rank: Linear
    gate: Linear
    answer_at: float
    related: Linear
    related_at: float

    def confidence(self, gate_row: np.ndarray) -> float:
        return float(1.0 / (1.0 + np.exp(-self.gate(gate_row[None, :])[0])))


@dataclass(frozen=True)
class Rerankers:
    dense: Model
    lexical: Model

    def columns(self, lexical: bool) -> list[int]:
        names = self.lexical.rank.names if lexical else self.dense.rank.names
        return [FEATURES.index(n) for n in names]


def _model(data: dict[str, Any]) -> Model:
    return Model(Linear.from_dict(data["rank"]), Linear.from_dict(data["gate"]),
                 float(data["answer_at"]), Linear.from_dict(data["related"]),
                 float(data["related_at"]))


def load_rerankers(path: Path = WEIGHTS_FILE) -> Rerankers:
    """The fitted weights; a missing file falls back to equal weights (logged)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Rerankers(_model(data["dense"]), _model(data["lexical"]))
    except (OSError, ValueError, KeyError) as exc:
        log.warning("reranker weights %s unusable (%s); using equal weights", path, exc)
        return Rerankers(_default(FEATURES), _default(LEXICAL))


def _default(names: tuple[str, ...]) -> Model:
    gate = Linear(GATE_FEATURES, np.array([1.0, 1.0, 1.0, 1.0, 2.0, 0.0]), -2.0)
    return Model(Linear(names, np.ones(len(names))), gate, 0.5, default_related(), 0.9)


def default_related() -> Linear:
    """Best coverage + 2 x best text similarity: out-of-scope questions stay below 0.9."""
    return Linear(RELATED_FEATURES, np.array([1.0, 2.0]))


class CrossEncoderReranker:
    """Scores (question, section) pairs with a local sentence-transformers cross-encoder."""

    def __init__(self, model: str) -> None:
        from sentence_transformers import CrossEncoder

        # local_files_only: a configured name must already be on disk; never download
        path = str(Path(model).expanduser()) if Path(model).expanduser().is_dir() else model
        self._model = CrossEncoder(path, device="cpu", local_files_only=True)
        self.name = model

    def scores(self, question: str, passages: list[str]) -> np.ndarray:
        if not passages:
            return np.zeros(0)
        return np.asarray(self._model.predict([(question, p) for p in passages]), dtype=float)


def on_disk(model: str) -> bool:
    """True when ``model`` is a local folder or a name already in the Hugging Face cache, so
    loading it cannot reach the network."""
    if Path(model).expanduser().is_dir():
        return True
    try:
        from huggingface_hub import try_to_load_from_cache

        return isinstance(try_to_load_from_cache(model, "config.json"), str)
    except Exception:  # noqa: BLE001 - no hub library or a malformed name: not on disk
        return False


def make_cross_encoder(model: str | None) -> CrossEncoderReranker | None:
    """The configured cross-encoder, or None (not configured, or it cannot be loaded)."""
    if not model:
        return None
    if not on_disk(model):
        log.warning("cross-encoder %s is not on this machine (it is never downloaded); using "
                    "the linear reranker", model)
        return None
    try:
        return CrossEncoderReranker(model)
    except Exception as exc:  # missing package, not on disk, corrupt: keep the linear model
        log.warning("cross-encoder %s not usable, using the linear reranker: %s", model, exc)
        return None
