"""Storage errors that are safe to show: they carry a clear Dutch message for the user.

Callers catch ``StorageUnavailable`` at the edge (channel, CLI) and show ``message``; the
underlying database error is kept as ``__cause__`` for the logs, never shown to a user.
"""

from __future__ import annotations

UNAVAILABLE_NL = (
    "De opslag is op dit moment niet bereikbaar, dus ik kan niets bewaren. "
    "Er is niets gewijzigd. Probeer het over een paar minuten opnieuw."
)
READ_ONLY_NL = (
    "De opslag kan op dit moment niet worden beschreven (alleen-lezen), dus ik kan niets "
    "bewaren. Er is niets gewijzigd. Vraag de beheerder om dit te controleren."
)


class StorageUnavailable(RuntimeError):
    """The database cannot be reached or written; ``message`` is Dutch and user-facing."""

    def __init__(self, message: str = UNAVAILABLE_NL) -> None:
        super().__init__(message)
        self.message = message


class DuplicateRespondent(ValueError):
    """The user already joined this round (the caller turns this into its own message)."""


class StaleScan(RuntimeError):
    """Another process changed this scan since it was read; re-read and apply the step again."""
