"""The intent model's numpy rows are its plain-Python rows: same buckets, values and order."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from bot.core.understanding.features import delexicalise
from bot.core.understanding.intent_model import MODEL_PATH, IntentModel

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def model() -> IntentModel:
    return IntentModel.load(MODEL_PATH)


def _messages() -> list[str]:
    lines = (ROOT / "bot/core/understanding/data/train.jsonl").read_text(encoding="utf-8")
    texts = [json.loads(line)["text"] for line in lines.splitlines() if line.strip()]
    # a word far more often than the table of count values holds, and nothing at all
    return texts[::7] + ["neet " * 70 + "in zwolle", "", "?"]


def test_numpy_rows_and_values_are_the_plain_ones(model: IntentModel) -> None:
    for text in _messages():
        clean = delexicalise(text)
        for flags in ([], ["ind", "place", "ctx"]):
            rows, values = model._find_rows(clean, flags, np)
            plain_rows, plain_values = model._find_rows(clean, flags, None)
            assert rows.tolist() == plain_rows, text
            assert values.tolist() == plain_values, text  # equal floats, not close ones


def test_numpy_and_plain_predictions_rank_alike(model: IntentModel) -> None:
    for text in _messages()[:300]:
        clean = delexicalise(text)
        with_numpy = model.predict(clean, ["ind"])
        model_rows = model._find_rows(clean, ["ind"], None)
        plain = model._scores(model.heads["intent"], *model_rows)
        assert len(plain) == len(with_numpy.ranked)
        assert with_numpy.label == model.heads["intent"].classes[plain.index(max(plain))]
