"""Plain, immutable records the stores return: callers never hold a live ORM object."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any


@dataclass(frozen=True, slots=True)
class RoundRecord:
    id: int
    invite_code: str
    region: str
    title: str
    status: str
    admin_token_hash: str
    created_at: datetime | None
    closed_at: datetime | None

    @property
    def is_open(self) -> bool:
        return self.status == "open"


@dataclass(frozen=True, slots=True)
class RespondentRecord:
    id: int
    round_id: int
    user_id: str
    role: str
    created_at: datetime | None


@dataclass(frozen=True, slots=True)
class ScanRecord:
    id: int
    user_id: str
    conversation_id: str
    round_id: int | None
    respondent_id: int | None
    definition_version: int
    status: str
    state: dict[str, Any]
    created_at: datetime | None
    updated_at: datetime | None
    submitted_at: datetime | None
    revision: int = 0


@dataclass(frozen=True, slots=True)
class StoredAnswer:
    question_id: str
    value: int | None
    explanation: str | None
    updated_at: datetime | None


@dataclass(frozen=True, slots=True)
class AnswerWrite:
    """One answer to upsert: ``value`` 1-5, or ``None`` for 'weet ik niet'."""

    question_id: str
    value: int | None
    explanation: str | None = None
