"""The trained intent model at run time: logistic-regression weights applied in numpy.

``oogo train understanding`` (``bot.core.understanding.train``) fits the model with scikit-learn
and exports only what inference needs into ``data/intent_model.npz``: the hashed feature
buckets that occur in the corpus, one weight row per bucket for every head ("intent", "lang"),
the biases, the class names and the documents' vocabulary (``reading.vocabulary_flag``).
Loading is a single ``numpy.load`` (a few milliseconds) and a prediction is a sparse dot
product, so no scikit-learn import ever happens while answering.
"""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from bot.core.understanding.features import vectorise

logger = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent / "data"
MODEL_PATH = DATA_DIR / "intent_model.npz"


@dataclass(frozen=True, slots=True)
class Head:
    """One classifier over the shared features."""

    classes: tuple[str, ...]
    weights: Any  # float32 array (n_buckets, n_classes)
    bias: Any  # float32 array (n_classes,)


@dataclass(frozen=True, slots=True)
class Prediction:
    """Classes with their probabilities, most likely first."""

    ranked: tuple[tuple[str, float], ...]

    @property
    def label(self) -> str:
        return self.ranked[0][0]

    @property
    def confidence(self) -> float:
        return self.ranked[0][1]

    def probability(self, label: str) -> float:
        return next((p for c, p in self.ranked if c == label), 0.0)


class IntentModel:
    """Heads of logistic-regression weights over hashed features (see the module docstring)."""

    def __init__(self, buckets: Any, heads: dict[str, Head], meta: dict[str, Any],
                 vocabulary: frozenset[str] = frozenset()) -> None:
        self.buckets = buckets
        self.heads = heads
        self.meta = meta
        self.vocabulary = vocabulary
        # the features of the last message (the intent and language heads read the same one)
        self._last: tuple[tuple[str, tuple[str, ...]], tuple[Any, Any]] | None = None

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> IntentModel:
        with np.load(path, allow_pickle=False) as data:
            meta = json.loads(str(data["meta"]))
            heads = {
                name: Head(tuple(str(c) for c in data[f"{name}_classes"]),
                           data[f"{name}_weights"].astype(np.float32),
                           data[f"{name}_bias"].astype(np.float32))
                for name in meta["heads"]
            }
            vocabulary = frozenset(str(w) for w in data["vocabulary"]) \
                if "vocabulary" in data.files else frozenset()
            return cls(data["buckets"].astype(np.int64), heads, meta, vocabulary)

    def predict(self, clean: str, flags: list[str], head: str = "intent") -> Prediction:
        """Probabilities of ``head``'s classes for a delexicalised message and its flags."""
        rows, values = self._rows(clean, flags)
        h = self.heads[head]
        scores = h.bias.astype(np.float64)
        if len(rows):
            scores = scores + values @ h.weights[rows].astype(np.float64)
        scores = scores - scores.max()
        probs = np.exp(scores)
        probs = probs / probs.sum()
        order = np.argsort(-probs, kind="stable")
        return Prediction(tuple((h.classes[i], float(probs[i])) for i in order))

    def _rows(self, clean: str, flags: list[str]) -> tuple[Any, Any]:
        """(weight rows, feature values) of the message's known buckets, kept for the next head."""
        key = (clean, tuple(flags))
        last = self._last
        if last is not None and last[0] == key:
            return last[1]
        vector = vectorise(clean, flags)
        keys = np.fromiter(vector.keys(), dtype=np.int64, count=len(vector))
        values = np.fromiter(vector.values(), dtype=np.float64, count=len(vector))
        pos = np.minimum(np.searchsorted(self.buckets, keys), len(self.buckets) - 1)
        known = self.buckets[pos] == keys
        found = (pos[known], values[known])
        self._last = (key, found)
        return found


_lock = threading.Lock()
_cache: dict[Path, IntentModel | None] = {}


def shipped_model(path: Path = MODEL_PATH) -> IntentModel | None:
    """The shipped model, loaded once per process; None (and a warning) when it is missing."""
    with _lock:
        if path not in _cache:
            try:
                _cache[path] = IntentModel.load(path)
            except (OSError, KeyError, ValueError):
                logger.warning("intent model %s unavailable; run 'oogo train understanding'",
                               path, exc_info=True)
                _cache[path] = None
        return _cache[path]


def forget_cached() -> None:
    """Drop the loaded model (after training a new one in the same process)."""
    with _lock:
        _cache.clear()
