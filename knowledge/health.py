"""Is the knowledge index that THIS process searches usable right now? Asked by /readyz.

Why not ``KnowledgeBase.is_ready``: that reads a cached count, so a Chroma server that went
down, or came back empty after losing its volume, looked ready while answers quietly fell back
to keyword search. Here every check asks Chroma (with a short deadline, and at most one
question in flight so a hanging server cannot pile up threads) and compares its count with the
manifest. An empty or different collection starts a re-sync in the background (one per process;
the index lock in ``knowledge.ingest`` makes several processes do the work once) and reports
"not ready" until the count matches again.

One exception, at the start of a server worker (``KnowledgeBase.store_in_background``): while
its background thread first opens the store and brings it in line, the worker answers from its
own complete set of vectors (loaded from the vector cache), so it is ready; from the end of that
thread on, every check asks Chroma as above.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

log = logging.getLogger(__name__)

OK = "ok"
MISSING = "missing"  # no manifest yet: being built
RESYNC = "resync"  # the collection differs from the manifest: being filled again
UNREACHABLE = "unreachable"  # Chroma did not answer (in time)


class IndexHealth:
    """Readiness of one process's knowledge base (see the module docstring)."""

    def __init__(self, kb: Any, timeout: float = 2.0) -> None:
        self.kb = kb
        self.timeout = timeout
        self._lock = threading.Lock()
        self._probe: threading.Thread | None = None
        self._probe_result: int | Exception | None = None
        self._sync: threading.Thread | None = None

    def check(self) -> str:
        """OK, or why not (MISSING, RESYNC, UNREACHABLE); never blocks longer than timeout."""
        with self._lock:
            if self._sync is not None and self._sync.is_alive():
                return RESYNC
            pending = getattr(self.kb, "store_pending", None)
            if pending is not None and pending():
                return OK  # answering from its own complete vectors; the store is asked after
            if not self.kb.manifest.exists():
                self._start_sync("index missing")
                return MISSING
            expected = len(self.kb.manifest.load())
            count = self._count()
            if count is None:
                return UNREACHABLE
            if count != expected:
                log.warning("knowledge index has %d vectors, the manifest %d: re-syncing",
                            count, expected)
                self._start_sync("collection differs from the manifest")
                return RESYNC
            return OK

    def _count(self) -> int | None:
        """Chroma's live count, or None when it failed or took longer than the timeout."""
        if self._probe is None or not self._probe.is_alive():
            self._probe_result = None
            self._probe = threading.Thread(target=self._ask, name="index-probe", daemon=True)
            self._probe.start()
        self._probe.join(self.timeout)
        if self._probe.is_alive():
            log.warning("knowledge index: Chroma did not answer within %.1f s", self.timeout)
            return None
        result = self._probe_result
        if isinstance(result, Exception):
            log.warning("knowledge index unavailable: %s", type(result).__name__)
            return None
        return result

    def _ask(self) -> None:
        try:
            self._probe_result = int(self.kb.store.live_count())
        except Exception as exc:  # noqa: BLE001 - KnowledgeUnavailable or a client error
            self._probe_result = exc

    def _start_sync(self, reason: str) -> None:
        def run() -> None:
            try:
                self.kb.index()
                log.info("knowledge index re-synced (%s)", reason)
            except Exception as exc:  # noqa: BLE001 - the next check reports it again
                log.warning("knowledge index re-sync failed: %s", type(exc).__name__)

        self._sync = threading.Thread(target=run, name="index-resync", daemon=True)
        self._sync.start()
