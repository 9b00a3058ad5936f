"""Reading the knowledge documents the way the tests need them: front matter, sections, sentences.

Why a helper: several test modules check the same documents (front matter, source lines, shared
definitions, the evaluation questions); parsing them one way keeps the checks consistent with each
other and with the chunker, which also works per ``##``/``###`` heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "knowledge" / "docs"
REGIOSCAN = ROOT / "knowledge" / "regioscan.yaml"
EVAL = ROOT / "knowledge" / "eval" / "new_sections.jsonl"
RESEARCHED = Path(__file__).with_name("researched_sources.yaml")
# the shared research notes sit next to the checkout (../shared) or, for a worktree, one level up
FACTS = next((p / "shared" / "domain" / "FACTS.md" for p in (ROOT.parent, ROOT.parent.parent)
              if (p / "shared" / "domain" / "FACTS.md").is_file()),
             ROOT.parent / "shared" / "domain" / "FACTS.md")

FRONT = re.compile(r"\A---\n(.*?)\n---\n(.*)\Z", re.S)
HEADING = re.compile(r"^(#{2,3}) (.+)$", re.M)
SOURCE_LINE = re.compile(r"^(Bron|Bronnen): \S.*$")
URL = re.compile(r"https?://[^\s;]+")


@dataclass(frozen=True)
class Section:
    doc: str
    level: int
    heading: str
    text: str  # the section's own text, without nested sections

    @property
    def paragraphs(self) -> list[str]:
        return [p.strip() for p in re.split(r"\n\s*\n", self.text) if p.strip()]

    @property
    def source_line(self) -> str | None:
        last = self.text.strip().splitlines()[-1] if self.text.strip() else ""
        return last if SOURCE_LINE.match(last) else None


def doc_names() -> list[str]:
    return sorted(p.name for p in DOCS.glob("*.md"))


def split(name: str) -> tuple[dict, str]:
    match = FRONT.match((DOCS / name).read_text(encoding="utf-8"))
    assert match, f"{name}: no front matter block"
    meta = yaml.safe_load(match.group(1))
    assert isinstance(meta, dict), f"{name}: front matter is not a mapping"
    return meta, match.group(2)


def sections(name: str) -> list[Section]:
    _, body = split(name)
    marks = list(HEADING.finditer(body))
    out = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(body)
        out.append(Section(name, len(m.group(1)), m.group(2).strip(), body[m.end():end].strip()))
    return out


def section(name: str, heading: str) -> Section:
    hits = [s for s in sections(name) if s.heading == heading]
    assert hits, f"{name}: no section {heading!r}"
    return hits[0]


def source_urls(line: str) -> list[str]:
    return [u.rstrip(".,)") for u in URL.findall(line)]


def plain(text: str) -> str:
    """Markdown emphasis, list markers and line breaks removed, so wording can be compared."""
    text = re.sub(r"^\s*(?:[-*]|\d+\.)\s+", "", text, flags=re.M)
    text = text.replace("**", "").replace("*", "").replace("`", "")
    return re.sub(r"\s+", " ", text).strip()


def sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"“(])", plain(text)) if s.strip()]


def regioscan() -> dict:
    return yaml.safe_load(REGIOSCAN.read_text(encoding="utf-8"))


def regioscan_texts() -> list[tuple[str, str]]:
    """(where, text) for every Dutch text in the scan that explains something to a user."""
    data = regioscan()
    out = [(f"glossary {g['terms']}", g["text"]) for g in data["glossary"]]
    for theme in data["themes"]:
        out.append((f"theme {theme['id']}", theme["explanation"]))
        out += [(f"question {q['id']} help", q.get("help", "")) for q in theme["questions"]]
    return out
