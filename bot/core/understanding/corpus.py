"""Reading and checking the labelled utterances of ``data/`` (format: ``data/SCHEMA.md``).

Both the trainer and ``oogo eval understanding`` read the corpus through here, so a malformed
line is reported with its file and line number instead of surfacing as a KeyError in training.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.core.understanding.frame import DIMENSIONS, MODES, TARGETS, Frame

DATA_DIR = Path(__file__).resolve().parent / "data"
TRAIN = DATA_DIR / "train.jsonl"
HELDOUT = DATA_DIR / "heldout.jsonl"
LABELS = ("figure", "knowledge", "oogo_points", "report", "scan_start", "scan_resume",
          "scan_answer", "scan_result", "round_join", "help", "why", "out_of_scope")
SLOT_NAMES = ("indicator", "category", "mode", "target", "regions", "year", "years",
              "dimension")


class CorpusError(ValueError):
    """A corpus line that does not follow the schema."""


@dataclass(slots=True)
class Example:
    """One labelled message."""

    id: str
    text: str
    lang: str
    intent: str
    region: str | None = None
    context: list[str] = field(default_factory=list)
    scan_active: bool = False
    frame: Frame | None = None


def parse_line(raw: dict[str, Any], where: str) -> Example:
    """One JSON object to an ``Example``; ``CorpusError`` says what is wrong."""
    try:
        intent = raw["intent"]
        text = raw["text"]
    except KeyError as exc:
        raise CorpusError(f"{where}: field {exc.args[0]!r} is missing") from None
    if intent not in LABELS:
        raise CorpusError(f"{where}: unknown intent {intent!r}")
    if not isinstance(text, str) or not text.strip():
        raise CorpusError(f"{where}: empty text")
    lang = raw.get("lang", "nl")
    if lang not in ("nl", "en"):
        raise CorpusError(f"{where}: lang must be nl or en, not {lang!r}")
    frame = None
    slots = raw.get("slots") or {}
    if intent == "figure":
        frame = _frame(slots, where)
    context = raw.get("context") or []
    if not isinstance(context, list) or not all(isinstance(c, str) for c in context):
        raise CorpusError(f"{where}: context must be a list of messages")
    return Example(id=str(raw.get("id", where)), text=text, lang=lang, intent=intent,
                   region=raw.get("region"), context=list(context),
                   scan_active=bool(raw.get("scan_active", False)), frame=frame)


def _frame(slots: dict[str, Any], where: str) -> Frame:
    mode = slots.get("mode") or "value"
    target = slots.get("target")
    dimension = slots.get("dimension")
    if mode not in MODES:
        raise CorpusError(f"{where}: unknown mode {mode!r}")
    if target is not None and target not in TARGETS:
        raise CorpusError(f"{where}: unknown target {target!r}")
    if dimension is not None and dimension not in DIMENSIONS:
        raise CorpusError(f"{where}: unknown dimension {dimension!r}")
    return Frame(indicator=slots.get("indicator"), category=slots.get("category"), mode=mode,
                 target=target, regions=list(slots.get("regions") or []),
                 year=slots.get("year"), years=list(slots.get("years") or []),
                 dimension=dimension)


def load(path: Path) -> list[Example]:
    """Every line of a corpus file, checked."""
    examples = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path.name}:{number}"
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CorpusError(f"{where}: not valid JSON ({exc.msg})") from None
        if not isinstance(raw, dict):
            raise CorpusError(f"{where}: a line must be a JSON object")
        examples.append(parse_line(raw, where))
    return examples
