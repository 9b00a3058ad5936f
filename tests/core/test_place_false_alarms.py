"""No ordinary word of the project's own texts is taken for a place by the typo search: every
word of five letters or more in the knowledge documents, the answer texts and the question sets,
typed in lower case next to "en" or an indicator word, where the typo search is most willing.
("en 5 jaar geleden?" was answered for Sittard-Geleen.)"""

from __future__ import annotations

import json
import re
from pathlib import Path

from indicators.mentions import find_places
from indicators.names import normalize

ROOT = Path(__file__).resolve().parents[2]


def _words() -> set[str]:
    files = [*ROOT.glob("knowledge/docs/**/*.md"), *ROOT.glob("prompts/**/*.txt")]
    words: set[str] = set()
    for path in files:
        words |= set(re.findall(r"\b[a-z]{5,}\b", path.read_text(encoding="utf-8")))
    for path in ROOT.glob("tests/core/*.jsonl"):  # not the questions that name a place: their
        for line in path.read_text(encoding="utf-8").splitlines():  # typos are meant as places
            item = json.loads(line) if line.strip() else {}
            if item and not {"regions", "swv"} & set(item.get("expect", {})):
                for text in (item["question"], *item.get("context", [])):
                    words |= set(re.findall(r"\b[a-z]{5,}\b", text))
    return words


def test_no_ordinary_word_is_a_place(core_services) -> None:
    registry = core_services.registry
    names = set(registry.name_index())
    words = {w for w in _words() if normalize(w) not in names}
    assert len(words) > 1000  # the texts were found
    alarms = []
    for word in sorted(words):
        for text in (f"en {word}?", f"neet {word}"):
            alarms += [(text, m.text) for m in find_places(registry, text).mentions
                       if word in m.text.lower()]
    assert alarms == []
