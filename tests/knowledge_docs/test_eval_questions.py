"""The retrieval evaluation questions for the sections added by issue 13 are well formed.

Why: the knowledge-answers work (issue 12) measures retrieval on labelled questions; questions for
new sections only count if every label points at a heading that exists, and each new section has
enough varied phrasings (at least three, some in English) to measure it.
"""

from __future__ import annotations

import json
from collections import Counter

from tests.knowledge_docs.docs import EVAL_PARTS, doc_names, sections

NEW_DOCS = ("passend-onderwijs.md", "jeugdhulp-en-zorg.md")
NEW_ELSEWHERE = [
    ("bronnenoverzicht.md",
     "Wat tellen de verzuimcijfers van DUO precies, en hoe gebruik je ze in het OOGO?"),
    ("monitor-aoj.md", "Wat kost het gebruik van de Monitor AOJ en wat heb je zelf nodig?"),
    ("monitor-aoj.md", "Wie is het aanspreekpunt voor de Monitor AOJ?"),
    ("over-de-assistent.md",
     "Over welke onderwerpen kan de assistent vragen beantwoorden, en waarover niet?"),
]


def _rows() -> list[dict]:
    lines = [line for path in EVAL_PARTS for line in path.read_text(encoding="utf-8").splitlines()]
    return [row for row in (json.loads(line) for line in lines if line.strip())
            if str(row["id"]).startswith("kn")]


def _new_sections() -> list[tuple[str, str]]:
    return [(d, s.heading) for d in NEW_DOCS for s in sections(d)] + NEW_ELSEWHERE


def test_rows_are_well_formed() -> None:
    rows = _rows()
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids))
    for r in rows:
        assert set(r) == {"id", "question", "lang", "answers"}, r
        assert r["lang"] in ("nl", "en") and r["question"].strip().endswith("?"), r
        assert r["answers"] and all(set(a) == {"doc", "heading"} for a in r["answers"]), r
    assert len({r["question"].lower() for r in rows}) == len(rows), "a question is listed twice"


def test_every_label_points_at_an_existing_heading() -> None:
    heads = {(d, s.heading) for d in doc_names() for s in sections(d)}
    for r in _rows():
        for a in r["answers"]:
            assert (a["doc"], a["heading"]) in heads, f"{r['id']}: no such heading {a}"


def test_each_new_section_has_at_least_three_questions() -> None:
    counts = Counter((r["answers"][0]["doc"], r["answers"][0]["heading"]) for r in _rows())
    short = {k: counts[k] for k in _new_sections() if counts[k] < 3}
    assert not short, f"new sections with fewer than three questions: {short}"
    english = sum(r["lang"] == "en" for r in _rows())
    assert english >= len(_new_sections()) // 2
