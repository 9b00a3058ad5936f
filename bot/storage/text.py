"""Text that every store can hold: no NUL characters and no lone surrogates (and JSON without
NaN or Infinity).

Why strip instead of refuse: both are invisible and carry no meaning in a chat message, a
comment or a title, but PostgreSQL refuses NUL in text and JSON ("a\\u0000b" became a 503
"opslag niet bereikbaar" and the answer was lost), and a lone surrogate cannot be encoded as
UTF-8 (SQLite raised and the scan answer was not saved). The HTTP boundary strips them before a
route sees the request (``bot.channels.api.normalize``); every store strips them again, so
Telegram, the CLI and future channels are covered too.

NaN and Infinity are not JSON: Python's encoder writes them anyway, SQLite keeps the text and
PostgreSQL refuses it ("Token "NaN" is invalid"), which became "opslag niet bereikbaar" and
dropped the pool. A stored value holds ``null`` instead, the same on both backends.

The encoder is orjson where it can take the value: a chat turn writes two JSON values and
Python's encoder took about 45 µs for a 3 KB reply, orjson 3 µs (issue 18). orjson refuses what
it cannot write exactly (a lone surrogate, an integer beyond 64 bits, a subclass of float);
such a value takes the ``json`` path below, as before.
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
from typing import Any

import orjson

# dict keys that are not strings become strings, as with ``json``; numpy scalars their number
_OPTIONS = orjson.OPT_NON_STR_KEYS | orjson.OPT_SERIALIZE_NUMPY
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def _storable_dump(dumped: str) -> bool:
    """Whether the output of ``json.dumps(..., ensure_ascii=False)`` is free of both: a NUL
    appears as the escape ``\\u0000``, a lone surrogate as itself. Why not one regex: an
    alternation is tried at every position (80 µs for a 3 KB reply, issue 18); a substring
    search and a UTF-8 encode (which only a lone surrogate fails) take a few µs."""
    if "\\u0000" in dumped:
        return False
    if dumped.isascii():
        return True
    try:
        dumped.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


CONVERSATION_ID_CHARS = 200  # the width of every conversation_id column (bot.storage.models)


def conversation_key(conversation_id: str) -> str:
    """A conversation id as every store keys its rows: cleaned, then cut to the column's width
    (PostgreSQL refuses a longer one), the same in every store so their rows stay together."""
    return clean_text(conversation_id)[:CONVERSATION_ID_CHARS]


def clean_text(text: str) -> str:
    """``text`` without NUL characters and lone surrogates (a Python str holds no valid pairs)."""
    return _UNSTORABLE.sub("", text) if _UNSTORABLE.search(text) else text


def needs_cleaning(value: Any) -> bool:
    """Whether any string inside a JSON-like ``value`` holds a NUL or a lone surrogate.

    Why: every store call cleans its arguments, and a chat turn's state and reply hold a few
    hundred strings; walking them in Python cost more than writing them (issue 18). One pass
    of the C JSON encoder plus one regex search answers the question for the whole value
    (``json`` writes a NUL as the escape ``\\u0000`` and keeps a lone surrogate as it is). A
    value the encoder cannot take (a dataclass, a date) is walked as before."""
    try:
        dumped = json.dumps(value, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError, RecursionError):
        return True
    return not _storable_dump(dumped)


def fast_dumps(value: Any) -> str | None:
    """``value`` as compact JSON text by orjson (NaN and Infinity become ``null``), or None when
    orjson cannot write it exactly (see the module doc) and the caller must use ``json``."""
    try:
        return orjson.dumps(value, option=_OPTIONS).decode()
    except TypeError:  # orjson.JSONEncodeError is a TypeError
        return None


def dumps_storable(value: Any) -> str:
    """``value`` as JSON text that every store can hold, in one pass of the encoder when there is
    nothing to clean (the chat turn's path, ``bot.storage.raw``): the same check as
    ``needs_cleaning``, on the text that is then written, instead of encoding twice. A string
    orjson wrote holds no lone surrogate (it refuses one), so only a NUL is looked for."""
    dumped = fast_dumps(value)
    if dumped is not None and "\\u0000" not in dumped:
        return dumped
    try:
        dumped = json.dumps(value, ensure_ascii=False, allow_nan=False)
    except ValueError:  # NaN or Infinity somewhere (a circular value fails again below)
        return json.dumps(_walk(value), ensure_ascii=False)
    if _storable_dump(dumped):
        return dumped
    return json.dumps(_walk(value), ensure_ascii=False)


def clean_value(value: Any) -> Any:
    """``value`` with every string inside it cleaned (dicts, lists, tuples, dataclasses); a
    container with nothing to clean comes back as it is (see ``needs_cleaning``)."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, (dict, list, tuple)) and not needs_cleaning(value):
        return value
    return _walk(value)


def _walk(value: Any) -> Any:
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {_walk(k): _walk(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        cleaned = [_walk(v) for v in value]
        if isinstance(value, list):
            return cleaned
        return type(value)(*cleaned) if hasattr(value, "_fields") else tuple(cleaned)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _walk(getattr(value, f.name)) for f in dataclasses.fields(value)
                   if isinstance(getattr(value, f.name), (str, dict, list, tuple))}
        return dataclasses.replace(value, **changes) if changes else value
    return value
