"""Storage errors that are safe to show: they carry a clear Dutch message for the user.

Callers catch ``StorageUnavailable`` at the edge (channel, CLI) and show ``message``; the
underlying database error is kept as ``__cause__`` for the logs, never shown to a user. The two
standard messages (unreachable, read-only) are templates in ``prompts/api`` (``storage_*``),
rendered when the error is raised, never at import time; ``read_only`` tells the two apart for
code that must react to it (the startup and readiness checks), so nobody compares sentences.
"""

from __future__ import annotations

from prompts.loader import templates


class StorageUnavailable(RuntimeError):
    """The database cannot be reached or written; ``message`` is Dutch and user-facing.

    Without a ``message`` of its own the standard one is used: read-only when ``read_only``,
    otherwise unreachable."""

    def __init__(self, message: str | None = None, *, read_only: bool = False) -> None:
        if message is None:
            name = "storage_read_only" if read_only else "storage_unavailable"
            message = templates("api").render(name, "nl")
        super().__init__(message)
        self.message = message
        self.read_only = read_only


class DuplicateRespondent(ValueError):
    """The user already joined this round (the caller turns this into its own message)."""


class StaleScan(RuntimeError):
    """Another process changed this scan since it was read; re-read and apply the step again."""
