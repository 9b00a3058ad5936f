"""The conversation core: ``Assistant(services).handle(IncomingMessage) -> Reply``.

Every channel calls only this. One turn: take the conversation's lock, load its state, route the
message (regioscan in progress, answer to a clarifying question, "waarom?", or a new question that
the understanding layer classifies), build the reply from computed facts or retrieved passages,
optionally let an LLM rephrase it (kept only if it passes the grounding check), save the state.
A failure inside a turn becomes a friendly Dutch message; a user never sees a stack trace.
"""

from __future__ import annotations

import logging
import re
import threading
from typing import Any

from bot.core.answers import simple
from bot.core.answers.evidence import region_name
from bot.core.answers.indicator import answer_indicator
from bot.core.answers.knowledge import answer_knowledge
from bot.core.messages import IncomingMessage, Reply
from bot.core.routing import (
    answer_oogo,
    answer_why,
    apply_profile,
    complete_clarification,
    regioscan_reply,
    scan_is_active,
)
from bot.core.state import ConversationState, InMemoryStateStore, StateStore
from bot.core.understanding.language import detect_language
from bot.core.understanding.model import Understanding
from bot.core.understanding.normalize import fold
from bot.core.understanding.parse import understand
from prompts.loader import templates

logger = logging.getLogger(__name__)

STATE_KEY = "core"
WHY = re.compile(r"^(?:en )?(?:waarom|why|hoe kom je (?:daar|hierop|daaraan)|waar komt (?:dat|dit)"
                 r" vandaan|onderbouwing|how do you know|where does (?:that|this) come from)"
                 r"[?!. ]*$")


