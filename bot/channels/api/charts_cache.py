"""A small, bounded store for chart PNGs so that replies can carry chart URLs, not bytes.

Why both memory and disk: with several uvicorn workers the request for the PNG may reach another
worker than the one that answered; workers of one installation share the data dir, so a chart is
also written there (bounded, oldest removed first) and found by any worker.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import threading
import time
from collections import OrderedDict
from pathlib import Path

log = logging.getLogger(__name__)

_ID = re.compile(r"^[0-9a-f]{32}$")


class ChartCache:
    """Chart PNGs by content id, in memory (LRU) and in ``directory`` (bounded)."""

    def __init__(self, directory: Path | None, max_items: int = 256,
                 recheck_seconds: float = 10.0) -> None:
        self.directory = directory
        self.max_items = max_items
        self.recheck_seconds = recheck_seconds
        self._items: OrderedDict[str, bytes] = OrderedDict()
        self._ids: dict[bytes, str] = {}  # the same PNGs again and again: hashed once
        self._checked: dict[str, float] = {}  # id -> when its file was last seen or written
        self._lock = threading.Lock()

    def put(self, png: bytes) -> str:
        """Store ``png``; returns its id (the same bytes give the same id).

        Why the ``_ids`` map: answers reuse their drawn PNG (``bot.core.answers.charts``), so
        most calls bring bytes seen before; a dict lookup of the same bytes object is O(1)
        (bytes keep their hash), where the SHA-256 took 30 µs per call (issue 18). Why the
        file is looked at only every ``recheck_seconds`` per chart: the same chart comes with
        answer after answer, and a ``stat`` per answer was about 1.5% of a figure answer's time
        (issue 18); a file another worker pruned in between is written again at the next look
        (until then this worker still serves the chart from memory)."""
        with self._lock:
            chart_id = self._ids.get(png)
        if chart_id is None:
            chart_id = hashlib.sha256(png).hexdigest()[:32]
        now = time.monotonic()
        with self._lock:
            self._items[chart_id] = png
            self._items.move_to_end(chart_id)
            self._ids[png] = chart_id
            while len(self._items) > self.max_items:
                old_id, old = self._items.popitem(last=False)
                self._ids.pop(old, None)
                self._checked.pop(old_id, None)
            due = now - self._checked.get(chart_id, -self.recheck_seconds) >= self.recheck_seconds
            if due:
                self._checked[chart_id] = now
        if self.directory is not None and due:
            self._write(chart_id, png)
        return chart_id

    def _write(self, chart_id: str, png: bytes) -> None:
        """Put the PNG in the data dir unless it is there (another worker may have pruned it);
        the directory is made only when a write finds it missing."""
        assert self.directory is not None
        path = os.path.join(self.directory, f"{chart_id}.png")
        if os.path.exists(path):
            return
        try:
            try:
                Path(path).write_bytes(png)
            except FileNotFoundError:
                self.directory.mkdir(parents=True, exist_ok=True)
                Path(path).write_bytes(png)
            self._prune()
        except OSError:
            log.warning("could not write chart %s to the data dir", chart_id)

    def get(self, chart_id: str) -> bytes | None:
        """The PNG for ``chart_id``, or None when unknown or evicted."""
        if not _ID.match(chart_id):
            return None
        with self._lock:
            png = self._items.get(chart_id)
        if png is None and self.directory is not None:
            try:  # another worker may prune the file at any moment: then it is unknown
                png = (self.directory / f"{chart_id}.png").read_bytes()
            except OSError:
                return None
        return png

    def _prune(self) -> None:
        assert self.directory is not None
        files = sorted(self.directory.glob("*.png"), key=lambda p: p.stat().st_mtime)
        for old in files[: max(0, len(files) - self.max_items * 4)]:
            old.unlink(missing_ok=True)
