"""The composition root: the one place where the application's parts are built and wired.

``build_services(settings)`` returns a ``Services`` object whose parts are created on first use
(heavy libraries such as Chroma, matplotlib or SQLAlchemy are imported only then), so importing
any module of the project does no work and a CLI command that needs only the region registry does
not pay for the vector index. Channels and CLI commands receive a ``Services``; they never build
parts themselves.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Sequence
from functools import cached_property
from typing import TYPE_CHECKING, Any

from bot.settings import Settings

if TYPE_CHECKING:  # pragma: no cover - imports for type checkers only
    from sqlalchemy.engine import Engine

    from bot.core.assistant import Assistant
    from bot.core.messages import Reply
    from bot.core.ports import PointsAnswer, Responder, ScanOutcome, ScanReply
    from bot.core.state import StateStore
    from bot.core.understanding.model import Understanding
    from bot.regioscan.definition import ScanDefinition
    from bot.regioscan.service import RegioscanService
    from bot.storage.stores import (
        FeedbackStore,
        RoundStore,
        ScanStore,
        SqlStateStore,
        TurnStore,
    )
    from indicators.catalog import IndicatorDef
    from indicators.engine import IndicatorEngine
    from indicators.registry import RegionRegistry
    from knowledge.service import KnowledgeBase


logger = logging.getLogger(__name__)
POINT_NUMBER = re.compile(r"\b(?:punt|point)\s*(\d{1,2})\b")


class Services:
    """Lazily built application parts that share one ``Settings``."""

    def __init__(self, settings: Settings, *, one_shot: bool = False, serving: bool = False,
                 catalog: dict[str, IndicatorDef] | None = None) -> None:
        self.settings = settings
        self._catalog = catalog  # a chosen catalog (a test's), else the shipped one
        self.one_shot = one_shot  # a CLI process: see KnowledgeBase.store_optional
        self.serving = serving  # a server worker: see KnowledgeBase.store_in_background
        self._lock = threading.RLock()

    @cached_property
    def registry(self) -> RegionRegistry:
        from indicators.registry import RegionRegistry

        return RegionRegistry.load()

    @cached_property
    def catalog(self) -> dict[str, IndicatorDef]:
        """The indicators this process computes and names (``indicators/catalog.py``): decided
        here once, handed to the engine and, through the ``Figures`` port, to the texts."""
        if self._catalog is not None:
            return self._catalog
        from indicators import catalog

        return catalog.catalog()

    @cached_property
    def indicators(self) -> IndicatorEngine:
        from indicators.engine import IndicatorEngine

        extra = (self.settings.indicator_data,) if self.settings.indicator_data else ()
        return IndicatorEngine.load(
            self.registry, data_dir=self.settings.data_dir, extra_files=extra,
            catalog=self.catalog,
        )

    @cached_property
    def knowledge(self) -> KnowledgeBase:
        """The knowledge documents' index (opened lazily; the first search builds it if missing)."""
        from knowledge.service import KnowledgeBase

        return KnowledgeBase.open(
            self.settings.data_dir,
            chroma_url=self.settings.chroma_url,
            embedding_model=self.settings.embedding_model,
            embedding_threads=self.settings.use_threads,
            store_optional=self.one_shot,
            store_in_background=self.serving,
        )

    @cached_property
    def db(self) -> Engine:
        """The SQLAlchemy engine (SQLite in the data dir or OOGO_DATABASE_URL), migrated to head."""
        from bot.storage.db import make_engine, migrate
        from bot.storage.template import copy_template

        with self._lock:
            if not self.settings.database_url:
                self.settings.ensure_data_dir()
            url = self.settings.resolved_database_url
            copy_template(url)  # a fresh SQLite file: the install's migrated copy, if any
            engine = make_engine(url)
            migrate(engine)
            return engine

    @cached_property
    def state_store(self) -> SqlStateStore:
        from bot.storage.stores import SqlStateStore

        return SqlStateStore(lambda: self.db)  # a database down now must not mean "no store"

    @cached_property
    def scan_store(self) -> ScanStore:
        from bot.storage.stores import ScanStore

        return ScanStore(self.db)

    @cached_property
    def round_store(self) -> RoundStore:
        from bot.storage.stores import RoundStore

        return RoundStore(self.db)

    @cached_property
    def feedback_store(self) -> FeedbackStore:
        from bot.storage.stores import FeedbackStore

        return FeedbackStore(self.db)

    @cached_property
    def turn_store(self) -> TurnStore:
        """The turns of conversations as shown (web page history and export)."""
        from bot.storage.stores import TurnStore

        return TurnStore(self.db)

    @cached_property
    def scan_definition(self) -> ScanDefinition:
        from bot.regioscan.definition import load_scan

        return load_scan()

    @cached_property
    def regioscan(self) -> RegioscanService:
        """The regioscan facade (conversation and rounds); regions checked in the registry."""
        from bot.regioscan.service import RegioscanService

        return RegioscanService(
            self.scan_definition, self.scan_store, self.round_store,
            region_exists=self.region_exists,
        )

    @cached_property
    def assistant(self) -> Assistant:
        """The conversation core every channel talks to (state in ``state_store``)."""
        return build_assistant(self)

    def load_for_first_turn(self, sample: str) -> Understanding:
        """Load what the first turn of a conversation would otherwise load itself: the
        regioscan (each turn asks whether a scan is active: its definition and stores), the
        understanding with its intent model, by understanding ``sample`` (nothing is stored),
        and the words only the documents use (read from the corpus and the documents on the
        first follow-up after a figure answer otherwise). A server calls this right after it is
        ready."""
        from bot.core.state import ConversationState
        from bot.core.understanding.parse import understand
        from bot.core.understanding.topic_words import knowledge_only_words

        self.regioscan  # noqa: B018 - built and kept (cached_property)
        knowledge_only_words("")
        return understand(sample, ConversationState(), self.registry, catalog=self.catalog)

    def knowledge_if_open(self) -> KnowledgeBase | None:
        """The knowledge index when something in this process opened it already, else None:
        for extras (passages beside OOGO points) that must never build the index."""
        part: KnowledgeBase | None = self.__dict__.get("knowledge")
        return part

    def database_open(self) -> bool:
        """Whether the database was opened in this process (a plain question never opens it)."""
        return "db" in self.__dict__

    def region_exists(self, code: str) -> bool:
        """Whether ``code`` is a region of the registry (regioscan rounds, the chat's own
        region)."""
        try:
            self.registry.get(code)
        except Exception:  # noqa: BLE001 - UnknownRegion or a registry without that code
            return False
        return True

    def save_caches(self) -> None:
        """Keep what this process parsed for the next one (the indicator table, see
        ``indicators.tablecache``); called after the answer or readiness, never before."""
        engine = self.__dict__.get("indicators")
        if engine is not None:
            engine.table.save()

    def close(self) -> None:
        """Release what was opened (database connections, clients)."""
        for name in ("db",):
            part: Any = self.__dict__.get(name)
            if part is not None and hasattr(part, "dispose"):
                from bot.storage.relaxed import dispose_relaxed

                part.dispose()
                dispose_relaxed(part)


