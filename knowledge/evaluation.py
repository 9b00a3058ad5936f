"""Retrieval evaluation: recall@3, MRR and latency for BM25, dense and hybrid side by side.

Why: the threshold and the fusion are only trustworthy when measured. A question counts as found
when any of its expected phrases (``expect.passage_contains``) occurs, case-insensitively, in the
text of one of the first three passages. Questions marked ``expect.no_passages`` (out of scope)
count as correct when the search returns nothing; that measures the "niet gevonden" gate.
"""

from __future__ import annotations

import json
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from knowledge.retrieval import METHODS

DEPTH = 10  # passages looked at for MRR


@dataclass(frozen=True)
class Question:
    qid: str
    text: str
    phrases: tuple[str, ...]  # empty for an out-of-scope question

    @property
    def out_of_scope(self) -> bool:
        return not self.phrases


@dataclass
class MethodResult:
    method: str
    recall_at_3: float = 0.0
    mrr: float = 0.0
    median_ms: float = 0.0
    p95_ms: float = 0.0
    rejected_out_of_scope: float | None = None  # share of out-of-scope questions answered []
    missed: list[str] = field(default_factory=list)
    false_hits: list[str] = field(default_factory=list)


def default_questions_file() -> Path:
    """../shared/eval/dev_questions.jsonl next to the repository checkout."""
    return Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev_questions.jsonl"


def load_questions(path: Path) -> list[Question]:
    """Questions with ``expect.passage_contains``, or that must find nothing (``no_passages``, or
    ``out_of_scope`` as first expected intent), from a JSONL file."""
    questions: list[Question] = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"Regel {number} van {path} is geen geldige JSON.") from exc
        expect = item.get("expect") or {}
        phrases = tuple(expect.get("passage_contains") or ())
        intents = expect.get("intent") or []
        # A question whose main expected intent is out_of_scope must find nothing either.
        no_passages = expect.get("no_passages") or (intents[:1] == ["out_of_scope"])
        if phrases or no_passages:
            questions.append(Question(str(item.get("id", number)), item["question"], phrases))
    return questions


def _found_at(texts: list[str], phrases: tuple[str, ...]) -> int | None:
    lowered = [p.lower() for p in phrases]
    for rank, text in enumerate(texts, start=1):
        body = text.lower()
        if any(p in body for p in lowered):
            return rank
    return None


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))
    return ordered[index]


def evaluate(kb: Any, questions: list[Question], methods: tuple[str, ...] = METHODS) -> list[
    MethodResult
]:
    """Run every question with every method; the index is built first so timing is fair."""
    kb.ensure_index()
    kb.search("warm-up", k=1)  # loads models and state once, outside the timings
    results: list[MethodResult] = []
    for method in methods:
        result = MethodResult(method)
        latencies: list[float] = []
        recall_hits = reciprocal = 0.0
        in_scope = [q for q in questions if not q.out_of_scope]
        out_scope = [q for q in questions if q.out_of_scope]
        rejected = 0
        for question in questions:
            start = time.perf_counter()
            hits = kb.search(question.text, k=DEPTH, method=method)
            latencies.append((time.perf_counter() - start) * 1000)
            if question.out_of_scope:
                if hits:
                    result.false_hits.append(question.qid)
                else:
                    rejected += 1
                continue
            rank = _found_at([h.text for h in hits], question.phrases)
            if rank is not None and rank <= 3:
                recall_hits += 1
            else:
                result.missed.append(question.qid)
            if rank is not None:
                reciprocal += 1 / rank
        result.recall_at_3 = recall_hits / len(in_scope) if in_scope else 0.0
        result.mrr = reciprocal / len(in_scope) if in_scope else 0.0
        result.median_ms = statistics.median(latencies) if latencies else 0.0
        result.p95_ms = _percentile(latencies, 0.95)
        if out_scope:
            result.rejected_out_of_scope = rejected / len(out_scope)
        results.append(result)
    return results


def format_table(results: list[MethodResult], n_questions: int) -> str:
    """A plain-text table (Dutch labels) for the terminal and for reports."""
    header = f"{'methode':<8} {'recall@3':>9} {'MRR':>6} {'mediaan ms':>11} {'p95 ms':>8} " \
        f"{'buiten scope afgewezen':>23}"
    lines = [f"Retrieval-evaluatie op {n_questions} vragen", header, "-" * len(header)]
    for r in results:
        rejected = "-" if r.rejected_out_of_scope is None else f"{r.rejected_out_of_scope:.0%}"
        lines.append(
            f"{r.method:<8} {r.recall_at_3:>9.2f} {r.mrr:>6.2f} {r.median_ms:>11.1f} "
            f"{r.p95_ms:>8.1f} {rejected:>23}"
        )
    for r in results:
        if r.missed:
            lines.append(f"{r.method}: niet in top 3: {', '.join(r.missed)}")
        if r.false_hits:
            lines.append(f"{r.method}: ten onrechte een passage bij: {', '.join(r.false_hits)}")
    return "\n".join(lines)
