"""The tables, as SQLAlchemy 2 declarative models.

The schema itself is created by the Alembic migrations in ``migrations/versions``; these models
describe the same tables for queries (and for Alembic's autogenerate when the schema changes).
Personal data is kept to a minimum: a user id chosen by the channel, a role, the answers.
Admin tokens of rounds are stored only as a SHA-256 hash.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> datetime:
    """Timestamps are stored in UTC."""
    return datetime.now(UTC)


class Base(DeclarativeBase):
    """Declarative base of all OOGO tables."""


class ConversationStateRow(Base):
    __tablename__ = "conversation_state"

    conversation_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    state: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class RoundRow(Base):
    __tablename__ = "scan_rounds"
    __table_args__ = (CheckConstraint("status in ('open', 'closed')", name="ck_round_status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    invite_code: Mapped[str] = mapped_column(String(16), unique=True, nullable=False)
    region: Mapped[str] = mapped_column(String(16), nullable=False)
    title: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    admin_token_hash: Mapped[str] = mapped_column(String(64), nullable=False)
    status: Mapped[str] = mapped_column(String(10), nullable=False, default="open")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class RespondentRow(Base):
    __tablename__ = "scan_respondents"
    __table_args__ = (UniqueConstraint("round_id", "user_id", name="uq_respondent_round_user"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    round_id: Mapped[int] = mapped_column(
        ForeignKey("scan_rounds.id", ondelete="CASCADE"), nullable=False, index=True
    )
    user_id: Mapped[str] = mapped_column(String(200), nullable=False)
    role: Mapped[str] = mapped_column(String(32), nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ScanRow(Base):
    __tablename__ = "scans"
    __table_args__ = (
        CheckConstraint("status in ('active', 'paused', 'submitted')", name="ck_scan_status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    user_id: Mapped[str] = mapped_column(String(200), nullable=False, index=True)
    conversation_id: Mapped[str] = mapped_column(String(200), nullable=False, index=True)
    round_id: Mapped[int | None] = mapped_column(
        ForeignKey("scan_rounds.id", ondelete="CASCADE"), nullable=True, index=True
    )
    respondent_id: Mapped[int | None] = mapped_column(
        ForeignKey("scan_respondents.id", ondelete="CASCADE"), nullable=True, unique=True
    )
    definition_version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    status: Mapped[str] = mapped_column(String(12), nullable=False, default="active")
    state: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)
    revision: Mapped[int] = mapped_column(Integer, nullable=False, default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class AnswerRow(Base):
    __tablename__ = "scan_answers"
    __table_args__ = (
        UniqueConstraint("scan_id", "question_id", name="uq_answer_scan_question"),
        CheckConstraint("value is null or (value >= 1 and value <= 5)", name="ck_answer_value"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    scan_id: Mapped[int] = mapped_column(
        ForeignKey("scans.id", ondelete="CASCADE"), nullable=False, index=True
    )
    question_id: Mapped[str] = mapped_column(String(16), nullable=False)
    value: Mapped[int | None] = mapped_column(Integer, nullable=True)
    explanation: Mapped[str | None] = mapped_column(Text, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class FeedbackRow(Base):
    __tablename__ = "feedback"
    __table_args__ = (CheckConstraint("rating in ('up', 'down')", name="ck_feedback_rating"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    answer_id: Mapped[str] = mapped_column(String(64), nullable=False, index=True)
    conversation_id: Mapped[str] = mapped_column(String(200), nullable=False)
    rating: Mapped[str] = mapped_column(String(4), nullable=False)
    comment: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class TurnRow(Base):
    """One turn of a conversation as shown to the user (see ``bot.storage.turn_store``)."""

    __tablename__ = "conversation_turns"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    conversation_id: Mapped[str] = mapped_column(String(200), nullable=False, index=True)
    user_text: Mapped[str] = mapped_column(Text, nullable=False, default="")
    reply: Mapped[dict[str, Any]] = mapped_column(JSON, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