class Assistant:
    """The channel-agnostic conversation engine (see module docstring)."""

    def __init__(self, services: Any, *, store: StateStore | None = None,
                 charts: bool = True, llm: Any | None = None) -> None:
        self.services = services
        self.charts = charts
        self._store = store
        self._locks: dict[str, threading.Lock] = {}
        self._locks_guard = threading.Lock()
        self._llm = llm
        self._llm_checked = llm is not None
        self._kb: Any | None = None

    # -- plumbing -------------------------------------------------------------------------
    @property
    def store(self) -> StateStore:
        if self._store is None:
            try:
                self._store = self.services.state_store
            except Exception:  # noqa: BLE001 - no database: keep state in memory
                logger.warning("no state store available, using memory", exc_info=True)
                self._store = InMemoryStateStore()
        return self._store

    @property
    def llm(self) -> Any | None:
        """The optional LLM responder, built on first use only when ``settings.llm`` is set."""
        if not self._llm_checked:
            self._llm_checked = True
            if getattr(self.services.settings, "llm", None):
                try:
                    from bot.core.llm.responder import build_responder

                    self._llm = build_responder(self.services, kb=self._knowledge())
                except Exception:  # noqa: BLE001 - no LLM: templates only
                    logger.warning("LLM could not be set up; using templates", exc_info=True)
                    self._llm = None
        return self._llm

    def _lock_for(self, conversation_id: str) -> threading.Lock:
        with self._locks_guard:
            return self._locks.setdefault(conversation_id, threading.Lock())

    def _load(self, conversation_id: str) -> tuple[dict, ConversationState]:
        try:
            raw = self.store.load(conversation_id) or {}
        except Exception:  # noqa: BLE001
            logger.warning("could not load state of %s", conversation_id, exc_info=True)
            raw = {}
        return raw, ConversationState.from_dict(raw.get(STATE_KEY))

    def _save(self, conversation_id: str, raw: dict, state: ConversationState) -> None:
        # re-read so keys written by others during this turn (regioscan progress) are kept
        try:
            current = self.store.load(conversation_id) or {}
        except Exception:  # noqa: BLE001
            current = dict(raw)
        current[STATE_KEY] = state.to_dict()
        try:
            self.store.save(conversation_id, current)
        except Exception:  # noqa: BLE001
            logger.error("could not save state of %s", conversation_id, exc_info=True)

    # -- the one entry point --------------------------------------------------------------
    def handle(self, msg: IncomingMessage) -> Reply:
        """Answer one message; never raises for user input."""
        with self._lock_for(msg.conversation_id):
            raw, state = self._load(msg.conversation_id)
            try:
                reply = self._route(msg, state)
            except Exception:  # noqa: BLE001 - the user gets a message, the log the trace
                logger.exception("turn failed in conversation %s", msg.conversation_id)
                language = state.language or "nl"
                reply = Reply(text=templates().render("error", language), intent="help",
                              language=language)
            state.turns += 1
            self._save(msg.conversation_id, raw, state)
            return reply

    # -- routing --------------------------------------------------------------------------
    def _route(self, msg: IncomingMessage, state: ConversationState) -> Reply:
        text = (msg.text or "").strip()
        choice = (msg.choice or "").strip() or None
        if msg.region:
            apply_profile(self.services.registry, state, msg.region)
        if msg.language in ("nl", "en"):
            state.language = msg.language
        limit = int(getattr(self.services.settings, "max_message_chars", 4000))
        if len(text) > limit:
            return simple.too_long_reply(limit, detect_language(text[:500], state.language))
        if not text and not choice:
            return simple.empty_reply(state.language or "nl")
        if scan_is_active(self.services, msg) or self._is_scan_answer(state, choice):
            return regioscan_reply(self.services, msg, state, text, choice)
        if state.pending is not None:
            completed = complete_clarification(self.services.registry, state, text, choice)
            if completed is not None:
                question, override = completed
                return self._answer(msg, question, state, profile_override=override,
                                    origin="clarification")
        if choice and not text:
            text = choice
        if WHY.match(fold(text)):
            return answer_why(self.services, state, detect_language(text, state.language))
        return self._answer(msg, text, state)

    def _is_scan_answer(self, state: ConversationState, choice: str | None) -> bool:
        """A pressed regioscan button goes to the scan even when it is paused."""
        if not choice:
            return False
        try:
            from bot.regioscan.service import RegioscanService
        except ImportError:
            return False
        return RegioscanService.owns_choice(choice)

    def _answer(self, msg: IncomingMessage, text: str, state: ConversationState,
                profile_override: str | None = None, origin: str | None = None) -> Reply:
        u = understand(text, state, self.services.registry, profile_override=profile_override)
        if origin and u.intent not in ("clarify",) and "regions" in u.origins:
            u.origins["regions"] = origin
        state.language = u.language
        if u.profile_region:
            state.profile_region = u.profile_region
        reply = self._dispatch(msg, u, text, state)
        reply.debug = {**u.debug(), **reply.debug}
        self._remember(u, reply, state)
        return reply

    def _dispatch(self, msg: IncomingMessage, u: Understanding, text: str,
                  state: ConversationState) -> Reply:
        registry, lang = self.services.registry, u.language
        if u.intent == "help":
            if u.mode == "profile" and state.profile_region:
                name = region_name(registry, state.profile_region, lang)
                return Reply(text=templates().render("greeting_profile", lang, region=name),
                             intent="help", language=lang)
            if u.mode == "profile":
                return Reply(text=templates().render("need_region", lang), intent="help",
                             language=lang)
            return simple.help_reply(lang)
        if u.intent == "regioscan":
            return regioscan_reply(self.services, msg, state, text, None, command=u.scan_command)
        if u.intent == "out_of_scope":
            if u.clarify_kind == "province":
                return Reply(text=templates().render("province", lang), intent="out_of_scope",
                             language=lang)
            if u.clarify_kind == "unknown":
                return simple.clarify_reply(u, registry)
            return simple.out_of_scope_reply(lang)
        if u.intent == "clarify":
            return simple.clarify_reply(u, registry)
        if u.intent in ("explain", "sources"):
            reply = answer_knowledge(_without_places(u.query, registry),
                                     self._knowledge(), lang, intent=u.intent)
            return self._maybe_llm(u, reply)
        if u.intent == "oogo":
            return answer_oogo(self.services, u, state, self._knowledge(),
                               conversation_id=msg.conversation_id)
        try:
            self.services.indicators  # noqa: B018 - loads the figures once; may fail
        except Exception:  # noqa: BLE001 - data file missing or invalid: say so, keep going
            logger.exception("indicator data could not be loaded")
            return Reply(text=templates().render("data_unavailable", lang), intent="help",
                         language=lang)
        reply = answer_indicator(u, self.services, charts=self.charts,
                                 show_counts=not u.injection)
        return self._maybe_llm(u, reply)

    def _knowledge(self) -> Any | None:
        """The services' knowledge base, or one opened on the data dir when services has none."""
        if self._kb is not None:
            return self._kb
        try:
            if hasattr(type(self.services), "knowledge") or "knowledge" in vars(self.services):
                self._kb = self.services.knowledge
            else:
                from knowledge.service import KnowledgeBase

                settings = self.services.settings
                self._kb = KnowledgeBase.open(settings.ensure_data_dir(), settings.chroma_url,
                                              settings.embedding_model)
        except Exception:  # noqa: BLE001 - no index: knowledge answers say nothing was found
            logger.warning("knowledge base unavailable", exc_info=True)
            return None
        return self._kb

    def _maybe_llm(self, u: Understanding, reply: Reply) -> Reply:
        responder = self.llm
        if responder is None or not (reply.facts or reply.passages):
            return reply
        return responder.rephrase(u, reply)

    def _remember(self, u: Understanding, reply: Reply, state: ConversationState) -> None:
        """Keep what a follow-up or a clarification answer will need."""
        from bot.core.state import PendingClarification

        if u.intent == "clarify":
            state.pending = PendingClarification(question=u.query, slot=u.clarify_kind or "",
                                                 options=list(reply.options),
                                                 mention=u.clarify_mention)
            return
        state.pending = None
        state.last_intent = u.intent
        if u.indicator and reply.facts:
            state.last_indicator = u.indicator
            state.last_regions = list(u.regions)
            state.last_category = u.category
            state.last_year = u.year
            state.last_comparison = u.mode
        if reply.facts or reply.passages:
            state.last_evidence = {
                "intent": u.intent,
                "indicator": u.indicator,
                "facts": [f.to_contract() for f in reply.facts],
                "passages": [{"source": p.source, "heading": p.heading or p.title}
                             for p in reply.passages],
                "slots": dict(u.origins),
            }



def _without_places(query: str, registry: Any) -> str:
    """The question without the place names in it: the documents are about how things work,
    not about one place, so "thuiszitters in Utrecht" should search for "thuiszitters"."""
    try:
        mentions = registry.find_mentions(query)
    except Exception:  # noqa: BLE001 - without mentions the question is searched as typed
        return query
    for mention in sorted(mentions, key=lambda m: m.span[0], reverse=True):
        start, end = mention.span
        query = query[:start] + " " + query[end:]
    return re.sub(r"\s+", " ", query).strip() or query
