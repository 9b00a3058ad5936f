"""The stores in one import (see docs/ARCHITECTURE.md):

``from bot.storage.stores import SqlStateStore, ScanStore, RoundStore, FeedbackStore, TurnStore``.
"""

from __future__ import annotations

from bot.storage.feedback_store import FeedbackStore
from bot.storage.memory import InMemoryStateStore
from bot.storage.round_store import RoundStore
from bot.storage.scan_store import ScanStore
from bot.storage.state_store import SqlStateStore
from bot.storage.turn_store import TurnStore

__all__ = ["FeedbackStore", "InMemoryStateStore", "RoundStore", "ScanStore", "SqlStateStore",
           "TurnStore"]
