"""Defects found by attacking several figures in one question, figures held elsewhere and their
follow-ups (tests/core/attack9_questions.jsonl, written before the fixes)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REST_OF_SWV = "ligt hoger dan de rest van het samenwerkingsverband"


def test_every_figure_of_a_combined_answer_keeps_its_test_line(ask) -> None:
    """Two figures whose test sentences read the same each keep theirs: jeugdzorg and NEET of
    Zwolle are both significantly higher than the rest of the partnership (the combined answer
    used to drop every line a figure before it had shown, so NEET lost its conclusion)."""
    reply = ask("Vergelijk jeugdzorg en NEET in Zwolle met het samenwerkingsverband")
    text = reply.full_text()
    assert {f.indicator for f in reply.facts} == {"jeugdzorg", "neet"}
    assert text.count(REST_OF_SWV) == sum(
        1 for t in reply.debug["tests"] if t.get("significant") and t.get("relevant"))
    assert text.count(REST_OF_SWV) == 2


def test_a_note_about_the_question_stands_once(ask) -> None:
    reply = ask("zet het op een kaart", conv="a9-map")
    ask("jeugdzorg en NEET in Zwolle", conv="a9-map2")
    reply = ask("zet het op een kaart", conv="a9-map2")
    assert reply.full_text().count("Een kaart kan ik niet maken") == 1
    assert {f.indicator for f in reply.facts} == {"jeugdzorg", "neet"}


def test_attack9_set() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    from score_eval import score_file

    share, failures = score_file(ROOT / "tests" / "core" / "attack9_questions.jsonl")
    assert share >= 24 / 30, failures
