"""``clean_value`` checks a whole JSON-like value in one pass before it walks it (issue 18); the
fast path must never let a NUL or a lone surrogate through, and must leave clean values alone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from bot.storage.raw import loads
from bot.storage.text import clean_value, dumps_storable, needs_cleaning


@pytest.mark.parametrize("value", [
    {"text": "a\x00b"},
    {"text": "a\ud800b"},
    {"bad\udfffkey": "x"},
    ["ok", {"deep": ["x", ("y", "z\x00")]}],
    ("tuple", "with\ud83dlone"),
])
def test_unstorable_characters_are_found_and_removed(value):
    assert needs_cleaning(value)
    cleaned = clean_value(value)
    assert not needs_cleaning(cleaned)
    assert "\x00" not in repr(cleaned) and "\\x00" not in repr(cleaned)


def test_a_clean_value_comes_back_as_the_same_object():
    value = {"core": {"last_regions": ["GM0193"], "turns": 3, "x": 1.5, "none": None},
             "text": "Hoe hoog is de NEET in Zwolle? ✓ 😀"}
    assert not needs_cleaning(value)
    assert clean_value(value) is value


def test_a_typed_backslash_u0000_is_text_not_a_nul():
    """Six typed characters ``\\u0000`` are kept; the check may walk the value, never change it."""
    value = {"comment": "zie \\u0000 in de log"}
    assert clean_value(value) == value


def test_values_json_cannot_encode_are_walked():
    @dataclass
    class Note:
        text: str
        when: date

    cleaned = clean_value({"note": Note("a\x00b", date(2026, 11, 30))})
    assert cleaned["note"].text == "ab"
    assert clean_value([date(2026, 1, 1), "x\x00"]) == [date(2026, 1, 1), "x"]


@pytest.mark.parametrize("value, expected", [
    ({"text": "a\x00b", "n": 1}, {"text": "ab", "n": 1}),
    ({"text": "a\ud800b"}, {"text": "ab"}),
    ({"x": float("nan"), "y": [float("inf"), 1.5]}, {"x": None, "y": [None, 1.5]}),
    ({1: "int key", "t": ("a", "b")}, {"1": "int key", "t": ["a", "b"]}),
    ({"big": 2 ** 70}, {"big": 2 ** 70}),
    ({"comment": "zie \\u0000 in de log"}, {"comment": "zie \\u0000 in de log"}),
])
def test_stored_json_reads_back_clean_whichever_encoder_wrote_it(value, expected):
    """orjson writes what it can, ``json`` the rest (a lone surrogate, a huge integer); the text
    read back is the same value either way, free of NUL, surrogates and NaN."""
    text = dumps_storable(value)
    assert "\x00" not in text and "NaN" not in text and "Infinity" not in text
    text.encode("utf-8")  # no lone surrogate
    assert loads(text) == expected


def test_a_numpy_scalar_is_stored_as_its_number():
    import numpy as np

    assert loads(dumps_storable({"v": np.float64(4.25), "n": np.int64(12)})) == {"v": 4.25, "n": 12}


def test_rows_written_before_nan_was_stored_as_null_still_read():
    assert loads('{"x": NaN, "y": 1}')["y"] == 1
    assert loads(b'{"a": [1, 2]}') == {"a": [1, 2]}
    assert loads({"already": "decoded"}) == {"already": "decoded"}
