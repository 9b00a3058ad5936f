"""JSON logs, one object per line, each carrying the request id of the request being served.

Why: a deployment with several workers behind a proxy is debugged by grepping a request id
across log lines; plain-text uvicorn logs cannot be parsed reliably.
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
from datetime import UTC, datetime
from typing import Any

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")

_SECRET_PATTERN = re.compile(r"bot\d{5,}:[A-Za-z0-9_-]{20,}")


class JsonFormatter(logging.Formatter):
    """Formats a record as one JSON line (time, level, logger, message, request id, extras)."""

    _skip = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {
        "message", "asctime", "color_message"}

    def format(self, record: logging.LogRecord) -> str:
        data: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": _SECRET_PATTERN.sub("bot<token>", record.getMessage()),
            "request_id": getattr(record, "request_id", None) or request_id_var.get(),
        }
        for key, value in vars(record).items():
            if key not in self._skip and key != "request_id" and not key.startswith("_"):
                plain = isinstance(value, (str, int, float, bool, type(None)))
                data[key] = value if plain else str(value)
        if record.exc_info:
            data["exception"] = self.formatException(record.exc_info)
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
            "alembic": {"level": "WARNING"},
            "httpcore": {"level": "WARNING"},
            "telegram": {"level": "WARNING"},
        },
    }
