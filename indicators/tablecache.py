"""The parsed indicator table kept in the data dir, so a one-question ``oogo ask`` does not
parse 2 MB of CSV on every run.

Why: reading the ~48,000 demonstration rows (and the relative-risk counts) with the ``csv``
module takes most of a figure question's wall time (0.5-0.8 s on a busy 2-core machine). The
parsed rows are written once, per indicator, with ``marshal`` (the fastest format Python reads:
plain tuples, lists and numbers), to ``<data_dir>/cache/indicators.marshal``. A later run reads
the small index of that file and decodes only the indicators it looks up; a NEET question never
builds the jeugdzorg rows.

The file is keyed by the path, size and modification time of every CSV it was made from (the
shipped ones, ``imported.csv``, ``OOGO_INDICATOR_DATA``), the Python version and a format
number: when any of them changed, the CSVs are read again and the file is rewritten. It is only
a cache: when it is missing, unreadable or cannot be written, the CSVs are read as before and
nothing else changes (a debug line in the log). It is written next to the database, in the
private data dir, and never shipped or committed.
"""

from __future__ import annotations

import logging
import marshal
import os
import sys
import threading
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

CACHE_FILE = Path("cache") / "indicators.marshal"
FORMAT = 3  # bump when the parsing rules of indicators.store change what a row holds (3: the
# provenance summary is stored with the rows)

Signature = tuple[Any, ...]


def signature(paths: list[Path]) -> Signature | None:
    """What the cache must match: format, Python, and (path, size, mtime) of each source file;
    None when a source cannot be looked at (then no cache is used)."""
    parts: list[Any] = [FORMAT, tuple(sys.version_info[:2]), marshal.version]
    for path in paths:
        try:
            status = path.stat()
        except OSError:
            return None
        parts.append((str(path.resolve()), status.st_size, status.st_mtime_ns))
    return tuple(parts)


def cache_path(data_dir: Path | str | None) -> Path | None:
    return Path(data_dir) / CACHE_FILE if data_dir is not None else None


def read(path: Path | None, expected: Signature | None) -> tuple[dict[str, bytes], Any, int,
                                                                  dict] | None:
    """(indicator -> encoded rows, encoded relative-risk counts, imported row count, provenance
    summary), or None when there is no usable cache for these sources."""
    if path is None or expected is None:
        return None
    try:
        stored = marshal.loads(path.read_bytes())
        sig, parts, rr, imported, summary = stored
        if sig != expected or not isinstance(parts, dict) or not isinstance(summary, dict):
            return None
        return parts, rr, int(imported), summary
    except FileNotFoundError:
        return None
    except (OSError, ValueError, EOFError, TypeError) as exc:
        log.debug("indicator cache %s unusable (%s); reading the CSVs", path, exc)
        return None


def write(path: Path | None, sig: Signature | None, columns: dict[str, tuple],
          rr: tuple[list, list], imported: int, summary: dict) -> None:
    """Store the parsed table (atomically: a reader sees the old file or the new one), with
    its provenance summary (``indicators.sources.summarise``: what /readyz and the page report
    of every figure, read back without decoding them all)."""
    if path is None or sig is None:
        return
    try:
        payload = marshal.dumps((sig, {ind: marshal.dumps(c) for ind, c in columns.items()},
                                 marshal.dumps(rr), imported, summary))
        # the data dir is private (0700), as Settings.ensure_data_dir makes it
        path.parent.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        path.parent.mkdir(mode=0o700, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        with os.fdopen(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as out:
            out.write(payload)
        os.replace(tmp, path)
    except (OSError, ValueError) as exc:
        log.debug("indicator cache %s not written: %s", path, exc)


class LazyRows(Mapping):
    """``(indicator, region, category, year) -> Row``, built one indicator at a time.

    Iteration follows the sorted keys (indicators in order, each part sorted), as the plain
    dict it replaces did. ``build(indicator)`` returns that indicator's rows as a dict.
    """

    def __init__(self, indicators: list[str], build: Callable[[str], dict]) -> None:
        self._order = sorted(indicators)
        self._build = build
        self._parts: dict[str, dict] = {}
        self._lock = threading.Lock()

    def part(self, indicator: str) -> dict:
        """The rows of one indicator ({} for an unknown one), built once (threads wait)."""
        found = self._parts.get(indicator)
        if found is None:
            with self._lock:
                found = self._parts.get(indicator)
                if found is None:
                    found = self._parts[indicator] = (self._build(indicator)
                                                      if indicator in self._order else {})
        return found

    def __getitem__(self, key: Any) -> Any:
        return self.part(key[0])[key]

    def get(self, key: Any, default: Any = None) -> Any:
        return self.part(key[0]).get(key, default)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, tuple) and bool(key) and key in self.part(key[0])

    def __iter__(self) -> Iterator:
        for indicator in self._order:
            yield from self.part(indicator)

    def __len__(self) -> int:
        return sum(len(self.part(i)) for i in self._order)

    def items(self) -> Any:
        return _Items(self)

    def values(self) -> Any:
        return _Values(self)

    def indicators(self) -> list[str]:
        return list(self._order)


class _Items:
    def __init__(self, rows: LazyRows) -> None:
        self._rows = rows

    def __iter__(self) -> Iterator:
        for indicator in self._rows.indicators():
            yield from self._rows.part(indicator).items()

    def __len__(self) -> int:
        return len(self._rows)


class _Values(_Items):
    def __iter__(self) -> Iterator:
        for indicator in self._rows.indicators():
            yield from self._rows.part(indicator).values()
