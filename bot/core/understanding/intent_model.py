"""The trained intent model at run time: logistic-regression weights applied in plain Python.

``oogo train understanding`` (``bot.core.understanding.train``) fits the model with scikit-learn
and exports only what inference needs into ``data/intent_model.npz``: the hashed feature
buckets that occur in the corpus, one weight row per bucket for every head ("intent", "lang"),
the biases, the class names and the documents' vocabulary (``reading.vocabulary_flag``).
Loading reads that file without numpy (``npyread``: a few milliseconds, where importing numpy
alone took 0.1-0.25 s of a one-question ``oogo ask``), and a prediction is a sparse dot product
over the message's few hundred known buckets, so neither numpy nor scikit-learn is imported
while answering.
"""

from __future__ import annotations

import json
import logging
import math
import sys
import threading
from array import array
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.core.understanding import per_message
from bot.core.understanding.features import (
    BUCKETS,
    count_value,
    feature_buckets,
    norm,
    vectorise,
    weighted,
)

logger = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent / "data"
MODEL_PATH = DATA_DIR / "intent_model.npz"


@dataclass(frozen=True, slots=True)
class Head:
    """One classifier over the shared features.

    ``weights`` is (n_buckets, n_classes): a numpy array (as training makes it) or, as loaded,
    the flat values with ``strides`` (steps for one bucket and one class)."""

    classes: tuple[str, ...]
    weights: Any
    bias: Any  # n_classes numbers
    strides: tuple[int, int] | None = None


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


def _flat(head: Head) -> Head:
    """The head with flat float32 weights (a numpy array from training is copied once)."""
    if head.strides is not None:
        return head
    weights = array("f", head.weights.astype("float32").tobytes())  # C order: row by row
    bias = [float(b) for b in head.bias]
    return Head(head.classes, weights, bias, (len(head.classes), 1))


