"""The conversation core: ``Assistant.handle(IncomingMessage) -> Reply``.

Every channel calls only this. One turn: take the conversation's lock, load its state,
understand the message (``understanding``), answer it with the handler of its intent
(``routing.HANDLERS``), remind the user of an open regioscan statement after an aside, and save
the state. The assistant is built with typed collaborators (``ports``) by the composition root
``bot/services.py``; tests hand in fakes the same way. A failure inside a turn becomes a friendly
message; a user never sees a stack trace.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from bot.core import clarification, scanning
from bot.core.answers import simple
from bot.core.messages import IncomingMessage, Reply
from bot.core.ports import Figures, Knowledge, Points, Regioscan, Responder
from bot.core.routing import Ctx, handler_for
from bot.core.state import ConversationState, PendingClarification, StateStore
from bot.core.understanding.language import detect_language
from bot.core.understanding.memory import remember
from bot.core.understanding.model import Understanding
from bot.core.understanding.normalize import visible
from bot.core.understanding.parse import understand
from bot.core.understanding.places import single_region
from prompts.loader import templates

logger = logging.getLogger(__name__)

STATE_KEY = "core"
# labels whose reply is itself a step of the scan (no reminder of the open statement after it)
SCAN_STEPS = ("scan_answer", "scan_start", "scan_resume", "round_join")
LOCK_STRIPES = 1024  # conversation locks (see ``Assistant._lock_for``)


class ConversationBusy(RuntimeError):
    """``handle(..., wait=False)`` found the conversation's lock taken: nothing was done.

    Why it exists: a caller on an event loop must never block on a lock that a thread holds
    (that thread may be waiting seconds for an LLM); it runs the turn in a thread instead."""


class Assistant:
    """The channel-agnostic conversation engine (see module docstring)."""

    def __init__(self, figures: Figures, store: StateStore, *,
                 knowledge: Knowledge | None = None, regioscan: Regioscan | None = None,
                 points: Points | None = None, responder: Responder | None = None,
                 charts: bool = True, max_message_chars: int = 4000) -> None:
        self.figures = figures
        self.store = store
        self.knowledge = knowledge
        self.regioscan = regioscan
        self.points = points
        self.responder = responder
        self.charts = charts
        self.max_message_chars = max_message_chars
        # one lock per conversation would be a dict that grows with every conversation ever
        # seen; a fixed set of locks, picked by the id's hash, keeps memory bounded (two
        # conversations that share a lock only take turns, which is safe)
        self._locks = tuple(threading.Lock() for _ in range(LOCK_STRIPES))

    # -- the one entry point --------------------------------------------------------------
    def handle(self, msg: IncomingMessage, *, wait: bool = True) -> Reply:
        """Answer one message; never raises for user input. ``wait=False``: raise
        ``ConversationBusy`` at once, having done nothing, when another turn of this conversation
        (or of one sharing its lock) is running."""
        lock = self._lock_for(msg.conversation_id)
        if not lock.acquire(blocking=wait):
            raise ConversationBusy(msg.conversation_id)
        try:
            return self._locked_turn(msg)
        finally:
            lock.release()

    def _locked_turn(self, msg: IncomingMessage) -> Reply:
        """Load, answer, save: under the conversation's lock."""
        raw, state = self._load(msg.conversation_id)
        try:
            reply = self._turn(msg, state)
        except Exception:  # noqa: BLE001 - the user gets a message, the log the trace
            logger.exception("turn failed in conversation %s", msg.conversation_id)
            language = state.language or "nl"
            reply = Reply(text=templates().render("error", language), intent="help",
                          language=language)
        state.turns += 1
        reply.profile_region = state.profile_region
        self._save(msg.conversation_id, raw, state)
        return reply

    # -- one turn -------------------------------------------------------------------------
    def _turn(self, msg: IncomingMessage, state: ConversationState) -> Reply:
        text = visible(msg.text or "").strip()
        choice = (msg.choice or "").strip() or None
        if msg.region:
            self._apply_profile(state, msg.region)
        if msg.language in ("nl", "en"):
            state.language = msg.language
        if len(text) > self.max_message_chars:
            return simple.too_long_reply(self.max_message_chars,
                                         detect_language(text[:500], state.language))
        if not text and not choice:
            return simple.empty_reply(state.language or "nl")
        if scanning.owns_choice(self.regioscan, choice) and self.regioscan is not None:
            return scanning.choice_turn(self.regioscan, msg, state.language or "nl")
        scan_active = scanning.is_active(self.regioscan, msg)
        completed = clarification.complete(self.figures.registry, state, text, choice) \
            if state.pending is not None else None
        question = completed.question if completed else (text or choice or "")
        u = understand(question, state, self.figures.registry, scan_active=scan_active,
                       profile_override=completed.profile if completed else None,
                       forced_label=completed.label if completed else None,
                       latest_year=self._latest_year, catalog=self.figures.catalog)
        if completed and u.intent != "clarify" and "regions" in u.origins:
            u.origins["regions"] = "clarification"
        if u.profile_region:
            state.profile_region = u.profile_region
        ctx = Ctx(self.figures, self.knowledge, self.regioscan, self.points, self.responder,
                  self.charts, msg, state, u, question)
        reply = handler_for(u)(ctx)
        if scan_active and u.label not in SCAN_STEPS:
            reply = scanning.remind(reply, self.regioscan, msg)
        reply.debug = {**u.debug(), **reply.debug}
        self._remember(u, reply, state)
        return reply

    def _remember(self, u: Understanding, reply: Reply, state: ConversationState) -> None:
        """Keep what a follow-up, a clarification answer or "waarom?" will need."""
        shown = {fact.year for fact in reply.facts}
        if u.frame is not None and u.frame.year and len(shown) == 1 and u.frame.year not in shown:
            # no figures for the year asked, the nearest was shown: a follow-up ("en vijf jaar
            # eerder?", "en in Deventer?") goes on from the year the user saw
            u.frame.year = shown.pop()
        remember(state, u, answered=bool(reply.facts))
        if u.intent == "clarify":
            state.pending = PendingClarification(question=u.query, slot=u.clarify_kind or "",
                                                 options=list(reply.options or u.options),
                                                 mention=u.clarify_mention)
            return
        state.pending = None
        if reply.facts or reply.passages:
            state.last_evidence = {
                "intent": u.intent,
                "indicator": u.indicator,
                "facts": [f.to_contract() for f in reply.facts],
                "passages": [{"source": p.source, "title": p.title,
                              "heading": p.heading or p.title} for p in reply.passages],
                "slots": dict(u.origins),
            }

    def _apply_profile(self, state: ConversationState, region: str) -> None:
        """The channel's profile region (``--region``, the web page's picker), code or name."""
        code = single_region(self.figures.registry, region)
        if code:
            state.profile_region = code
        else:
            logger.info("profile region %r not recognised", region)

    def _latest_year(self) -> int | None:
        try:
            engine = self.figures.indicators
            return max(engine.latest_year(indicator) for indicator in engine.catalog)
        except Exception:  # noqa: BLE001 - without figures a "sinds" range ends where it starts
            return None

    # -- plumbing -------------------------------------------------------------------------
    def _lock_for(self, conversation_id: str) -> threading.Lock:
        return self._locks[hash(conversation_id) % LOCK_STRIPES]

    def _load(self, conversation_id: str) -> tuple[dict[str, Any], ConversationState]:
        try:
            raw = self.store.load(conversation_id) or {}
        except Exception:  # noqa: BLE001
            logger.warning("could not load state of %s", conversation_id, exc_info=True)
            raw = {}
        return raw, ConversationState.from_dict(raw.get(STATE_KEY))

    def _save(self, conversation_id: str, raw: dict[str, Any],
              state: ConversationState) -> None:
        # Only the core writes a conversation's row, under the conversation's lock, so the row
        # read at the start of the turn is still current: no second read (issue 18). Other keys
        # in it are written back as they were read.
        current = {**raw, STATE_KEY: state.to_dict()}
        try:
            self.store.save(conversation_id, current)
        except Exception:  # noqa: BLE001
            logger.error("could not save state of %s", conversation_id, exc_info=True)
