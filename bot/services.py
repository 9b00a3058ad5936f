"""The composition root: the one place where the application's parts are built and wired.

``build_services(settings)`` returns a ``Services`` object whose parts are created on first use
(heavy libraries such as Chroma, matplotlib or SQLAlchemy are imported only then), so importing
any module of the project does no work and a CLI command that needs only the region registry does
not pay for the vector index. Channels and CLI commands receive a ``Services``; they never build
parts themselves.
"""

from __future__ import annotations

import threading
from functools import cached_property
from typing import TYPE_CHECKING, Any

from bot.settings import Settings

if TYPE_CHECKING:  # pragma: no cover - imports for type checkers only
    from sqlalchemy.engine import Engine

    from bot.core.assistant import Assistant
    from bot.regioscan.definition import ScanDefinition
    from bot.regioscan.service import RegioscanService
    from bot.storage.stores import (
        FeedbackStore,
        RoundStore,
        ScanStore,
        SqlStateStore,
        TurnStore,
    )
    from indicators.engine import IndicatorEngine
    from indicators.registry import RegionRegistry
    from knowledge.service import KnowledgeBase


class Services:
    """Lazily built application parts that share one ``Settings``."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._lock = threading.RLock()

    @cached_property
    def registry(self) -> RegionRegistry:
        from indicators.registry import RegionRegistry

        return RegionRegistry.load()

    @cached_property
    def indicators(self) -> IndicatorEngine:
        from indicators.engine import IndicatorEngine

        extra = (self.settings.indicator_data,) if self.settings.indicator_data else ()
        return IndicatorEngine.load(
            self.registry, data_dir=self.settings.data_dir, extra_files=extra
        )

    @cached_property
    def knowledge(self) -> KnowledgeBase:
        """The knowledge documents' index (opened lazily; the first search builds it if missing)."""
        from knowledge.service import KnowledgeBase

        return KnowledgeBase.open(
            self.settings.data_dir,
            chroma_url=self.settings.chroma_url,
            embedding_model=self.settings.embedding_model,
        )

    @cached_property
    def db(self) -> Engine:
        """The SQLAlchemy engine (SQLite in the data dir or OOGO_DATABASE_URL), migrated to head."""
        from bot.storage.db import make_engine, migrate

        with self._lock:
            if not self.settings.database_url:
                self.settings.ensure_data_dir()
            engine = make_engine(self.settings.resolved_database_url)
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
            region_exists=self._region_exists,
        )

    @cached_property
    def assistant(self) -> Assistant:
        """The conversation core every channel talks to (state in ``state_store``)."""
        from bot.core.assistant import Assistant

        return Assistant(self)

    def _region_exists(self, code: str) -> bool:
        try:
            self.registry.get(code)
        except Exception:  # noqa: BLE001 - UnknownRegion or a registry without that code
            return False
        return True

    def close(self) -> None:
        """Release what was opened (database connections, clients)."""
        for name in ("db",):
            part: Any = self.__dict__.get(name)
            if part is not None and hasattr(part, "dispose"):
                part.dispose()


def build_services(settings: Settings | None = None) -> Services:
    """Build the services for one process from the given (or environment) settings."""
    return Services(settings or Settings())