def build_services(settings: Settings | None = None, *, one_shot: bool = False,
                   serving: bool = False,
                   catalog: dict[str, IndicatorDef] | None = None) -> Services:
    """Build the services for one process from the given (or environment) settings;
    ``one_shot`` for a command that answers and exits (``oogo ask``); ``serving`` for a worker
    of ``oogo serve`` (ready without waiting for the vector store); ``catalog`` replaces the
    shipped indicator catalog (a test adds an indicator this way, with no other change)."""
    return Services(settings or Settings(), one_shot=one_shot, serving=serving,
                    catalog=catalog)


# -- the assistant and its ports ----------------------------------------------------------------
def build_assistant(services: Services, *, store: StateStore | None = None, charts: bool = True,
                    responder: Responder | None = None) -> Assistant:
    """The conversation core wired to this process's parts (see ``bot.core.ports``)."""
    from bot.core.assistant import Assistant

    if responder is None and services.settings.llm:
        responder = _LazyResponder(services)
    return Assistant(_Figures(services), store or _LazyStateStore(services),
                     knowledge=_Knowledge(services), regioscan=_Regioscan(services),
                     points=_Points(services), responder=responder, charts=charts,
                     max_message_chars=int(services.settings.max_message_chars))


class _Figures:
    """``ports.Figures``: the registry and the (lazily loaded) indicator engine."""

    def __init__(self, services: Services) -> None:
        self._services = services

    @property
    def registry(self) -> RegionRegistry:
        return self._services.registry

    @property
    def catalog(self) -> dict[str, IndicatorDef]:
        return self._services.catalog

    @property
    def indicators(self) -> IndicatorEngine:
        return self._services.indicators


