"""Scans (one person's regioscan) and their answers.

The engine's state and the answers table change together in ONE transaction per user step
(``apply``), and ``apply`` returns only after the commit: the caller replies afterwards, so an
answer the user saw acknowledged is always on disk, even if the process is killed right after.
The answers table is the source of truth for results; the JSON state is the conversation's
place-keeping (current question, phase).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from bot.storage import raw
from bot.storage.db import translate_errors
from bot.storage.errors import StaleScan
from bot.storage.models import AnswerRow, ScanRow, utcnow
from bot.storage.records import AnswerWrite, ScanRecord, StoredAnswer
from bot.storage.upsert import upsert

if TYPE_CHECKING:  # pragma: no cover
    from sqlalchemy import Select
    from sqlalchemy.engine import Connection, Engine, Row

SCANS = ScanRow.__table__
ANSWERS = AnswerRow.__table__
UNFINISHED = ("active", "paused")
_LATEST_STATE = ("SELECT state FROM scans WHERE conversation_id = ? AND status = ? "
                 "ORDER BY updated_at DESC, id DESC LIMIT 1")


@functools.cache
def _latest_query(one_status: bool) -> Select[Any]:
    """Built once: every chat turn asks it (is a scan waiting for an answer?), and building a
    statement costs more than SQLite takes to answer it. The chat turn asks for one status: an
    ``IN`` list would be rendered into the SQL again at every execution."""
    from sqlalchemy import bindparam, select

    status = (SCANS.c.status == bindparam("status")) if one_status else \
        SCANS.c.status.in_(bindparam("statuses", expanding=True))
    return (
        select(SCANS)
        .where(SCANS.c.conversation_id == bindparam("cid"), status)
        .order_by(SCANS.c.updated_at.desc(), SCANS.c.id.desc()).limit(1)
    )


def _scan(row: Row[Any]) -> ScanRecord:
    m = row._mapping
    return ScanRecord(
        id=m["id"], user_id=m["user_id"], conversation_id=m["conversation_id"],
        round_id=m["round_id"], respondent_id=m["respondent_id"],
        definition_version=m["definition_version"], status=m["status"], state=dict(m["state"]),
        created_at=m["created_at"], updated_at=m["updated_at"], submitted_at=m["submitted_at"],
        revision=m["revision"],
    )


class ScanStore:
    """Create scans, apply a step's changes atomically, read a scan's own answers."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @translate_errors
    def create(
        self, user_id: str, conversation_id: str, state: dict[str, Any], *,
        round_id: int | None = None, respondent_id: int | None = None,
        definition_version: int = 1, status: str = "active",
    ) -> ScanRecord:
        from sqlalchemy import insert, select

        now = utcnow()
        with self.engine.begin() as conn:
            result = conn.execute(insert(SCANS).values(
                user_id=user_id, conversation_id=conversation_id, round_id=round_id,
                respondent_id=respondent_id, definition_version=definition_version,
                status=status, state=state, created_at=now, updated_at=now,
            ))
            scan_id = int(result.inserted_primary_key[0])
            return _scan(conn.execute(select(SCANS).where(SCANS.c.id == scan_id)).one())

    @translate_errors
    def get(self, scan_id: int) -> ScanRecord | None:
        from sqlalchemy import select

        with self.engine.connect() as conn:
            row = conn.execute(select(SCANS).where(SCANS.c.id == scan_id)).first()
        return None if row is None else _scan(row)

    @translate_errors
    def latest_for_conversation(
        self, conversation_id: str, statuses: Iterable[str] = UNFINISHED
    ) -> ScanRecord | None:
        """The most recently touched scan of this conversation with one of ``statuses``."""
        wanted = list(statuses)
        query, values = (_latest_query(True), {"status": wanted[0]}) if len(wanted) == 1 else \
            (_latest_query(False), {"statuses": wanted})
        with self.engine.connect() as conn:
            row = conn.execute(query, {"cid": conversation_id, **values}).first()
        return None if row is None else _scan(row)

    @translate_errors
    def latest_state(self, conversation_id: str, status: str) -> dict[str, Any] | None:
        """The JSON state of the most recently touched scan of this conversation with
        ``status``, or None: what every chat turn asks (is a scan waiting for an answer?), so a
        plain DB-API statement (``bot.storage.raw``), not a whole ``ScanRecord``."""
        engine = self.engine
        with raw.reading(engine) as cursor:
            cursor.execute(raw.sql(engine, _LATEST_STATE), (conversation_id, status))
            row = cursor.fetchone()
        return None if row is None else dict(raw.loads(row[0]))

    @translate_errors
    def for_respondent(self, respondent_id: int) -> ScanRecord | None:
        from sqlalchemy import select

        with self.engine.connect() as conn:
            row = conn.execute(
                select(SCANS).where(SCANS.c.respondent_id == respondent_id)
            ).first()
        return None if row is None else _scan(row)

    @translate_errors
    def apply(
        self, scan_id: int, *, state: dict[str, Any] | None = None, status: str | None = None,
        answers: Iterable[AnswerWrite] = (), reset: bool = False, submitted: bool = False,
        conversation_id: str | None = None, expected_revision: int | None = None,
    ) -> None:
        """Commit one step: optional reset of all answers, upserted answers, new state/status.

        With ``expected_revision`` the step is applied only if nobody changed the scan since
        it was read (optimistic concurrency); otherwise ``StaleScan`` is raised and nothing
        is written, so the caller re-reads and runs the pure step again.
        """
        with self.engine.begin() as conn:
            self._apply(conn, scan_id, state=state, status=status, answers=answers,
                        reset=reset, submitted=submitted, conversation_id=conversation_id,
                        expected_revision=expected_revision)

    def _apply(
        self, conn: Connection, scan_id: int, *, state: dict[str, Any] | None,
        status: str | None, answers: Iterable[AnswerWrite], reset: bool, submitted: bool,
        conversation_id: str | None, expected_revision: int | None = None,
    ) -> None:
        from sqlalchemy import delete, update

        now = utcnow()
        guard = update(SCANS).where(SCANS.c.id == scan_id)
        if expected_revision is not None:
            guard = guard.where(SCANS.c.revision == expected_revision)
        # claim the row first: this takes the write lock, so concurrent steps serialise here
        claimed = conn.execute(guard.values(revision=SCANS.c.revision + 1, updated_at=now))
        if claimed.rowcount != 1:
            raise StaleScan(f"scan {scan_id} changed since it was read")
        if reset:
            conn.execute(delete(ANSWERS).where(ANSWERS.c.scan_id == scan_id))
        for answer in answers:
            if answer.value is not None and not 1 <= answer.value <= 5:
                raise ValueError(f"antwoord buiten de schaal 1-5: {answer.value}")
            upsert(
                conn, ANSWERS, {"scan_id": scan_id, "question_id": answer.question_id},
                {"value": answer.value, "explanation": answer.explanation, "updated_at": now},
            )
        values: dict[str, Any] = {"updated_at": now}
        if state is not None:
            values["state"] = state
        if status is not None:
            values["status"] = status
        if submitted:
            values["submitted_at"] = now
        if conversation_id is not None:
            values["conversation_id"] = conversation_id
        conn.execute(update(SCANS).where(SCANS.c.id == scan_id).values(**values))

    @translate_errors
    def answers(self, scan_id: int) -> dict[str, StoredAnswer]:
        """The answers of one scan, by question id."""
        from sqlalchemy import select

        with self.engine.connect() as conn:
            rows = conn.execute(
                select(ANSWERS).where(ANSWERS.c.scan_id == scan_id).order_by(ANSWERS.c.id)
            ).all()
        return {
            r.question_id: StoredAnswer(r.question_id, r.value, r.explanation, r.updated_at)
            for r in rows
        }
