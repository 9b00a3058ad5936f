"""The retriever's tables of the shipped documents, prepared at install (issue 18 item 1).

Why: building them (five keyword indexes over sections, headings and sentences, the vocabulary
with its postings, the near-duplicate pairs) took 0.3-0.4 s of every server start, on the same
documents each time. ``python -m bot.install`` (through ``knowledge.seed``) builds them once
and writes them with pickle to ``knowledge/vectors/retriever-tables.pickle``, next to the
prepared embedding model; a start reads them back in about a third of that time.

They are keyed by a hash of every section's text and of the source of the modules that compute
them, so a changed or added document, or a changed rule in those modules, means the tables are
built as before (slower, same result); so does a file that is missing or cannot be read. The
file is written only by the installation into the package directory, never into the data dir
(pickle runs code when read: only a file the installation itself wrote is trusted).
"""

from __future__ import annotations

import copy
import hashlib
import logging
import os
import pickle
import sys
from collections.abc import Sequence
from pathlib import Path

from knowledge.features import Section, SectionFeatures, near_duplicates

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
TABLES = HERE / "vectors" / "retriever-tables.pickle"
FORMAT = 1
#: the modules whose rules decide what the tables hold
RULES = ("features.py", "bm25.py", "textproc.py", "glossary.py")

Tables = tuple[SectionFeatures, list[set[int]]]


def key(sections: Sequence[Section]) -> bytes:
    """What prepared tables must match: the format, Python and numpy, the rules' source and
    every section's text (in order)."""
    import numpy as np

    digest = hashlib.sha256(repr((FORMAT, sys.version_info[:2], np.__version__)).encode())
    for name in RULES:
        digest.update((HERE / name).read_bytes())
    for section in sections:
        for part in (section.source, section.title, section.heading):
            digest.update(part.encode() + b"\0")
        for chunk in section.chunks:
            digest.update(chunk.indexed_text.encode() + b"\1" + chunk.text.encode() + b"\0")
    return digest.digest()


def build(sections: list[Section]) -> Tables:
    """The tables computed from ``sections``."""
    return SectionFeatures(sections), near_duplicates(sections)


def tables(sections: list[Section], path: Path = TABLES) -> Tables:
    """The tables of ``sections``: read from ``path`` when it was prepared from the same
    sections by the same rules, else built."""
    loaded = _read(path, sections)
    return loaded if loaded is not None else build(sections)


def _read(path: Path, sections: list[Section]) -> Tables | None:
    try:
        with path.open("rb") as handle:
            stored_key = handle.read(32)
            if stored_key != key(sections):
                return None
            features, twins = pickle.loads(handle.read())
    except FileNotFoundError:
        return None
    except Exception as exc:  # noqa: BLE001 - damaged or from other code: built instead
        log.warning("prepared retriever tables in %s unusable (%s); building them", path,
                    type(exc).__name__)
        return None
    if not isinstance(features, SectionFeatures) or len(twins) != len(sections):
        return None
    features.sections = sections  # the caller's own objects, as a build would hold them
    return features, twins


def write(sections: list[Section], path: Path = TABLES) -> None:
    """Build the tables of ``sections`` and store them in ``path`` (replaced whole)."""
    features, twins = build(sections)
    stored = copy.copy(features)
    stored.sections = []  # given back by the reader
    # protocol 4, not 5: protocol 5 rebuilds each of the ~26,000 small numpy arrays on a bytes
    # object of its own (three times the objects, 1.7x the load time, measured)
    payload = key(sections) + pickle.dumps((stored, twins), protocol=4)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(payload)
    tmp.chmod(0o644)  # read by the user the service runs as
    os.replace(tmp, path)
