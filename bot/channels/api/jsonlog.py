"""JSON logs, one object per line, each carrying the request id of the request being served.

Why: a deployment with several workers behind a proxy is debugged by grepping a request id
across log lines; plain-text uvicorn logs cannot be parsed reliably.

No user text in the logs: the stores hide SQL parameters, the code logs ids, types and hashed
codes, and as a last line the formatter replaces what the current request brought along (its
JSON strings and query values, collected by the middleware) by ``[tekst]`` in the message, the
extras and the traceback, at every level: each of those texts whole, and each word of 4 or more
characters in it (case-insensitive), so a debug line that quotes one word of a question (a
child's name, a place) is covered too. A traceback of a validation error, for instance, quotes
the input it refused.

The middleware hands over the raw query string and JSON body (``RequestTexts``); they are read
into texts when a line is first formatted during the request. Why not at once: at level WARNING
most requests log nothing, and parsing every body again for its texts cost each chat turn more
than all the rest of the middleware (issue 18).
"""

from __future__ import annotations

import contextvars
import functools
import json
import logging
import re
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl

_SECRET_PATTERN = re.compile(r"bot\d{5,}:[A-Za-z0-9_-]{20,}")
MIN_REDACTED_CHARS = 4
REDACTED = "[tekst]"
#: the access log holds method, path (invitation codes hashed) and status only: kept readable
ACCESS_LOGGER = "bot.channels.api.access"


def user_texts_in(value: Any) -> list[str]:
    """Every string of ``value`` (JSON: dict values and list items) long enough to redact."""
    if isinstance(value, str):
        return [value] if len(value.strip()) >= MIN_REDACTED_CHARS else []
    if isinstance(value, dict):
        return [t for v in value.values() for t in user_texts_in(v)]
    if isinstance(value, list):
        return [t for v in value for t in user_texts_in(v)]
    return []


class RequestTexts:
    """The query string and JSON bodies of the current request, as texts no log line may show
    (``texts``, read on first use; see the module doc)."""

    __slots__ = ("_bodies", "_query", "_texts")

    def __init__(self, query: bytes = b"") -> None:
        self._query = query
        self._bodies: list[bytes] = []
        self._texts: tuple[str, ...] | None = None

    def add_body(self, body: bytes) -> None:
        """A JSON body the request sent (one that is no JSON adds nothing)."""
        self._bodies.append(body)
        self._texts = None

    def texts(self) -> tuple[str, ...]:
        if self._texts is None:
            self._texts = (*_query_texts(self._query),
                           *(text for body in self._bodies for text in _body_texts(body)))
        return self._texts


request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
user_texts_var: contextvars.ContextVar[RequestTexts | None] = contextvars.ContextVar(
    "user_texts", default=None)


def _query_texts(query: bytes) -> list[str]:
    if not query:
        return []
    pairs = parse_qsl(query.decode("latin-1"), keep_blank_values=False)
    return [text for _, value in pairs for text in user_texts_in(value)]


def _body_texts(body: bytes) -> list[str]:
    try:
        data = json.loads(body)
    except ValueError:
        return []
    return user_texts_in(data)


def redact(text: str) -> str:
    """``text`` without the current request's own texts (and without bot tokens)."""
    current = user_texts_var.get()
    texts = current.texts() if current is not None else ()
    if texts:
        text = _pattern(texts).sub(REDACTED, text)
    return _SECRET_PATTERN.sub("bot<token>", text)


@functools.lru_cache(maxsize=256)
def _pattern(texts: tuple[str, ...]) -> re.Pattern[str]:
    pieces = {t.strip() for t in texts} | {repr(t)[1:-1] for t in texts}
    pieces |= {w for t in texts for w in re.findall(rf"\w{{{MIN_REDACTED_CHARS},}}", t)}
    ordered = sorted((p for p in pieces if len(p) >= MIN_REDACTED_CHARS), key=len,
                     reverse=True)
    if not ordered:
        return re.compile(r"(?!)")
    alternatives = "|".join(re.escape(p) for p in ordered)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


class JsonFormatter(logging.Formatter):
    """Formats a record as one JSON line (time, level, logger, message, request id, extras)."""

    _skip = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {
        "message", "asctime", "color_message"}

    def format(self, record: logging.LogRecord) -> str:
        data: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage() if record.name == ACCESS_LOGGER
            else redact(record.getMessage()),
            "request_id": getattr(record, "request_id", None) or request_id_var.get(),
        }
        for key, value in vars(record).items():
            if key not in self._skip and key != "request_id" and not key.startswith("_"):
                if isinstance(value, (int, float, bool, type(None))):
                    data[key] = value
                else:
                    data[key] = redact(str(value))
        if record.exc_info:
            data["exception"] = redact(self.formatException(record.exc_info))
        return json.dumps(data, ensure_ascii=False)


def logging_config(level: str = "INFO") -> dict[str, Any]:
    """A ``logging.config.dictConfig`` dict; handed to uvicorn so every worker uses it."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "bot.channels.api.jsonlog.JsonFormatter"}},
        "handlers": {
            "stderr": {"class": "logging.StreamHandler", "formatter": "json",
                       "stream": "ext://sys.stderr"},
        },
        "root": {"handlers": ["stderr"], "level": level.upper()},
        "loggers": {
            "uvicorn": {"handlers": [], "propagate": True},
            "uvicorn.error": {"handlers": [], "propagate": True},
            "uvicorn.access": {"handlers": [], "propagate": False, "level": "WARNING"},
            "httpx": {"level": "WARNING"},
            "httpx2": {"level": "WARNING"},
            "alembic": {"level": "WARNING"},
            "httpcore": {"level": "WARNING"},
            "telegram": {"level": "WARNING"},
        },
    }
