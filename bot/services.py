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
    from indicators.engine import IndicatorEngine
    from indicators.registry import RegionRegistry


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

        return IndicatorEngine.load(self.registry, data_dir=self.settings.data_dir)

    def close(self) -> None:
        """Release what was opened (database connections, clients)."""
        for name in ("db",):
            part: Any = self.__dict__.get(name)
            if part is not None and hasattr(part, "dispose"):
                part.dispose()


def build_services(settings: Settings | None = None) -> Services:
    """Build the services for one process from the given (or environment) settings."""
    return Services(settings or Settings())
