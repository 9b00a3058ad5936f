"""Load and validate the regioscan definition (``knowledge/regioscan.yaml``).

The scan is data so that wording can change without touching code. The loader is strict: a
missing field, a duplicate id or a scale other than 1-5 stops the program with a message that
names the problem, instead of producing a scan with holes.
"""

from __future__ import annotations

import importlib.util
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


class ScanDefinitionError(ValueError):
    """The YAML does not describe a valid scan."""


@dataclass(frozen=True, slots=True)
class ScaleOption:
    value: int
    label: str
    label_en: str

    def label_for(self, language: str) -> str:
        return self.label_en if language == "en" else self.label


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    theme_id: str
    number: int  # 1-based position in the whole scan
    text: str
    text_en: str
    help: str
    help_en: str
    discuss: str
    discuss_en: str = ""

    def text_for(self, language: str) -> str:
        return self.text_en if language == "en" and self.text_en else self.text

    def help_for(self, language: str) -> str:
        return self.help_en if language == "en" and self.help_en else self.help

    def discuss_for(self, language: str) -> str:
        return self.discuss_en if language == "en" and self.discuss_en else self.discuss


@dataclass(frozen=True, slots=True)
class Theme:
    id: str
    name: str
    name_en: str
    keywords: tuple[str, ...]
    explanation: str
    explanation_en: str
    questions: tuple[Question, ...]

    def name_for(self, language: str) -> str:
        return self.name_en if language == "en" and self.name_en else self.name

    def explanation_for(self, language: str) -> str:
        return self.explanation_en if language == "en" and self.explanation_en else self.explanation


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    terms: tuple[str, ...]
    text: str
    text_en: str

    def text_for(self, language: str) -> str:
        return self.text_en if language == "en" and self.text_en else self.text


@dataclass(frozen=True)
class ScanDefinition:
    version: int
    title: str
    title_en: str
    intro: str
    intro_en: str
    scale: tuple[ScaleOption, ...]
    dont_know: ScaleOption  # value 0 is never stored; 'weet ik niet' is stored as None
    themes: tuple[Theme, ...]
    glossary: tuple[GlossaryEntry, ...] = ()
    _by_id: dict[str, Question] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_id.update({q.id: q for q in self.questions})

    @property
    def questions(self) -> tuple[Question, ...]:
        return tuple(q for theme in self.themes for q in theme.questions)

    @property
    def total(self) -> int:
        return sum(len(theme.questions) for theme in self.themes)

    def question(self, question_id: str) -> Question:
        return self._by_id[question_id]

    def theme(self, theme_id: str) -> Theme:
        for theme in self.themes:
            if theme.id == theme_id:
                return theme
        raise KeyError(theme_id)

    def scale_label(self, value: int | None, language: str = "nl") -> str:
        if value is None:
            return self.dont_know.label_for(language)
        for option in self.scale:
            if option.value == value:
                return option.label_for(language)
        raise KeyError(value)


def default_path() -> Path:
    """``knowledge/regioscan.yaml``: next to the ``bot`` package (source tree and installed
    wheel alike), else wherever the ``knowledge`` package is found (without importing it)."""
    beside = Path(__file__).resolve().parents[2] / "knowledge" / "regioscan.yaml"
    if beside.is_file():
        return beside
    spec = importlib.util.find_spec("knowledge")
    for location in (spec.submodule_search_locations or []) if spec else []:
        candidate = Path(location) / "regioscan.yaml"
        if candidate.is_file():
            return candidate
    raise ScanDefinitionError("knowledge/regioscan.yaml is niet gevonden.")


def _req(data: dict[str, Any], key: str, where: str) -> Any:
    if key not in data or data[key] in (None, ""):
        raise ScanDefinitionError(f"regioscan.yaml: '{key}' ontbreekt bij {where}")
    return data[key]


def _theme(raw: dict[str, Any], start: int) -> Theme:
    tid = str(_req(raw, "id", "een thema"))
    questions = []
    for offset, q in enumerate(_req(raw, "questions", f"thema {tid}")):
        qid = str(_req(q, "id", f"een vraag van thema {tid}"))
        questions.append(Question(
            id=qid, theme_id=tid, number=start + offset,
            text=str(_req(q, "text", f"vraag {qid}")).strip(),
            text_en=str(q.get("text_en", "")).strip(),
            help=str(_req(q, "help", f"vraag {qid}")).strip(),
            help_en=str(q.get("help_en", "")).strip(),
            discuss=str(_req(q, "discuss", f"vraag {qid}")).strip(),
            discuss_en=str(q.get("discuss_en", "")).strip(),
        ))
    return Theme(
        id=tid, name=str(_req(raw, "name", f"thema {tid}")),
        name_en=str(raw.get("name_en", "")),
        keywords=tuple(str(k).lower() for k in raw.get("keywords", ())),
        explanation=str(_req(raw, "explanation", f"thema {tid}")).strip(),
        explanation_en=str(raw.get("explanation_en", "")).strip(),
        questions=tuple(questions),
    )


def parse_scan(data: dict[str, Any]) -> ScanDefinition:
    """Build a ``ScanDefinition`` from parsed YAML, checking everything the engine relies on."""
    version = _req(data, "version", "de scan")
    if not isinstance(version, int) or version < 1:
        raise ScanDefinitionError("regioscan.yaml: 'version' moet een geheel getal >= 1 zijn")
    scale = tuple(
        ScaleOption(int(o["value"]), str(o["label"]), str(o.get("label_en", o["label"])))
        for o in _req(data, "scale", "de scan")
    )
    if [o.value for o in scale] != [1, 2, 3, 4, 5]:
        raise ScanDefinitionError("regioscan.yaml: de schaal moet de waarden 1 tot en met 5 hebben")
    dk = _req(data, "dont_know", "de scan")
    themes, start = [], 1
    for raw in _req(data, "themes", "de scan"):
        theme = _theme(raw, start)
        themes.append(theme)
        start += len(theme.questions)
    ids = [q.id for t in themes for q in t.questions] + [t.id for t in themes]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise ScanDefinitionError(f"regioscan.yaml: dubbele ids: {', '.join(dupes)}")
    if any(len(q.id) > 12 for t in themes for q in t.questions):
        raise ScanDefinitionError("regioscan.yaml: vraag-ids zijn maximaal 12 tekens (knoppen)")
    glossary = tuple(
        GlossaryEntry(tuple(str(t).lower() for t in g["terms"]), str(g["text"]).strip(),
                      str(g.get("text_en", "")).strip())
        for g in data.get("glossary", ())
    )
    return ScanDefinition(
        version=version, title=str(data.get("title", "Regioscan")),
        title_en=str(data.get("title_en", "")), intro=str(data.get("intro", "")).strip(),
        intro_en=str(data.get("intro_en", "")).strip(), scale=scale,
        dont_know=ScaleOption(0, str(dk["label"]), str(dk.get("label_en", dk["label"]))),
        themes=tuple(themes), glossary=glossary,
    )


def load_scan(path: str | Path | None = None) -> ScanDefinition:
    """Read and validate the regioscan YAML (default: ``knowledge/regioscan.yaml``)."""
    import yaml

    source = Path(path) if path else default_path()
    with source.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    if not isinstance(data, dict):
        raise ScanDefinitionError(f"{source}: geen geldige regioscan")
    definition = parse_scan(data)
    log.debug("loaded regioscan v%s with %d questions", definition.version, definition.total)
    return definition
