"""Request input made storable at the HTTP boundary, and request paths made safe to log.

JSON bodies and query strings lose NUL characters and lone surrogates before any route (and so
any store) sees them; see ``bot.storage.text`` for why we strip rather than refuse. A body that
is not valid JSON is passed on unchanged, so the route answers with its own Dutch parse error.
Paths in the access log keep their shape but an invitation code becomes a short hash.
"""

from __future__ import annotations

import json
import re

from bot.regioscan.rounds import code_for_log
from bot.storage.text import clean_value

_SUSPECT_BODY = re.compile(rb"\x00|\\u0000|\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_NUL_IN_QUERY = re.compile(rb"%00|\x00", re.IGNORECASE)
_ROUND_PATH = re.compile(r"^(/api/rounds/)([^/]+)")


def clean_json_body(raw: bytes) -> bytes:
    """The body with NUL and lone surrogates removed from every string in it (only re-encoded
    when there was something to remove)."""
    if not raw or not _SUSPECT_BODY.search(raw):
        return raw
    try:
        data = json.loads(raw)
    except ValueError:  # not JSON (or a raw NUL byte in a string): the route reports it
        return raw
    cleaned = clean_value(data)
    if cleaned == data and not isinstance(data, str):
        return raw
    return json.dumps(cleaned, ensure_ascii=False).encode("utf-8")


def clean_query(query: bytes) -> bytes:
    """The raw query string without encoded or raw NUL bytes (invalid UTF-8 is decoded with
    replacement characters by the framework, so no surrogates can come through here)."""
    return _NUL_IN_QUERY.sub(b"", query) if b"%" in query or b"\x00" in query else query


def path_for_log(path: str) -> str:
    """``/api/rounds/K7QX3MPA/result`` -> ``/api/rounds/r-1a2b3c4d/result``."""
    return _ROUND_PATH.sub(lambda m: m.group(1) + code_for_log(m.group(2)), path)