class IntentModel:
    """Heads of logistic-regression weights over hashed features (see the module docstring)."""

    def __init__(self, buckets: Any, heads: dict[str, Head], meta: dict[str, Any],
                 vocabulary: frozenset[str] = frozenset()) -> None:
        self.buckets = buckets if isinstance(buckets, array) else \
            array("q", buckets.astype("int64").tobytes())
        self.heads = {name: _flat(head) for name, head in heads.items()}
        self.meta = meta
        self.vocabulary = vocabulary
        # numpy views of the weights (by head), made on first use
        self._matrices: dict[int, Any] = {}
        self._row_index: dict[int, int] | None = None
        self._row_array: Any = None
        self._count_array: Any = None

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> IntentModel:
        from bot.core.understanding.npyread import read_npz

        data = read_npz(path)
        meta = json.loads(data["meta"].values[0])
        heads = {
            name: Head(tuple(data[f"{name}_classes"].values),
                       data[f"{name}_weights"].values,
                       [float(b) for b in data[f"{name}_bias"].values],
                       data[f"{name}_weights"].strides())
            for name in meta["heads"]
        }
        vocabulary = frozenset(data["vocabulary"].values) if "vocabulary" in data \
            else frozenset()
        return cls(data["buckets"].values, heads, meta, vocabulary)

    def predict(self, clean: str, flags: list[str], head: str = "intent") -> Prediction:
        """Probabilities of ``head``'s classes for a delexicalised message and its flags.

        With numpy already in the process (the web service loads it for the knowledge index)
        the dot product runs there, twice as fast; otherwise in plain Python, so a figure
        question never imports it. Both give the same ranking (probabilities equal to 1e-15)."""
        numpy = _numpy_if_loaded()
        rows, values = self._rows(clean, flags, numpy)
        h = self.heads[head]
        scores = self._scores_numpy(numpy, h, rows, values) if numpy is not None else \
            self._scores(h, rows, values)
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        probs = [e / total for e in exps]
        # most likely first; reverse keeps equal ones in class order, as before
        order = sorted(range(len(probs)), key=probs.__getitem__, reverse=True)
        classes = h.classes
        return Prediction(tuple([(classes[i], probs[i]) for i in order]))

    @staticmethod
    def _scores(h: Head, rows: list[int], values: list[float]) -> list[float]:
        weights = h.weights
        row_step, class_step = h.strides or (len(h.classes), 1)
        offsets = range(0, len(h.classes) * class_step, class_step)
        scores = [float(b) for b in h.bias]
        for row, value in zip(rows, values, strict=True):
            base = row * row_step
            for j, offset in enumerate(offsets):
                scores[j] += value * weights[base + offset]
        return scores

    def _scores_numpy(self, np: Any, h: Head, rows: list[int], values: list[float],
                      ) -> list[float]:
        weights = self._matrices.get(id(h))
        if weights is None:
            # the weights as float64 once (the same numbers the rows were converted to per
            # message before), and the bias as an array
            flat = np.frombuffer(h.weights, dtype=np.float32)
            row_step, class_step = h.strides or (len(h.classes), 1)
            matrix = flat.reshape((-1, row_step)) if class_step == 1 else \
                flat.reshape((-1, class_step)).T  # column-major in the file
            weights = self._matrices[id(h)] = (np.ascontiguousarray(matrix, dtype=np.float64),
                                               np.asarray(h.bias, dtype=np.float64))
        matrix, bias = weights
        if not len(rows):
            return bias.tolist()  # type: ignore[no-any-return]
        return (bias + values @ matrix[rows]).tolist()  # type: ignore[no-any-return]

    def _rows(self, clean: str, flags: list[str], np: Any = None) -> tuple[Any, Any]:
        """(weight rows, feature values) of the message's known buckets: numpy arrays when
        ``np`` is given, lists otherwise. Within the understanding of one message the intent
        and the language head share them (``per_message``); nothing is kept for the next."""
        key = ("intent_rows", id(self), clean, tuple(flags), np is not None)
        return per_message.once(key, lambda: self._find_rows(clean, flags, np))

    def _find_rows(self, clean: str, flags: list[str], np: Any) -> tuple[Any, Any]:
        if np is not None:
            return self._find_rows_numpy(np, Counter(feature_buckets(clean, flags)))
        vector = vectorise(clean, flags)
        row_of = self._row_of()
        rows: list[int] = []
        kept: list[float] = []
        for bucket, value in vector.items():
            at = row_of.get(bucket)
            if at is not None:
                rows.append(at)
                kept.append(value)
        return rows, kept

    def _find_rows_numpy(self, np: Any, counts: Counter[int]) -> tuple[Any, Any]:
        """What ``vectorise`` and a row lookup per feature give, in arrays: the same rows, the
        same values in the same order (a value is 1 + log(count) from one table of Python
        floats, the norm the same sum in the same order, the division elementwise). Why: a
        long question has two hundred features, and a dict built and read again per feature
        was most of a prediction (issue 18)."""
        size = len(counts)
        # the largest count in Python: a numpy reduction costs more than it saves on a few
        # hundred numbers
        if size and max(counts.values()) >= len(_COUNT_VALUES):  # a word repeated very often
            vector = weighted(counts)
            return self._gathered(np, np.fromiter(vector, dtype=np.intp, count=size),
                                  np.fromiter(vector.values(), dtype=np.float64, count=size))
        times = np.fromiter(counts.values(), dtype=np.intp, count=size)
        values = self._count_values(np)[times]
        return self._gathered(np, np.fromiter(counts, dtype=np.intp, count=size),
                              values / norm(values.tolist()))

    def _gathered(self, np: Any, buckets: Any, values: Any) -> tuple[Any, Any]:
        """The rows of the buckets the model knows (one gather through the bucket -> row
        table) and their values."""
        found = self._row_table(np)[buckets]
        known = found >= 0
        return found[known], values[known]

    def _count_values(self, np: Any) -> Any:
        """``_COUNT_VALUES`` as an array, made on first use."""
        if self._count_array is None:
            self._count_array = np.array(_COUNT_VALUES, dtype=np.float64)
        return self._count_array

    def _row_table(self, np: Any) -> Any:
        """Bucket -> weight row (-1: a bucket the model does not know) as one numpy array over
        every bucket (2 MB), made on first use."""
        table = self._row_array
        if table is None:
            table = np.full(BUCKETS, -1, dtype=np.intp)
            table[np.frombuffer(self.buckets, dtype=np.int64)] = np.arange(len(self.buckets))
            self._row_array = table
        return table

    def _row_of(self) -> dict[int, int]:
        """Bucket -> weight row, made on first use (a dict lookup per feature instead of a
        binary search; the model knows some 22,000 buckets)."""
        row_of = self._row_index
        if row_of is None:
            row_of = self._row_index = {bucket: row for row, bucket in enumerate(self.buckets)}
        return row_of


# the value of a feature seen ``count`` times, for the counts a message has (``_find_rows_numpy``)
_COUNT_VALUES = [1.0] + [count_value(count) for count in range(1, 64)]


_lock = threading.Lock()
_cache: dict[Path, IntentModel | None] = {}


def _numpy_if_loaded() -> Any:
    """numpy when the process has imported it, else None; an import that another thread is
    still running is waited for. Why: a module being imported is in ``sys.modules`` already,
    half built, and the web service imports numpy in a background thread right after it is
    ready (charts, Chroma), so taking it from ``sys.modules`` failed a first question with
    "partially initialized module 'numpy' has no attribute 'frombuffer'". ``import`` waits on the
    module's import lock until the module is complete; once it was, the module is kept here, as
    an ``import`` statement on every message cost more than the lookup it guards."""
    if _NUMPY:
        return _NUMPY[0]
    if "numpy" not in sys.modules:
        return None
    import numpy

    _NUMPY.append(numpy)
    return numpy


_NUMPY: list[Any] = []  # numpy, once ``_numpy_if_loaded`` found its import complete


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
