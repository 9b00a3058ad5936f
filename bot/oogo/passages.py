"""The knowledge passages a point quotes: its background, the caveat, and where they come from.

Why fixed headings: a point may only say what a source says, so its background is a section of
the shipped knowledge documents, quoted whole (every paragraph of the section, never a sentence
cut in half) with the document and heading as its citation, and the section's own "Bron(nen):"
line as its origin. Looking the heading up is deterministic and offline. Only when a heading is
missing (the documents were edited) the knowledge base's own search is asked, if it is there.

The caveat that a high figure is not always a bad sign is one bullet of the indicator document's
"Kanttekeningen"; it is found by its bold label and quoted whole, or left out when the documents
no longer say it.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from bot.core.messages import Passage

log = logging.getLogger(__name__)

#: topic key -> headings (in order of preference) in the knowledge documents
TOPIC_HEADINGS: dict[str, tuple[str, ...]] = {
    "speciaal_onderwijs": (
        "Waarom verdient jeugdhulp in het (voortgezet) speciaal onderwijs aandacht in het OOGO?",
    ),
    "wijkteams": ("Hoe laat je wijkteams en zorgteams op scholen samenwerken?",),
    "voortgezet": (
        "Waar stopt de ondersteuning van de school en begint de jeugdhulp van de gemeente?",
    ),
    "overgang_po_vo": ("Hoe houd je de ondersteuning vast bij de overgang po-vo en vmbo-mbo?",),
    "naar_werk": (
        "Hoe begeleid je kwetsbare jongeren bij de stap van school naar werk?",
        "Hoe houd je de ondersteuning vast bij de overgang po-vo en vmbo-mbo?",
    ),
    "zware_zorg": (
        "Waar stopt de ondersteuning van de school en begint de jeugdhulp van de gemeente?",
    ),
    "thuiszitters": (
        "Wat kun je in het OOGO afspreken over thuiszitters en het Thuiszitterspact?",
    ),
    "leerlingenvervoer": ("Waarom hoort het leerlingenvervoer op de agenda van het OOGO?",),
    "regioscan_ronde": ("Hoe gebruik je de uitkomst van de regioscan in het OOGO?",),
    "regioscan_eigen": (
        "Hoe lees je je eigen uitkomst van de regioscan: scores, sterkste en zwakste punten?",
    ),
}
#: the caveat: document heading and the bold label of the bullet that says it
CAVEAT = ("Met welke beperkingen houd je rekening bij het gebruik van de indicatoren?",
          "Samenstelling van de regio")

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
_ORIGIN = re.compile(r"^Bronn?e?n?:\s", re.I)


@dataclass(frozen=True, slots=True)
class Section:
    """One section of a knowledge document: its paragraphs and its own source line."""

    source: str
    title: str
    heading: str
    paragraphs: tuple[str, ...]
    origin: str


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


def _plain(text: str) -> str:
    """Markdown inline marks removed, whitespace joined: the words as a reader sees them."""
    text = re.sub(r"\*\*(.*?)\*\*", r"\1", text)
    text = re.sub(r"\*(.*?)\*", r"\1", text)
    text = re.sub(r"\[(.*?)\]\([^)]*\)", r"\1", text)
    return " ".join(text.split())


def _section(source: str, title: str, heading: str, lines: list[str]) -> Section:
    blocks = [b.strip() for b in "\n".join(lines).split("\n\n") if b.strip()]
    origin = ""
    paragraphs: list[str] = []
    for block in blocks:
        if _ORIGIN.match(block):
            origin = origin or _plain(block)
        else:
            paragraphs.append(block)
    return Section(source, title, heading, tuple(paragraphs), origin)


@lru_cache(maxsize=8)
def sections(directory: str) -> dict[str, Section]:
    """heading -> ``Section`` for every markdown file (the first section of a heading wins)."""
    out: dict[str, Section] = {}
    for path in sorted(Path(directory).glob("*.md")):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---"):
            parts = text.split("\n---", 1)
            text = parts[1] if len(parts) == 2 else text
        title, heading, lines = path.stem, None, list[str]()
        for line in text.splitlines():
            match = _HEADING.match(line)
            if match:
                if heading is not None:
                    out.setdefault(heading, _section(path.name, title, heading, lines))
                if len(match.group(1)) == 1:
                    title = match.group(2)
                heading, lines = match.group(2), []
            elif heading is not None:
                lines.append(line)
        if heading is not None:
            out.setdefault(heading, _section(path.name, title, heading, lines))
    return out


def _as_passage(section: Section, paragraphs: tuple[str, ...] | list[str]) -> Passage:
    text = "\n\n".join(_plain(p) if not p.lstrip().startswith("-") else
                       "\n".join(_plain(item) for item in p.splitlines() if item.strip())
                       for p in paragraphs)
    return Passage(source=section.source, title=section.title, heading=section.heading,
                   text=text)


def passage_for(topic: str, knowledge: Any | None = None,
                directory: Path | None = None, query: str = "") -> Passage | None:
    """The whole section that explains ``topic``; ``None`` when no document covers it. A topic
    without headings here (an indicator's own topic) is searched for by ``query``, its title."""
    found = sections(str(directory or docs_dir()))
    for heading in TOPIC_HEADINGS.get(topic, ()):
        if heading in found:
            return _as_passage(found[heading], found[heading].paragraphs)
    if knowledge is None:
        return None
    try:
        hits = knowledge.search(TOPIC_HEADINGS.get(topic, (query or topic,))[0], k=1)
    except Exception:  # the index may be missing or broken; a point without passage is fine
        log.warning("knowledge search failed for topic %s", topic, exc_info=True)
        return None
    if not hits:
        return None
    hit = hits[0]
    return Passage(source=hit.source, title=hit.title, heading=hit.heading,
                   text=_plain(hit.text), score=float(hit.score), chunk_id=hit.chunk_id)


def caveat_passage(directory: Path | None = None) -> Passage | None:
    """The bullet that says a high figure is not always a bad sign, quoted whole."""
    heading, label = CAVEAT
    section = sections(str(directory or docs_dir())).get(heading)
    if section is None:
        return None
    for paragraph in section.paragraphs:
        for item in paragraph.splitlines():
            if item.lstrip("- ").startswith(f"**{label}**"):
                return _as_passage(section, [item.lstrip("- ").strip()])
    return None


def origin_of(passage: Passage, directory: Path | None = None) -> str:
    """The section's own source line ("Bronnen: ..."), or "" when it has none."""
    section = sections(str(directory or docs_dir())).get(passage.heading)
    return section.origin if section is not None and section.source == passage.source else ""


def citation(passage: Passage) -> str:
    """How a quote is attributed: "Het OOGO tussen ..., 'Leerlingenvervoer'": by title and
    heading, as the chat cites, never by file name (a reader cannot open "oogo.md")."""
    return f"{passage.title}, '{passage.heading}'"
