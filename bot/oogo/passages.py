"""Find the knowledge passage that explains an OOGO topic, so every point can cite its background.

The topics map to fixed headings of the knowledge documents (``knowledge/docs/oogo.md``): that is
deterministic, offline and gives an exact citation (document and heading). Only when a heading is
missing (the documents were edited) the knowledge base's own search is asked, if it is available.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.core.messages import Passage

log = logging.getLogger(__name__)

#: topic key -> headings (in order of preference) in the knowledge documents
TOPIC_HEADINGS: dict[str, tuple[str, ...]] = {
    "speciaal_onderwijs": ("Jeugdhulp in het (voortgezet) speciaal onderwijs",),
    "wijkteams": ("Wijkteams en zorgteams op scholen",),
    "overgang_po_vo": ("Overgangen: po-vo en vmbo-mbo",),
    "overgang_vmbo_mbo": ("Overgangen: po-vo en vmbo-mbo", "Aansluiting onderwijs-arbeidsmarkt"),
    "zware_zorg": ("Samenhang tussen onderwijsondersteuning en jeugdhulp",),
    "ontwikkelagenda": ("Wat is een ontwikkelagenda in het OOGO?",),
    "thuiszitters": ("Thuiszitters en het Thuiszitterspact",),
    "leerlingenvervoer": ("Leerlingenvervoer",),
    "regioscan": ("Hoe bereid ik een OOGO voor met cijfers uit de monitor?",),
}

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")


def docs_dir() -> Path:
    """The shipped knowledge documents: ``knowledge/docs`` next to the ``bot`` package (source
    tree and installed wheel alike), else wherever the ``knowledge`` package is found. A test
    folder that is also called ``knowledge`` must not shadow it, hence no plain import."""
    beside = Path(__file__).resolve().parents[2] / "knowledge" / "docs"
    if beside.is_dir():
        return beside
    import importlib.util

    spec = importlib.util.find_spec("knowledge")
    for location in (spec.submodule_search_locations or []) if spec else []:
        if (Path(location) / "docs").is_dir():
            return Path(location) / "docs"
    return beside


@lru_cache(maxsize=8)
def _sections(directory: str) -> dict[str, tuple[str, str, str]]:
    """heading -> (source file name, document title, section text) for every markdown file."""
    out: dict[str, tuple[str, str, str]] = {}
    for path in sorted(Path(directory).glob("*.md")):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---"):
            parts = text.split("\n---", 1)
            text = parts[1] if len(parts) == 2 else text
        title = path.stem
        heading: str | None = None
        lines: list[str] = []
        for line in text.splitlines():
            match = _HEADING.match(line)
            if match:
                if heading is not None:
                    out.setdefault(heading, (path.name, title, "\n".join(lines).strip()))
                if len(match.group(1)) == 1:
                    title = match.group(2)
                heading, lines = match.group(2), []
            elif heading is not None:
                lines.append(line)
        if heading is not None:
            out.setdefault(heading, (path.name, title, "\n".join(lines).strip()))
    return out


def _plain(text: str, max_chars: int = 700) -> str:
    """Markdown section -> plain text of its first paragraphs, cut at a sentence end."""
    text = re.sub(r"\*\*(.*?)\*\*", r"\1", text)
    text = re.sub(r"\[(.*?)\]\([^)]*\)", r"\1", text)
    paragraphs = [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]
    out = ""
    for paragraph in paragraphs:
        candidate = f"{out} {paragraph}".strip()
        if len(candidate) > max_chars and out:
            break
        out = candidate
    if len(out) > max_chars:
        cut = out[:max_chars].rsplit(". ", 1)[0]
        out = cut + "."
    return out


def passage_for(topic: str, knowledge: Any | None = None,
                directory: Path | None = None) -> Passage | None:
    """The passage that explains ``topic``; ``None`` when no document covers it."""
    sections = _sections(str(directory or docs_dir()))
    for heading in TOPIC_HEADINGS.get(topic, ()):
        if heading in sections:
            source, title, text = sections[heading]
            return Passage(source=source, title=title, heading=heading, text=_plain(text))
    if knowledge is None:
        return None
    from bot.oogo.topics import TOPICS

    query = TOPICS[topic].query if topic in TOPICS else topic
    try:
        hits = knowledge.search(query, k=1)
    except Exception:  # the index may be missing or broken; a point without passage is fine
        log.warning("knowledge search failed for topic %s", topic, exc_info=True)
        return None
    if not hits:
        return None
    hit = hits[0]
    return Passage(source=hit.source, title=hit.title, heading=hit.heading, text=_plain(hit.text),
                   score=float(hit.score), chunk_id=hit.chunk_id)