class _Knowledge:
    """``ports.Knowledge``: the knowledge index, opened on the first search."""

    def __init__(self, services: Services) -> None:
        self._services = services

    def search(self, query: str, k: int = 3) -> Sequence[Any]:
        try:
            kb = self._services.knowledge
        except Exception:  # noqa: BLE001 - no index: knowledge answers say nothing was found
            logger.warning("knowledge base unavailable", exc_info=True)
            return []
        return kb.search(query, k=k)


class _LazyStateStore:
    """The database's state store, or process memory when there is no database."""

    def __init__(self, services: Services) -> None:
        self._services = services
        self._store: StateStore | None = None

    def _get(self) -> StateStore:
        if self._store is None:
            try:
                self._store = self._services.state_store
            except Exception:  # noqa: BLE001 - no database: keep state in memory
                from bot.core.state import InMemoryStateStore

                logger.warning("no state store available, using memory", exc_info=True)
                self._store = InMemoryStateStore()
        return self._store

    def load(self, conversation_id: str) -> dict[str, Any] | None:
        return self._get().load(conversation_id)

    def save(self, conversation_id: str, state: dict[str, Any]) -> None:
        self._get().save(conversation_id, state)


class _Regioscan:
    """``ports.Regioscan`` on the regioscan service; a plain question never opens the database
    (no scan can be open before the database was)."""

    def __init__(self, services: Services) -> None:
        self._services = services

    def owns_choice(self, choice: str | None) -> bool:
        from bot.regioscan.service import RegioscanService

        return RegioscanService.owns_choice(choice)

    def has_active_scan(self, conversation_id: str) -> bool:
        if not self._services.database_open():
            return False
        return self._services.regioscan.has_active_scan(conversation_id)

    def start(self, conversation_id: str, user_id: str, round_code: str | None = None,
              role: str | None = None, language: str = "nl") -> ScanReply:
        return self._services.regioscan.start(conversation_id, user_id, round_code, role,
                                              language)

    def handle(self, conversation_id: str, user_id: str, text: str | None = None,
               choice: str | None = None, language: str | None = None) -> ScanReply:
        return self._services.regioscan.handle(conversation_id, user_id, text, choice,
                                               language)

    def open_statement(self, conversation_id: str) -> ScanReply | None:
        return self._services.regioscan.open_statement(conversation_id)

    def own_outcome(self, conversation_id: str, user_id: str, language: str,
                    round_code: str | None = None) -> ScanOutcome | None:
        from bot.core.ports import ScanOutcome

        service = self._services.regioscan
        if round_code:
            from bot.regioscan.export import round_result_markdown
            from bot.regioscan.rounds import normalise_code

            result = service.round_outcome_for(user_id, round_code)
            # the result itself carries no invitation code (anonymity); the reference is the
            # code the user gave, which the download asks for again
            return None if result is None else ScanOutcome(
                "round", round_result_markdown(result), result.to_dict(),
                normalise_code(round_code))
        from bot.regioscan.outcome import format_outcome

        found = service.own_outcome(conversation_id, language)
        if found is None:
            return None
        scan_id, outcome = found
        return ScanOutcome("own", format_outcome(outcome), outcome.to_dict(), str(scan_id))


class _Points:
    """``ports.Points`` on the discussion-points generator of ``bot.oogo``."""

    def __init__(self, services: Services) -> None:
        self._services = services

    def points(self, region: str, language: str, question: str = "",
               conversation_id: str | None = None) -> PointsAnswer | None:
        from bot.core.ports import PointsAnswer
        from bot.oogo.own_scan import own_scan_of
        from bot.oogo.points import generate_points
        from bot.oogo.render import explain_point, render_points

        own = own_scan_of(self._services, conversation_id, language) if conversation_id else None
        result = generate_points(self._services, region, language=language, own_scan=own)
        number = POINT_NUMBER.search(question.lower())
        text = explain_point(result, int(number.group(1)), language) if number else \
            render_points(result, language)
        return PointsAnswer(text, list(result.facts), list(result.passages),
                            bool(result.demo_data), [] if number else list(result.about))


class _LazyResponder:
    """The LLM responder, built on first use (importing LangChain only then)."""

    def __init__(self, services: Services) -> None:
        self._services = services
        self._responder: Responder | None = None
        self._failed = False

    def rephrase(self, u: Understanding, reply: Reply) -> Reply:
        if self._responder is None and not self._failed:
            try:
                from bot.core.llm.responder import build_responder

                self._responder = build_responder(self._services, kb=self._services.knowledge)
            except Exception:  # noqa: BLE001 - no LLM: templates only
                logger.warning("LLM could not be set up; using templates", exc_info=True)
                self._failed = True
        return reply if self._responder is None else self._responder.rephrase(u, reply)
