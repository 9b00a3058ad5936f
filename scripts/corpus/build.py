"""Write the seed of the understanding corpus, or merge lines written elsewhere into it.

    python -m scripts.corpus.build seed OUT.jsonl      # expand the templates (deterministic)
    python -m scripts.corpus.build merge TRAIN.jsonl OTHER.jsonl   # add new lines, dedupe

``train.jsonl`` is the source once seeded: ``merge`` appends the lines of another file whose
(text, context, region, scan_active) is not in it yet, and gives them fresh ids.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path
from typing import Any

from scripts.corpus import engine
from scripts.corpus.extra import extra_templates
from scripts.corpus.extra2 import extra2_templates
from scripts.corpus.figure_more import ENGLISH, FOLLOWUPS
from scripts.corpus.figure_nl import COMPARE, SERIES, VALUE
from scripts.corpus.other import more_templates, other_templates


def seed_lines(seed: int = 11) -> list[dict[str, Any]]:
    places = engine.Places.load()
    engine.set_common(places.common)
    expander = engine.Expander(places, seed)
    rng = random.Random(seed + 1)
    lines: list[dict[str, Any]] = []
    figure = VALUE + COMPARE + SERIES
    for template in figure:
        template.n = max(template.n, 3)
    for template in ENGLISH + FOLLOWUPS:
        template.n = max(template.n, 2)
    for template in (figure + ENGLISH + FOLLOWUPS + other_templates() + more_templates()
                     + extra_templates() + extra2_templates()):
        for line in expander.expand(template):
            protected = _names_in(line["text"], places)
            if line["intent"] not in ("round_join", "scan_answer"):
                line = engine.vary(line, rng, protected)
            lines.append(line)
    return dedupe(lines)


def _names_in(text: str, places: engine.Places) -> list[str]:
    return [g.name for g in places.gemeenten if g.name in text] + (
        ["Den Bosch"] if "Den Bosch" in text else []) + (
        ["Den Haag"] if "Den Haag" in text else [])


def key_of(line: dict[str, Any]) -> tuple:
    return (line["text"].strip().lower(), tuple(line.get("context") or ()),
            line.get("region"), bool(line.get("scan_active")))


def dedupe(lines: list[dict[str, Any]], prefix: str = "t") -> list[dict[str, Any]]:
    seen: set[tuple] = set()
    out = []
    for line in lines:
        key = key_of(line)
        if key in seen:
            continue
        seen.add(key)
        out.append({**line, "id": f"{prefix}{len(out) + 1:04d}"})
    return out


def write(path: Path, lines: list[dict[str, Any]]) -> None:
    path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines),
                    encoding="utf-8")


def read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def merge(train: Path, other: Path) -> int:
    """Append the lines of ``other`` that ``train`` does not have yet; returns how many."""
    have = read(train)
    seen = {key_of(line) for line in have}
    new = [line for line in read(other) if key_of(line) not in seen]
    start = len(have)
    for i, line in enumerate(dedupe(new)):
        line["id"] = f"t{start + i + 1:04d}"
        have.append(line)
    write(train, have)
    return len(have) - start


def main(argv: list[str]) -> int:
    if argv[:1] == ["seed"] and len(argv) == 2:
        lines = seed_lines()
        write(Path(argv[1]), lines)
        print(f"{len(lines)} lines written to {argv[1]}")
        return 0
    if argv[:1] == ["merge"] and len(argv) == 3:
        added = merge(Path(argv[1]), Path(argv[2]))
        print(f"{added} new lines merged into {argv[1]}")
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
