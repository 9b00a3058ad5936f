"""Every Dutch text a user reads uses the "je" form (house style), never "u"/"uw"."""

from __future__ import annotations

import re
from pathlib import Path

PROMPTS = Path(__file__).resolve().parent.parent / "prompts"
U_FORM = re.compile(r"(?<![\w{'-])(u|uw|U|Uw)(?![\w}'-])")


def dutch_texts() -> list[Path]:
    return sorted(p for p in PROMPTS.glob("*/nl/*") if p.suffix in {".txt", ".yaml"})


def test_there_are_dutch_texts_to_check() -> None:
    assert len(dutch_texts()) > 100


def test_no_dutch_text_uses_the_u_form() -> None:
    offenders = [f"{p.relative_to(PROMPTS)}: {line.strip()}"
                 for p in dutch_texts()
                 for line in p.read_text(encoding="utf-8").splitlines()
                 if U_FORM.search(line)]
    assert offenders == []
