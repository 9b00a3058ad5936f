"""Regioscan rounds and their respondents.

The store only persists; the rules (invitation codes, token checks, roles, anonymity) live in
``bot.regioscan.rounds``. ``responses`` is the only way to read other people's answers and it
returns them without user ids, for aggregation only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bot.storage.db import translate_errors
from bot.storage.errors import DuplicateRespondent
from bot.storage.models import AnswerRow, RespondentRow, RoundRow, ScanRow, utcnow
from bot.storage.records import RespondentRecord, RoundRecord

if TYPE_CHECKING:  # pragma: no cover
    from sqlalchemy.engine import Engine, Row

ROUNDS = RoundRow.__table__
RESPONDENTS = RespondentRow.__table__
SCANS = ScanRow.__table__
ANSWERS = AnswerRow.__table__


def _round(row: Row[Any]) -> RoundRecord:
    m = row._mapping
    return RoundRecord(
        id=m["id"], invite_code=m["invite_code"], region=m["region"], title=m["title"],
        status=m["status"], admin_token_hash=m["admin_token_hash"],
        created_at=m["created_at"], closed_at=m["closed_at"],
    )


def _respondent(row: Row[Any]) -> RespondentRecord:
    m = row._mapping
    return RespondentRecord(
        id=m["id"], round_id=m["round_id"], user_id=m["user_id"], role=m["role"],
        created_at=m["created_at"],
    )


class RoundStore:
    """Create/find/close rounds, add respondents, read anonymous responses."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @translate_errors
    def create(
        self, region: str, title: str, invite_code: str, admin_token_hash: str
    ) -> RoundRecord:
        """Insert a round; an IntegrityError means the code is taken (caller draws another)."""
        from sqlalchemy import insert, select

        with self.engine.begin() as conn:
            result = conn.execute(insert(ROUNDS).values(
                invite_code=invite_code, region=region, title=title,
                admin_token_hash=admin_token_hash, status="open", created_at=utcnow(),
            ))
            round_id = int(result.inserted_primary_key[0])
            return _round(conn.execute(select(ROUNDS).where(ROUNDS.c.id == round_id)).one())

    @translate_errors
    def by_code(self, invite_code: str) -> RoundRecord | None:
        from sqlalchemy import select

        with self.engine.connect() as conn:
            row = conn.execute(
                select(ROUNDS).where(ROUNDS.c.invite_code == invite_code.strip().upper())
            ).first()
        return None if row is None else _round(row)

    @translate_errors
    def get(self, round_id: int) -> RoundRecord | None:
        from sqlalchemy import select

        with self.engine.connect() as conn:
            row = conn.execute(select(ROUNDS).where(ROUNDS.c.id == round_id)).first()
        return None if row is None else _round(row)

    @translate_errors
    def for_region(self, region: str) -> list[RoundRecord]:
        """All rounds of a region, newest first."""
        from sqlalchemy import select

        with self.engine.connect() as conn:
            rows = conn.execute(
                select(ROUNDS).where(ROUNDS.c.region == region.strip().upper())
                .order_by(ROUNDS.c.id.desc())
            ).all()
        return [_round(r) for r in rows]

    @translate_errors
    def close(self, round_id: int) -> None:
        from sqlalchemy import update

        with self.engine.begin() as conn:
            conn.execute(
                update(ROUNDS).where(ROUNDS.c.id == round_id, ROUNDS.c.status == "open")
                .values(status="closed", closed_at=utcnow())
            )

    @translate_errors
    def add_respondent(self, round_id: int, user_id: str, role: str) -> RespondentRecord:
        """Add a respondent; raises ``DuplicateRespondent`` when the user already joined."""
        from sqlalchemy import insert, select
        from sqlalchemy.exc import IntegrityError

        try:
            with self.engine.begin() as conn:
                result = conn.execute(insert(RESPONDENTS).values(
                    round_id=round_id, user_id=user_id, role=role, created_at=utcnow(),
                ))
                rid = int(result.inserted_primary_key[0])
                row = conn.execute(select(RESPONDENTS).where(RESPONDENTS.c.id == rid)).one()
        except IntegrityError as exc:
            raise DuplicateRespondent(user_id) from exc
        return _respondent(row)

    @translate_errors
    def respondent(self, round_id: int, user_id: str) -> RespondentRecord | None:
        from sqlalchemy import select

        with self.engine.connect() as conn:
            row = conn.execute(select(RESPONDENTS).where(
                RESPONDENTS.c.round_id == round_id, RESPONDENTS.c.user_id == user_id
            )).first()
        return None if row is None else _respondent(row)

    @translate_errors
    def role_counts(self, round_id: int) -> dict[str, dict[str, int]]:
        """Per role: how many joined and how many submitted their scan."""
        from sqlalchemy import select

        query = (
            select(RESPONDENTS.c.role, SCANS.c.submitted_at)
            .select_from(RESPONDENTS.outerjoin(SCANS, SCANS.c.respondent_id == RESPONDENTS.c.id))
            .where(RESPONDENTS.c.round_id == round_id)
        )
        counts: dict[str, dict[str, int]] = {}
        with self.engine.connect() as conn:
            for role, submitted_at in conn.execute(query):
                entry = counts.setdefault(role, {"joined": 0, "submitted": 0})
                entry["joined"] += 1
                entry["submitted"] += int(submitted_at is not None)
        return counts

    @translate_errors
    def responses(self, round_id: int) -> list[tuple[str, dict[str, int | None]]]:
        """(role, {question_id: value}) per respondent who submitted at least once; no identities.

        A respondent who reopens a submitted scan to change answers keeps counting (with the
        current answers) while the round is open.
        """
        from sqlalchemy import select

        query = (
            select(RESPONDENTS.c.id, RESPONDENTS.c.role, ANSWERS.c.question_id, ANSWERS.c.value)
            .select_from(
                RESPONDENTS.join(SCANS, SCANS.c.respondent_id == RESPONDENTS.c.id)
                .outerjoin(ANSWERS, ANSWERS.c.scan_id == SCANS.c.id)
            )
            .where(RESPONDENTS.c.round_id == round_id, SCANS.c.submitted_at.is_not(None))
            .order_by(RESPONDENTS.c.id)
        )
        grouped: dict[int, tuple[str, dict[str, int | None]]] = {}
        with self.engine.connect() as conn:
            for rid, role, question_id, value in conn.execute(query):
                entry = grouped.setdefault(rid, (role, {}))
                if question_id is not None:
                    entry[1][question_id] = value
        return list(grouped.values())
