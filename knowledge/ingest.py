"""Idempotent ingestion: documents -> chunks -> embeddings in the vector store, plus a manifest.

Why a manifest: re-running ``oogo index`` must be cheap and honest. The manifest (a JSON file in
the data dir, one per embedding collection) records every chunk with its content hash. A run
compares the fresh chunks with it and with the ids really present in the store, embeds only what
is new or changed, deletes what disappeared and reports added / updated / deleted / unchanged. The
manifest also holds the chunk texts, so BM25 can be rebuilt without touching Chroma.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from knowledge.chunking import SUFFIXES, Chunk, chunk_file, document_files
from knowledge.embeddings import Embedder
from knowledge.errors import KnowledgeUnavailable
from knowledge.vectorstore import ChromaStore
from prompts.data_texts import data_text

log = logging.getLogger(__name__)

SHIPPED_DOCS = Path(__file__).resolve().parent / "docs"
EMBED_BATCH = 64


@dataclass(frozen=True)
class IndexReport:
    """What one indexing run did, counted in chunks."""

    added: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.deleted)


class Manifest:
    """The JSON record of indexed chunks (chunk id -> chunk with hash) for one collection."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def exists(self) -> bool:
        return self.path.is_file()

    def load(self) -> list[Chunk]:
        """The recorded chunks; a missing or unreadable manifest counts as empty."""
        if not self.path.is_file():
            return []
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return [Chunk.from_dict(item) for item in data["chunks"]]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("manifest %s unreadable (%s); rebuilding from scratch", self.path, exc)
            return []

    def save(self, chunks: list[Chunk], model: str) -> None:
        """Write atomically so a crash never leaves half a manifest."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        payload = {"model": model, "chunks": [c.to_dict() for c in chunks]}
        tmp.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, self.path)

    def delete(self) -> None:
        self.path.unlink(missing_ok=True)


@contextmanager
def index_lock(directory: Path) -> Iterator[None]:
    """An exclusive file lock around indexing, so several workers starting at once do not
    build the same index twice (a no-op where fcntl does not exist)."""
    directory.mkdir(parents=True, exist_ok=True)
    with (directory / ".index.lock").open("w") as handle:
        try:
            import fcntl
        except ImportError:  # pragma: no cover - not on Linux/macOS
            yield
            return
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def collect_chunks(directories: list[Path]) -> list[Chunk]:
    """Chunks of every document in the folders (shipped docs first, then extra documents)."""
    chunks: list[Chunk] = []
    for path in document_files(directories):
        chunks.extend(chunk_file(path))
    return chunks


def copy_extra_documents(source_dir: Path, extra_dir: Path, reserved: set[str]) -> list[str]:
    """Copy the md/txt files of ``source_dir`` into the data dir so later runs keep them.

    Raises KnowledgeUnavailable (Dutch) for a missing folder, a folder without documents, or a
    file name that would shadow a shipped document; nothing is copied in those cases.
    """
    source_dir = Path(source_dir)
    if not source_dir.is_dir():
        raise KnowledgeUnavailable(data_text("knowledge_no_folder", folder=source_dir))
    files = [
        p
        for p in sorted(source_dir.iterdir())
        if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith(".")
    ]
    if not files:
        raise KnowledgeUnavailable(data_text("knowledge_no_documents", folder=source_dir))
    clashes = sorted(p.name for p in files if p.name in reserved)
    if clashes:
        raise KnowledgeUnavailable(data_text("knowledge_name_clash", names=", ".join(clashes)))
    for path in files:
        try:
            path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise KnowledgeUnavailable(data_text("knowledge_not_utf8", file=path.name)) from exc
    extra_dir.mkdir(parents=True, exist_ok=True)
    for path in files:
        shutil.copyfile(path, extra_dir / path.name)
    return [p.name for p in files]


def sync(
    chunks: list[Chunk],
    manifest: Manifest,
    store: ChromaStore,
    embedder: Embedder,
) -> IndexReport:
    """Bring the store and manifest in line with ``chunks``, embedding only what changed."""
    recorded = {c.chunk_id: c for c in manifest.load()}
    present = store.ids()
    wanted = {c.chunk_id: c for c in chunks}
    to_embed: list[Chunk] = []
    added = updated = unchanged = 0
    for chunk in wanted.values():
        old = recorded.get(chunk.chunk_id)
        if old is not None and old.hash == chunk.hash and chunk.chunk_id in present:
            unchanged += 1
            continue
        to_embed.append(chunk)
        if old is None or chunk.chunk_id not in present:
            added += 1
        else:
            updated += 1
    stale = sorted((set(recorded) | present) - set(wanted))
    for start in range(0, len(to_embed), EMBED_BATCH):
        batch = to_embed[start : start + EMBED_BATCH]
        vectors = embedder.embed_documents([c.indexed_text for c in batch])
        store.upsert(
            [c.chunk_id for c in batch],
            vectors,
            [
                {"source": c.source, "title": c.title, "heading": c.heading, "hash": c.hash}
                for c in batch
            ],
        )
    store.delete(stale)
    manifest.save(list(wanted.values()), embedder.name)
    report = IndexReport(added=added, updated=updated, deleted=len(stale), unchanged=unchanged)
    log.info("knowledge index synced: %s", report)
    return report
