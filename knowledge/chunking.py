"""Turn knowledge documents (markdown with YAML front matter, or plain text) into chunks.

Why heading-aware: an answer must cite where it comes from ("oogo.md > Wie zit er aan tafel?"),
and a passage is only understandable with its context. Each chunk therefore keeps the document
title and its heading path, and the text that is embedded and keyword-indexed starts with both.
Long sections are split at paragraph boundaries into chunks of roughly 120-300 words, each keeping
the heading path. A section's source line ("Bron: ...") is a citation, not content: it stays with
the section's last chunk (so the passage shown to a reader keeps it, and no chunk is only a
source line) but is left out of what is embedded and keyword-indexed. Chunk ids are stable
(source + heading path + position) so that re-indexing can tell an edited chunk (same id, new
hash) from a new one; the hash covers both the indexed text and the stored text.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from knowledge.textproc import split_sources, strip_sources

log = logging.getLogger(__name__)
# libyaml's parser when PyYAML was built with it (same constructor, same result, ~10x faster:
# every start reads the front matter of every document)
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MIN_WORDS = 120
MAX_WORDS = 300
SUFFIXES = (".md", ".markdown", ".txt")

_HEADING_RE = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_FRONT_RE = re.compile(r"\A---\s*\n(.*?)\n---\s*(?:\n|\Z)", re.DOTALL)


@dataclass(frozen=True)
class Chunk:
    """One retrievable passage with everything needed to cite it."""

    chunk_id: str
    source: str
    title: str
    heading: str
    text: str
    hash: str

    @property
    def content(self) -> str:
        """The text without its source lines."""
        return strip_sources(self.text)

    @property
    def indexed_text(self) -> str:
        """Title and heading path in front of the content: what BM25 and the embedder see."""
        return indexed_text(self.title, self.heading, self.text)

    def to_dict(self) -> dict[str, str]:
        return {
            "chunk_id": self.chunk_id,
            "source": self.source,
            "title": self.title,
            "heading": self.heading,
            "text": self.text,
            "hash": self.hash,
        }

    @classmethod
    def from_dict(cls, data: dict[str, str]) -> Chunk:
        return cls(**{k: data[k] for k in cls.__dataclass_fields__})


@dataclass
class Document:
    """A parsed source file: its front matter and its body."""

    source: str
    title: str
    body: str
    meta: dict = field(default_factory=dict)


def parse_document(path: Path, text: str | None = None) -> Document:
    """Read a markdown or text file; front matter is optional and may be malformed."""
    raw = path.read_text(encoding="utf-8") if text is None else text
    raw = raw.replace("\r\n", "\n").lstrip("\ufeff")
    meta: dict = {}
    body = raw
    match = _FRONT_RE.match(raw)
    if match:
        try:
            loaded = yaml.load(match.group(1), Loader=_YAML_LOADER)
            meta = loaded if isinstance(loaded, dict) else {}
        except yaml.YAMLError:
            log.warning("front matter of %s is not valid YAML; treated as absent", path.name)
        body = raw[match.end():]
    title = str(meta.get("title") or "").strip() or _first_h1(body) or _title_from_name(path)
    return Document(source=path.name, title=title, body=body, meta=meta)


def _first_h1(body: str) -> str:
    for line in body.splitlines():
        m = _HEADING_RE.match(line)
        if m and len(m.group(1)) == 1:
            return m.group(2).strip()
    return ""


def _title_from_name(path: Path) -> str:
    name = re.sub(r"[_-]+", " ", path.stem).strip()
    return name[:1].upper() + name[1:] if name else path.name


def _sections(doc: Document) -> list[tuple[str, str]]:
    """(heading path, section text) pairs.

    The document's first h1 is its title in another form, so it is left out of the path.
    """
    stack: list[tuple[int, str]] = []
    sections: list[tuple[str, list[str]]] = [("", [])]
    in_code = False
    for line in doc.body.splitlines():
        if line.lstrip().startswith("```"):
            in_code = not in_code
        m = None if in_code else _HEADING_RE.match(line)
        if m:
            level, name = len(m.group(1)), m.group(2).strip()
            if level == 1 and (name == doc.title or len(sections) == 1):
                continue
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, name))
            sections.append((" > ".join(n for _, n in stack), []))
        else:
            sections[-1][1].append(line)
    return [(path, "\n".join(lines).strip()) for path, lines in sections]


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def _words(text: str) -> int:
    return len(text.split())


def split_section(text: str, min_words: int = MIN_WORDS, max_words: int = MAX_WORDS) -> list[str]:
    """Group paragraphs into pieces of about min..max words; never cut inside a paragraph
    unless one paragraph alone is longer than ``max_words`` (then cut at sentence ends)."""
    pieces: list[str] = []
    current: list[str] = []
    count = 0
    for para in _paragraphs(text):
        for part in _split_long(para, max_words):
            n = _words(part)
            if current and count + n > max_words and count >= min_words // 2:
                pieces.append("\n\n".join(current))
                current, count = [], 0
            current.append(part)
            count += n
    if current:
        if pieces and count < min_words // 3 and _words(pieces[-1]) + count <= max_words * 1.2:
            pieces[-1] = pieces[-1] + "\n\n" + "\n\n".join(current)
        else:
            pieces.append("\n\n".join(current))
    return pieces


def _split_long(paragraph: str, max_words: int) -> list[str]:
    if _words(paragraph) <= max_words:
        return [paragraph]
    sentences = re.split(r"(?<=[.!?])\s+", paragraph)
    out: list[str] = []
    current: list[str] = []
    for sentence in sentences:
        if current and _words(" ".join(current + [sentence])) > max_words:
            out.append(" ".join(current))
            current = []
        current.append(sentence)
    if current:
        out.append(" ".join(current))
    return out


def indexed_text(title: str, heading: str, text: str) -> str:
    """Title and heading path, then the text without source lines."""
    head = f"{title} > {heading}" if heading else title
    return f"{head}\n{strip_sources(text)}"


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()


def chunk_document(doc: Document) -> list[Chunk]:
    """All chunks of one document, in reading order."""
    chunks: list[Chunk] = []
    seen: Counter[str] = Counter()
    for heading, text in _sections(doc):
        if not text:
            continue
        content, sources = split_sources(text)
        pieces = split_section(content) if content else []
        if sources:  # the citation stays with the section's last passage
            pieces = pieces[:-1] + ["\n\n".join(pieces[-1:] + [sources])]
        for piece in pieces:
            position = seen[heading]
            seen[heading] += 1
            chunk_id = _digest(doc.source, heading, str(position))[:20]
            chunks.append(
                Chunk(
                    chunk_id=chunk_id,
                    source=doc.source,
                    title=doc.title,
                    heading=heading,
                    text=piece,
                    hash=_digest(indexed_text(doc.title, heading, piece), piece),
                )
            )
    return chunks


def chunk_file(path: Path) -> list[Chunk]:
    """Chunks of one file; an unreadable file is logged and skipped, never fatal."""
    try:
        return chunk_document(parse_document(path))
    except (OSError, UnicodeDecodeError) as exc:
        log.warning("skipping %s: %s", path, exc)
        return []


def document_files(directories: list[Path]) -> list[Path]:
    """The markdown and text files of the folders, sorted; the first folder wins a name clash."""
    files: dict[str, Path] = {}
    for directory in directories:
        if not directory.is_dir():
            continue
        for path in sorted(directory.iterdir()):
            if path.is_file() and path.suffix.lower() in SUFFIXES and not path.name.startswith("."):
                files.setdefault(path.name, path)
    return [files[name] for name in sorted(files)]
