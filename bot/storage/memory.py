"""In-memory twin of the SQL state store, for tests and for a process without a database."""

from __future__ import annotations

import copy
import json
import threading
from typing import Any


class InMemoryStateStore:
    """Keeps state dicts in a dict; round-trips through JSON so it fails like the real store."""

    def __init__(self) -> None:
        self._data: dict[str, str] = {}
        self._lock = threading.Lock()

    def load(self, conversation_id: str) -> dict[str, Any] | None:
        with self._lock:
            raw = self._data.get(conversation_id)
        return None if raw is None else json.loads(raw)

    def save(self, conversation_id: str, state: dict[str, Any]) -> None:
        raw = json.dumps(copy.deepcopy(state), ensure_ascii=False)
        with self._lock:
            self._data[conversation_id] = raw
