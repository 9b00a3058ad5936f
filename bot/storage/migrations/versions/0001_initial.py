"""Initial schema: conversation state, regioscan rounds, respondents, scans, answers, feedback.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _ts(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "conversation_state",
        sa.Column("conversation_id", sa.String(200), primary_key=True),
        sa.Column("state", sa.JSON(), nullable=False),
        _ts("updated_at", nullable=True),
    )
    op.create_table(
        "scan_rounds",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("invite_code", sa.String(16), nullable=False, unique=True),
        sa.Column("region", sa.String(16), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("admin_token_hash", sa.String(64), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        _ts("created_at", nullable=True),
        _ts("closed_at", nullable=True),
        sa.CheckConstraint("status in ('open', 'closed')", name="ck_round_status"),
    )
    op.create_table(
        "scan_respondents",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "round_id", sa.Integer(), sa.ForeignKey("scan_rounds.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("user_id", sa.String(200), nullable=False),
        sa.Column("role", sa.String(32), nullable=False),
        _ts("created_at", nullable=True),
        sa.UniqueConstraint("round_id", "user_id", name="uq_respondent_round_user"),
    )
    op.create_index("ix_scan_respondents_round_id", "scan_respondents", ["round_id"])
    op.create_table(
        "scans",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("user_id", sa.String(200), nullable=False),
        sa.Column("conversation_id", sa.String(200), nullable=False),
        sa.Column(
            "round_id", sa.Integer(), sa.ForeignKey("scan_rounds.id", ondelete="CASCADE"),
            nullable=True,
        ),
        sa.Column(
            "respondent_id", sa.Integer(),
            sa.ForeignKey("scan_respondents.id", ondelete="CASCADE"), nullable=True, unique=True,
        ),
        sa.Column("definition_version", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("state", sa.JSON(), nullable=False),
        _ts("created_at", nullable=True),
        _ts("updated_at", nullable=True),
        _ts("submitted_at", nullable=True),
        sa.CheckConstraint("status in ('active', 'paused', 'submitted')", name="ck_scan_status"),
    )
    op.create_index("ix_scans_user_id", "scans", ["user_id"])
    op.create_index("ix_scans_conversation_id", "scans", ["conversation_id"])
    op.create_index("ix_scans_round_id", "scans", ["round_id"])
    op.create_table(
        "scan_answers",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "scan_id", sa.Integer(), sa.ForeignKey("scans.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("question_id", sa.String(16), nullable=False),
        sa.Column("value", sa.Integer(), nullable=True),
        sa.Column("explanation", sa.Text(), nullable=True),
        _ts("updated_at", nullable=True),
        sa.UniqueConstraint("scan_id", "question_id", name="uq_answer_scan_question"),
        sa.CheckConstraint(
            "value is null or (value >= 1 and value <= 5)", name="ck_answer_value"
        ),
    )
    op.create_index("ix_scan_answers_scan_id", "scan_answers", ["scan_id"])
    op.create_table(
        "feedback",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("answer_id", sa.String(64), nullable=False),
        sa.Column("conversation_id", sa.String(200), nullable=False),
        sa.Column("rating", sa.String(4), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        _ts("created_at", nullable=True),
        sa.CheckConstraint("rating in ('up', 'down')", name="ck_feedback_rating"),
    )
    op.create_index("ix_feedback_answer_id", "feedback", ["answer_id"])


def downgrade() -> None:
    for table in ("feedback", "scan_answers", "scans", "scan_respondents", "scan_rounds",
                  "conversation_state"):
        op.drop_table(table)
