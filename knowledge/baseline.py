"""The plain set-up a user would build instead, as the yardstick for our retrieval.

1,000-character chunks with 200 characters overlap over each document (front matter removed,
headings left in the text as a plain splitter leaves them), embedded with the same embedder,
stored in a real but temporary Chroma collection, the three nearest chunks by cosine. A chunk
counts as a section's when it holds at least half of that section's text or 200 characters of
it, whichever is less; that is generous to the baseline (a chunk spanning two short sections
counts for both).
"""

from __future__ import annotations

import re
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

from knowledge.chunking import _HEADING_RE, document_files, parse_document
from knowledge.embeddings import Embedder

SIZE, OVERLAP = 1000, 200


def windows(text: str, size: int = SIZE, overlap: int = OVERLAP) -> list[tuple[int, int]]:
    """(start, end) of chunks of at most ``size`` characters overlapping by ``overlap``; a cut
    moves back to the last whitespace so no word is split (like a plain character splitter)."""
    spans: list[tuple[int, int]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            space = text.rfind(" ", start + size // 2, end)
            end = space if space > start else end
        spans.append((start, end))
        if end >= len(text):
            break
        start = max(end - overlap, start + 1)
    return spans


@dataclass(frozen=True)
class SectionSpan:
    source: str
    heading: str  # full heading path, as the chunker names it
    start: int
    end: int


def section_spans(source: str, title: str, body: str) -> list[SectionSpan]:
    """Where each heading's own text lies in ``body`` (same heading paths as the chunker)."""
    spans: list[SectionSpan] = []
    stack: list[tuple[int, str]] = []
    current, start, pos, seen_first = "", 0, 0, False
    for line in body.splitlines(keepends=True):
        m = _HEADING_RE.match(line.rstrip("\n"))
        if m:
            level, name = len(m.group(1)), m.group(2).strip()
            if level == 1 and (name == title or not seen_first):
                seen_first = True
                pos += len(line)
                start = pos
                continue
            spans.append(SectionSpan(source, current, start, pos))
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, name))
            current = " > ".join(n for _, n in stack)
            pos += len(line)
            start = pos
            seen_first = True
            continue
        pos += len(line)
    spans.append(SectionSpan(source, current, start, pos))
    return [s for s in spans if body[s.start:s.end].strip()]


class BaselineIndex:
    """Plain chunks in a temporary Chroma collection; ``close`` removes it."""

    def __init__(self, directories: list[Path], embedder: Embedder) -> None:
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        self._tmp = tempfile.TemporaryDirectory(prefix="oogo-baseline-")
        client = chromadb.PersistentClient(
            path=self._tmp.name, settings=ChromaSettings(anonymized_telemetry=False)
        )
        self._collection = client.create_collection(
            f"baseline-{uuid.uuid4().hex[:8]}", metadata={"hnsw:space": "cosine"},
            embedding_function=None,
        )
        self.embedder = embedder
        self.chunks: list[tuple[str, int, int]] = []
        self.sections: dict[str, list[SectionSpan]] = {}
        texts: list[str] = []
        for path in document_files(directories):
            doc = parse_document(path)
            self.sections[doc.source] = section_spans(doc.source, doc.title, doc.body)
            for start, end in windows(doc.body):
                if doc.body[start:end].strip():
                    self.chunks.append((doc.source, start, end))
                    texts.append(doc.body[start:end])
        for at in range(0, len(texts), 64):
            batch = texts[at:at + 64]
            self._collection.add(
                ids=[str(i) for i in range(at, at + len(batch))],
                embeddings=embedder.embed_documents(batch),
            )

    def close(self) -> None:
        self._tmp.cleanup()

    def covered(self, chunk: int) -> list[str]:
        """Heading paths of the sections chunk ``chunk`` counts for (see the module doc)."""
        source, start, end = self.chunks[chunk]
        out = []
        for s in self.sections[source]:
            overlap = min(end, s.end) - max(start, s.start)
            if overlap > 0 and overlap >= min(200, (s.end - s.start) / 2):
                out.append(s.heading)
        return out

    def search(self, question: str, k: int = 3) -> list[tuple[str, list[str]]]:
        """The k nearest chunks as (document, headings it covers), best first."""
        result = self._collection.query(
            query_embeddings=[self.embedder.embed_query(question)], n_results=k,
            include=["distances"],
        )
        return [(self.chunks[int(i)][0], self.covered(int(i))) for i in result["ids"][0]]


def normalise(heading: str) -> str:
    return re.sub(r"\s+", " ", heading).strip().casefold()
