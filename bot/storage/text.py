"""Text that every store can hold: no NUL characters and no lone surrogates.

Why strip instead of refuse: both are invisible and carry no meaning in a chat message, a
comment or a title, but PostgreSQL refuses NUL in text and JSON ("a\\u0000b" became a 503
"opslag niet bereikbaar" and the answer was lost), and a lone surrogate cannot be encoded as
UTF-8 (SQLite raised and the scan answer was not saved). The HTTP boundary strips them before a
route sees the request (``bot.channels.api.normalize``); every store strips them again, so
Telegram, the CLI and future channels are covered too.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def clean_text(text: str) -> str:
    """``text`` without NUL characters and lone surrogates (a Python str holds no valid pairs)."""
    return _UNSTORABLE.sub("", text) if _UNSTORABLE.search(text) else text


def clean_value(value: Any) -> Any:
    """``value`` with every string inside it cleaned (dicts, lists, tuples, dataclasses)."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean_value(k): clean_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        cleaned = [clean_value(v) for v in value]
        if isinstance(value, list):
            return cleaned
        return type(value)(*cleaned) if hasattr(value, "_fields") else tuple(cleaned)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: clean_value(getattr(value, f.name)) for f in dataclasses.fields(value)
                   if isinstance(getattr(value, f.name), (str, dict, list, tuple))}
        return dataclasses.replace(value, **changes) if changes else value
    return value
