"""The turns of a conversation (user text and reply JSON), for history and export.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "conversation_turns",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("conversation_id", sa.String(200), nullable=False),
        sa.Column("user_text", sa.Text(), nullable=False),
        sa.Column("reply", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_conversation_turns_conversation_id", "conversation_turns",
                    ["conversation_id"])


def downgrade() -> None:
    op.drop_index("ix_conversation_turns_conversation_id", "conversation_turns")
    op.drop_table("conversation_turns")
