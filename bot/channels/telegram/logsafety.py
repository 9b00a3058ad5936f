"""Keep the bot token out of logs.

The Bot API puts the token in every URL, and httpx logs URLs at INFO. So: the httpx and telegram
loggers go to WARNING, and a filter on the root handlers masks the token in whatever still gets
through (exceptions included).
"""

from __future__ import annotations

import logging

NOISY = ("httpx", "httpcore", "telegram", "telegram.ext", "apscheduler")


class TokenFilter(logging.Filter):
    """Replaces the token in a record's message and arguments by ``<token>``."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.token:
            return True
        message = record.getMessage()
        if self.token in message:
            record.msg = message.replace(self.token, "<token>")
            record.args = None
        if record.exc_info and record.exc_info[1] is not None:
            text = logging.Formatter().formatException(record.exc_info)
            if self.token in text:
                record.exc_text = text.replace(self.token, "<token>")
                record.exc_info = None
        return True


def protect_token(token: str) -> TokenFilter:
    """Quiet the noisy loggers and install the mask on every root handler (idempotent)."""
    for name in NOISY:
        logging.getLogger(name).setLevel(logging.WARNING)
    token_filter = TokenFilter(token)
    root = logging.getLogger()
    for handler in root.handlers:
        if not any(isinstance(f, TokenFilter) and f.token == token for f in handler.filters):
            handler.addFilter(token_filter)
    return token_filter
