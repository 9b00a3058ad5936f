"""Thumbs up/down on an answer, with an optional comment (POST /api/feedback)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.storage.db import translate_errors
from bot.storage.models import FeedbackRow, utcnow
from bot.storage.text import conversation_key

if TYPE_CHECKING:  # pragma: no cover
    from sqlalchemy.engine import Engine

RATINGS = ("up", "down")
MAX_COMMENT_CHARS = 2000


class FeedbackStore:
    """Stores ratings; validation happens here too so no channel can store nonsense."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @translate_errors
    def add(
        self, answer_id: str, conversation_id: str, rating: str, comment: str | None = None
    ) -> int:
        """Store one rating and return its id. ``rating`` must be 'up' or 'down'."""
        from sqlalchemy import insert

        if rating not in RATINGS:
            raise ValueError("Een beoordeling is 'up' (duim omhoog) of 'down' (duim omlaag).")
        comment = (comment or "").strip()[:MAX_COMMENT_CHARS] or None
        table = FeedbackRow.__table__
        with self.engine.begin() as conn:
            result = conn.execute(
                insert(table).values(
                    answer_id=answer_id[:64], conversation_id=conversation_key(conversation_id),
                    rating=rating, comment=comment, created_at=utcnow(),
                )
            )
            return int(result.inserted_primary_key[0])

    @translate_errors
    def counts(self) -> dict[str, int]:
        """Number of ratings per kind (for a health or admin page)."""
        from sqlalchemy import func, select

        table = FeedbackRow.__table__
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(table.c.rating, func.count()).group_by(table.c.rating)
            ).all()
        return {"up": 0, "down": 0} | {rating: int(n) for rating, n in rows}
