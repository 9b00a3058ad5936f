"""The regioscan facade that the conversation core, the API, Telegram and the CLI call.

How to wire it (conversation core):

* "ik wil de regioscan invullen" or ``/regioscan`` -> ``start(conversation_id, user_id,
  language=...)``; with an invitation code and role -> ``start(..., round_code=..., role=...)``.
  Without a role, ``start`` returns a step asking for it, with role buttons.
* Every following message: if ``has_active_scan(conversation_id)`` or
  ``owns_choice(msg.choice)`` -> ``handle(conversation_id, user_id, text, choice)``.
* Show ``ScanStep.text`` and ``ScanStep.buttons`` (``label``/``value``; the value comes back as
  the choice); ``ScanStep.progress`` feeds a progress bar; when ``ScanStep.outcome`` is set,
  ``bot.regioscan.charts.outcome_chart(outcome)`` draws it. ``ScanStep.needs_explanation`` is a
  mid-scan question the caller may enrich with retrieved passages.

Durability: ``handle`` commits the step's answers and the new engine state in ONE transaction
before it returns, so a reply is only ever produced for an answer that is on disk.

Privacy: ``my_answers`` takes the respondent's own user id; ``round_result`` returns only what
the anonymity rules allow (``bot.regioscan.disclosure``), only for a closed round, and only for
the round's own code; ``region_result`` (for the OOGO points, never an HTTP lookup) returns the
newest closed round of a region without its code. Rule violations raise ``RoundError``
subclasses whose ``message`` is Dutch, except in the conversation (``start``/``handle``), where
they become an error step; storage failures raise ``StorageUnavailable`` (also with a Dutch
``message``). In all cases nothing was changed.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING

from bot.regioscan import engine, rounds
from bot.regioscan.definition import ScanDefinition
from bot.regioscan.model import (
    AnswerRecorded,
    ScanButton,
    ScanInput,
    ScanReset,
    ScanState,
    ScanStep,
    ScanSubmitted,
)
from bot.regioscan.outcome import Outcome, compute_outcome
from bot.regioscan.round_result import RoundResult, aggregate
from bot.regioscan.texts import t
from bot.storage.errors import StaleScan, StorageUnavailable
from bot.storage.records import AnswerWrite, RespondentRecord, RoundRecord, StoredAnswer

if TYPE_CHECKING:  # pragma: no cover
    from bot.storage.records import ScanRecord
    from bot.storage.round_store import RoundStore
    from bot.storage.scan_store import ScanStore

log = logging.getLogger(__name__)

JOIN_PREFIX = "rsjoin:"
MAX_ATTEMPTS = 12
_STATUS_OF_PHASE = {"asking": "active", "confirm": "active", "offer": "active",
                    "paused": "paused", "done": "submitted"}


@dataclass(frozen=True, slots=True)
class RoundStatus:
    """What a coordinator sees about a round (counts only, never answers)."""

    code: str
    region: str
    title: str
    status: str
    created_at: datetime | None
    closed_at: datetime | None
    joined: int
    submitted: int
    per_role: dict[str, dict[str, int]]


class RegioscanService:
    """Personal scans, round membership and results on top of the scan and round stores."""

    def __init__(
        self, definition: ScanDefinition, scan_store: ScanStore, round_store: RoundStore, *,
        region_exists: Callable[[str], bool] | None = None,
        explainer: Callable[[str], str | None] | None = None,
    ) -> None:
        self.definition = definition
        self.scans = scan_store
        self.rounds = round_store
        self.region_exists = region_exists
        self.explainer = explainer

    # -- conversation -------------------------------------------------------------------------

    @staticmethod
    def owns_choice(choice: str | None) -> bool:
        """True for button values this service produced (route them here even when paused)."""
        return choice is not None and choice.startswith(("rs:", JOIN_PREFIX))

    def has_active_scan(self, conversation_id: str) -> bool:
        """Does the next message of this conversation belong to the scan?"""
        state = self.scans.latest_state(conversation_id, "active")
        return state is not None and state.get("phase") in ("asking", "confirm", "offer")

    def start(
        self, conversation_id: str, user_id: str, round_code: str | None = None,
        role: str | None = None, language: str = "nl",
    ) -> ScanStep:
        """Begin (or offer to resume) a personal scan, or a scan within a round."""
        if round_code:
            try:
                return self._start_in_round(conversation_id, user_id, round_code, role, language)
            except rounds.RoundError as error:  # a rule, not a fault: no traceback in the log
                log.info("round start refused for %s: %s", rounds.code_for_log(round_code),
                         type(error).__name__)
                return ScanStep(text=error.message, active=False, kind="error")
        record = self.scans.latest_for_conversation(conversation_id, ("active", "paused"))
        if record is not None and record.round_id is None:
            return self._offer(record)
        state, step = engine.begin(self.definition, language)
        self.scans.create(user_id, conversation_id, state.to_dict(),
                          definition_version=self.definition.version)
        return step

    def handle(
        self, conversation_id: str, user_id: str, text: str | None = None,
        choice: str | None = None, language: str | None = None,
    ) -> ScanStep:
        """One user turn in the scan; persists before returning. ``language`` is used only
        when a new scan starts from here (the scan keeps the language it started in)."""
        if choice and choice.startswith(JOIN_PREFIX):
            _, code, role = (choice.split(":", 2) + ["", ""])[:3]
            return self.start(conversation_id, user_id, code, role, language or "nl")
        for _attempt in range(MAX_ATTEMPTS):
            record = self.scans.latest_for_conversation(conversation_id, ("active", "paused"))
            if record is None:
                return ScanStep(text=t(language or "nl", "no_scan"), active=False, kind="none")
            if record.round_id is not None:
                round_ = self.rounds.get(record.round_id)
                if round_ is not None and not round_.is_open:
                    return ScanStep(text=rounds.RoundClosed(round_.invite_code).message,
                                    active=False, kind="error")
            state = ScanState.from_dict(record.state)
            new_state, step = engine.step(self.definition, state, ScanInput(text, choice),
                                          self.explainer)
            try:
                self._persist(record, state, new_state, step, retryable=True)
            except StaleScan:  # another process stepped this scan meanwhile: step again
                log.info("scan %s changed concurrently; retrying the step", record.id)
                time.sleep(random.uniform(0.002, 0.01) * (_attempt + 1))  # let the other finish
                continue
            return step
        raise StorageUnavailable(t("nl", "busy"))

    def _persist(self, record: ScanRecord, old: ScanState, new: ScanState, step: ScanStep,
                 conversation_id: str | None = None, retryable: bool = False) -> None:
        """Commit the step (guarded by the scan's revision). ``StaleScan`` is re-raised only
        when the caller retries; otherwise it becomes a Dutch 'try again' message."""
        if new == old and not step.events and conversation_id is None:
            return
        try:
            self._apply(record, new, step, conversation_id)
        except StaleScan:
            if not retryable:
                raise StorageUnavailable(t("nl", "busy")) from None
            raise

    def _apply(self, record: ScanRecord, new: ScanState, step: ScanStep,
               conversation_id: str | None) -> None:
        answers = [AnswerWrite(e.question_id, e.value, e.explanation)
                   for e in step.events if isinstance(e, AnswerRecorded)]
        self.scans.apply(
            record.id, state=new.to_dict(), status=_STATUS_OF_PHASE[new.phase], answers=answers,
            reset=any(isinstance(e, ScanReset) for e in step.events),
            submitted=any(isinstance(e, ScanSubmitted) for e in step.events),
            conversation_id=conversation_id, expected_revision=record.revision,
        )

    def _offer(self, record: ScanRecord, conversation_id: str | None = None) -> ScanStep:
        state = ScanState.from_dict(record.state)
        new, step = engine.offer_resume(self.definition, state)
        self._persist(record, state, new, step, conversation_id)
        return step

    def _start_in_round(self, conversation_id: str, user_id: str, code: str,
                        role: str | None, language: str) -> ScanStep:
        round_ = self._open_round(code)
        respondent = self.rounds.respondent(round_.id, user_id)
        if respondent is None:
            role_id = rounds.parse_role(role)
            if role_id is None:
                if role:
                    raise rounds.InvalidRole(role)
                return self._ask_role(round_, language)
            respondent = self.rounds.add_respondent(round_.id, user_id, role_id)
        record = self.scans.for_respondent(respondent.id)
        if record is None:
            state, step = engine.begin(self.definition, language)
            self.scans.create(user_id, conversation_id, state.to_dict(), round_id=round_.id,
                              respondent_id=respondent.id,
                              definition_version=self.definition.version)
            return step
        if record.submitted_at is not None:
            state = ScanState.from_dict(record.state)
            new, step = engine.reopen(self.definition, state)
            self._persist(record, state, new, step, conversation_id)
            note = t(state.language, "round_submitted_already")
            return replace(step, text=f"{note}\n\n{step.text}")
        return self._offer(record, conversation_id)

    def _ask_role(self, round_: RoundRecord, language: str) -> ScanStep:
        buttons = tuple(
            ScanButton(rounds.role_label(r, language), f"{JOIN_PREFIX}{round_.invite_code}:{r}")
            for r in rounds.ROLES
        )
        text = t(language, "round_ask_role", title=round_.title, region=round_.region)
        return ScanStep(text=text, buttons=buttons, active=False, kind="role")

    def open_statement(self, conversation_id: str, before: str = "") -> ScanStep | None:
        """The statement that waits for an answer, shown again without changing anything
        (None when no scan of this conversation waits for an answer)."""
        record = self.scans.latest_for_conversation(conversation_id, ("active",))
        if record is None:
            return None
        state = ScanState.from_dict(record.state)
        if state.phase not in ("asking", "confirm"):
            return None
        return engine.repeat(self.definition, state, *([before] if before else []))

    def own_outcome(self, conversation_id: str, language: str = "nl",
                    ) -> tuple[int, Outcome] | None:
        """(scan id, outcome) of the last scan this conversation submitted, or None."""
        record = self.scans.latest_for_conversation(conversation_id, ("submitted",))
        if record is None:
            return None
        return record.id, self.outcome_of(self.scans.answers(record.id), language)

    def round_outcome_for(self, user_id: str, code: str) -> RoundResult | None:
        """The aggregated result of a CLOSED round, for one of its own respondents only.

        While the round is open ``RoundStillOpen``, as for ``round_result``: a result read
        before and after one more respondent submits would show that respondent's answer to
        every statement (the difference of two snapshots), whatever the group thresholds."""
        round_ = self._round(code)
        if self.rounds.respondent(round_.id, user_id) is None:
            return None
        if round_.is_open:
            raise rounds.RoundStillOpen()
        return self._aggregate(round_)

    # -- rounds --------------------------------------------------------------------------------

    def _round(self, code: str) -> RoundRecord:
        normalised = rounds.normalise_code(code)
        round_ = self.rounds.by_code(normalised) if normalised else None
        if round_ is None:
            raise rounds.UnknownRound(code.strip() if code else "")
        return round_

    def _open_round(self, code: str) -> RoundRecord:
        round_ = self._round(code)
        if not round_.is_open:
            raise rounds.RoundClosed(round_.invite_code)
        return round_

    def _admin_round(self, code: str, admin_token: str | None) -> RoundRecord:
        round_ = self._round(code)
        if not rounds.token_matches(admin_token, round_.admin_token_hash):
            raise rounds.WrongToken()
        return round_

    def create_round(self, region: str, title: str = "") -> tuple[RoundRecord, str, str]:
        """Open a round: returns (round, invitation code, admin token). Show the token once."""
        from sqlalchemy.exc import IntegrityError

        code_ = rounds.normalise_region(region)
        if not rounds.REGION_CODE.match(code_) or (
            self.region_exists is not None and not self.region_exists(code_)
        ):
            raise rounds.InvalidRegion(region)
        title = (title or "").strip()[:200] or t("nl", "round_default_title", region=code_)
        token = rounds.new_admin_token()
        for _attempt in range(8):
            invite = rounds.new_invite_code()
            try:
                record = self.rounds.create(code_, title, invite, rounds.hash_token(token))
            except IntegrityError:  # code already taken: draw another one
                continue
            log.info("round %s created for %s", rounds.code_for_log(invite), code_)
            return record, invite, token
        raise RuntimeError("could not draw a free invitation code")

    def join_round(self, code: str, user_id: str, role: str) -> RespondentRecord:
        """Join an open round once, with a role; errors: unknown/closed round, role, twice."""
        from bot.storage.errors import DuplicateRespondent

        round_ = self._open_round(code)
        role_id = rounds.parse_role(role)
        if role_id is None:
            raise rounds.InvalidRole(role)
        if self.rounds.respondent(round_.id, user_id) is not None:
            raise rounds.AlreadyJoined(round_.invite_code)
        try:
            return self.rounds.add_respondent(round_.id, user_id, role_id)
        except DuplicateRespondent as exc:
            raise rounds.AlreadyJoined(round_.invite_code) from exc

    def round_status(self, code: str, admin_token: str | None) -> RoundStatus:
        round_ = self._admin_round(code, admin_token)
        per_role = self.rounds.role_counts(round_.id)
        return RoundStatus(
            code=round_.invite_code, region=round_.region, title=round_.title,
            status=round_.status, created_at=round_.created_at, closed_at=round_.closed_at,
            joined=sum(v["joined"] for v in per_role.values()),
            submitted=sum(v["submitted"] for v in per_role.values()), per_role=per_role,
        )

    def close_round(self, code: str, admin_token: str | None) -> RoundStatus:
        round_ = self._admin_round(code, admin_token)
        if not round_.is_open:
            raise rounds.RoundClosed(round_.invite_code)
        self.rounds.close(round_.id)
        return self.round_status(code, admin_token)

    def round_result(self, code: str) -> RoundResult:
        """The published result of a CLOSED round, looked up by its invitation code only.

        Anyone with the code may see it; while the round is open ``RoundStillOpen`` (the
        coordinator sees counts with ``round_status``). A region code is never accepted here.
        """
        if not rounds.is_invite_code(code or ""):
            raise rounds.UnknownRound((code or "").strip()[:16])
        round_ = self._round(code)
        if round_.is_open:
            raise rounds.RoundStillOpen()
        return self._aggregate(round_)

    def region_result(self, region: str) -> RoundResult | None:
        """The newest closed round of a region that shows respondents, for the OOGO points and
        the report (in-process only; the result holds no code). None when there is none."""
        for round_ in self.rounds.for_region(rounds.normalise_region(region)):
            if round_.is_open:
                continue
            result = self._aggregate(round_)
            if result.respondents is not None:
                return result
        return None

    def _aggregate(self, round_: RoundRecord) -> RoundResult:
        return aggregate(self.definition, self.rounds.responses(round_.id),
                         region=round_.region, title=round_.title, status=round_.status)

    def my_answers(self, user_id: str, code: str) -> dict[str, StoredAnswer]:
        """The caller's OWN answers in a round (empty when they have not joined)."""
        round_ = self._round(code)
        respondent = self.rounds.respondent(round_.id, user_id)
        if respondent is None:
            return {}
        record = self.scans.for_respondent(respondent.id)
        return {} if record is None else self.scans.answers(record.id)

    def outcome_of(self, answers: dict[str, StoredAnswer], language: str = "nl") -> Outcome:
        """The personal outcome of stored answers (for export and the API)."""
        values = {qid: a.value for qid, a in answers.items()}
        return compute_outcome(self.definition, values, language)
